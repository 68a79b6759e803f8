//! Item facts read without decoding a document, for what still needs every item of a scope
//! (the next session's proposal, the status report, calendar feeds, reminders): the scope's
//! item rows and their side rows, in one read transaction, nothing kept between calls. The
//! dashboards do not come here any more: they add up the tallies (`counts.rs`). The rows
//! read are in proportion to the scope asked for, never to the whole database unless the
//! scope is the whole instance.

use super::Engine;
use super::d::DbRow;
use crate::{FactsFilter, FactsScope, StoreError, StoreResult};
use chrono::NaiveDate;
use sqlx::Row;
use std::collections::HashMap;
use taawun_core::followup::{ItemFacts, SideState};
use taawun_core::*;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(format!(
        "item facts {what}: {value:?}"
    )))
}

pub(super) fn id(row: &DbRow, col: &str) -> StoreResult<Id> {
    let text: &str = row.try_get(col)?;
    text.parse().map_err(|_| corrupt(col, text))
}

fn opt_id(row: &DbRow, col: &str) -> StoreResult<Option<Id>> {
    let text: Option<&str> = row.try_get(col)?;
    text.map(|t| t.parse().map_err(|_| corrupt(col, t)))
        .transpose()
}

fn date(row: &DbRow, col: &str) -> StoreResult<Option<NaiveDate>> {
    let text: Option<&str> = row.try_get(col)?;
    text.map(|t| t.parse().map_err(|_| corrupt(col, t)))
        .transpose()
}

fn status(row: &DbRow) -> StoreResult<ItemStatus> {
    let key: &str = row.try_get("status")?;
    ItemStatus::parse(key).ok_or_else(|| corrupt("status", key))
}

fn percent(row: &DbRow) -> StoreResult<u8> {
    let p: i64 = row.try_get("percent")?;
    u8::try_from(p).map_err(|_| corrupt("percent", &p.to_string()))
}

fn protection(row: &DbRow) -> StoreResult<Protection> {
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

pub(super) fn side(row: &DbRow) -> StoreResult<(Id, SideState)> {
    let state = SideState {
        party_id: id(row, "party_id")?,
        organisation_id: id(row, "organisation_id")?,
        status: status(row)?,
        percent: percent(row)?,
        last_report: date(row, "last_report")?,
    };
    Ok((id(row, "item_id")?, state))
}

pub(super) fn facts(row: &DbRow, sides: Vec<SideState>) -> StoreResult<(i64, ItemFacts)> {
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

/// The scope's condition over `action_items` (unaliased) and its value.
fn scope_condition(scope: FactsScope) -> (&'static str, Option<String>) {
    match scope {
        FactsScope::All => ("true", None),
        FactsScope::Commission(c) => ("commission_id = ?", Some(c.to_string())),
        FactsScope::Agreement(a) => ("agreement_id = ?", Some(a.to_string())),
        FactsScope::Plan(p) => ("plan_id = ?", Some(p.to_string())),
        FactsScope::Party(p) => (
            "id in (select item_id from item_sides where party_id = ?)",
            Some(p.to_string()),
        ),
    }
}

impl Engine {
    pub(super) async fn facts_of(
        &self,
        scope: FactsScope,
        only: Option<&FactsFilter>,
    ) -> StoreResult<Vec<ItemFacts>> {
        let (cond, value) = scope_condition(scope);
        // One read transaction: items and sides come from the same snapshot.
        let mut tx = super::d::begin_read(&self.pool).await?;
        let items_sql = format!(
            "select id, plan_id, commission_id, agreement_id, area_id, start_on, due_on,
                    status, percent, marking, releasability, originator, facts_seq
             from action_items where {cond} order by id"
        );
        let items = match &value {
            None => {
                sqlx::query(&super::d::sql(&items_sql))
                    .fetch_all(&mut *tx)
                    .await?
            }
            Some(v) => {
                sqlx::query(&super::d::sql(&items_sql))
                    .bind(v)
                    .fetch_all(&mut *tx)
                    .await?
            }
        };
        // In the order of the item's leads.
        let sides_sql = format!(
            "select item_id, party_id, organisation_id, status, percent, last_report
             from item_sides where item_id in (select id from action_items where {cond})
             order by item_id, position"
        );
        let side_rows = match &value {
            None => {
                sqlx::query(&super::d::sql(&sides_sql))
                    .fetch_all(&mut *tx)
                    .await?
            }
            Some(v) => {
                sqlx::query(&super::d::sql(&sides_sql))
                    .bind(v)
                    .fetch_all(&mut *tx)
                    .await?
            }
        };
        tx.commit().await?;
        let mut sides: HashMap<Id, Vec<SideState>> = HashMap::with_capacity(items.len());
        for row in &side_rows {
            let (item, state) = side(row)?;
            sides.entry(item).or_default().push(state);
        }
        let mut out = Vec::with_capacity(items.len());
        for row in &items {
            let item = id(row, "id")?;
            let (_, f) = facts(row, sides.remove(&item).unwrap_or_default())?;
            if only.is_none_or(|o| o.admits(f.plan_id, &f.protection)) {
                out.push(f);
            }
        }
        Ok(out)
    }
}
