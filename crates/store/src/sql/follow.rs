//! What the write path derives from a record, in the record's own transaction: an item's
//! joint status (settled before the item is validated), and the facts dashboards read
//! without decoding documents — the item's percent, last report, commission and agreement
//! columns and its `item_sides` rows. Saving a progress update re-derives its item (a
//! changed joint status is written and audited as an update of the item); saving a plan
//! updates the commission and agreement copied onto its items.

use super::d::Conn;
use super::{
    audit, read,
    record::{Record, Value},
    script::{Pending, Script},
    write::write_row,
};
use crate::{Actor, StoreResult};
use std::future::Future;
use taawun_core::followup::{FollowupRules, SideState, item_status, side_states, thresholds};
use taawun_core::*;

pub(super) trait Follows: Record {
    /// Whether `follow` may rewrite item documents (not only their facts columns), so that
    /// what the transaction read of items is stale.
    const REWRITES_ITEMS: bool = false;
    /// Adjusts the record before it is validated and written; `previous` is the stored
    /// record it will replace.
    fn settle(
        &mut self,
        _: &mut Pending<'_>,
        _: Option<&Self>,
    ) -> impl Future<Output = StoreResult<()>> + Send {
        async { Ok(()) }
    }
    /// Writes what derives from the record once it is written (its own writes are pending
    /// before these); `previous` is the record it replaced.
    fn follow(
        &self,
        _: &mut Pending<'_>,
        _: &Actor,
        _: Option<&Self>,
    ) -> impl Future<Output = StoreResult<()>> + Send {
        async { Ok(()) }
    }
}

/// Records nothing derives from.
macro_rules! nothing_follows {
    ($($t:ty),*) => {$( impl Follows for $t {} )*};
}

nothing_follows!(
    Party,
    Organisation,
    Rank,
    Person,
    Area,
    Agreement,
    Clause,
    Commission,
    Session,
    Activity,
    User
);

/// The item's progress updates, as stored.
async fn updates_of(conn: &mut Conn, item: Id) -> StoreResult<Vec<ProgressUpdate>> {
    let sql = "select doc from progress_updates where item_id = ?";
    read::list(&mut *conn, sql, vec![item.into()]).await
}

/// The reports of an item being saved: none when it is new (`stored` is `None`), since
/// `progress_updates.item_id` references `action_items` and no report can exist before its
/// item does. Not asking saves a query per item of an import.
async fn reports_of(
    pending: &mut Pending<'_>,
    item: &ActionItem,
    stored: Option<&ActionItem>,
) -> StoreResult<Vec<ProgressUpdate>> {
    match stored {
        Some(_) => updates_of(pending.conn().await?, item.id).await,
        None => Ok(Vec::new()),
    }
}

impl Follows for ActionItem {
    /// The stored status is the joint one: whatever the form sent, unless it cancels.
    async fn settle(
        &mut self,
        pending: &mut Pending<'_>,
        previous: Option<&Self>,
    ) -> StoreResult<()> {
        let sides = side_states(self, &reports_of(pending, self, previous).await?);
        self.status = item_status(self, &sides);
        Ok(())
    }

    /// The facts join the item's own pending writes: for a new item nothing is read.
    async fn follow(
        &self,
        pending: &mut Pending<'_>,
        _: &Actor,
        previous: Option<&Self>,
    ) -> StoreResult<()> {
        let sides = side_states(self, &reports_of(pending, self, previous).await?);
        let parties = |i: &ActionItem| i.leads.iter().map(|l| l.party_id).collect::<Vec<_>>();
        let stored = match previous {
            None => Stored::None,
            Some(p) if parties(p) == parties(self) => Stored::Same,
            Some(_) => Stored::Other,
        };
        push_facts(&mut pending.writes, self, &sides, Seq::Next, stored, true);
        Ok(())
    }
}

impl Follows for ProgressUpdate {
    const REWRITES_ITEMS: bool = true;

