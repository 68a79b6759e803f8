//! A dashboard's numbers for one reader (`Store::item_counts`). The whole instance and a
//! party are added up from the tallies the triggers keep (migration 0015, `tallies.rs`): the
//! rows of the reader's viewers at or below their clearance, a few hundred however many items
//! there are. A commission or an agreement is counted from its own items, found by their
//! index, with the reader's visibility in the query. Both give rows of one shape, which
//! `gather` turns into `Counts` exactly as `figures` counts items.

use super::d::DbRow;
use super::{Engine, facts, item_window::bind_all, record::Value, windows::visible};
use crate::{FactsScope, ItemCounts, StoreError, StoreResult};
use chrono::{Datelike, Days, NaiveDate};
use sqlx::Row;
use std::collections::BTreeMap;
use taawun_core::followup::{Counts, Tally};
use taawun_core::{Id, ItemStatus, Marking, Principal};

/// The open statuses' complement, as stored.
const CLOSED: &str = "('done', 'cancelled')";

fn day(d: NaiveDate) -> Value {
    Value::from(d)
}

fn plus(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        today.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(today)
}

fn count(row: &DbRow, i: usize) -> StoreResult<u32> {
    let n: i64 = row.try_get(i)?;
    u32::try_from(n).map_err(|_| corrupt("count", &n.to_string()))
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(format!(
        "dashboard tally {what}: {value:?}"
    )))
}

/// The marking of an effective level.
fn marking(level: i64) -> StoreResult<Marking> {
    Marking::ALL
        .into_iter()
        .find(|m| m.level() == level)
        .ok_or_else(|| corrupt("marking", &level.to_string()))
}

/// Rows `(area, status, marking, restricted, items, percent)` and `(party, lead body, sides,
/// sides done, percent)`, and the four dated figures, into the counts. (The banner's marking
/// comes from the item rows: every side counted belongs to an item counted there.)
fn gather(items: &[DbRow], sides: &[DbRow], dated: [u32; 4]) -> StoreResult<ItemCounts> {
    let mut by_status: BTreeMap<&str, u32> = BTreeMap::new();
    let mut by_area: BTreeMap<Id, Tally> = BTreeMap::new();
    let mut weighted: u64 = 0;
    let mut out = ItemCounts::default();
    for row in items {
        let n = count(row, 4)?;
        if n == 0 {
            continue;
        }
        let status: &str = row.try_get(1)?;
        let percent = count(row, 5)?;
        out.highest = out.highest.max(Some(marking(row.try_get(2)?)?));
        out.originator_only |= row.try_get::<i64, _>(3)? != 0;
        *by_status.entry(status).or_default() += n;
        if status != ItemStatus::Cancelled.key() {
            weighted += u64::from(percent);
            let done = if status == ItemStatus::Done.key() {
                n
            } else {
                0
            };
            by_area
                .entry(facts::id(row, "area")?)
                .or_default()
                .add_many(n, done, percent);
        }
    }
    let mut statuses = Vec::with_capacity(by_status.len());
    for (key, n) in by_status {
        let status = ItemStatus::parse(key).ok_or_else(|| corrupt("status", key))?;
        statuses.push((status, n));
    }
    let mut by_lead: BTreeMap<Id, Tally> = BTreeMap::new();
    let mut by_side: BTreeMap<Id, Tally> = BTreeMap::new();
    for row in sides {
        let n = count(row, 2)?;
        if n == 0 {
            continue;
        }
        let (done, percent) = (count(row, 3)?, count(row, 4)?);
        let (party, lead) = (facts::id(row, "party")?, facts::id(row, "lead")?);
        by_lead.entry(lead).or_default().add_many(n, done, percent);
        by_side.entry(party).or_default().add_many(n, done, percent);
    }
    let mut counts = Counts::new(&statuses, weighted);
    counts.by_area = by_area.into_iter().collect();
    counts.by_lead = by_lead.into_iter().collect();
    counts.by_side = by_side.into_iter().collect();
    [
        counts.overdue,
        counts.at_risk,
        counts.due_within_30,
        counts.due_within_90,
    ] = dated;
    out.counts = counts;
    Ok(out)
}

impl Engine {
    pub(super) async fn item_counts_of(
        &self,
        who: &Principal,
        scope: FactsScope,
        today: NaiveDate,
    ) -> StoreResult<ItemCounts> {
        // One read transaction: every figure from the same snapshot.
        let mut tx = super::d::begin_read(&self.pool).await?;
        let (items, sides, dated) = match scope {
            FactsScope::All => tallied(&mut tx, who, "all".into(), today).await?,
            FactsScope::Party(p) => tallied(&mut tx, who, format!("p:{p}"), today).await?,
            FactsScope::Commission(c) => {
                counted(&mut tx, who, "i.commission_id = ?", c.into(), today).await?
            }
            FactsScope::Agreement(a) => {
                counted(&mut tx, who, "i.agreement_id = ?", a.into(), today).await?
            }
            FactsScope::Plan(p) => counted(&mut tx, who, "i.plan_id = ?", p.into(), today).await?,
        };
        tx.commit().await?;
        gather(&items, &sides, dated)
    }
}

type Rows = (Vec<DbRow>, Vec<DbRow>, [u32; 4]);

