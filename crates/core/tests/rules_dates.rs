//! Date rules: ends not before starts (session, item, plan, activity), agreement dates in
//! order (in force ≥ signed, ended ≥ in force or signed) and the dates each status needs.

mod common;

use common::*;
use taawun_core::rules::{self, Rule, Rule::*};
use taawun_core::{ActionPlan, Activity, Lifecycle};

#[test]
fn session_end_not_before_start() {
    run(
        "session dates",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            (
                "one-day session",
                |c| c.session.end_on = c.session.start_on,
                vec![],
            ),
            (
                "end a day before start",
                |c| c.session.end_on = day(2024, 5, 12),
                vec![("end_on", EndBeforeStart)],
            ),
            (
                "end a year before start",
                |c| c.session.end_on = day(2023, 5, 15),
                vec![("end_on", EndBeforeStart)],
            ),
            (
                "start moved after end",
                |c| c.session.start_on = day(2024, 5, 16),
                vec![("end_on", EndBeforeStart)],
            ),
        ],
    );
}

#[test]
fn item_due_not_before_start() {
    run(
        "item dates",
        &ItemCtx::valid(),
        ItemCtx::check,
        &[
            (
                "due on start day",
                |c| c.item.due_on = c.item.start_on,
                vec![],
            ),
            ("no start", |c| c.item.start_on = None, vec![]),
            ("no due date", |c| c.item.due_on = None, vec![]),
            (
                "due before start",
                |c| c.item.due_on = Some(day(2024, 1, 31)),
                vec![("due_on", DueBeforeStart)],
            ),
        ],
    );
}

#[test]
fn plan_end_not_before_start() {
    run(
        "plan dates",
        &plan(),
        rules::check_plan,
        &[
            (
                "ends on start day",
                |p: &mut ActionPlan| p.end_on = p.start_on,
                vec![],
            ),
            ("open-ended", |p| p.end_on = None, vec![]),
            ("no start", |p| p.start_on = None, vec![]),
            (
                "end before start",
                |p| p.end_on = Some(day(2023, 12, 31)),
                vec![("end_on", EndBeforeStart)],
            ),
        ],
    );
}

#[test]
fn activity_end_not_before_start() {
    run(
        "activity dates",
        &activity(),
        rules::check_activity,
        &[
            (
                "one-day activity",
                |a: &mut Activity| a.end_on = a.start_on,
                vec![],
            ),
            (
                "end before start",
                |a| a.end_on = day(2024, 9, 1),
                vec![("end_on", EndBeforeStart)],
            ),
        ],
    );
}

#[test]
fn agreement_dates_in_order() {
    const SIGNED: Rule = DateBefore { other: "signed_on" };
    const IN_FORCE: Rule = DateBefore {
        other: "in_force_on",
    };
    run(
        "agreement dates",
        &AgreementCtx {
            previous: None,
            ..AgreementCtx::valid()
        },
        AgreementCtx::check,
        &[
            (
                "in force on signature day",
                |c| c.agreement.in_force_on = c.agreement.signed_on,
                vec![],
            ),
            (
                "in force before signature",
                |c| c.agreement.in_force_on = Some(day(2023, 1, 9)),
                vec![("in_force_on", SIGNED)],
            ),
            (
                "ended on entry into force",
                |c| {
                    c.agreement.status = Lifecycle::Expired;
                    c.agreement.ended_on = c.agreement.in_force_on;
                },
                vec![],
            ),
            (
                "ended before entry into force",
                |c| {
                    c.agreement.status = Lifecycle::Expired;
                    c.agreement.ended_on = Some(day(2023, 2, 28));
                },
                vec![("ended_on", IN_FORCE)],
            ),
            (
                "terminated before entry into force, after signature",
                |c| {
                    c.agreement.status = Lifecycle::Terminated;
                    c.agreement.ended_on = Some(day(2023, 2, 1));
                },
                vec![("ended_on", IN_FORCE)],
            ),
            (
                "never in force, terminated on signature day",
                |c| {
                    c.agreement.status = Lifecycle::Terminated;
                    c.agreement.in_force_on = None;
                    c.agreement.ended_on = c.agreement.signed_on;
                },
                vec![],
            ),
            (
                "never in force, terminated before signature",
                |c| {
                    c.agreement.status = Lifecycle::Terminated;
                    c.agreement.in_force_on = None;
                    c.agreement.ended_on = Some(day(2022, 12, 31));
                },
                vec![("ended_on", SIGNED)],
            ),
            (
                "all three dates reversed",
                |c| {
                    c.agreement.status = Lifecycle::Superseded;
                    c.agreement.in_force_on = Some(day(2022, 6, 1));
                    c.agreement.ended_on = Some(day(2022, 1, 1));
                },
                vec![("in_force_on", SIGNED), ("ended_on", IN_FORCE)],
            ),
        ],
    );
}

/// Which dates an agreement needs in each status, checked with no date set at all and with
/// every date set.
#[test]
fn agreement_dates_required_by_status() {
    use Lifecycle::*;
    let needs: [(Lifecycle, &[&str]); 6] = [
        (Draft, &[]),
        (Signed, &["signed_on"]),
        (InForce, &["signed_on", "in_force_on"]),
        (Expired, &["signed_on", "in_force_on", "ended_on"]),
        (Terminated, &["signed_on", "ended_on"]),
        (Superseded, &["signed_on", "ended_on"]),
    ];
    assert_eq!(needs.len(), Lifecycle::ALL.len(), "every status has a row");
    for (status, fields) in needs {
        let mut bare = agreement();
        bare.status = status;
        (bare.signed_on, bare.in_force_on, bare.ended_on) = (None, None, None);
        let mut want: Vec<(String, Rule)> = fields
            .iter()
            .map(|f| (f.to_string(), DateMissing))
            .collect();
        want.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found(rules::check_agreement(&bare, None)),
            want,
            "{status:?} with no dates"
        );

        let mut full = agreement();
        full.status = status;
        full.ended_on = Some(day(2025, 1, 1));
        assert_eq!(
            found(rules::check_agreement(&full, None)),
            vec![],
            "{status:?} with every date"
        );
    }
}
