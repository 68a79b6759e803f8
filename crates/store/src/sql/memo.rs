//! Reads made by the write path inside one transaction, remembered for the rest of it.
//! A save reads the same parents several times (the permission decision, then the rules);
//! a batch of items (`save_items`) reads the same plan, commission, area and lead bodies
//! for every item, and asks for each item's stored row. Under the transaction's write lock
//! nobody else changes them, and the write path tells the memo what it writes (`saved`,
//! `wrote`), so a remembered read is always what the database would answer.

use super::{read, record::Record, script::Pending};
use crate::{StoreError, StoreResult, scope::Parents};
use std::{
    any::Any,
    collections::{HashMap, HashSet},
};
use taawun_core::*;

/// Per table, then per id: forgetting a table (`Memo::wrote`) costs nothing however much
/// the transaction remembers, which matters when a batch saves thousands of reports, each
/// of which forgets the items.
type ByTable<V> = HashMap<&'static str, HashMap<Id, V>>;

/// A record's stored version and document, as the write path compares and audits them.
pub(super) type Row = (i64, String);

/// What one write transaction has read so far: stored rows and decoded records by table
/// and id (`None` when absent), and the answers of existence checks.
#[derive(Default)]
pub(super) struct Memo {
    rows: ByTable<Option<Row>>,
    records: ByTable<Option<Box<dyn Any + Send + Sync>>>,
    exists: ByTable<bool>,
    /// Who writes in this transaction (`None`: trusted system code), for the rules that
    /// depend on what the writer may see (uniqueness, see `context`).
    writer: Option<Principal>,
    /// Item codes by plan, then by code, with the ids of the items holding them: read once
    /// per plan, then kept up to date by the checks, so a batch does not ask per item.
    codes: HashMap<Id, HashMap<String, Vec<Id>>>,
    /// The ids the stored version of the record being checked refers to (see
    /// `context::known`).
    held: HashSet<Id>,
}

impl Memo {
    /// The transaction writes as `writer`.
    pub(super) fn writing_as(&mut self, writer: Option<Principal>) {
        self.writer = writer;
    }

    /// The record about to be checked is stored as `previous` (serialized): every id it
    /// refers to may stay, hidden from the writer or not.
    pub(super) fn checking_over(&mut self, previous: Option<&serde_json::Value>) {
        self.held.clear();
        if let Some(doc) = previous {
            collect_ids(doc, &mut self.held);
        }
    }

    /// The transaction wrote rows of `table` it cannot name: forget all it read there.
    pub(super) fn wrote(&mut self, table: &str) {
        self.rows.remove(table);
        self.records.remove(table);
        self.exists.remove(table);
    }

    /// The transaction wrote `record` as `doc` at `version`.
    pub(super) fn saved<R: Record>(&mut self, record: &R, version: i64, doc: String) {
        let id = record.id();
        if let Some(records) = self.records.get_mut(R::TABLE) {
            records.remove(&id);
        }
        self.exists.entry(R::TABLE).or_default().insert(id, true);
        self.rows
            .entry(R::TABLE)
            .or_default()
            .insert(id, Some((version, doc)));
    }

    fn remember_exists(&mut self, table: &'static str, id: Id, found: bool) {
        self.exists.entry(table).or_default().insert(id, found);
    }

    /// Reads the stored rows of `ids` at once, so that saving each of them does not ask
    /// again (a batch knows its ids in advance).
    pub(super) async fn prefetch<R: Record>(
        &mut self,
        pending: &mut Pending<'_>,
        ids: &[Id],
    ) -> StoreResult<()> {
        // Well under SQLite's limit of 32,766 parameters per statement.
        for part in ids.chunks(500) {
            let marks = vec!["?"; part.len()].join(", ");
            let sql = format!(
                "select id, version, doc from {} where id in ({marks})",
                R::TABLE
            );
            let text = super::d::sql(&sql);
            let q = part
                .iter()
                .fold(sqlx::query_as(&text), |q, id| q.bind(id.to_string()));
            let found: Vec<(String, i64, String)> = q.fetch_all(pending.conn().await?).await?;
            let mut found: HashMap<String, Row> = found
                .into_iter()
                .map(|(id, v, doc)| (id, (v, doc)))
                .collect();
            for id in part {
                let row = found.remove(&id.to_string());
                self.exists
                    .entry(R::TABLE)
                    .or_default()
                    .insert(*id, row.is_some());
                self.rows.entry(R::TABLE).or_default().insert(*id, row);
            }
        }
        Ok(())
    }
}

