//! The days on which an open item crosses the status rules' thresholds: from which day it
//! is overdue, and from which day it is at risk. Nothing but the calendar moves an item
//! across them (its dates, status, percent and last report are fixed until a write), and
//! each rule only ever turns on as days pass, so each is one date. The store keeps them in
//! indexed columns: "overdue on `today`" is then `overdue_from <= today`, a range in an
//! index rather than a judgement of every item, and nothing has to be written at midnight.

use super::sides::{SideState, joint_percent};
use super::status::{FollowupRules, expected_percent};
use crate::ItemStatus;
use chrono::{Days, NaiveDate};

/// The first days an item is judged overdue and at risk by `assess`; `None` when it never
/// will be while it stays as it is (done, cancelled, undated…).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Thresholds {
    pub overdue_from: Option<NaiveDate>,
    pub at_risk_from: Option<NaiveDate>,
}

impl Thresholds {
    /// `assess(…, today).overdue`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.overdue_from.is_some_and(|d| d <= today)
    }

    /// `assess(…, today).at_risk.is_some()`.
    pub fn at_risk(&self, today: NaiveDate) -> bool {
        self.at_risk_from.is_some_and(|d| d <= today)
    }
}

/// The thresholds of an item with joint status `joint`, dates `start` and `due` and sides
/// `sides`, under `rules`: the same inputs `assess_facts` judges.
pub fn thresholds(
    joint: ItemStatus,
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    sides: &[SideState],
    rules: &FollowupRules,
) -> Thresholds {
    if !joint.is_open() {
        return Thresholds::default();
    }
    // Due today is not yet late.
    let overdue_from = due.and_then(|d| d.checked_add_days(Days::new(1)));
    let behind_from = behind_from(start, due, joint_percent(sides), rules.at_risk_margin);
    // Silent for more than `stale_after_days` days since the last report (or the start).
    let last = sides.iter().filter_map(|s| s.last_report).max().or(start);
    let silent_from =
        last.and_then(|l| l.checked_add_days(Days::new(u64::from(rules.stale_after_days) + 1)));
    let at_risk_from = match (behind_from, silent_from) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Thresholds {
        overdue_from,
        at_risk_from,
    }
}

/// The first day the linear schedule expects more than `percent + margin`: the schedule
/// only rises, from 0 % up to the start to 100 % from the due date, so the days it is
/// behind on are all those from one day on, found by halving the span between them.
fn behind_from(
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    percent: u8,
    margin: u8,
) -> Option<NaiveDate> {
    let (start, due) = (start?, due?);
    let needed = u32::from(percent) + u32::from(margin) + 1;
    if needed > 100 {
        return None;
    }
    let behind = |day: NaiveDate| {
        expected_percent(Some(start), Some(due), day).is_some_and(|e| u32::from(e) >= needed)
    };
    if start >= due {
        // From the due date on the schedule expects 100 %; before it, nothing.
        return Some(due);
    }
    // `start` is not behind (0 % expected), `due` is (100 %).
    let (mut ok, mut late) = (start, due);
    while (late - ok).num_days() > 1 {
        let mid = ok + (late - ok) / 2;
        if behind(mid) {
            late = mid;
        } else {
            ok = mid;
        }
    }
    Some(late)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::{ItemFacts, assess_facts};
    use crate::{Id, Protection};

    fn d(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(n)
    }

    fn side(percent: u8, last: Option<NaiveDate>) -> SideState {
        SideState {
            party_id: Id::nil(),
            organisation_id: Id::nil(),
            status: ItemStatus::InProgress,
            percent,
            last_report: last,
        }
    }

    /// Every combination of a grid of dates, percents and statuses, judged on every day of
    /// a span around them: the thresholds say exactly what `assess_facts` says.
    #[test]
    fn the_thresholds_agree_with_assess_on_every_day() {
        let rules = FollowupRules::default();
        let dates = [None, Some(d(0)), Some(d(1)), Some(d(40)), Some(d(365))];
        let mut checked = 0;
        for status in [
            ItemStatus::Planned,
            ItemStatus::InProgress,
            ItemStatus::Done,
            ItemStatus::Cancelled,
        ] {
            for start in dates {
                for due in dates {
                    for percent in [0u8, 10, 50, 84, 85, 86, 100] {
                        for last in [None, Some(d(-30)), Some(d(20)), Some(d(200))] {
                            let sides = vec![side(percent, last), side(percent, None)];
                            let facts = ItemFacts {
                                id: Id::nil(),
                                plan_id: Id::nil(),
                                commission_id: Id::nil(),
                                agreement_id: None,
                                area_id: Id::nil(),
                                start_on: start,
                                due_on: due,
                                status,
                                percent,
                                sides: sides.clone(),
                                protection: Protection::default(),
                            };
                            let t = thresholds(status, start, due, &sides, &rules);
                            for day in -120..520 {
                                let a = assess_facts(&facts, d(day), &rules);
                                assert_eq!(t.overdue(d(day)), a.overdue, "{facts:?} on {day}");
                                assert_eq!(
                                    t.at_risk(d(day)),
                                    a.at_risk.is_some(),
                                    "{facts:?} on {day}: {t:?}"
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1_000_000);
    }
}
