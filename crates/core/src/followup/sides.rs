//! Mirror ownership: an item is led by one body on each party's side, each side reports its
//! own progress, and the item's joint status is derived from the sides by one written rule.

use crate::{ActionItem, Id, ItemStatus, ProgressUpdate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where one side of an item stands, from that side's latest report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideState {
    pub party_id: Id,
    /// The side's lead body.
    pub organisation_id: Id,
    pub status: ItemStatus,
    /// 0–100; a side that reports `Done` counts as 100 whatever percent it typed.
    pub percent: u8,
    /// Date of the report this state comes from; `None` while the side has not reported.
    pub last_report: Option<NaiveDate>,
}

/// Whether a report counts towards its item's sides: it is about this item, comes from a
/// lead party, and is protected no more tightly than the item (`Protection::within`).
/// A report marked above its item stays in the history for cleared readers but does not
/// move the item, whose status everyone who sees the item sees.
pub fn rolls_up(item: &ActionItem, report: &ProgressUpdate) -> bool {
    report.item_id == item.id
        && item.leads.iter().any(|l| l.party_id == report.party_id)
        && report.protection.within(&item.protection)
}

/// One state per lead, in the order of `item.leads`. A side's latest report wins (by
/// `reported_on`, then by id, which follows creation); a side without a report is
/// `Planned` at 0 %. Reports that do not roll up (see `rolls_up`) are ignored.
pub fn side_states(item: &ActionItem, updates: &[ProgressUpdate]) -> Vec<SideState> {
    item.leads
        .iter()
        .map(|lead| {
            let latest = updates
                .iter()
                .filter(|u| u.party_id == lead.party_id && rolls_up(item, u))
                .max_by_key(|u| (u.reported_on, u.id));
            let (status, percent, last_report) = match latest {
                None => (ItemStatus::Planned, 0, None),
                Some(u) if u.status == ItemStatus::Done => (u.status, 100, Some(u.reported_on)),
                Some(u) => (u.status, u.percent.min(100), Some(u.reported_on)),
            };
            SideState {
                party_id: lead.party_id,
                organisation_id: lead.organisation_id,
                status,
                percent,
                last_report,
            }
        })
        .collect()
}

/// The joint status of an item from its sides, the first rule that applies:
///
/// 1. no side at all: `Planned`;
/// 2. every side `Done`: `Done`;
/// 3. some side `InProgress`: `InProgress` — someone is working on it;
/// 4. some side `OnHold`: `OnHold` — nobody is working and a side is blocked, even when
///    the other side has finished its part;
/// 5. some side `Done` (the others planned): `InProgress` — the item is partly done;
/// 6. otherwise (every side planned): `Planned`.
///
/// `Cancelled` is never derived: it is the secretariat's decision on the item (with a
/// reason), see `item_status`. A side never reports it (the rules refuse it); should one be
/// found in old data it counts as on hold.
pub fn joint_status(sides: &[SideState]) -> ItemStatus {
    use ItemStatus::*;
    let any = |s: ItemStatus| sides.iter().any(|x| x.status == s);
    if sides.is_empty() {
        Planned
    } else if sides.iter().all(|x| x.status == Done) {
        Done
    } else if any(InProgress) {
        InProgress
    } else if any(OnHold) || any(Cancelled) {
        OnHold
    } else if any(Done) {
        InProgress
    } else {
        Planned
    }
}

/// The mean of the sides' percents, rounded half up; 0 without sides. Each side weighs the
/// same: the item is joint, neither side's share is larger.
pub fn joint_percent(sides: &[SideState]) -> u8 {
    let n = sides.len() as u32;
    if n == 0 {
        return 0;
    }
    let sum: u32 = sides.iter().map(|s| u32::from(s.percent.min(100))).sum();
    ((sum * 2 + n) / (2 * n)) as u8
}

/// The status an item is stored with: `Cancelled` when the secretariat cancelled it,
/// otherwise the joint status of its sides.
pub fn item_status(item: &ActionItem, sides: &[SideState]) -> ItemStatus {
    if item.status == ItemStatus::Cancelled {
        ItemStatus::Cancelled
    } else {
        joint_status(sides)
    }
}
