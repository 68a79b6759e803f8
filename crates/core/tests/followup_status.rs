//! The status rules: the linear schedule, overdue, at risk behind schedule or silent, on
//! their boundaries (due today, the margin exactly, no dates, cancelled and done items).

mod common;

use ItemStatus::*;
use chrono::NaiveDate;
use common::*;
use taawun_core::followup::*;
use taawun_core::*;

type Schedule = (Option<NaiveDate>, Option<NaiveDate>, NaiveDate, Option<u8>);

#[test]
fn expected_percent_follows_a_straight_line() {
    // 1 Jan → 11 Jan 2025 is ten days: each day is 10 %.
    let (s, d) = (Some(day(2025, 1, 1)), Some(day(2025, 1, 11)));
    // (start, due, today) → expected
    let cases: [Schedule; 10] = [
        (s, d, day(2024, 12, 1), Some(0)),
        (s, d, day(2025, 1, 1), Some(0)),
        (s, d, day(2025, 1, 2), Some(10)),
        (s, d, day(2025, 1, 6), Some(50)),
        (s, d, day(2025, 1, 11), Some(100)),
        (s, d, day(2026, 1, 1), Some(100)),
        (None, d, day(2025, 1, 6), None),
        (s, None, day(2025, 1, 6), None),
        // Same start and due: nothing before, everything from then on.
        (s, s, day(2025, 1, 1), Some(100)),
        // Three days: 1 of 3 is 33.3 → 33; 2 of 3 is 66.7 → 67.
        (s, Some(day(2025, 1, 4)), day(2025, 1, 3), Some(67)),
    ];
    for (start, due, today, want) in cases {
        assert_eq!(
            expected_percent(start, due, today),
            want,
            "{start:?} {due:?} {today}"
        );
    }
}

/// Sides of an item, both at `percent`, the latest report on `last`.
fn sides(status: ItemStatus, percent: u8, last: Option<NaiveDate>) -> Vec<SideState> {
    [(PARTY_A, ORG_A), (PARTY_B, ORG_B)]
        .map(|(party_id, organisation_id)| SideState {
            party_id,
            organisation_id,
            status,
            percent,
            last_report: last,
        })
        .to_vec()
}

/// An item from 1 Jan to 11 Apr 2025 (100 days, 1 % a day).
fn dated(status: ItemStatus) -> ActionItem {
    ActionItem {
        start_on: Some(day(2025, 1, 1)),
        due_on: Some(day(2025, 4, 11)),
        status,
        cancel_reason: if status == Cancelled {
            text("", "Sans objet", "")
        } else {
            blank()
        },
        ..item()
    }
}

struct Case {
    name: &'static str,
    item: ActionItem,
    sides: Vec<SideState>,
    today: NaiveDate,
    want: Assessment,
}

fn want(
    joint: ItemStatus,
    percent: u8,
    overdue: bool,
    at_risk: Option<Risk>,
    expected: Option<u8>,
) -> Assessment {
    Assessment {
        joint,
        percent,
        overdue,
        at_risk,
        expected,
    }
}

