//! The recent changes for the reader: audit rows of records they may see, newest first.

use super::Visible;
use crate::{ChangeRow, StoreError, StoreResult};
use taawun_core::RecordKind;
use taawun_core::access::may_follow_changes;

/// One page of changes, and where the next (older) page starts when there may be one.
#[derive(Debug, Clone, Default)]
pub struct ChangesPage {
    pub rows: Vec<ChangeRow>,
    pub older: Option<i64>,
}

/// Rows looked at for one page, at most, as a multiple of the page: a reader who sees
/// little of a busy log gets a shorter page and an "older" link, never a scan of the log.
const LOOK_AT: u32 = 8;

impl Visible {
    /// Up to `limit` changes the reader may see, of `kind` when given, older than `before`
    /// when given. Only those who follow the work up may read them
    /// (`access::may_follow_changes`, else `Forbidden`); each row's record is judged like
    /// any other read, and a record that no longer exists is left out.
    pub async fn recent_changes(
        &self,
        kind: Option<RecordKind>,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<ChangesPage> {
        if !may_follow_changes(&self.who) {
            return Err(StoreError::Forbidden { kind: "changes" });
        }
        let limit = limit.max(1);
        let mut page = ChangesPage::default();
        let mut from = before;
        let mut looked = 0;
        while looked < limit * LOOK_AT {
            let rows = self.store.recent_changes(kind, from, limit).await?;
            let last = rows.len() < limit as usize;
            for row in rows {
                looked += 1;
                from = Some(row.position);
                let seen = match self.scope_of(row.entity, row.entity_id).await? {
                    Some(scope) => scope.visible_to(&self.who),
                    None => false,
                };
                if seen {
                    page.rows.push(row);
                    if page.rows.len() == limit as usize {
                        page.older = from;
                        return Ok(page);
                    }
                }
            }
            if last {
                return Ok(page);
            }
        }
        page.older = from;
        Ok(page)
    }
}
