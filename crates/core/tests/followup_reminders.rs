//! Reminders on a fixed day (1 December 2026, the demo's), window 14 days: which item and
//! agreement dates call for attention, and whose, by role and party. Worked out by hand.

mod common;

use chrono::NaiveDate;
use common::*;
use taawun_core::followup::*;
use taawun_core::*;

const MA: Id = Id::from_u128(0x3A);
const ML: Id = Id::from_u128(0x3B);
const C1: Id = Id::from_u128(0xC1);
const C2: Id = Id::from_u128(0xC2);

fn today() -> NaiveDate {
    day(2026, 12, 1)
}

/// Item `n` of commission `c`, led by `parties`, due `due`, with joint `status`.
fn facts(n: u128, c: Id, parties: &[Id], due: Option<NaiveDate>, status: ItemStatus) -> ItemFacts {
    ItemFacts {
        id: Id::from_u128(n),
        plan_id: Id::from_u128(0x9),
        commission_id: c,
        agreement_id: None,
        area_id: Id::from_u128(0xA),
        start_on: None,
        due_on: due,
        status,
        percent: 0,
        sides: parties
            .iter()
            .map(|p| SideState {
                party_id: *p,
                organisation_id: Id::from_u128(0x0),
                status,
                percent: 0,
                last_report: None,
            })
            .collect(),
        protection: Protection::default(),
    }
}

fn who(role: Role, party: Id, commissions: &[Id]) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role,
        party_id: Some(party),
        clearance: Marking::Secret,
        commissions: commissions.to_vec(),
    }
}

fn items() -> Vec<ItemFacts> {
    use ItemStatus::*;
    vec![
        // due today and at the window's last day: due soon; one day later: nothing yet
        facts(1, C1, &[MA, ML], Some(day(2026, 12, 1)), InProgress),
        facts(2, C1, &[MA, ML], Some(day(2026, 12, 15)), Planned),
        facts(3, C1, &[MA, ML], Some(day(2026, 12, 16)), Planned),
        // yesterday: overdue; long ago too
        facts(4, C1, &[MA, ML], Some(day(2026, 11, 30)), OnHold),
        facts(5, C2, &[ML], Some(day(2025, 9, 30)), InProgress),
        // done, cancelled or undated: never
        facts(6, C1, &[MA, ML], Some(day(2026, 11, 1)), Done),
        facts(7, C1, &[MA, ML], Some(day(2026, 11, 1)), Cancelled),
        facts(8, C1, &[MA, ML], None, Planned),
    ]
}

fn got(r: &[Reminder]) -> Vec<(ReminderKind, u128)> {
    r.iter().map(|r| (r.kind, r.record_id.as_u128())).collect()
}

#[test]
fn items_due_soon_and_overdue_by_role_and_party() {
    use ReminderKind::*;
    let all = vec![
        (ItemDueSoon, 1),
        (ItemDueSoon, 2),
        (ItemOverdue, 4),
        (ItemOverdue, 5),
    ];
    let admin = who(Role::Administrator, MA, &[]);
    assert_eq!(got(&item_reminders(&admin, &items(), today(), 14)), all);
    // The secretariat of C1 only hears about C1's items.
    let sec = who(Role::Secretariat, MA, &[C1]);
    let c1: Vec<_> = all.iter().copied().filter(|(_, n)| *n != 5).collect();
    assert_eq!(got(&item_reminders(&sec, &items(), today(), 14)), c1);
    // Party editors hear about what their party leads, in any commission.
    let ma = who(Role::PartyEditor, MA, &[]);
    assert_eq!(got(&item_reminders(&ma, &items(), today(), 14)), c1);
    let ml = who(Role::PartyEditor, ML, &[]);
    assert_eq!(got(&item_reminders(&ml, &items(), today(), 14)), all);
    // Readers and auditors get none.
    for role in [Role::Reader, Role::Auditor] {
        assert!(item_reminders(&who(role, MA, &[C1]), &items(), today(), 14).is_empty());
    }
    // The date recorded is the due date, so the next day's pass finds the same reminder.
    let r = item_reminders(&admin, &items(), today(), 14);
    assert_eq!(r[0].on, day(2026, 12, 1));
    assert_eq!(r[3].on, day(2025, 9, 30));
    let next_day = item_reminders(&admin, &items(), day(2026, 12, 2), 14);
    assert!(next_day.iter().any(|x| *x == r[3]));
}

#[test]
fn agreement_dates_within_the_window() {
    use ReminderKind::*;
    // In force 10 Dec 2025 for 12 months with 1 month's notice: expires 10 Dec 2026 (in
    // the window), notice date 10 Nov 2026 (past: no reminder).
    let mut a = agreement();
    a.commission_id = Some(C1);
    a.status = Lifecycle::InForce;
    a.in_force_on = Some(day(2025, 12, 10));
    a.duration_months = Some(12);
    a.notice_months = Some(1);
    // Enters into force within the window.
    let mut b = agreement();
    b.id = new_id();
    b.commission_id = Some(C2);
    b.status = Lifecycle::Signed;
    b.in_force_on = Some(day(2026, 12, 5));
    // Ended: nothing, whatever its dates.
    let mut ended = a.clone();
    ended.id = new_id();
    ended.status = Lifecycle::Terminated;
    let list = vec![a.clone(), b.clone(), ended];

    let admin = who(Role::Administrator, MA, &[]);
    let mut want = vec![
        (AgreementEntersIntoForce, b.id.as_u128()),
        (AgreementExpires, a.id.as_u128()),
    ];
    want.sort();
    let mut have = got(&agreement_reminders(&admin, &list, today(), 14));
    have.sort();
    assert_eq!(have, want);
    let sec = who(Role::Secretariat, MA, &[C1]);
    assert_eq!(
        got(&agreement_reminders(&sec, &list, today(), 14)),
        vec![(AgreementExpires, a.id.as_u128())]
    );
    // A later term, 40 days ahead: expiry on 10 Jan 2027 (the window's last day) and the
    // notice date a month before.
    a.in_force_on = Some(day(2026, 1, 10));
    let r = agreement_reminders(&sec, &[a], today(), 40);
    assert_eq!(
        got(&r).into_iter().map(|(k, _)| k).collect::<Vec<_>>(),
        vec![AgreementExpires, AgreementNoticeDate]
    );
    assert_eq!((r[0].on, r[1].on), (day(2027, 1, 10), day(2026, 12, 10)));
    for role in [Role::PartyEditor, Role::Reader, Role::Auditor] {
        assert!(agreement_reminders(&who(role, MA, &[C1]), &list, today(), 14).is_empty());
    }
}

#[test]
fn email_addresses_are_checked_lightly() {
    use taawun_core::rules::email_ok;
    for ok in [
        "a@b.ma",
        "secretariat.cmm@defense.gov.ml",
        "x+y@sub.example.org",
    ] {
        assert!(email_ok(ok), "{ok}");
    }
    for bad in [
        "", "a", "a@b", "@b.ma", "a@.ma", "a@b.", "a b@c.ma", "a@b@c.ma",
    ] {
        assert!(!email_ok(bad), "{bad}");
    }
}