#[test]
fn assess_case_by_case() {
    let rules = FollowupRules::default();
    let recent = Some(day(2025, 2, 1));
    let behind = |e, a| {
        Some(Risk::BehindSchedule {
            expected: e,
            actual: a,
        })
    };
    let cases = vec![
        Case {
            name: "on schedule",
            item: dated(InProgress),
            sides: sides(InProgress, 40, recent),
            today: day(2025, 2, 20), // day 50: 50 % expected, 40 % is within 15
            want: want(InProgress, 40, false, None, Some(50)),
        },
        Case {
            name: "behind by the margin exactly is not at risk",
            item: dated(InProgress),
            sides: sides(InProgress, 35, recent),
            today: day(2025, 2, 20),
            want: want(InProgress, 35, false, None, Some(50)),
        },
        Case {
            name: "behind by one point more than the margin",
            item: dated(InProgress),
            sides: sides(InProgress, 34, recent),
            today: day(2025, 2, 20),
            want: want(InProgress, 34, false, behind(50, 34), Some(50)),
        },
        Case {
            name: "due today is not overdue, but behind",
            item: dated(InProgress),
            sides: sides(InProgress, 80, Some(day(2025, 4, 1))),
            today: day(2025, 4, 11),
            want: want(InProgress, 80, false, behind(100, 80), Some(100)),
        },
        Case {
            name: "the day after the due date is overdue",
            item: dated(InProgress),
            sides: sides(InProgress, 90, Some(day(2025, 4, 1))),
            today: day(2025, 4, 12),
            want: want(InProgress, 90, true, None, Some(100)),
        },
        Case {
            name: "done late is neither overdue nor at risk",
            item: dated(InProgress),
            sides: sides(Done, 100, Some(day(2025, 1, 2))),
            today: day(2025, 9, 1),
            want: want(Done, 100, false, None, Some(100)),
        },
        Case {
            name: "cancelled is neither overdue nor at risk",
            item: dated(Cancelled),
            sides: sides(InProgress, 10, Some(day(2025, 1, 2))),
            today: day(2025, 9, 1),
            want: want(Cancelled, 10, false, None, Some(100)),
        },
        Case {
            name: "no dates: nothing expected, never overdue",
            item: ActionItem {
                start_on: None,
                due_on: None,
                ..dated(InProgress)
            },
            sides: sides(InProgress, 0, Some(day(2025, 1, 2))),
            today: day(2025, 3, 1), // 58 days since the report: not yet silent
            want: want(InProgress, 0, false, None, None),
        },
        Case {
            name: "silent for 91 days",
            item: ActionItem {
                due_on: None,
                ..dated(InProgress)
            },
            sides: sides(InProgress, 20, Some(day(2025, 1, 10))),
            today: day(2025, 4, 11),
            want: want(
                InProgress,
                20,
                false,
                Some(Risk::NoRecentUpdate { days: 91 }),
                None,
            ),
        },
        Case {
            name: "silent for 90 days exactly is not yet at risk",
            item: ActionItem {
                due_on: None,
                ..dated(InProgress)
            },
            sides: sides(InProgress, 20, Some(day(2025, 1, 10))),
            today: day(2025, 4, 10),
            want: want(InProgress, 20, false, None, None),
        },
        Case {
            name: "never reported: silence counts from the start",
            item: ActionItem {
                due_on: None,
                ..dated(Planned)
            },
            sides: sides(Planned, 0, None),
            today: day(2025, 4, 2), // 91 days after 1 Jan
            want: want(
                Planned,
                0,
                false,
                Some(Risk::NoRecentUpdate { days: 91 }),
                None,
            ),
        },
        Case {
            name: "not started yet: nothing expected, nothing at risk",
            item: dated(Planned),
            sides: sides(Planned, 0, None),
            today: day(2024, 12, 1),
            want: want(Planned, 0, false, None, Some(0)),
        },
        Case {
            name: "behind schedule is reported before silence",
            item: dated(OnHold),
            sides: sides(OnHold, 10, Some(day(2024, 12, 1))),
            today: day(2025, 4, 1), // day 90: 90 % expected; 121 days silent
            want: want(OnHold, 10, false, behind(90, 10), Some(90)),
        },
        Case {
            name: "the stored status is ignored unless cancelled",
            item: dated(Done),
            sides: sides(Planned, 0, None),
            today: day(2025, 1, 11), // 10 % expected: within the margin
            want: want(Planned, 0, false, None, Some(10)),
        },
    ];
    let mut failures = vec![];
    for c in &cases {
        let got = assess(&c.item, &c.sides, c.today, &rules);
        if got != c.want {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                c.name, c.want, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_margin_and_the_silence_are_configurable() {
    let strict = FollowupRules {
        at_risk_margin: 0,
        stale_after_days: 10,
    };
    let it = dated(InProgress);
    let today = day(2025, 2, 20); // 50 % expected
    let a = assess(
        &it,
        &sides(InProgress, 49, Some(day(2025, 2, 15))),
        today,
        &strict,
    );
    assert_eq!(
        a.at_risk,
        Some(Risk::BehindSchedule {
            expected: 50,
            actual: 49
        })
    );
    let a = assess(
        &it,
        &sides(InProgress, 50, Some(day(2025, 2, 9))),
        today,
        &strict,
    );
    assert_eq!(a.at_risk, Some(Risk::NoRecentUpdate { days: 11 }));
    assert_eq!(FollowupRules::default().at_risk_margin, 15);
    assert_eq!(FollowupRules::default().stale_after_days, 90);
}
