//! One page of the items behind a dashboard figure, selected in the query: the reader's
//! visibility (`visibility::predicate`), the scope, the group and what is counted
//! (`core::followup::ItemFilter`, each `Show` as a condition over the facts columns, the
//! date-dependent ones over the threshold dates of migration 0010), in the lists' order —
//! soonest due first, undated last, then by id — walked along an index of that order, so a
//! page reads the rows it shows plus those it skips. The count stops at the window's bound.
//! `tests/item_window.rs` checks every figure against `ItemFilter::admits` over the facts.

use super::{Engine, facts, record::Value};
use crate::visibility::predicate;
use crate::{FactsScope, ItemWindow, StoreResult, Window};
use chrono::{Days, NaiveDate};
use sqlx::Row;
use std::collections::HashMap;
use taawun_core::Principal;
use taawun_core::followup::{ItemFilter, Show};

/// Items whose sides one statement reads.
const SIDES_CHUNK: usize = 500;

/// The statuses of `ItemStatus::is_open`'s complement, as stored.
const CLOSED: &str = "('done', 'cancelled')";

/// The conditions of the selection over `action_items i` but the reader's visibility, and
/// their values in order.
fn conditions(
    scope: FactsScope,
    filter: &ItemFilter,
    today: NaiveDate,
) -> (String, Vec<Value>, Reach) {
    let mut sql = vec![String::from("true")];
    let mut values = Vec::new();
    match scope {
        FactsScope::All => {}
        FactsScope::Commission(c) => {
            sql.push("i.commission_id = ?".into());
            values.push(c.into());
        }
        FactsScope::Agreement(a) => {
            sql.push("i.agreement_id = ?".into());
            values.push(a.into());
        }
        FactsScope::Plan(p) => {
            sql.push("i.plan_id = ?".into());
            values.push(p.into());
        }
        FactsScope::Party(p) => {
            sql.push(
                "exists (select 1 from item_sides s where s.item_id = i.id and s.party_id = ?)"
                    .into(),
            );
            values.push(p.into());
        }
    }
    if let Some(a) = filter.area {
        sql.push("i.area_id = ?".into());
        values.push(a.into());
    }
    // The side a lead body or party group looks at: an item has one side per party.
    let grouped_side = filter.lead.is_some() || filter.side.is_some();
    let side_match = |values: &mut Vec<Value>| {
        let mut m = String::from("s.item_id = i.id");
        if let Some(o) = filter.lead {
            m.push_str(" and s.organisation_id = ?");
            values.push(o.into());
        }
        if let Some(p) = filter.side {
            m.push_str(" and s.party_id = ?");
            values.push(p.into());
        }
        m
    };
    if grouped_side {
        let m = side_match(&mut values);
        sql.push(format!("exists (select 1 from item_sides s where {m})"));
    }
    // Group tallies leave cancelled items out, as `figures` does.
    if filter.area.is_some() || grouped_side {
        sql.push("i.status <> 'cancelled'".into());
    }
    let day = |d: NaiveDate| Value::from(d);
    let within = |days: u64| today.checked_add_days(Days::new(days)).unwrap_or(today);
    match filter.show {
        Show::All => {}
        Show::Counted => sql.push("i.status <> 'cancelled'".into()),
        Show::Done if grouped_side => {
            let m = side_match(&mut values);
            sql.push(format!(
                "exists (select 1 from item_sides s where {m} and s.status = 'done')"
            ));
        }
        Show::Done => sql.push("i.status = 'done'".into()),
        Show::Open => sql.push(format!("i.status not in {CLOSED}")),
        Show::Cancelled => sql.push("i.status = 'cancelled'".into()),
        // The date-dependent figures also say where in the due order their items lie
        // (`core::followup::thresholds`: an open dated item is overdue from the day after it
        // is due; an undated one never is), so that the page seeks there.
        Show::Overdue => {
            sql.push("i.overdue_from <= ?".into());
            sql.push(format!("{DATED} and i.due_on < ?"));
            values.extend([day(today), day(today)]);
        }
        Show::AtRisk => {
            sql.push(
                "i.at_risk_from <= ? and (i.overdue_from is null or i.overdue_from > ?)".into(),
            );
            values.extend([day(today), day(today)]);
        }
        Show::Due30 | Show::Due90 => {
            let days = if filter.show == Show::Due30 { 30 } else { 90 };
            sql.push(format!(
                "i.status not in {CLOSED} and {DATED} and i.due_on >= ? and i.due_on <= ?"
            ));
            values.extend([day(today), day(within(days))]);
        }
    }
    let reach = match filter.show {
        Show::Overdue | Show::Due30 | Show::Due90 => Reach::Dated,
        Show::AtRisk => Reach::DueFromOrUndated(today),
        _ => Reach::Anywhere,
    };
    (sql.join("\n and "), values, reach)
}

