//! Generic reads: a record is its `doc` column deserialized, whatever query found it.

use super::record::{Record, Value, bind};
use crate::StoreResult;
use sqlx::{Executor, Row, Sqlite};
use taawun_core::Id;

/// One record by id, from the pool or from inside a write transaction.
pub(super) async fn by_id<'e, R, E>(ex: E, id: Id) -> StoreResult<Option<R>>
where
    R: Record,
    E: Executor<'e, Database = Sqlite>,
{
    let sql = format!("select doc from {} where id = ?", R::TABLE);
    let doc: Option<String> = sqlx::query_scalar(&sql)
        .bind(id.to_string())
        .fetch_optional(ex)
        .await?;
    doc.map(|d| decode(&d)).transpose()
}

/// Whether a row with this id exists in `table` (one of our own table names).
pub(super) async fn exists<'e, E>(ex: E, table: &'static str, id: Id) -> StoreResult<bool>
where
    E: Executor<'e, Database = Sqlite>,
{
    let sql = format!("select exists(select 1 from {table} where id = ?)");
    let found: bool = sqlx::query_scalar(&sql)
        .bind(id.to_string())
        .fetch_one(ex)
        .await?;
    Ok(found)
}

/// Records found by a query whose single column is `doc`, in the query's order.
pub(super) async fn list<'e, R, E>(ex: E, sql: &str, binds: Vec<Value>) -> StoreResult<Vec<R>>
where
    R: Record,
    E: Executor<'e, Database = Sqlite>,
{
    let q = binds.into_iter().fold(sqlx::query(sql), bind);
    let rows = q.fetch_all(ex).await?;
    rows.iter()
        .map(|row| decode(&row.try_get::<String, _>("doc")?))
        .collect()
}

/// The records of `R`'s table among `ids`, a few hundred ids a statement (SQLite binds at
/// most 32,766 values in one).
pub(super) async fn many<R: Record>(pool: &sqlx::SqlitePool, ids: &[Id]) -> StoreResult<Vec<R>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!("select doc from {} where id in ({marks})", R::TABLE);
        let binds = chunk.iter().map(|id| Value::from(*id)).collect();
        out.extend(list::<R, _>(pool, &sql, binds).await?);
    }
    Ok(out)
}

/// Every record of `R`'s table, or those whose `column` names `parent`, in `order`.
/// Two statements rather than one `?1 is null or column = ?1`: SQLite plans a statement
/// once for any binding, and that form scans the whole table even when a parent is named.
pub(super) async fn list_under<'e, R, E>(
    ex: E,
    column: &'static str,
    parent: Option<Id>,
    order: &'static str,
) -> StoreResult<Vec<R>>
where
    R: Record,
    E: Executor<'e, Database = Sqlite>,
{
    let table = R::TABLE;
    match parent {
        Some(p) => {
            let sql = format!("select doc from {table} where {column} = ? order by {order}");
            list(ex, &sql, vec![p.into()]).await
        }
        None => {
            let sql = format!("select doc from {table} order by {order}");
            list(ex, &sql, vec![]).await
        }
    }
}

pub(super) fn decode<R: Record>(doc: &str) -> StoreResult<R> {
    Ok(serde_json::from_str(doc)?)
}
