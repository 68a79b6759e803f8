//! Dashboard figures over a set of items, and the carry-over of open items to the next
//! session's agenda. The store hands over light `ItemFacts` rows (no documents), already
//! restricted to what the reader may see, so a total never counts a hidden item.

use super::selection::Show;
use super::sides::SideState;
use super::status::FollowupRules;
use crate::{Id, ItemStatus, Protection};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the figures need to know about one item, as the store keeps it current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemFacts {
    pub id: Id,
    pub plan_id: Id,
    /// The commission of the item's plan.
    pub commission_id: Id,
    /// The agreement the item's plan implements, if any.
    pub agreement_id: Option<Id>,
    pub area_id: Id,
    pub start_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    /// The joint status (see `item_status`).
    pub status: ItemStatus,
    /// The joint percent (see `joint_percent`).
    pub percent: u8,
    /// One per lead, as `side_states` gives them.
    pub sides: Vec<SideState>,
    /// The item's own protection: a page showing figures carries the highest marking of
    /// the items it counted. The figures themselves ignore it.
    pub protection: Protection,
}

/// Items counted in one group. Cancelled items are left out of every tally.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub total: u32,
    pub done: u32,
    pub percent_sum: u32,
}

impl Tally {
    fn add(&mut self, done: bool, percent: u8) {
        self.total += 1;
        self.done += u32::from(done);
        self.percent_sum += u32::from(percent);
    }
    /// Done over total, 0–1; `None` for an empty group.
    pub fn rate_done(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.done) / f64::from(self.total))
    }
    /// Mean percent, 0–100; `None` for an empty group.
    pub fn mean_percent(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.percent_sum) / f64::from(self.total))
    }
}

/// The figures of a dashboard.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub total: u32,
    pub done: u32,
    pub cancelled: u32,
    /// Neither done nor cancelled.
    pub open: u32,
    /// Done over the items not cancelled, 0–1; `None` when there are none.
    pub rate_done: Option<f64>,
    /// Mean joint percent over the items not cancelled, as a fraction 0–1.
    pub rate_weighted: Option<f64>,
    /// By area, joint status and percent. Groups in id order.
    pub by_area: Vec<(Id, Tally)>,
    /// By lead body (organisation), that side's own status and percent.
    pub by_lead: Vec<(Id, Tally)>,
    /// By side (party), that side's own status and percent.
    pub by_side: Vec<(Id, Tally)>,
    /// Open items past their due date. Every list is soonest due first, then by id.
    pub overdue: Vec<Id>,
    /// Open items at risk (see `assess`) that are not already overdue: a late item is
    /// listed once, as overdue.
    pub at_risk: Vec<Id>,
    /// Open items due from today to today + 30 days, both included.
    pub due_within_30: Vec<Id>,
    /// Open items due from today to today + 90 days (those within 30 included).
    pub due_within_90: Vec<Id>,
}

/// The figures of `items` on `today`. Whether an item counts in a figure is asked of
/// `Show::holds`, the same question the list behind each figure asks (`ItemFilter`).
pub fn figures(items: &[ItemFacts], today: NaiveDate, rules: &FollowupRules) -> Figures {
    let mut f = Figures::default();
    let mut by_area: BTreeMap<Id, Tally> = BTreeMap::new();
    let mut by_lead: BTreeMap<Id, Tally> = BTreeMap::new();
    let mut by_side: BTreeMap<Id, Tally> = BTreeMap::new();
    let (mut overdue, mut at_risk, mut due30, mut due90) = (vec![], vec![], vec![], vec![]);
    let mut weighted: u64 = 0;
    let holds = |show: Show, item: &ItemFacts, side: Option<&SideState>| {
        show.holds(item, side, today, rules)
    };
    for item in items {
        f.total += u32::from(holds(Show::All, item, None));
        if !holds(Show::Counted, item, None) {
            f.cancelled += u32::from(holds(Show::Cancelled, item, None));
            continue;
        }
        weighted += u64::from(item.percent);
        let done = holds(Show::Done, item, None);
        f.done += u32::from(done);
        f.open += u32::from(holds(Show::Open, item, None));
        by_area
            .entry(item.area_id)
            .or_default()
            .add(done, item.percent);
        for s in &item.sides {
            let side_done = holds(Show::Done, item, Some(s));
            by_lead
                .entry(s.organisation_id)
                .or_default()
                .add(side_done, s.percent);
            by_side
                .entry(s.party_id)
                .or_default()
                .add(side_done, s.percent);
        }
        let key = (item.due_on.is_none(), item.due_on, item.id);
        for (show, list) in [
            (Show::Overdue, &mut overdue),
            (Show::AtRisk, &mut at_risk),
            (Show::Due30, &mut due30),
            (Show::Due90, &mut due90),
        ] {
            if holds(show, item, None) {
                list.push(key);
            }
        }
    }
    (f.rate_done, f.rate_weighted) = rates(f.done, f.total - f.cancelled, weighted);
    f.by_area = by_area.into_iter().collect();
    f.by_lead = by_lead.into_iter().collect();
    f.by_side = by_side.into_iter().collect();
    f.overdue = ids(overdue);
    f.at_risk = ids(at_risk);
    f.due_within_30 = ids(due30);
    f.due_within_90 = ids(due90);
    f
}