/// The dated items, as a condition the due-order indexes (led by `due_on is null`) seek on.
const DATED: &str = "(i.due_on is null) = false";

/// Where a selection's items lie in the due order (undated last), for the page query.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reach {
    /// Anywhere: the page walks the due order from its start.
    Anywhere,
    /// Among the dated items only, within the range its conditions give `due_on`: the page
    /// seeks to the range's start in the dated part of the index.
    Dated,
    /// The dated items due from this day on, then the undated ones: two seeks, merged.
    DueFromOrUndated(NaiveDate),
}

/// Binds `values` in order.
pub(super) fn bind_all<'q>(
    q: sqlx::query::Query<'q, super::d::Db, super::d::Args<'q>>,
    values: &[Value],
) -> sqlx::query::Query<'q, super::d::Db, super::d::Args<'q>> {
    values.iter().cloned().fold(q, super::record::bind)
}

/// The reader's visibility as conditions over `action_items i` whose union it is: the one
/// predicate, or, for a reader whose party few scopes reach (a partner), its two disjoint
/// parts (`visibility::split`), each found along its own index.
/// Each part names its table clause too: the rows of the reader's scopes are read through
/// the scope index and those no scope restricts through their partial index (migration
/// 0014), which the planner would otherwise pass over for the due-order one and walk every
/// item to save a sort.
pub(super) async fn visible_parts(
    tx: &mut super::d::Conn,
    reaches: &super::windows::Reaches,
    who: &Principal,
) -> StoreResult<Vec<(String, String, Vec<Value>)>> {
    const ITEMS: &str = "action_items i";
    let values = |table: String, p: crate::visibility::Predicate| {
        let (sql, v) = super::windows::as_values(p);
        (table, sql, v)
    };
    if let Some((scoped, open)) = super::windows::narrow(&mut *tx, reaches, who, "i").await? {
        // Both parts name their index: given a date range (the overdue list), the planner
        // would otherwise walk that range of every party's items.
        let scoped_rows = format!(
            "action_items i {}",
            super::d::indexed_by("action_items_scope")
        );
        let unscoped = format!(
            "action_items i {}",
            super::d::indexed_by("action_items_unscoped")
        );
        return Ok(vec![values(scoped_rows, scoped), values(unscoped, open)]);
    }
    Ok(vec![values(ITEMS.to_string(), predicate(who, "i"))])
}

