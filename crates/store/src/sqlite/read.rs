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

pub(super) fn decode<R: Record>(doc: &str) -> StoreResult<R> {
    Ok(serde_json::from_str(doc)?)
}
