//! Mirror ownership: each side's state comes from its own latest report, and the joint
//! status follows the written rule of `followup::joint_status`, checked case by case.

mod common;

use ItemStatus::*;
use common::*;
use taawun_core::followup::*;
use taawun_core::*;

fn side(party: Id, status: ItemStatus, percent: u8) -> SideState {
    SideState {
        party_id: party,
        organisation_id: party,
        status,
        percent,
        last_report: None,
    }
}

/// A report by `party` on `on` (day of June 2024), with a distinct id per `n`.
fn report(n: u128, party: Id, on: u32, status: ItemStatus, percent: u8) -> ProgressUpdate {
    ProgressUpdate {
        id: Id::from_u128(0x9000 + n),
        reported_on: day(2024, 6, on),
        party_id: party,
        status,
        percent,
        ..progress()
    }
}

#[test]
fn joint_status_case_by_case() {
    // (side A, side B) → joint, with the rule that decides it.
    let cases = [
        ((Planned, Planned), Planned, "6: every side planned"),
        ((Done, Done), Done, "2: every side done"),
        ((InProgress, Planned), InProgress, "3: someone works"),
        ((InProgress, Done), InProgress, "3: one side still working"),
        (
            (InProgress, OnHold),
            InProgress,
            "3: someone works beats on hold",
        ),
        ((InProgress, InProgress), InProgress, "3"),
        ((OnHold, Planned), OnHold, "4: blocked, nobody working"),
        (
            (OnHold, Done),
            OnHold,
            "4: blocked although the other side finished",
        ),
        ((OnHold, OnHold), OnHold, "4"),
        ((Done, Planned), InProgress, "5: partly done"),
        (
            (Planned, Done),
            InProgress,
            "5: order of sides does not matter",
        ),
        (
            (Cancelled, Planned),
            OnHold,
            "a side's cancelled report counts as on hold",
        ),
        ((Cancelled, InProgress), InProgress, "3"),
    ];
    let mut failures = vec![];
    for ((a, b), want, why) in cases {
        let got = joint_status(&[side(PARTY_A, a, 0), side(PARTY_B, b, 0)]);
        if got != want {
            failures.push(format!("{a:?} + {b:?}: want {want:?} ({why}), got {got:?}"));
        }
    }
    assert_eq!(joint_status(&[]), Planned, "1: no side");
    assert_eq!(joint_status(&[side(PARTY_A, Done, 100)]), Done, "one side");
    let three = [
        side(PARTY_A, Done, 100),
        side(PARTY_B, Done, 100),
        side(PARTY_OUT, Planned, 0),
    ];
    assert_eq!(joint_status(&three), InProgress, "5 with three sides");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn joint_percent_is_the_rounded_mean_of_sides() {
    let p = |a: u8, b: u8| joint_percent(&[side(PARTY_A, Planned, a), side(PARTY_B, Planned, b)]);
    assert_eq!(p(0, 0), 0);
    assert_eq!(p(100, 0), 50);
    assert_eq!(p(33, 34), 34, "33.5 rounds half up");
    assert_eq!(p(33, 33), 33);
    assert_eq!(p(100, 100), 100);
    assert_eq!(p(1, 0), 1, "0.5 rounds up");
    assert_eq!(joint_percent(&[]), 0);
    let three = [
        side(PARTY_A, Planned, 10),
        side(PARTY_B, Planned, 20),
        side(PARTY_OUT, Planned, 20),
    ];
    assert_eq!(joint_percent(&three), 17, "50 / 3 = 16.67");
}

#[test]
fn each_side_is_its_own_latest_report() {
    let it = item();
    let updates = vec![
        report(1, PARTY_A, 1, InProgress, 20),
        report(2, PARTY_A, 20, InProgress, 60),
        report(3, PARTY_A, 10, OnHold, 30),
        report(4, PARTY_B, 5, InProgress, 90),
        report(5, PARTY_B, 5, InProgress, 40),
    ];
    let sides = side_states(&it, &updates);
    assert_eq!(
        sides,
        vec![
            SideState {
                party_id: PARTY_A,
                organisation_id: ORG_A,
                status: InProgress,
                percent: 60,
                last_report: Some(day(2024, 6, 20)),
            },
            SideState {
                party_id: PARTY_B,
                organisation_id: ORG_B,
                status: InProgress,
                // Same day: the later report (higher UUIDv7) wins, not the larger percent.
                percent: 40,
                last_report: Some(day(2024, 6, 5)),
            },
        ]
    );
    assert_eq!(joint_percent(&sides), 50);
}

#[test]
fn sides_without_reports_are_planned_and_done_counts_in_full() {
    let it = item();
    let sides = side_states(&it, &[report(1, PARTY_B, 3, Done, 80)]);
    assert_eq!(
        sides
            .iter()
            .map(|s| (s.status, s.percent))
            .collect::<Vec<_>>(),
        vec![(Planned, 0), (Done, 100)]
    );
    assert_eq!(sides[0].last_report, None);
    assert_eq!(joint_status(&sides), InProgress);
    let mut over = report(2, PARTY_A, 3, InProgress, 250);
    over.item_id = ITEM;
    assert_eq!(side_states(&it, &[over])[0].percent, 100, "capped at 100");
}

#[test]
fn reports_that_do_not_roll_up_are_ignored() {
    let it = item();
    let other_item = ProgressUpdate {
        item_id: Id::from_u128(0x999),
        ..report(1, PARTY_A, 9, Done, 100)
    };
    let outsider = report(2, PARTY_OUT, 9, Done, 100);
    let secret = ProgressUpdate {
        protection: Protection {
            marking: Marking::Secret,
            ..Default::default()
        },
        ..report(3, PARTY_B, 9, Done, 100)
    };
    let sides = side_states(&it, &[other_item, outsider, secret.clone()]);
    assert!(sides.iter().all(|s| s.status == Planned && s.percent == 0));

    // The same report counts once the item is marked as high.
    let mut marked = it.clone();
    marked.protection.marking = Marking::Secret;
    assert!(rolls_up(&marked, &secret));
    assert_eq!(side_states(&marked, &[secret])[1].status, Done);
}

#[test]
fn a_cancelled_item_stays_cancelled_whatever_the_sides_say() {
    let mut it = item();
    let sides = [side(PARTY_A, Done, 100), side(PARTY_B, Done, 100)];
    assert_eq!(item_status(&it, &sides), Done);
    it.status = Cancelled;
    assert_eq!(item_status(&it, &sides), Cancelled);
    it.status = Done;
    assert_eq!(
        item_status(&it, &[]),
        Planned,
        "done is derived, never typed"
    );
}

#[test]
fn within_means_everyone_who_sees_the_outer_sees_the_inner() {
    let origin =
        |p: Option<Id>| [Releasability::AllParties, Releasability::OriginatorOnly].map(|r| (r, p));
    let mut protections = vec![];
    for marking in Marking::ALL {
        for (releasability, originator) in origin(Some(PARTY_A))
            .into_iter()
            .chain(origin(Some(PARTY_B)))
            .chain(origin(None))
        {
            protections.push(Protection {
                marking,
                releasability,
                originator,
            });
        }
    }
    let mut readers = vec![];
    for clearance in Marking::ALL {
        for party in [Some(PARTY_A), Some(PARTY_B), None] {
            readers.push(Principal {
                party_id: party,
                clearance,
                ..Principal::visitor()
            });
        }
    }
    // A report and its item sit in the same commission: the same parties.
    let here = Some(&[PARTY_A, PARTY_B][..]);
    for inner in &protections {
        for outer in &protections {
            // `within` must be exactly "no reader sees the outer without the inner".
            let implied = readers
                .iter()
                .all(|r| !r.may_see(outer, here) || r.may_see(inner, here));
            let nobody_sees_outer = readers.iter().all(|r| !r.may_see(outer, here));
            if nobody_sees_outer {
                continue;
            }
            assert_eq!(inner.within(outer), implied, "{inner:?} within {outer:?}");
        }
    }
}
