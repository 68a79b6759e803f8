//! Reads made by the write path inside one transaction, remembered for the rest of it.
//! A save reads the same parents several times (the permission decision, then the rules);
//! a batch of items (`save_items`) reads the same plan, commission, area and lead bodies
//! for every item. Under the transaction's write lock nobody else changes them, and the
//! write path forgets a table as soon as it writes to it, so a remembered read is always
//! what the database would answer.

use super::{read, record::Record};
use crate::{StoreResult, scope::Parents};
use sqlx::SqliteConnection;
use std::{any::Any, collections::HashMap};
use taawun_core::*;

type Key = (&'static str, Id);

/// What one write transaction has read so far: records by table and id (`None` when
/// absent), and the answers of existence checks.
#[derive(Default)]
pub(super) struct Memo {
    records: HashMap<Key, Option<Box<dyn Any + Send + Sync>>>,
    exists: HashMap<Key, bool>,
}

impl Memo {
    /// The transaction wrote to `table`: what was read from it may no longer hold.
    pub(super) fn wrote(&mut self, table: &str) {
        self.records.retain(|(t, _), _| *t != table);
        self.exists.retain(|(t, _), _| *t != table);
    }
}

/// The write transaction's connection with its memo: how checks and scopes read.
pub(super) struct Reads<'c> {
    /// For queries that are not a lookup by id (they are never remembered).
    pub conn: &'c mut SqliteConnection,
    memo: &'c mut Memo,
}

impl<'c> Reads<'c> {
    pub(super) fn new(conn: &'c mut SqliteConnection, memo: &'c mut Memo) -> Self {
        Reads { conn, memo }
    }

    /// One record by id, read once per transaction.
    pub(super) async fn record<R: Record>(&mut self, id: Id) -> StoreResult<Option<R>> {
        let key = (R::TABLE, id);
        match self.memo.records.get(&key) {
            Some(None) => return Ok(None),
            // A table holds one record type, so the downcast cannot miss; if it did, the
            // database is asked again.
            Some(Some(any)) => {
                if let Some(r) = any.downcast_ref::<R>() {
                    return Ok(Some(r.clone()));
                }
            }
            None => {}
        }
        let found: Option<R> = read::by_id(&mut *self.conn, id).await?;
        self.memo.exists.insert(key, found.is_some());
        let kept = found
            .clone()
            .map(|r| Box::new(r) as Box<dyn Any + Send + Sync>);
        self.memo.records.insert(key, kept);
        Ok(found)
    }

    /// Whether `table` (one of our own table names) has a row `id`, asked once per
    /// transaction.
    pub(super) async fn exists(&mut self, table: &'static str, id: Id) -> StoreResult<bool> {
        if let Some(known) = self.memo.exists.get(&(table, id)) {
            return Ok(*known);
        }
        let found = read::exists(&mut *self.conn, table, id).await?;
        self.memo.exists.insert((table, id), found);
        Ok(found)
    }
}

/// The parents a permission scope needs, read inside the write transaction, so the decision
/// and the write see the same data.
impl Parents for Reads<'_> {
    async fn agreement(&mut self, id: Id) -> StoreResult<Option<Agreement>> {
        self.record(id).await
    }
    async fn commission(&mut self, id: Id) -> StoreResult<Option<Commission>> {
        self.record(id).await
    }
    async fn plan(&mut self, id: Id) -> StoreResult<Option<ActionPlan>> {
        self.record(id).await
    }
    async fn item(&mut self, id: Id) -> StoreResult<Option<ActionItem>> {
        self.record(id).await
    }
}