impl Engine {
    pub(super) async fn item_window_of(
        &self,
        who: &Principal,
        scope: FactsScope,
        filter: &ItemFilter,
        today: NaiveDate,
        window: Window,
    ) -> StoreResult<ItemWindow> {
        let (cond, values, reach) = conditions(scope, filter, today);
        // One read transaction: the page and its count come from the same snapshot.
        let mut tx = super::d::begin_read_by_values(&self.pool).await?;
        let parts = visible_parts(&mut tx, &self.reaches, who).await?;
        // Each part of the reader's visibility, with the selection's own conditions.
        let mut from = Vec::new();
        let mut all = Vec::new();
        for (table, vis, vis_values) in &parts {
            from.push(format!("from {table} where {cond} and {vis}"));
            all.extend(values.iter().cloned());
            all.extend(vis_values.iter().cloned());
        }
        let columns = "i.id, i.plan_id, i.commission_id, i.agreement_id, i.area_id, i.start_on,
                    i.due_on, i.status, i.percent, i.marking, i.releasability, i.originator,
                    i.facts_seq, (i.due_on is null) as undated";
        let mut page_values = all.clone();
        let page_sql = match (from.as_slice(), reach) {
            // Walked along the due-order index, testing each row passed.
            ([one], Reach::Anywhere) => format!(
                "select {columns} {one}
                 order by (i.due_on is null), i.due_on, i.id
                 limit ? offset ?"
            ),
            // The dated part of the index, from the start of the range. (Ordered by the
            // date alone: with `due_on is null` fixed by an equality, SQLite would still sort
            // by it.)
            ([one], Reach::Dated) => format!(
                "select {columns} {one}
                 order by i.due_on, i.id
                 limit ? offset ?"
            ),
            // Each part walked in order as far as the page reaches, then merged.
            ([one], Reach::DueFromOrUndated(from_day)) => {
                let reach = window.offset.saturating_add(window.limit);
                let reach = i64::try_from(reach).unwrap_or(i64::MAX);
                page_values.extend([Value::from(from_day), Value::from(reach)]);
                page_values.extend(all.iter().cloned());
                page_values.push(Value::from(reach));
                format!(
                    "select * from (
                       select * from (select {columns} {one} and {DATED} and i.due_on >= ?
                                      order by i.due_on, i.id limit ?) as dated_part
                       union all
                       select * from (select {columns} {one} and (i.due_on is null) = true
                                      order by i.due_on, i.id limit ?) as undated_part) as page
                     order by undated, due_on, id
                     limit ? offset ?"
                )
            }
            // A narrow reader's few rows, found by scope, then sorted.
            (parts, _) => format!(
                "select * from ({}) as page
                 order by undated, due_on, id
                 limit ? offset ?",
                parts
                    .iter()
                    .map(|f| format!("select {columns} {f}"))
                    .collect::<Vec<_>>()
                    .join(" union all ")
            ),
        };
        let page = bind_all(sqlx::query(&super::d::sql(&page_sql)), &page_values)
            .bind(i64::try_from(window.limit).unwrap_or(i64::MAX))
            .bind(i64::try_from(window.offset).unwrap_or(i64::MAX))
            .fetch_all(&mut *tx)
            .await?;
        // Counting stops at the bound: past it the page says "more than". A window asked
        // for no count (a dashboard's list, whose figure is counted already) does not walk
        // the list again to its first row.
        let counted: i64 = if window.count_to == 0 {
            i64::try_from(page.len()).unwrap_or(i64::MAX)
        } else {
            let counted_rows = from
                .iter()
                .map(|f| format!("select 1 {f}"))
                .collect::<Vec<_>>()
                .join(" union all ");
            let count_sql = format!("select count(*) from ({counted_rows} limit ?) as counted");
            bind_all(sqlx::query(&super::d::sql(&count_sql)), &all)
                .bind(i64::try_from(window.count_to.saturating_add(1)).unwrap_or(i64::MAX))
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?
        };
        let ids: Vec<String> = page
            .iter()
            .map(|r| r.try_get::<String, _>("id"))
            .collect::<Result<_, _>>()?;
        let mut sides = HashMap::with_capacity(ids.len());
        // In chunks: a download may hold tens of thousands of items, past SQLite's limit
        // on a statement's parameters. An item's sides all fall in its own chunk, in order.
        for chunk in ids.chunks(SIDES_CHUNK) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "select item_id, party_id, organisation_id, status, percent, last_report
                 from item_sides where item_id in ({marks}) order by item_id, position"
            );
            let rows = chunk
                .iter()
                .fold(sqlx::query(&super::d::sql(&sql)), |q, id| {
                    q.bind(id.as_str())
                })
                .fetch_all(&mut *tx)
                .await?;
            for row in &rows {
                let (item, state) = facts::side(row)?;
                sides.entry(item).or_insert_with(Vec::new).push(state);
            }
        }
        tx.commit().await?;
        let mut out = Vec::with_capacity(page.len());
        for row in &page {
            let id: taawun_core::Id = facts::id(row, "id")?;
            let (_, f) = facts::facts(row, sides.remove(&id).unwrap_or_default())?;
            out.push(f);
        }
        let counted = u64::try_from(counted).unwrap_or(0);
        Ok(ItemWindow {
            rows: out,
            count: counted.min(window.count_to),
            more: counted > window.count_to,
        })
    }
}

impl Engine {
    /// `Store::items_at_risk`: one query over the primary key, in chunks that stay under
    /// SQLite's parameter limit.
    pub(super) async fn at_risk_among(
        &self,
        items: &[taawun_core::Id],
        today: chrono::NaiveDate,
    ) -> crate::StoreResult<Vec<taawun_core::Id>> {
        let day = today.format("%Y-%m-%d").to_string();
        let mut out = Vec::new();
        for chunk in items.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "select id from action_items where id in ({marks})
                 and at_risk_from <= ? and (overdue_from is null or overdue_from > ?)"
            );
            let text = super::d::sql(&sql);
            let mut q = sqlx::query_scalar::<_, String>(&text);
            for id in chunk {
                q = q.bind(id.to_string());
            }
            let found = q.bind(&day).bind(&day).fetch_all(&self.pool).await?;
            for id in found {
                if let Ok(id) = id.parse() {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }
}
