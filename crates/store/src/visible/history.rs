//! History and search for the reader. Both name records by kind and id, so each answer is
//! checked against the record it names.

use super::{Shown, Visible};
use crate::{AuditEntry, AuditHead, FILE_ACTIONS, SearchHit, StoreError, StoreResult};
use taawun_core::*;

impl Visible {
    /// The head of the audit chain, for whoever may view accounts (administrators): they
    /// save it outside the server to compare with `taawun check --expect-head`. `None` for
    /// anyone else.
    pub async fn audit_head(&self) -> StoreResult<Option<AuditHead>> {
        if decide(&self.who, Action::View, &Target::new(Kind::User)).is_err() {
            return Ok(None);
        }
        Ok(Some(self.store.audit_head().await?))
    }

    /// The history of a record. A record the reader may not see (or that does not exist)
    /// has none: `Ok(empty)`, as for any unknown id. A visible record whose history the
    /// reader's role may not see (`Action::ViewHistory`: administrators and auditors) is
    /// `Err(Forbidden)`, so the page can say so rather than show an empty history.
    /// A past version the reader may not see (it was marked higher then) is removed from
    /// its row: `before`/`after` is `None` there. The versions shown are redacted like the
    /// record (references to hidden records removed), and a row whose change is entirely
    /// hidden that way is left out.
    pub async fn audit_of(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>> {
        let rows = self.store.audit_of(entity_id).await?;
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
        let mut kept = Vec::with_capacity(rows.len());
        for mut row in rows {
            // A file's event holds the file's metadata, not a version of the record: it is
            // as visible as the record, which the reader sees.
            // So is the request for news of an item, which names the side asked.
            if FILE_ACTIONS.contains(&row.action.as_str()) || row.action == crate::REQUEST_UPDATE {
                kept.push(row);
                continue;
            }
            let raw_changed = !same_but_version(row.before.as_ref(), row.after.as_ref());
            row.before = self.past_shown(entity, row.before.take(), parties).await?;
            row.after = self.past_shown(entity, row.after.take(), parties).await?;
            // A change that touched only references hidden from the reader leaves nothing to
            // show once redacted; its row alone would say that something hidden moved then.
            let both = row.before.is_some() && row.after.is_some();
            if both && raw_changed && same_but_version(row.before.as_ref(), row.after.as_ref()) {
                continue;
            }
            kept.push(row);
        }
        Ok(kept)
    }

    /// A past version as the reader may be shown it: `None` above their clearance, else
    /// redacted by the rules the record itself is (`redact`): a reference to a record
    /// hidden from the reader is gone, so neither its id (whose UUIDv7 tells its creation
    /// time) nor its position in a list shows. A document that no longer reads as its
    /// kind cannot be redacted, so it is not shown.
    async fn past_shown(
        &self,
        entity: RecordKind,
        doc: Option<serde_json::Value>,
        parties: Option<&[Id]>,
    ) -> StoreResult<Option<serde_json::Value>> {
        let Some(doc) = self.past_version(doc, parties) else {
            return Ok(None);
        };
        macro_rules! redacted {
            ($t:ty) => {
                match serde_json::from_value::<$t>(doc) {
                    Ok(r) => serde_json::to_value(r.redact(self).await?).ok(),
                    Err(_) => None,
                }
            };
        }
        Ok(match entity {
            RecordKind::Party => redacted!(Party),
            RecordKind::Organisation => redacted!(Organisation),
            RecordKind::Rank => redacted!(Rank),
            RecordKind::Person => redacted!(Person),
            RecordKind::Area => redacted!(Area),
            RecordKind::Agreement => redacted!(Agreement),
            RecordKind::Clause => redacted!(Clause),
            RecordKind::Commission => redacted!(Commission),
            RecordKind::Session => redacted!(Session),
            RecordKind::ActionPlan => redacted!(ActionPlan),
            RecordKind::ActionItem => redacted!(ActionItem),
            RecordKind::ProgressUpdate => redacted!(ProgressUpdate),
            RecordKind::Activity => redacted!(Activity),
            RecordKind::User => redacted!(User),
        })
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
            let hits = self.store.search_for(&self.who, query, ask).await?;
            let exhausted = hits.len() < ask as usize;
            // The hits and what showing them reads (a session's members, an agreement's
            // signatories…), a few queries per kind rather than several per hit.
            self.prefetch_shown_all(hits.iter().map(|h| (h.entity, h.id)).collect())
                .await?;
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

/// Whether two versions hold the same fields, the version counter aside.
fn same_but_version(a: Option<&serde_json::Value>, b: Option<&serde_json::Value>) -> bool {
    let strip = |v: Option<&serde_json::Value>| {
        v.cloned().map(|mut v| {
            if let Some(o) = v.as_object_mut() {
                o.remove("version");
            }
            v
        })
    };
    strip(a) == strip(b)
}