/// The write transaction's pending writes with its memo: how the write path reads.
pub(super) struct Reads<'p, 'c> {
    pub pending: &'p mut Pending<'c>,
    memo: &'p mut Memo,
}

impl<'p, 'c> Reads<'p, 'c> {
    pub(super) fn new(pending: &'p mut Pending<'c>, memo: &'p mut Memo) -> Self {
        Reads { pending, memo }
    }

    /// The stored version and document of a record, read once per transaction.
    pub(super) async fn row<R: Record>(&mut self, id: Id) -> StoreResult<Option<Row>> {
        if let Some(row) = self.memo.rows.get(R::TABLE).and_then(|t| t.get(&id)) {
            return Ok(row.clone());
        }
        let sql = format!("select version, doc from {} where id = ?", R::TABLE);
        let row: Option<Row> = sqlx::query_as(&super::d::sql(&sql))
            .bind(id.to_string())
            .fetch_optional(self.pending.conn().await?)
            .await?;
        self.memo.remember_exists(R::TABLE, id, row.is_some());
        self.memo
            .rows
            .entry(R::TABLE)
            .or_default()
            .insert(id, row.clone());
        Ok(row)
    }

    /// One record by id, read once per transaction.
    pub(super) async fn record<R: Record>(&mut self, id: Id) -> StoreResult<Option<R>> {
        match self.memo.records.get(R::TABLE).and_then(|t| t.get(&id)) {
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
        let found: Option<R> = read::by_id(self.pending.conn().await?, id).await?;
        self.memo.remember_exists(R::TABLE, id, found.is_some());
        let kept = found
            .clone()
            .map(|r| Box::new(r) as Box<dyn Any + Send + Sync>);
        self.memo
            .records
            .entry(R::TABLE)
            .or_default()
            .insert(id, kept);
        Ok(found)
    }

    /// Whether the stored version of the record being checked already refers to `id`.
    pub(super) fn held_before(&self, id: Id) -> bool {
        self.memo.held.contains(&id)
    }

    /// Who writes: `None` for trusted system code.
    pub(super) fn writer(&self) -> Option<&Principal> {
        self.memo.writer.as_ref()
    }

    /// The other items of `plan` holding `code`, and from now on `item` holding it there
    /// (and no other code anywhere): the checks of one transaction see each other's codes.
    pub(super) async fn codes_taken(
        &mut self,
        plan: Id,
        code: &str,
        item: Id,
    ) -> StoreResult<Vec<Id>> {
        if !self.memo.codes.contains_key(&plan) {
            let rows: Vec<(String, String)> = sqlx::query_as(&super::d::sql(
                "select id, code from action_items where plan_id = ?",
            ))
            .bind(plan.to_string())
            .fetch_all(self.pending.conn().await?)
            .await?;
            let mut by_code: HashMap<String, Vec<Id>> = HashMap::new();
            for (id, c) in rows {
                let id = id
                    .parse()
                    .map_err(|e| StoreError::Open(format!("action item id {id}: {e}")))?;
                by_code.entry(c).or_default().push(id);
            }
            self.memo.codes.insert(plan, by_code);
        }
        for plan_codes in self.memo.codes.values_mut() {
            for ids in plan_codes.values_mut() {
                ids.retain(|i| *i != item);
            }
        }
        let holders = self
            .memo
            .codes
            .entry(plan)
            .or_default()
            .entry(code.to_string())
            .or_default();
        let others = holders.clone();
        holders.push(item);
        Ok(others)
    }

    /// Whether `table` (one of our own table names) has a row `id`, asked once per
    /// transaction.
    pub(super) async fn exists(&mut self, table: &'static str, id: Id) -> StoreResult<bool> {
        if let Some(known) = self.memo.exists.get(table).and_then(|t| t.get(&id)) {
            return Ok(*known);
        }
        let found = read::exists(self.pending.conn().await?, table, id).await?;
        self.memo.remember_exists(table, id, found);
        Ok(found)
    }
}

/// The parents a permission scope needs, read inside the write transaction, so the decision
/// and the write see the same data.
impl Parents for Reads<'_, '_> {
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

/// Every string of a stored document that reads as an id.
fn collect_ids(doc: &serde_json::Value, into: &mut HashSet<Id>) {
    match doc {
        serde_json::Value::String(s) => {
            if let Ok(id) = s.parse() {
                into.insert(id);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_ids(v, into)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| collect_ids(v, into)),
        _ => {}
    }
}