    async fn follow(
        &self,
        pending: &mut Pending<'_>,
        actor: &Actor,
        previous: Option<&Self>,
    ) -> StoreResult<()> {
        // Deriving reads the item and its reports, this one included: the update's own
        // writes are sent first (`Pending::conn`).
        let conn = pending.conn().await?;
        rederive(conn, actor, self.item_id, true).await?;
        // A report moved to another item leaves its first item to be derived again too.
        if let Some(prev) = previous.filter(|p| p.item_id != self.item_id) {
            rederive(conn, actor, prev.item_id, true).await?;
        }
        Ok(())
    }
}

impl Follows for ActionPlan {
    async fn follow(
        &self,
        pending: &mut Pending<'_>,
        _: &Actor,
        previous: Option<&Self>,
    ) -> StoreResult<()> {
        let moved = previous.is_some_and(|p| {
            p.commission_id != self.commission_id || p.agreement_id != self.agreement_id
        });
        if moved {
            let conn = pending.conn().await?;
            let seq = next_seq(conn).await?;
            sqlx::query(&super::d::sql(
                "update action_items set commission_id = ?, agreement_id = ?, facts_seq = ?
                 where plan_id = ?",
            ))
            .bind(self.commission_id.to_string())
            .bind(self.agreement_id.map(|a| a.to_string()))
            .bind(seq)
            .bind(self.id.to_string())
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}

/// Derives an item again after one of its reports changed. A new joint status is written
/// like any update of the item (new version, audit row under the reporting actor); the
/// facts are rewritten in any case, since a side's percent or date may have moved.
/// `later_columns`: whether the threshold columns (0010) and the sides' positions (0022)
/// exist yet (not while migration 3 runs).
pub(super) async fn rederive(
    conn: &mut Conn,
    actor: &Actor,
    item_id: Id,
    later_columns: bool,
) -> StoreResult<()> {
    let stored: Option<(i64, String)> = sqlx::query_as(&super::d::sql(
        "select version, doc from action_items where id = ?",
    ))
    .bind(item_id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((version, doc)) = stored else {
        return Ok(());
    };
    let mut item: ActionItem = read::decode(&doc)?;
    let sides = side_states(&item, &updates_of(conn, item_id).await?);
    let status = item_status(&item, &sides);
    if status != item.status {
        item.status = status;
        item.version = version + 1;
        let after = serde_json::to_string(&item)?;
        write_row(conn, &item, &after, version).await?;
        audit::append(conn, actor, ActionItem::KIND, item_id, Some(&doc), &after).await?;
    }
    write_facts(conn, &item, &sides, Seq::Next, later_columns).await
}

/// The next value of the facts counter. Taken under the write lock, so values rise in
/// commit order and a reader that has seen `n` misses nothing by asking for `> n`.
pub(super) async fn next_seq(conn: &mut Conn) -> StoreResult<i64> {
    let seq: i64 = sqlx::query_scalar(&super::d::sql(
        "select coalesce(max(facts_seq), 0) + 1 from action_items",
    ))
    .fetch_one(&mut *conn)
    .await?;
    Ok(seq)
}

/// The value an item's `facts_seq` takes when its facts are written.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seq {
    /// Chosen by the caller (the benchmark generator numbers its items itself).
    #[cfg(feature = "bench")]
    #[allow(dead_code)] // SQLite's generator only (see `sql/mod.rs`)
    Given(i64),
    /// One above every value stored, computed in the statement itself, as `next_seq` does.
    Next,
}

/// Writes the derived columns of an item already in `action_items` and its side rows, as
/// one command (`script`). `sides` must be `side_states` of the item and its reports (the
/// benchmark generator computes them in memory, the write path from the database).
pub(crate) async fn write_facts(
    conn: &mut Conn,
    item: &ActionItem,
    sides: &[SideState],
    seq: Seq,
    later_columns: bool,
) -> StoreResult<()> {
    let mut script = Script::default();
    push_facts(&mut script, item, sides, seq, Stored::Same, later_columns);
    script.run(conn).await
}

/// The side rows an item has before its facts are written, against the new ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stored {
    /// None: the item is new in this save (side rows reference it).
    None,
    /// One per party of the new sides, in the same order (or none yet): each is updated in
    /// place, and only when it changed, so that the dashboards' tallies move only for what
    /// did (`tallies`). Rows keep their order (`position` is the leads' order).
    Same,
    /// Other parties or another order: all are deleted and written again.
    Other,
}

/// The statements of `write_facts`. `stored`: the side rows already there. `later_columns`
/// false: the threshold columns and the sides' positions do not exist yet (migration 3's
/// backfill; 0010 and 0022 fill them).
fn push_facts(
    script: &mut Script,
    item: &ActionItem,
    sides: &[SideState],
    seq: Seq,
    stored: Stored,
    later_columns: bool,
) {
    let day = |d: Option<chrono::NaiveDate>| Value::from(d);
    let last_report = sides.iter().filter_map(|s| s.last_report).max();
    let plan = Value::from(item.plan_id);
    let (seq_sql, seq_value) = match seq {
        #[cfg(feature = "bench")]
        Seq::Given(n) => ("?", Some(Value::from(n))),
        Seq::Next => (
            "(select coalesce(max(facts_seq), 0) + 1 from action_items)",
            None,
        ),
    };
    let mut sets = vec![
        ("percent", "?"),
        ("last_report", "?"),
        ("facts_seq", seq_sql),
        (
            "commission_id",
            "(select commission_id from action_plans where id = ?)",
        ),
        (
            "agreement_id",
            "(select agreement_id from action_plans where id = ?)",
        ),
    ];
    let mut values = vec![
        Some(Value::from(i64::from(followup::joint_percent(sides)))),
        Some(day(last_report)),
        seq_value,
        Some(plan.clone()),
        Some(plan),
    ];
    if later_columns {
        let due = thresholds(item.status, item.start_on, item.due_on, sides, &RULES);
        sets.extend([("overdue_from", "?"), ("at_risk_from", "?")]);
        values.extend([Some(day(due.overdue_from)), Some(day(due.at_risk_from))]);
    }
    script.push_update_by_id(
        "action_items",
        &sets,
        values.into_iter().flatten(),
        item.id.into(),
    );
    if stored == Stored::Other {
        script.push("delete from item_sides where item_id = ?", [item.id.into()]);
    }
    let tail = if stored == Stored::Same {
        let t = super::d::stored("item_sides");
        let differs = super::d::DIFFERS;
        format!(
            "on conflict (item_id, party_id) do update set
             organisation_id = excluded.organisation_id, status = excluded.status,
             percent = excluded.percent, last_report = excluded.last_report
         where {t}organisation_id {differs} excluded.organisation_id
            or {t}status {differs} excluded.status or {t}percent {differs} excluded.percent
            or {t}last_report {differs} excluded.last_report"
        )
    } else {
        String::new()
    };
    // One statement per side: see `write::push_links`. `position` is the side's place
    // among the item's leads; `Same` keeps the order, so its update leaves it alone.
    // Before 0022 the rows' order is the position, which 0022 then reads.
    let (head, row) = if later_columns {
        (
            "insert into item_sides
                 (item_id, party_id, organisation_id, status, percent, last_report, position)",
            "(?, ?, ?, ?, ?, ?, ?)",
        )
    } else {
        (
            "insert into item_sides
                 (item_id, party_id, organisation_id, status, percent, last_report)",
            "(?, ?, ?, ?, ?, ?)",
        )
    };
    for (position, side) in sides.iter().enumerate() {
        let mut values = vec![
            item.id.into(),
            side.party_id.into(),
            side.organisation_id.into(),
            side.status.key().into(),
            i64::from(side.percent).into(),
            day(side.last_report),
        ];
        if later_columns {
            values.push((position as i64).into());
        }
        script.push_insert(head, row, &tail, values);
    }
}

/// The status rules the threshold columns are computed with: the instance-wide ones
/// (`app::items::rules`). Were they to become configurable, changing them would have to
/// recompute the columns (`fill_thresholds`).
const RULES: FollowupRules = FollowupRules::STANDARD;

/// Fills the threshold columns of every stored item from its facts columns and side rows,
/// for a database written before they existed (migration 0010).
// SQLite's migrations only: PostgreSQL's schema starts where this backfill ends.
#[allow(dead_code)]
pub(in super::super) async fn fill_thresholds(conn: &mut Conn) -> StoreResult<()> {
    let items: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        &super::d::sql("select id, status, start_on, due_on from action_items"),
    )
    .fetch_all(&mut *conn)
    .await?;
    let sides: Vec<(String, i64, Option<String>)> = sqlx::query_as(&super::d::sql(
        "select item_id, percent, last_report from item_sides",
    ))
    .fetch_all(&mut *conn)
    .await?;
    let corrupt = |what: &str, v: &str| {
        crate::StoreError::Corrupt(serde::de::Error::custom(format!("item {what}: {v:?}")))
    };
    let date = |v: Option<String>| -> StoreResult<Option<chrono::NaiveDate>> {
        v.map(|t| t.parse().map_err(|_| corrupt("date", &t)))
            .transpose()
    };
    let mut by_item: std::collections::HashMap<String, Vec<SideState>> = Default::default();
    for (item, percent, last) in sides {
        // Only the percent and the last report enter the thresholds.
        by_item.entry(item).or_default().push(SideState {
            party_id: Id::nil(),
            organisation_id: Id::nil(),
            status: ItemStatus::InProgress,
            percent: u8::try_from(percent).map_err(|_| corrupt("percent", &percent.to_string()))?,
            last_report: date(last)?,
        });
    }
    for (id, status, start, due) in items {
        let status = ItemStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?;
        let sides = by_item.remove(&id).unwrap_or_default();
        let t = thresholds(status, date(start)?, date(due)?, &sides, &RULES);
        let text = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        sqlx::query(&super::d::sql(
            "update action_items set overdue_from = ?, at_risk_from = ? where id = ?",
        ))
        .bind(text(t.overdue_from))
        .bind(text(t.at_risk_from))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Derives every item once, for a database written before the follow-up columns existed.
/// An item whose stored status differs from its sides' joint status gets the joint one,
/// with a new version and an audit row by `system`, as any derived change is recorded.
// SQLite's migrations only: PostgreSQL's schema starts where this backfill ends.
#[allow(dead_code)]
pub(in super::super) async fn backfill(conn: &mut Conn) -> StoreResult<()> {
    let ids: Vec<String> =
        sqlx::query_scalar(&super::d::sql("select id from action_items order by id"))
            .fetch_all(&mut *conn)
            .await?;
    let system = Actor::system();
    for id in ids {
        let id: Id = id.parse().map_err(|e: uuid::Error| {
            crate::StoreError::Corrupt(serde::de::Error::custom(format!("item id: {e}")))
        })?;
        // Migration 3 runs before the threshold columns exist (0010 fills them).
        rederive(conn, &system, id, false).await?;
    }
    // The item's own columns new in this version, from its document.
    let rows: Vec<(String, String)> =
        sqlx::query_as(&super::d::sql("select id, doc from action_items"))
            .fetch_all(&mut *conn)
            .await?;
    for (id, doc) in rows {
        let item: ActionItem = read::decode(&doc)?;
        let p = item.protection;
        sqlx::query(&super::d::sql(
            "update action_items set start_on = ?, marking = ?, releasability = ?, originator = ?
             where id = ?",
        ))
        .bind(item.start_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(p.marking.level())
        .bind(p.releasability.key())
        .bind(p.originator.map(|o| o.to_string()))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
