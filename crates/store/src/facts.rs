//! What a dashboard asks the store for: the light facts of the items in a scope
//! (`core::followup::ItemFacts`), optionally narrowed to what one reader may see.

use std::collections::HashMap;
use taawun_core::{Id, Principal, Protection};

/// Which items a dashboard counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactsScope {
    All,
    /// Items of the commission's plans.
    Commission(Id),
    /// Items of the plans implementing the agreement (`ActionPlan::agreement_id`).
    Agreement(Id),
    /// Items where the party leads a side.
    Party(Id),
    /// Items of one plan (its export and status report).
    Plan(Id),
}

/// A reader's view of items, applied by the store while it collects the facts so a
/// dashboard never copies what it will throw away. `Visible::item_facts` builds it:
/// `plans` are the plans the reader may see (their commission included), each with the
/// parties its items are released to (`Target::parties`), and an item is kept when its plan
/// is one of them and `reader.may_see` its own protection there — together exactly what
/// `Scope::visible_to` decides for an item.
#[derive(Debug, Clone)]
pub struct FactsFilter {
    pub plans: HashMap<Id, Option<Vec<Id>>>,
    pub reader: Principal,
}

impl FactsFilter {
    pub fn admits(&self, plan_id: Id, protection: &Protection) -> bool {
        self.plans
            .get(&plan_id)
            .is_some_and(|parties| self.reader.may_see(protection, parties.as_deref()))
    }
}

/// A dashboard's numbers as one reader may see them (`Store::item_counts`), with what the
/// page's banner must learn of the items counted: the highest effective marking, and
/// whether any record of a counted item's chain is originator-only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemCounts {
    pub counts: taawun_core::followup::Counts,
    pub highest: Option<taawun_core::Marking>,
    pub originator_only: bool,
}