/// Done over `counted`, and the mean of the joint percents summing to `weighted` as a
/// fraction; `None` when nothing is counted.
fn rates(done: u32, counted: u32, weighted: u64) -> (Option<f64>, Option<f64>) {
    if counted == 0 {
        return (None, None);
    }
    (
        Some(f64::from(done) / f64::from(counted)),
        // One division, so a round answer comes out round (280 / 700, not 2.8 / 7).
        Some(weighted as f64 / (100.0 * f64::from(counted))),
    )
}

/// A dashboard's numbers without its lists: what the store keeps tallied as items are
/// written (its lists are read a page at a time). `Figures::counts` gives the same from the
/// items themselves, and the two are compared in the store's tests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub total: u32,
    pub done: u32,
    pub cancelled: u32,
    pub open: u32,
    pub rate_done: Option<f64>,
    pub rate_weighted: Option<f64>,
    pub by_area: Vec<(Id, Tally)>,
    pub by_lead: Vec<(Id, Tally)>,
    pub by_side: Vec<(Id, Tally)>,
    pub overdue: u32,
    pub at_risk: u32,
    pub due_within_30: u32,
    pub due_within_90: u32,
}

impl Counts {
    /// The counts of items tallied by joint status, with `weighted` the sum of the joint
    /// percents of those not cancelled; the groups and the dated figures as they are.
    pub fn new(by_status: &[(ItemStatus, u32)], weighted: u64) -> Counts {
        let mut c = Counts::default();
        for (status, n) in by_status {
            c.total += n;
            match status {
                ItemStatus::Done => c.done += n,
                ItemStatus::Cancelled => c.cancelled += n,
                _ => {}
            }
            if status.is_open() {
                c.open += n;
            }
        }
        (c.rate_done, c.rate_weighted) = rates(c.done, c.total - c.cancelled, weighted);
        c
    }
}

impl Figures {
    pub fn counts(&self) -> Counts {
        let n = |l: &Vec<Id>| u32::try_from(l.len()).unwrap_or(u32::MAX);
        Counts {
            total: self.total,
            done: self.done,
            cancelled: self.cancelled,
            open: self.open,
            rate_done: self.rate_done,
            rate_weighted: self.rate_weighted,
            by_area: self.by_area.clone(),
            by_lead: self.by_lead.clone(),
            by_side: self.by_side.clone(),
            overdue: n(&self.overdue),
            at_risk: n(&self.at_risk),
            due_within_30: n(&self.due_within_30),
            due_within_90: n(&self.due_within_90),
        }
    }
}

impl Tally {
    /// `n` more items (or sides), `done` of them done, their percents summing to `percent`.
    pub fn add_many(&mut self, n: u32, done: u32, percent: u32) {
        self.total += n;
        self.done += done;
        self.percent_sum += percent;
    }
}

type DueKey = (bool, Option<NaiveDate>, Id);

fn ids(mut keys: Vec<DueKey>) -> Vec<Id> {
    keys.sort();
    keys.into_iter().map(|(_, _, id)| id).collect()
}

/// The open items of `items` grouped by area, for the next session's agenda: areas in id
/// order, items soonest due first (undated last), then by id. Areas without an open item
/// are left out.
pub fn carry_over(items: &[ItemFacts]) -> Vec<(Id, Vec<Id>)> {
    let mut groups: BTreeMap<Id, Vec<DueKey>> = BTreeMap::new();
    for item in items.iter().filter(|i| i.status.is_open()) {
        let key = (item.due_on.is_none(), item.due_on, item.id);
        groups.entry(item.area_id).or_default().push(key);
    }
    groups
        .into_iter()
        .map(|(area, keys)| (area, ids(keys)))
        .collect()
}
