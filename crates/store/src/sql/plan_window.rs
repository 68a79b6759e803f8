//! Reads selected with one reader's visibility in the query. A plan's items as they may see them, in the plan's order (code, then id), one
//! window at a time, and an item's neighbours in that order — selected in the query with
//! the reader's visibility (`visibility::predicate`), so a plan of 12,500 items costs a
//! page of them, not a read of all.

use super::{
    Engine, read,
    record::Value,
    windows::{visible, visible_as},
};
use crate::{Neighbours, StoreResult, Window, Windowed};
use sqlx::Row;
use taawun_core::{ActionItem, Agreement, Id, Principal};

/// Items found by `sql` (one `doc` column) with `values` bound in order.
async fn docs(
    pool: &super::d::Pool,
    sql: &str,
    values: Vec<Value>,
) -> StoreResult<Vec<ActionItem>> {
    read::list(pool, sql, values).await
}

impl Engine {
    /// Window `window` of the plan's items `who` may see, and how many there are (up to
    /// the window's bound; `true` when more).
    pub(super) async fn plan_items_of(
        &self,
        who: &Principal,
        plan: Id,
        window: Window,
    ) -> StoreResult<Windowed<ActionItem>> {
        let (vis, values) = visible(who);
        let mut page_values = vec![Value::from(plan)];
        page_values.extend(values.iter().cloned());
        page_values.push(Value::Int(i64::try_from(window.limit).unwrap_or(i64::MAX)));
        page_values.push(Value::Int(i64::try_from(window.offset).unwrap_or(i64::MAX)));
        let sql = format!(
            "select i.doc from action_items i where i.plan_id = ? and {vis}
             order by i.code_key, i.id limit ? offset ?"
        );
        let items = docs(&self.pool, &sql, page_values).await?;
        let count_sql = format!(
            "select count(*) from (select 1 from action_items i where i.plan_id = ? and {vis}
             limit ?) as counted"
        );
        let text = super::d::sql(&count_sql);
        let mut q = sqlx::query(&text).bind(plan.to_string());
        for v in values {
            q = super::record::bind(q, v);
        }
        let counted: i64 = q
            .bind(i64::try_from(window.count_to.saturating_add(1)).unwrap_or(i64::MAX))
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let counted = u64::try_from(counted).unwrap_or(0);
        Ok(Windowed {
            rows: items,
            count: counted.min(window.count_to),
            more: counted > window.count_to,
        })
    }

    /// The neighbours of `item` (as stored) in its plan for `who`.
    pub(super) async fn neighbours_of(
        &self,
        who: &Principal,
        item: &ActionItem,
    ) -> StoreResult<Neighbours> {
        let (vis, values) = visible(who);
        let key: (String,) = sqlx::query_as(&super::d::sql(
            "select code_key from action_items where id = ?",
        ))
        .bind(item.id.to_string())
        .fetch_one(&self.pool)
        .await?;
        let side = |op: &str, dir: &str| {
            format!(
                "select i.doc from action_items i
                 where i.plan_id = ? and (i.code_key, i.id) {op} (?, ?) and {vis}
                 order by i.code_key {dir}, i.id {dir} limit 1"
            )
        };
        let around = |values: &[Value]| {
            let mut all = vec![
                Value::from(item.plan_id),
                Value::from(key.0.clone()),
                Value::from(item.id),
            ];
            all.extend(values.iter().cloned());
            all
        };
        let previous = docs(&self.pool, &side("<", "desc"), around(&values)).await?;
        let next = docs(&self.pool, &side(">", "asc"), around(&values)).await?;
        let mut same = vec![
            Value::from(item.plan_id),
            Value::from(item.code.clone()),
            Value::from(item.id),
        ];
        same.extend(values);
        let same_code = docs(
            &self.pool,
            &format!(
                "select i.doc from action_items i
                 where i.plan_id = ? and i.code = ? and i.id <> ? and {vis}
                 order by i.code_key, i.id"
            ),
            same,
        )
        .await?;
        Ok(Neighbours {
            previous: previous.into_iter().next(),
            next: next.into_iter().next(),
            same_code,
        })
    }

    /// The agreements `who` may see whose links point at `target`.
    pub(super) async fn linking_to(
        &self,
        who: &Principal,
        target: Id,
    ) -> StoreResult<Vec<Agreement>> {
        let (vis, values) = visible_as(who, "a");
        let mut all = vec![Value::from(target)];
        all.extend(values);
        let sql = format!(
            "select a.doc from agreements a
             where a.id in (select agreement_id from agreement_links where target_id = ?)
               and {vis}
             order by a.signed_on is null, a.signed_on desc, a.id desc"
        );
        read::list(&self.pool, &sql, all).await
    }
}
