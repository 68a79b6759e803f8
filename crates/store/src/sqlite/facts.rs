//! Item facts for dashboards, held in memory and brought up to date on every read.
//!
//! Why a cache: sqlx's SQLite driver hands rows over at roughly 250,000 a second on the
//! 2-core reference machine, so any dashboard that read 50,000 item rows and 100,000 side
//! rows per request would spend ~600 ms in the driver alone. Instead each store keeps the
//! facts it has read, and every read first asks for the rows whose `facts_seq` is above the
//! highest it holds (an index range scan: nothing in the common case). The write path
//! raises `facts_seq` whenever an item's facts change, on one counter taken under the write
//! lock, so the copy is exact after that one query — also across processes sharing the
//! file. Items are never deleted, so no row has to be dropped.

use super::SqliteStore;
use crate::{FactsFilter, FactsScope, StoreError, StoreResult};
use chrono::NaiveDate;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, PoisonError};
use taawun_core::followup::{ItemFacts, SideState};
use taawun_core::*;

/// The facts read so far, by item id (so lists come out in id order), with the
/// `facts_seq` each was read at.
#[derive(Default)]
pub(crate) struct FactsCache(Mutex<Held>);

#[derive(Default)]
struct Held {
    seq: i64,
    rows: BTreeMap<Id, (i64, ItemFacts)>,
}

impl std::fmt::Debug for FactsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("FactsCache")
            .field("seq", &held.seq)
            .field("items", &held.rows.len())
            .finish()
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(format!(
        "item facts {what}: {value:?}"
    )))
}

pub(super) fn id(row: &SqliteRow, col: &str) -> StoreResult<Id> {
    let text: &str = row.try_get(col)?;
    text.parse().map_err(|_| corrupt(col, text))
}

fn opt_id(row: &SqliteRow, col: &str) -> StoreResult<Option<Id>> {
    let text: Option<&str> = row.try_get(col)?;
    text.map(|t| t.parse().map_err(|_| corrupt(col, t)))
        .transpose()
}

fn date(row: &SqliteRow, col: &str) -> StoreResult<Option<NaiveDate>> {
    let text: Option<&str> = row.try_get(col)?;
    text.map(|t| t.parse().map_err(|_| corrupt(col, t)))
        .transpose()
}

fn status(row: &SqliteRow) -> StoreResult<ItemStatus> {
    let key: &str = row.try_get("status")?;
    ItemStatus::parse(key).ok_or_else(|| corrupt("status", key))
}

fn percent(row: &SqliteRow) -> StoreResult<u8> {
    let p: i64 = row.try_get("percent")?;
    u8::try_from(p).map_err(|_| corrupt("percent", &p.to_string()))
}

fn protection(row: &SqliteRow) -> StoreResult<Protection> {
    let level: i64 = row.try_get("marking")?;
    let marking = Marking::ALL
        .into_iter()
        .find(|m| m.level() == level)
        .ok_or_else(|| corrupt("marking", &level.to_string()))?;
    let key: &str = row.try_get("releasability")?;
    let releasability = Releasability::parse(key).ok_or_else(|| corrupt("releasability", key))?;
    Ok(Protection {
        marking,
        releasability,
        originator: opt_id(row, "originator")?,
    })
}

pub(super) fn side(row: &SqliteRow) -> StoreResult<(Id, SideState)> {
    let state = SideState {
        party_id: id(row, "party_id")?,
        organisation_id: id(row, "organisation_id")?,
        status: status(row)?,
        percent: percent(row)?,
        last_report: date(row, "last_report")?,
    };
    Ok((id(row, "item_id")?, state))
}

pub(super) fn facts(row: &SqliteRow, sides: Vec<SideState>) -> StoreResult<(i64, ItemFacts)> {
    let commission_id = opt_id(row, "commission_id")?;
    let facts = ItemFacts {
        id: id(row, "id")?,
        plan_id: id(row, "plan_id")?,
        // The write path fills it with the item; a plan always has a commission.
        commission_id: commission_id.ok_or_else(|| corrupt("commission_id", "null"))?,
        agreement_id: opt_id(row, "agreement_id")?,
        area_id: id(row, "area_id")?,
        start_on: date(row, "start_on")?,
        due_on: date(row, "due_on")?,
        status: status(row)?,
        percent: percent(row)?,
        sides,
        protection: protection(row)?,
    };
    Ok((row.try_get("facts_seq")?, facts))
}

fn in_scope(f: &ItemFacts, scope: FactsScope) -> bool {
    match scope {
        FactsScope::All => true,
        FactsScope::Commission(c) => f.commission_id == c,
        FactsScope::Agreement(a) => f.agreement_id == Some(a),
        FactsScope::Party(p) => f.sides.iter().any(|s| s.party_id == p),
    }
}

impl SqliteStore {
    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.facts.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads the facts changed since the copy was last brought up to date.
    async fn refresh_facts(&self) -> StoreResult<()> {
        let since = self.held().seq;
        // One read transaction: items and sides come from the same snapshot.
        let mut tx = self.pool.begin().await?;
        let items = sqlx::query(
            "select id, plan_id, commission_id, agreement_id, area_id, start_on, due_on,
                    status, percent, marking, releasability, originator, facts_seq
             from action_items where facts_seq > ?",
        )
        .bind(since)
        .fetch_all(&mut *tx)
        .await?;
        if items.is_empty() {
            return Ok(());
        }
        // In the order they were written, which is the order of the item's leads. Two
        // statements: an `or` between them would scan every side row on each refresh.
        let side_rows = if since == 0 {
            sqlx::query(
                "select item_id, party_id, organisation_id, status, percent, last_report
                 from item_sides order by rowid",
            )
            .fetch_all(&mut *tx)
            .await?
        } else {
            sqlx::query(
                "select item_id, party_id, organisation_id, status, percent, last_report
                 from item_sides
                 where item_id in (select id from action_items where facts_seq > ?)
                 order by rowid",
            )
            .bind(since)
            .fetch_all(&mut *tx)
            .await?
        };
        tx.commit().await?;
        let mut sides: HashMap<Id, Vec<SideState>> = HashMap::with_capacity(items.len());
        for row in &side_rows {
            let (item, state) = side(row)?;
            sides.entry(item).or_default().push(state);
        }
        let mut read = Vec::with_capacity(items.len());
        for row in &items {
            let item = id(row, "id")?;
            read.push(facts(row, sides.remove(&item).unwrap_or_default())?);
        }
        let mut held = self.held();
        for (seq, f) in read {
            held.seq = held.seq.max(seq);
            // Another reader may have brought a newer copy of the row meanwhile.
            let newer = held.rows.get(&f.id).is_some_and(|(s, _)| *s >= seq);
            if !newer {
                held.rows.insert(f.id, (seq, f));
            }
        }
        Ok(())
    }

    pub(super) async fn facts_of(
        &self,
        scope: FactsScope,
        only: Option<&FactsFilter>,
    ) -> StoreResult<Vec<ItemFacts>> {
        self.refresh_facts().await?;
        let held = self.held();
        Ok(held
            .rows
            .values()
            .map(|(_, f)| f)
            .filter(|f| in_scope(f, scope))
            .filter(|f| only.is_none_or(|o| o.admits(f.plan_id, &f.protection)))
            .cloned()
            .collect())
    }
}
