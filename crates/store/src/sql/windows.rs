//! Lists read one window at a time with the reader's visibility in the query
//! (`visibility::predicate` over the effective-protection columns): commissions, sessions and
//! agreements, each in the order of an index (migration 0012) that the query walks, testing
//! the predicate on the rows it passes and stopping after the window; the count stops at the
//! window's bound.

use super::{Engine, read, record::Record, record::Value};
use crate::visibility::{Bound, predicate};
use crate::{StoreResult, Window, Windowed};
use sqlx::Row;
use taawun_core::{Agreement, Commission, Id, Lifecycle, Principal, Session};

/// The reader's visibility over `action_items i`, with its values.
pub(super) fn visible(who: &Principal) -> (String, Vec<Value>) {
    visible_as(who, "i")
}

/// The reader's visibility over the table aliased `alias`, with its values.
pub(super) fn visible_as(who: &Principal, alias: &str) -> (String, Vec<Value>) {
    as_values(predicate(who, alias))
}

/// A visibility condition with its values as this engine binds them.
pub(super) fn as_values(p: crate::visibility::Predicate) -> (String, Vec<Value>) {
    let values = p
        .values
        .into_iter()
        .map(|b| match b {
            Bound::Int(i) => Value::Int(i),
            Bound::Text(t) => Value::Text(t),
        })
        .collect();
    (p.sql, values)
}

/// The two parts of a reader's visibility over `alias` (`visibility::split`) when few scopes
/// reach their party, so that each is best found through its own index; `None` otherwise.
pub(super) async fn narrow<'e, E>(
    ex: E,
    reaches: &Reaches,
    who: &Principal,
    alias: &str,
) -> StoreResult<Option<(crate::visibility::Predicate, crate::visibility::Predicate)>>
where
    E: sqlx::Executor<'e, Database = super::d::Db>,
{
    let (Some(party), Some(parts)) = (who.party_id, crate::visibility::split(who, alias)) else {
        return Ok(None);
    };
    if let Some(narrow) = reaches.known(party) {
        return Ok(narrow.then_some(parts));
    }
    // Counted only as far as the threshold: the host's party is in every scope (3,400 rows
    // on the national set), and whether it is in fewer than the threshold is all that counts.
    let reach: i64 = sqlx::query_scalar(&super::d::sql(
        "select count(*) from (select 1 from scope_parties where party_id = ? limit ?) as counted",
    ))
    .bind(party.to_string())
    .bind(crate::visibility::NARROW_SCOPES)
    .fetch_one(ex)
    .await?;
    let narrow = reach < crate::visibility::NARROW_SCOPES;
    reaches.learn(party, narrow);
    Ok(narrow.then_some(parts))
}

/// Whether each party is `narrow`, remembered for a few seconds: a page asked it once per
/// list it shows. A stale answer costs speed only, never a row: the split and the single
/// predicate admit the same rows (`tests/visibility_predicate.rs`).
/// Shared by the store's clones, as their pool is.
#[derive(Default, Clone)]
pub(in super::super) struct Reaches(
    std::sync::Arc<
        std::sync::Mutex<std::collections::HashMap<taawun_core::Id, (bool, std::time::Instant)>>,
    >,
);

impl std::fmt::Debug for Reaches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reaches")
    }
}

impl Reaches {
    const KEEP: std::time::Duration = std::time::Duration::from_secs(10);

    fn known(&self, party: taawun_core::Id) -> Option<bool> {
        let map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(&party)
            .filter(|(_, at)| at.elapsed() < Self::KEEP)
            .map(|(narrow, _)| *narrow)
    }

    fn learn(&self, party: taawun_core::Id, narrow: bool) {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.insert(party, (narrow, std::time::Instant::now()));
    }
}

/// One window of `R`'s table (aliased `t`) where `cond` holds (with `values`) and the reader
/// may see the row, in `order`.
async fn window_of<R: Record>(
    store: &Engine,
    who: &Principal,
    (cond, values): (&str, Vec<Value>),
    order: &str,
    window: Window,
) -> StoreResult<Windowed<R>> {
    let table = R::TABLE;
    let mut all = Vec::new();
    // The rows the reader may see: those the predicate admits, walked in the list's order;
    // or, for a reader few scopes reach, the rows of their scopes and those no scope
    // restricts, each found through its own index (migration 0018), then ordered.
    let selected = match narrow(&store.pool, &store.reaches, who, "t").await? {
        Some((scoped, open)) => {
            let (scoped, scoped_values) = as_values(scoped);
            let (open, open_values) = as_values(open);
            all.extend(values.iter().cloned());
            all.extend(scoped_values);
            all.extend(values);
            all.extend(open_values);
            super::d::among(
                &format!("t.{}", super::d::ROW_KEY),
                &format!(
                    "select t.{key} from {table} t where ({cond}) and {scoped}
                     union all
                     select t.{key} from {table} t {hint}
                      where ({cond}) and {open}",
                    key = super::d::ROW_KEY,
                    hint = super::d::indexed_by(&format!("{table}_unscoped")),
                ),
            )
        }
        None => {
            let (vis, vis_values) = visible_as(who, "t");
            all.extend(values);
            all.extend(vis_values);
            format!("({cond}) and {vis}")
        }
    };
    let clamp = |n: u64| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let mut page_values = all.clone();
    page_values.extend([clamp(window.limit), clamp(window.offset)]);
    let sql =
        format!("select t.doc from {table} t where {selected} order by {order} limit ? offset ?");
    let rows: Vec<R> = read::list(&store.pool, &sql, page_values).await?;
    let count_sql = format!(
        "select count(*) from (select 1 from {table} t where {selected} limit ?) as counted"
    );
    let text = super::d::sql(&count_sql);
    let q = all
        .into_iter()
        .fold(sqlx::query(&text), super::record::bind);
    let counted: i64 = q
        .bind(i64::try_from(window.count_to.saturating_add(1)).unwrap_or(i64::MAX))
        .fetch_one(&store.pool)
        .await?
        .try_get(0)?;
    let counted = u64::try_from(counted).unwrap_or(0);
    Ok(Windowed {
        rows,
        count: counted.min(window.count_to),
        more: counted > window.count_to,
    })
}

impl Engine {
    pub(super) async fn commissions_of(
        &self,
        who: &Principal,
        window: Window,
    ) -> StoreResult<Windowed<Commission>> {
        window_of(self, who, ("true", vec![]), "t.sort_name, t.id", window).await
    }

    /// Newest first, as `Store::sessions` lists them.
    pub(super) async fn sessions_of(
        &self,
        who: &Principal,
        commission: Option<Id>,
        window: Window,
    ) -> StoreResult<Windowed<Session>> {
        let cond = match commission {
            Some(c) => ("t.commission_id = ?", vec![Value::from(c)]),
            None => ("true", vec![]),
        };
        let order = "t.start_on desc, t.ordinal desc, t.id desc";
        window_of(self, who, cond, order, window).await
    }

    /// Signed ones newest first, then drafts, as `Store::agreements` lists them.
    pub(super) async fn agreements_of(
        &self,
        who: &Principal,
        status: Option<Lifecycle>,
        window: Window,
    ) -> StoreResult<Windowed<Agreement>> {
        let cond = match status {
            Some(s) => ("t.status = ?", vec![Value::from(s.key())]),
            None => ("true", vec![]),
        };
        let order = "(t.signed_on is null), t.signed_on desc, t.id desc";
        window_of(self, who, cond, order, window).await
    }
}
