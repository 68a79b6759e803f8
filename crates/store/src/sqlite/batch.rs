//! A batch of new action items (an imported spreadsheet), all or nothing: one transaction,
//! each item through the one write path (`write::save_in`) exactly as `save_item` would
//! take it, sharing one memo so the plan, commission and lead bodies every item names are
//! read once.

use super::{
    SqliteStore,
    memo::Memo,
    write::{Accept, save_in},
};
use crate::{Actor, StoreError, StoreResult};
use taawun_core::ActionItem;

/// How often, at the least, the caller hears how far the batch has come.
const PROGRESS_EVERY: usize = 100;

impl SqliteStore {
    pub(super) async fn save_batch(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<Vec<ActionItem>> {
        let mut tx = self.pool.begin_with("begin immediate").await?;
        let mut memo = Memo::default();
        let mut saved = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let one = save_in(&mut tx, &mut memo, actor, item, Accept::NewOnly).await;
            // Returning drops the transaction: the items before this one are rolled back.
            saved.push(one.map_err(|e| StoreError::InBatch {
                index,
                source: Box::new(e),
            })?);
            if saved.len() % PROGRESS_EVERY == 0 {
                progress(saved.len());
            }
        }
        tx.commit().await?;
        progress(saved.len());
        Ok(saved)
    }
}
