//! History and search for the reader. Both name records by kind and id, so each answer is
//! checked against the record it names.

use super::Visible;
use crate::{AuditEntry, SearchHit, StoreError, StoreResult};
use taawun_core::*;

impl Visible {
    /// The history of a record. A record the reader may not see (or that does not exist)
    /// has none: `Ok(empty)`, as for any unknown id. A visible record whose history the
    /// reader's role may not see (`Action::ViewHistory`: administrators and auditors) is
    /// `Err(Forbidden)`, so the page can say so rather than show an empty history.
    /// A past version the reader may not see (it was marked higher then) is removed from
    /// its row: `before`/`after` is `None` there.
    pub async fn audit_of(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>> {
        let mut rows = self.store.audit_of(entity_id).await?;
        let Some(entity) = rows.first().map(|r| r.entity) else {
            return Ok(rows);
        };
        let Some(scope) = self.scope_of(entity, entity_id).await? else {
            return Ok(vec![]);
        };
        // Viewing first: an auditor may see history, but not of accounts they cannot view.
        if !scope.visible_to(&self.who) {
            return Ok(vec![]);
        }
        if scope.decide(&self.who, Action::ViewHistory).is_err() {
            return Err(StoreError::Forbidden { kind: "history" });
        }
        // Past versions are judged among the parties of the record's commission as it is now.
        let parties = scope.target.parties.as_deref();
        for row in &mut rows {
            row.before = self.past_version(row.before.take(), parties);
            row.after = self.past_version(row.after.take(), parties);
        }
        Ok(rows)
    }

    /// A stored version of a record, if the reader may see it under its protection then.
    fn past_version(
        &self,
        doc: Option<serde_json::Value>,
        parties: Option<&[Id]>,
    ) -> Option<serde_json::Value> {
        let doc = doc?;
        // Documents written before protections existed have none: the default applies,
        // as it does when such a record is read.
        let protection: Protection = doc
            .get("protection")
            .and_then(|p| serde_json::from_value(p.clone()).ok())
            .unwrap_or_default();
        if !self.who.may_see(&protection, parties) {
            return None;
        }
        self.shown(&protection);
        Some(doc)
    }

    /// Up to `limit` search hits naming records the reader may see, best first.
    pub async fn search(&self, query: &str, limit: u32) -> StoreResult<Vec<SearchHit>> {
        let mut ask = limit;
        loop {
            let hits = self.store.search(query, ask).await?;
            let exhausted = hits.len() < ask as usize;
            let mut kept = Vec::with_capacity(hits.len());
            for hit in hits {
                if self.can_see_id(hit.entity, hit.id).await? {
                    kept.push(hit);
                }
            }
            if kept.len() >= limit as usize || exhausted || ask == u32::MAX {
                kept.truncate(limit as usize);
                return Ok(kept);
            }
            ask = ask.saturating_mul(4);
        }
    }
}
