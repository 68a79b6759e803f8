//! Which items a dashboard figure counts, said once for one item: `figures` tallies with
//! `Show::holds`, and the list behind a figure (`/items?…`, its spreadsheet) keeps the items
//! an `ItemFilter` admits through the same function, so a figure and its list cannot
//! disagree.

use super::figures::ItemFacts;
use super::sides::SideState;
use super::status::{FollowupRules, assess_facts};
use crate::{Id, ItemStatus};
use chrono::{Days, NaiveDate};

/// What is counted among the items of a scope (and group).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    /// Every item, cancelled ones included: the dashboard's total.
    #[default]
    All,
    /// Items not cancelled: the base of every rate and group tally.
    Counted,
    /// Done; within a side or lead body group, done on that side.
    Done,
    /// Neither done nor cancelled.
    Open,
    Cancelled,
    Overdue,
    /// At risk and not already overdue (a late item is listed once, as overdue).
    AtRisk,
    /// Open and due from today to today + 30 days.
    Due30,
    Due90,
}

impl Show {
    pub const ALL: [Show; 9] = [
        Show::All,
        Show::Counted,
        Show::Done,
        Show::Open,
        Show::Cancelled,
        Show::Overdue,
        Show::AtRisk,
        Show::Due30,
        Show::Due90,
    ];

    /// A stable name, as a list's query and a command line write it.
    pub fn key(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Counted => "counted",
            Show::Done => "done",
            Show::Open => "open",
            Show::Cancelled => "cancelled",
            Show::Overdue => "overdue",
            Show::AtRisk => "at_risk",
            Show::Due30 => "due30",
            Show::Due90 => "due90",
        }
    }

    /// Whether `item` is one this figure counts on `today`. `side` is the side a lead body
    /// or party tally looks at: only `Done` reads it (that side's own state, not the joint
    /// one). The one definition behind both `figures` and `ItemFilter::admits`.
    pub fn holds(
        self,
        item: &ItemFacts,
        side: Option<&SideState>,
        today: NaiveDate,
        rules: &FollowupRules,
    ) -> bool {
        let cancelled = item.status == ItemStatus::Cancelled;
        let open = item.status.is_open();
        let due_within = |days: u64| {
            let end = today.checked_add_days(Days::new(days)).unwrap_or(today);
            open && item.due_on.is_some_and(|d| d >= today && d <= end)
        };
        match self {
            Show::All => true,
            Show::Counted => !cancelled,
            Show::Done => side.map_or(item.status, |s| s.status) == ItemStatus::Done,
            Show::Open => open,
            Show::Cancelled => cancelled,
            // `assess` calls only an open item overdue or at risk.
            Show::Overdue => assess_facts(item, today, rules).overdue,
            Show::AtRisk => {
                let a = assess_facts(item, today, rules);
                !a.overdue && a.at_risk.is_some()
            }
            Show::Due30 => due_within(30),
            Show::Due90 => due_within(90),
        }
    }
}

/// One figure of a dashboard as a filter over its scope's items: optionally one group (an
/// area, a lead body, a side) and what is counted in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemFilter {
    pub area: Option<Id>,
    /// An organisation leading one side.
    pub lead: Option<Id>,
    /// A party leading one side.
    pub side: Option<Id>,
    pub show: Show,
}

impl ItemFilter {
    /// The side of `item` this filter's group is about, when it names a lead body or party;
    /// `Some(None)` when it names one that does not lead the item.
    fn side_of<'a>(&self, item: &'a ItemFacts) -> Option<Option<&'a SideState>> {
        (self.lead.is_some() || self.side.is_some()).then(|| {
            item.sides.iter().find(|s| {
                self.lead.is_none_or(|o| s.organisation_id == o)
                    && self.side.is_none_or(|p| s.party_id == p)
            })
        })
    }

    /// Whether `item` is one the figure counts on `today`.
    pub fn admits(&self, item: &ItemFacts, today: NaiveDate, rules: &FollowupRules) -> bool {
        if self.area.is_some_and(|a| a != item.area_id) {
            return false;
        }
        let side = match self.side_of(item) {
            Some(None) => return false,
            Some(Some(s)) => Some(s),
            None => None,
        };
        let grouped = self.area.is_some() || side.is_some();
        // Group tallies leave cancelled items out, as `figures` does.
        if grouped && !Show::Counted.holds(item, None, today, rules) {
            return false;
        }
        self.show.holds(item, side, today, rules)
    }
}
