//! The follow-up reads for one reader. Item facts are filtered while the store collects
//! them (`FactsFilter`), so a dashboard over tens of thousands of items never copies what
//! the reader may not see; figures computed from them count no hidden item, nor any item
//! under a hidden plan or commission.

use super::Visible;
use crate::{FactsFilter, FactsScope, ItemWindow, StoreResult, Window};
use chrono::NaiveDate;
use std::collections::HashSet;
use taawun_core::followup::ItemFilter;
use taawun_core::followup::{Counts, ItemFacts};
use taawun_core::*;

impl Visible {
    /// The facts of the items in `scope` the reader may see. A scope naming a record the
    /// reader may not see is empty. The banner learns the marking of every item counted
    /// and of the plans and commissions above them.
    pub async fn item_facts(&self, scope: FactsScope) -> StoreResult<Vec<ItemFacts>> {
        if !self.scope_named(scope).await? {
            return Ok(vec![]);
        }
        // Plans are few: their visibility (commission included) is decided in Rust, the
        // items' own protection by the store as it collects them.
        let plans = self.select(self.store.plans(None).await?).await?;
        let mut released = std::collections::HashMap::with_capacity(plans.len());
        for p in &plans {
            released.insert(p.id, self.scope(p).await?.target.parties);
        }
        let filter = FactsFilter {
            plans: released,
            reader: self.who.clone(),
        };
        let facts = self.store.item_facts(scope, Some(&filter)).await?;
        let mut counted: HashSet<Id> = HashSet::new();
        for f in &facts {
            self.shown(&f.protection);
            counted.insert(f.plan_id);
        }
        for plan in plans.iter().filter(|p| counted.contains(&p.id)) {
            self.shown(&plan.protection);
            // Read through `Visible`, which counts its marking too.
            self.commission(plan.commission_id).await?;
        }
        Ok(facts)
    }

    /// The numbers of the dashboard of `scope` on `today`, over the items the reader may
    /// see (`Store::item_counts`): what `figures` over `item_facts` would count, without
    /// reading the items. A scope naming a record the reader may not see counts nothing.
    /// The banner learns the highest effective marking of the items counted (theirs, their
    /// plans' and commissions').
    pub async fn item_counts(&self, scope: FactsScope, today: NaiveDate) -> StoreResult<Counts> {
        if !self.scope_named(scope).await? {
            return Ok(Counts::default());
        }
        let found = self.store.item_counts(&self.who, scope, today).await?;
        if let Some(marking) = found.highest {
            self.shown(&Protection {
                marking,
                releasability: if found.originator_only {
                    Releasability::OriginatorOnly
                } else {
                    Releasability::AllParties
                },
                originator: None,
            });
        }
        Ok(found.counts)
    }

    /// One window of the reader's items in `scope` that `filter` admits on `today`, soonest
    /// due first: visibility, filter, order, paging and count all in the store's query. A
    /// scope naming a record the reader may not see is empty. The banner learns the
    /// marking of the items shown and of the plans and commissions above them.
    pub async fn item_window(
        &self,
        scope: FactsScope,
        filter: &ItemFilter,
        today: NaiveDate,
        window: Window,
    ) -> StoreResult<ItemWindow> {
        if !self.scope_named(scope).await? {
            return Ok(ItemWindow::default());
        }
        let found = self
            .store
            .item_window(&self.who, scope, filter, today, window)
            .await?;
        let plans: Vec<Id> = found.rows.iter().map(|f| f.plan_id).collect();
        self.prefetch_shown::<ActionPlan>(&plans).await?;
        let commissions: Vec<Id> = found.rows.iter().map(|f| f.commission_id).collect();
        self.prefetch_shown::<Commission>(&commissions).await?;
        for f in &found.rows {
            self.shown(&f.protection);
            // Read through `Visible`, which counts their markings too (and caches them).
            self.plan(f.plan_id).await?;
            self.commission(f.commission_id).await?;
        }
        Ok(found)
    }

    /// Whether the record a scope names is one the reader may see (`All` names none).
    async fn scope_named(&self, scope: FactsScope) -> StoreResult<bool> {
        match scope {
            FactsScope::All => Ok(true),
            FactsScope::Commission(c) => self.can_see_id(RecordKind::Commission, c).await,
            FactsScope::Agreement(a) => self.can_see_id(RecordKind::Agreement, a).await,
            FactsScope::Party(p) => self.can_see_id(RecordKind::Party, p).await,
            FactsScope::Plan(p) => self.can_see_id(RecordKind::ActionPlan, p).await,
        }
    }

    /// Open items of the commission the reader may see, soonest due first.
    pub async fn open_items_of_commission(&self, commission: Id) -> StoreResult<Vec<ActionItem>> {
        if !self.can_see_id(RecordKind::Commission, commission).await? {
            return Ok(vec![]);
        }
        self.keep(self.store.open_items_of_commission(commission).await?)
            .await
    }

    /// Progress updates reported on or after `since` the reader may see, newest first.
    pub async fn progress_since(&self, since: NaiveDate) -> StoreResult<Vec<ProgressUpdate>> {
        self.keep(self.store.progress_since(since).await?).await
    }
}
