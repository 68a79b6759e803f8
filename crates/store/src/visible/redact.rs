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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.extend(self.parent_id.map(|p| (RecordKind::Organisation, p)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.extend(self.organisation_id.map(|o| (RecordKind::Organisation, o)));
        out.extend(self.rank_id.map(|r| (RecordKind::Rank, r)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.extend(self.commission_id.map(|c| (RecordKind::Commission, c)));
        out.extend(self.session_id.map(|s| (RecordKind::Session, s)));
        out.extend(self.signatory_ids.iter().map(|p| (RecordKind::Person, *p)));
        out.extend(
            self.links
                .iter()
                .map(|l| (RecordKind::Agreement, l.target_id)),
        );
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.push((RecordKind::Agreement, self.agreement_id));
        out.extend(self.area_ids.iter().map(|a| (RecordKind::Area, *a)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.extend(self.co_chair_ids.iter().map(|p| (RecordKind::Person, *p)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.push((RecordKind::Commission, self.commission_id));
        for d in &self.delegations {
            out.extend(d.members.iter().map(|m| (RecordKind::Person, m.person_id)));
        }
        out.extend(
            self.statements
                .iter()
                .map(|st| (RecordKind::Person, st.person_id)),
        );
        out.extend(
            self.decisions
                .iter()
                .filter_map(|d| d.area_id)
                .map(|a| (RecordKind::Area, a)),
        );
        out.extend(
            self.side_events
                .iter()
                .filter_map(|e| e.organisation_id)
                .map(|o| (RecordKind::Organisation, o)),
        );
        for a in &self.agenda {
            out.extend(a.item_ids.iter().map(|i| (RecordKind::ActionItem, *i)));
        }
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.push((RecordKind::Commission, self.commission_id));
        out.extend(self.agreement_id.map(|a| (RecordKind::Agreement, a)));
        out.extend(self.session_id.map(|s| (RecordKind::Session, s)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.push((RecordKind::ActionPlan, self.plan_id));
        out.extend(self.clause_ids.iter().map(|c| (RecordKind::Clause, *c)));
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
    fn refs(&self, out: &mut Vec<(RecordKind, Id)>) {
        out.extend(self.item_id.map(|i| (RecordKind::ActionItem, i)));
        out.extend(
            self.host_organisation_id
                .map(|o| (RecordKind::Organisation, o)),
        );
    }
    async fn redact(mut self, v: &Visible) -> StoreResult<Self> {
        self.host_organisation_id = v
            .keep_opt(RecordKind::Organisation, self.host_organisation_id)
            .await?;
        Ok(self)
    }
}
