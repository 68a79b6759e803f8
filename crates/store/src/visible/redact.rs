//! References inside a visible record that point at records the reader may not see: list
//! entries are dropped (delegation members, statements, signatories, links, clause ids…),
//! optional references are cleared. Required references (an item's lead bodies, a session's
//! commission) stay; the page's own lookup through `Visible` then finds nothing.
//!
//! A redacted record is for showing. Saving it back would drop what was hidden, so an edit
//! form must start from what the write path will compare against (see ARCHITECTURE.md).

use super::{Shown, Visible};
use crate::StoreResult;
use taawun_core::*;

impl Visible {
    async fn keep_ids(&self, entity: RecordKind, ids: Vec<Id>) -> StoreResult<Vec<Id>> {
        let mut kept = Vec::with_capacity(ids.len());
        for id in ids {
            if self.can_see_id(entity, id).await? {
                kept.push(id);
            }
        }
        Ok(kept)
    }

    async fn keep_opt(&self, entity: RecordKind, id: Option<Id>) -> StoreResult<Option<Id>> {
        match id {
            Some(id) if self.can_see_id(entity, id).await? => Ok(Some(id)),
            _ => Ok(None),
        }
    }
}

impl Shown for Organisation {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.parent_id = v.keep_opt(RecordKind::Organisation, self.parent_id).await?;
        Ok(self)
    }
}

impl Shown for Person {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.organisation_id = v
            .keep_opt(RecordKind::Organisation, self.organisation_id)
            .await?;
        self.rank_id = v.keep_opt(RecordKind::Rank, self.rank_id).await?;
        Ok(self)
    }
}

impl Shown for Agreement {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.signatory_ids = v.keep_ids(RecordKind::Person, self.signatory_ids).await?;
        self.session_id = v.keep_opt(RecordKind::Session, self.session_id).await?;
        let mut links = Vec::with_capacity(self.links.len());
        for link in self.links {
            if v.can_see_id(RecordKind::Agreement, link.target_id).await? {
                links.push(link);
            }
        }
        self.links = links;
        Ok(self)
    }
}

impl Shown for Clause {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.area_ids = v.keep_ids(RecordKind::Area, self.area_ids).await?;
        Ok(self)
    }
}

impl Shown for Commission {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.co_chair_ids = v.keep_ids(RecordKind::Person, self.co_chair_ids).await?;
        Ok(self)
    }
}

impl Shown for Session {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        for d in &mut self.delegations {
            let mut members = Vec::with_capacity(d.members.len());
            for m in std::mem::take(&mut d.members) {
                if v.can_see_id(RecordKind::Person, m.person_id).await? {
                    members.push(m);
                }
            }
            d.members = members;
        }
        let mut statements = Vec::with_capacity(self.statements.len());
        for st in self.statements {
            if v.can_see_id(RecordKind::Person, st.person_id).await? {
                statements.push(st);
            }
        }
        self.statements = statements;
        for d in &mut self.decisions {
            d.area_id = v.keep_opt(RecordKind::Area, d.area_id).await?;
        }
        for e in &mut self.side_events {
            e.organisation_id = v
                .keep_opt(RecordKind::Organisation, e.organisation_id)
                .await?;
        }
        for a in &mut self.agenda {
            a.item_ids = v
                .keep_ids(RecordKind::ActionItem, std::mem::take(&mut a.item_ids))
                .await?;
        }
        Ok(self)
    }
}

impl Shown for ActionPlan {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.agreement_id = v.keep_opt(RecordKind::Agreement, self.agreement_id).await?;
        self.session_id = v.keep_opt(RecordKind::Session, self.session_id).await?;
        Ok(self)
    }
}

impl Shown for ActionItem {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.clause_ids = v.keep_ids(RecordKind::Clause, self.clause_ids).await?;
        Ok(self)
    }
}

impl Shown for Activity {
    fn protection(&self) -> Protection {
        self.protection
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.host_organisation_id = v
            .keep_opt(RecordKind::Organisation, self.host_organisation_id)
            .await?;
        Ok(self)
    }
}
