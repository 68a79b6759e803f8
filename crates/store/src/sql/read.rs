//! Generic reads: a record is its `doc` column deserialized, whatever query found it.

use super::d::Db;
use super::record::{Record, Value, bind};
use crate::StoreResult;
use sqlx::{Executor, Row};
use taawun_core::Id;

/// One record by id, from the pool or from inside a write transaction.
pub(super) async fn by_id<'e, R, E>(ex: E, id: Id) -> StoreResult<Option<R>>
where
    R: Record,
    E: Executor<'e, Database = Db>,
{
    let sql = format!("select doc from {} where id = ?", R::TABLE);
    let doc: Option<String> = sqlx::query_scalar(&super::d::sql(&sql))
        .bind(id.to_string())
        .fetch_optional(ex)
        .await?;
    doc.map(|d| decode(&d)).transpose()
}

/// Whether a row with this id exists in `table` (one of our own table names).
pub(super) async fn exists<'e, E>(ex: E, table: &'static str, id: Id) -> StoreResult<bool>
where
    E: Executor<'e, Database = Db>,
{
    let sql = format!("select exists(select 1 from {table} where id = ?)");
    let found: bool = sqlx::query_scalar(&super::d::sql(&sql))
        .bind(id.to_string())
        .fetch_one(ex)
        .await?;
    Ok(found)
}

/// Records found by a query whose single column is `doc`, in the query's order.
pub(super) async fn list<'e, R, E>(ex: E, sql: &str, binds: Vec<Value>) -> StoreResult<Vec<R>>
where
    R: Record,
    E: Executor<'e, Database = Db>,
{
    let text = super::d::sql(sql);
    let q = binds.into_iter().fold(sqlx::query(&text), bind);
    let rows = q.fetch_all(ex).await?;
    rows.iter()
        .map(|row| decode(&row.try_get::<String, _>("doc")?))
        .collect()
}

/// The records of `R`'s table among `ids`, in no particular order, a few hundred ids a
/// statement (SQLite binds at most 32,766 values in one).
///
/// The documents come back joined into one value: sqlx hands each row over from the
/// connection's thread on its own, and a page reading a few hundred parents and names
/// paid that hand-over for each. They are joined with the record separator (U+001E),
/// which JSON text never holds unescaped (control characters are escaped in strings and
/// not allowed elsewhere), so the split gives back each document whole.
pub(super) async fn many<R: Record>(pool: &super::d::Pool, ids: &[Id]) -> StoreResult<Vec<R>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!(
            "select {} from {} where id in ({marks})",
            super::d::JOINED_DOCS,
            R::TABLE
        );
        let text = super::d::sql(&sql);
        let q = chunk
            .iter()
            .fold(sqlx::query_scalar::<_, Option<String>>(&text), |q, id| {
                q.bind(id.to_string())
            });
        if let Some(joined) = q.fetch_one(pool).await? {
            for doc in joined.split('\u{1e}') {
                out.push(decode(doc)?);
            }
        }
    }
    Ok(out)
}

/// `many` of several kinds in one statement: one branch per kind, each naming its kind and
/// joining its documents as `many` does. Accounts (`User`) are never read.
pub(super) async fn many_kinds(
    pool: &super::d::Pool,
    wanted: &[(taawun_core::RecordKind, Vec<Id>)],
) -> StoreResult<Vec<crate::Stored>> {
    use crate::Stored as S;
    use taawun_core::{RecordKind as K, *};
    let mut branches = Vec::new();
    let mut ids = Vec::new();
    for (kind, of_kind) in wanted {
        // Accounts have no table here (`table_of` names none).
        let Some(table) = super::search::table_of(*kind).filter(|_| !of_kind.is_empty()) else {
            continue;
        };
        let marks = vec!["?"; of_kind.len()].join(", ");
        branches.push(format!(
            "select '{}' as kind, {} as docs from {table} where id in ({marks})",
            kind.key(),
            super::d::JOINED_DOCS,
        ));
        ids.extend(of_kind.iter().map(|id| id.to_string()));
    }
    if branches.is_empty() {
        return Ok(vec![]);
    }
    let joined_sql = branches.join(" union all ");
    let text = super::d::sql(&joined_sql);
    let q = ids.into_iter().fold(
        sqlx::query_as::<_, (String, Option<String>)>(&text),
        |q, id| q.bind(id),
    );
    let mut out = Vec::new();
    for (key, joined) in q.fetch_all(pool).await? {
        let (Some(joined), Some(kind)) = (joined, K::ALL.into_iter().find(|k| k.key() == key))
        else {
            continue;
        };
        for doc in joined.split('\u{1e}') {
            out.push(match kind {
                K::Party => S::Party(decode::<Party>(doc)?),
                K::Organisation => S::Organisation(decode::<Organisation>(doc)?),
                K::Rank => S::Rank(decode::<Rank>(doc)?),
                K::Person => S::Person(decode::<Person>(doc)?),
                K::Area => S::Area(decode::<Area>(doc)?),
                K::Agreement => S::Agreement(decode::<Agreement>(doc)?),
                K::Clause => S::Clause(decode::<Clause>(doc)?),
                K::Commission => S::Commission(decode::<Commission>(doc)?),
                K::Session => S::Session(decode::<Session>(doc)?),
                K::ActionPlan => S::ActionPlan(decode::<ActionPlan>(doc)?),
                K::ActionItem => S::ActionItem(decode::<ActionItem>(doc)?),
                K::ProgressUpdate => S::ProgressUpdate(decode::<ProgressUpdate>(doc)?),
                K::Activity => S::Activity(decode::<Activity>(doc)?),
                K::User => continue,
            });
        }
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
    E: Executor<'e, Database = Db>,
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
