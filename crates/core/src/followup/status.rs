//! The status rules of follow-up: what is overdue, what is at risk (behind a linear
//! schedule by more than a margin, or silent for too long), against a given "today".

use super::figures::ItemFacts;
use super::sides::{SideState, item_status, joint_percent};
use crate::{ActionItem, ItemStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The thresholds of the status rules; each instance may configure its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowupRules {
    /// Points of percent an open item may lag its linear schedule before it is at risk.
    pub at_risk_margin: u8,
    /// Days without a report (or, before any report, since the start) before an open
    /// item is at risk.
    pub stale_after_days: u32,
}

impl FollowupRules {
    /// The rules every instance judges by today (`app::items::rules`); the store computes
    /// its threshold columns with them.
    pub const STANDARD: FollowupRules = FollowupRules {
        at_risk_margin: 15,
        stale_after_days: 90,
    };
}

impl Default for FollowupRules {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// Why an open item is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// The linear schedule expects `expected` % by today; the sides report `actual` %.
    BehindSchedule { expected: u8, actual: u8 },
    /// No report for `days` days (counted from the start while nobody has reported).
    NoRecentUpdate { days: u32 },
}

/// An item judged on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub joint: ItemStatus,
    pub percent: u8,
    /// Past its due date (due today is not yet late) and neither done nor cancelled.
    pub overdue: bool,
    /// Only for open items. Behind schedule is reported before silence when both apply.
    pub at_risk: Option<Risk>,
    /// Percent the linear schedule expects today; `None` without both dates.
    pub expected: Option<u8>,
}

/// The percent a linear schedule from `start` (0 %) to `due` (100 %) expects on `today`,
/// rounded half up; 0 up to the start, 100 from the due date on (the due date wins when
/// both fall on the day). `None` without both dates.
pub fn expected_percent(
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<u8> {
    let (start, due) = (start?, due?);
    // Due first: an item starting and due on the same day is expected done that day.
    if today >= due {
        return Some(100);
    }
    if today <= start {
        return Some(0);
    }
    let total = (due - start).num_days();
    let done = (today - start).num_days();
    Some(((done * 200 + total) / (2 * total)) as u8)
}

/// Judges an item from its sides (as `side_states` gives them) on `today`.
pub fn assess(
    item: &ActionItem,
    sides: &[SideState],
    today: NaiveDate,
    rules: &FollowupRules,
) -> Assessment {
    let joint = item_status(item, sides);
    judge(joint, item.start_on, item.due_on, sides, today, rules)
}

/// Judges an item from its stored facts (status already joint) on `today`.
pub fn assess_facts(facts: &ItemFacts, today: NaiveDate, rules: &FollowupRules) -> Assessment {
    judge(
        facts.status,
        facts.start_on,
        facts.due_on,
        &facts.sides,
        today,
        rules,
    )
}

/// Whether an item with this joint status and due date is overdue on `today`: still open,
/// its due date passed (due today is not yet late). The rule `assess` judges by, for every
/// page that shows an item's status, so none shows a late item as plainly "in progress".
pub fn overdue_on(status: ItemStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status.is_open() && due.is_some_and(|d| d < today)
}

fn judge(
    joint: ItemStatus,
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    sides: &[SideState],
    today: NaiveDate,
    rules: &FollowupRules,
) -> Assessment {
    let percent = joint_percent(sides);
    let expected = expected_percent(start, due, today);
    let open = joint.is_open();
    let overdue = overdue_on(joint, due, today);
    let behind = expected
        .filter(|e| i32::from(*e) - i32::from(percent) > i32::from(rules.at_risk_margin))
        .map(|e| Risk::BehindSchedule {
            expected: e,
            actual: percent,
        });
    let last = sides.iter().filter_map(|s| s.last_report).max().or(start);
    let silent = last
        .map(|l| (today - l).num_days())
        .filter(|days| *days > i64::from(rules.stale_after_days))
        .map(|days| Risk::NoRecentUpdate {
            days: u32::try_from(days).unwrap_or(u32::MAX),
        });
    Assessment {
        joint,
        percent,
        overdue,
        at_risk: if open { behind.or(silent) } else { None },
        expected,
    }
}