/// From the tallies of `scope` ('all', 'p:<party>'), the rows of the reader's viewers.
async fn tallied(
    conn: &mut super::d::Conn,
    who: &Principal,
    scope: String,
    today: NaiveDate,
) -> StoreResult<Rows> {
    let viewer = who.party_id.map_or(String::new(), |p| p.to_string());
    let clearance = who.clearance.level();
    let mine = "scope = ? and viewer in (?, '*') and eff_marking <= ?";
    let base = || {
        vec![
            Value::Text(scope.clone()),
            Value::Text(viewer.clone()),
            Value::Int(clearance),
        ]
    };
    let items = bind_all(
        sqlx::query(&super::d::sql(&format!(
            "select area_id as area, status, eff_marking, restricted, cast(sum(items) as bigint),
                    cast(sum(percent_sum) as bigint)
             from tally_items where {mine} group by 1, 2, 3, 4"
        ))),
        &base(),
    )
    .fetch_all(&mut *conn)
    .await?;
    let sides = bind_all(
        sqlx::query(&super::d::sql(&format!(
            "select party_id as party, organisation_id as lead, cast(sum(sides) as bigint),
                    cast(sum(case when done = 1 then sides else 0 end) as bigint),
                    cast(sum(percent_sum) as bigint)
             from tally_sides where {mine} group by 1, 2"
        ))),
        &base(),
    )
    .fetch_all(&mut *conn)
    .await?;
    // How many items of a series fall on or before `upto`: the months before its month,
    // then its month's days.
    let mut parts = Vec::new();
    let mut values = Vec::new();
    let mut upto = |series: &str, upto: NaiveDate| {
        let month = format!("{:04}-{:02}", upto.year(), upto.month());
        let first = upto.with_day(1).unwrap_or(upto);
        parts.push(format!(
            "coalesce((select cast(sum(items) as bigint) from tally_dates
                       where {mine} and series = ? and grain = 'm' and period < ?), 0)
             + coalesce((select cast(sum(items) as bigint) from tally_dates
                       where {mine} and series = ? and grain = 'd'
                         and period >= ? and period <= ?), 0)"
        ));
        values.extend(base());
        values.extend([Value::Text(series.into()), Value::Text(month)]);
        values.extend(base());
        values.extend([Value::Text(series.into()), day(first), day(upto)]);
    };
    // Overdue: open and due before today. At risk, not overdue: at risk by today, less
    // those both at risk and overdue by today. Due within n days: due by today + n, less
    // those due before today.
    upto("due", plus(today, -1));
    upto("risk", today);
    upto("both", today);
    upto("due", plus(today, 30));
    upto("due", plus(today, 90));
    let row = bind_all(
        sqlx::query(&super::d::sql(&format!("select {}", parts.join(", ")))),
        &values,
    )
    .fetch_one(&mut *conn)
    .await?;
    let f = |i: usize| count(&row, i);
    let (before, risk, both) = (f(0)?, f(1)?, f(2)?);
    let dated = [
        before,
        risk.saturating_sub(both),
        f(3)?.saturating_sub(before),
        f(4)?.saturating_sub(before),
    ];
    Ok((items, sides, dated))
}

/// From the items of a commission or an agreement (`which`, binding `id`) the reader may see.
async fn counted(
    conn: &mut super::d::Conn,
    who: &Principal,
    which: &str,
    id: Value,
    today: NaiveDate,
) -> StoreResult<Rows> {
    let (vis, vis_values) = visible(who);
    let mut base = vec![id];
    base.extend(vis_values);
    let items = bind_all(
        sqlx::query(&super::d::sql(&format!(
            "select i.area_id as area, i.status, i.eff_marking,
                    cast(case when i.eff_originator is null then 0 else 1 end as bigint),
                    count(*), cast(sum(i.percent) as bigint)
             from action_items i where {which} and {vis} group by 1, 2, 3, 4"
        ))),
        &base,
    )
    .fetch_all(&mut *conn)
    .await?;
    let sides = bind_all(
        sqlx::query(&super::d::sql(&format!(
            "select d.party_id as party, d.organisation_id as lead, count(*),
                    count(case when d.status = 'done' then 1 end), cast(sum(d.percent) as bigint)
             from action_items i join item_sides d on d.item_id = i.id
             where {which} and i.status <> 'cancelled' and {vis}
             group by 1, 2"
        ))),
        &base,
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut values = vec![day(today), day(today), day(today)];
    for days in [30, 90] {
        values.extend([day(today), day(plus(today, days))]);
    }
    values.extend(base);
    let row = bind_all(
        sqlx::query(&super::d::sql(&format!(
            "select count(case when i.overdue_from <= ? then 1 end),
                    count(case when i.at_risk_from <= ?
                        and (i.overdue_from is null or i.overdue_from > ?) then 1 end),
                    count(case when i.status not in {CLOSED} and i.due_on >= ? and i.due_on <= ?
                        then 1 end),
                    count(case when i.status not in {CLOSED} and i.due_on >= ? and i.due_on <= ?
                        then 1 end)
             from action_items i where {which} and {vis}"
        ))),
        &values,
    )
    .fetch_one(&mut *conn)
    .await?;
    let f = |i: usize| count(&row, i);
    Ok((items, sides, [f(0)?, f(1)?, f(2)?, f(3)?]))
}
