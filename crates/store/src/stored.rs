//! Records of one kind read together by id (`Store::by_ids`): a reader's `Visible` fills its
//! cache with them in one query per kind, instead of one query per record a page names.

use taawun_core::*;

/// One record as stored, of any kind but accounts (which `Visible` never caches).
#[derive(Debug, Clone)]
pub enum Stored {
    Party(Party),
    Organisation(Organisation),
    Rank(Rank),
    Person(Person),
    Area(Area),
    Agreement(Agreement),
    Clause(Clause),
    Commission(Commission),
    Session(Session),
    ActionPlan(ActionPlan),
    ActionItem(ActionItem),
    ProgressUpdate(ProgressUpdate),
    Activity(Activity),
}

impl Stored {
    /// The records a decision about this one reads (those `Scoped::scope` asks `Parents`
    /// for): fetched in the next round, so deciding a page of records reads no parent alone.
    pub(crate) fn parents(&self) -> Vec<(RecordKind, Id)> {
        match self {
            Stored::Agreement(a) => a
                .commission_id
                .map(|c| (RecordKind::Commission, c))
                .into_iter()
                .collect(),
            Stored::Clause(c) => vec![(RecordKind::Agreement, c.agreement_id)],
            Stored::Session(s) => vec![(RecordKind::Commission, s.commission_id)],
            Stored::ActionPlan(p) => vec![(RecordKind::Commission, p.commission_id)],
            Stored::ActionItem(i) => vec![(RecordKind::ActionPlan, i.plan_id)],
            Stored::ProgressUpdate(p) => vec![(RecordKind::ActionItem, p.item_id)],
            Stored::Activity(a) => a
                .item_id
                .map(|i| (RecordKind::ActionItem, i))
                .into_iter()
                .collect(),
            _ => vec![],
        }
    }
}
