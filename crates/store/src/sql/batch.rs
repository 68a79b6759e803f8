//! A batch of action items (an imported spreadsheet: new items, and with `apply_items` the
//! stored ones an exported sheet updates), all or nothing: one transaction,
//! each item through the one write path (`write::save_in`) exactly as `save_item` would
//! take it, in order, sharing one memo so the plan, commission and lead bodies every item
//! names are read once.
//!
//! What makes 10,000 items take about a second rather than several is how the writes
//! travel (see `script`). Items go in chunks of a hundred: the stored rows of a chunk's ids
//! are read at once, each item is checked and its writes wait in `Pending`, and at the
//! chunk's end they go as one command, grouped: all rows, then all lead rows, … each group
//! of inserts as one multi-row insert. Grouping reorders statements across items, which is
//! sound here: the items are new, so each item's statements touch only its own rows, and
//! within an item the groups keep its order (its row first, its search key before its index
//! row). What SQLite refuses at the flush (a code already taken, by an earlier item of the
//! chunk or by a stored one) cannot say which item it came from, so the chunk is rolled back
//! to its savepoint and written again one item at a time, which names it.

use super::d::Conn;
use super::{
    Engine,
    memo::Memo,
    script::Pending,
    write::{Accept, save_in},
};
use crate::{Actor, StoreError, StoreResult};
use taawun_core::ActionItem;

/// Items per chunk, and so how often, at the least, the caller hears how far it has come.
const CHUNK: usize = 100;

impl Engine {
    /// `accept`: `NewOnly` for `save_items`; `NewOrCurrent` for `apply_items`, where an
    /// item may also be a stored one at its stored version.
    pub(super) async fn save_batch(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
        accept: Accept,
    ) -> StoreResult<Vec<ActionItem>> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let mut memo = Memo::default();
        let mut saved = Vec::with_capacity(items.len());
        for (n, chunk) in items.chunks(CHUNK).enumerate() {
            let first = n * CHUNK;
            sqlx::query(&super::d::sql("savepoint chunk"))
                .execute(&mut *tx)
                .await?;
            // Grouping is sound for new items only (see above): a chunk that updates
            // stored items is written an item at a time.
            let grouped = if accept == Accept::NewOnly || chunk.iter().all(|i| i.version == 0) {
                write_chunk(&mut tx, &mut memo, actor, chunk, first, accept).await
            } else {
                Err(Refused::Flush)
            };
            match grouped {
                Ok(done) => saved.extend(done),
                Err(Refused::Final(e)) => return Err(e),
                Err(Refused::Flush) => {
                    sqlx::query(&super::d::sql("rollback to chunk"))
                        .execute(&mut *tx)
                        .await?;
                    // What the memo learnt in the chunk was rolled back with it.
                    memo = Memo::default();
                    let one = one_by_one(&mut tx, &mut memo, actor, chunk, first, accept);
                    saved.extend(one.await?);
                }
            }
            sqlx::query(&super::d::sql("release chunk"))
                .execute(&mut *tx)
                .await?;
            progress(saved.len());
        }
        super::seal::seal_and_commit(tx).await?;
        if items.is_empty() {
            progress(0);
        }
        Ok(saved)
    }
}

/// Why a chunk failed: for good (an item's own refusal, or a failed read), or at the flush,
/// to be attributed by writing the chunk again one item at a time.
enum Refused {
    Final(StoreError),
    Flush,
}

fn in_batch(index: usize, e: StoreError) -> StoreError {
    StoreError::InBatch {
        index,
        source: Box::new(e),
    }
}

/// The chunk's items, their writes sent together at the end.
async fn write_chunk(
    conn: &mut Conn,
    memo: &mut Memo,
    actor: &Actor,
    chunk: &[ActionItem],
    first: usize,
    accept: Accept,
) -> Result<Vec<ActionItem>, Refused> {
    let mut pending = Pending::grouped(conn);
    let ids: Vec<_> = chunk.iter().map(|i| i.id).collect();
    memo.prefetch::<ActionItem>(&mut pending, &ids)
        .await
        .map_err(Refused::Final)?;
    let mut done = Vec::with_capacity(chunk.len());
    for (i, item) in chunk.iter().enumerate() {
        match save_in(&mut pending, memo, actor, item, accept).await {
            Ok(saved) => done.push(saved),
            // A read sent the earlier items' writes, and SQLite refused one of them.
            Err(_) if pending.flush_failed() => return Err(Refused::Flush),
            Err(e) => return Err(Refused::Final(in_batch(first + i, e))),
        }
    }
    pending.flush().await.map_err(|_| Refused::Flush)?;
    Ok(done)
}

/// The chunk again, each item's writes sent before the next item is checked, so a refusal
/// names its item.
async fn one_by_one(
    conn: &mut Conn,
    memo: &mut Memo,
    actor: &Actor,
    chunk: &[ActionItem],
    first: usize,
    accept: Accept,
) -> StoreResult<Vec<ActionItem>> {
    let mut done = Vec::with_capacity(chunk.len());
    for (i, item) in chunk.iter().enumerate() {
        let mut pending = Pending::new(&mut *conn);
        let one = match save_in(&mut pending, memo, actor, item, accept).await {
            Ok(saved) => pending.flush().await.map(|()| saved),
            Err(e) => Err(e),
        };
        done.push(one.map_err(|e| in_batch(first + i, e))?);
    }
    Ok(done)
}
