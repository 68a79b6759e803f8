//! What the shared store (`sql/`) needs from SQLite: its types, its write lock, how a
//! script is sent, and the expressions SQLite spells its own way.

use crate::StoreResult;
use std::borrow::Cow;

pub(super) type Db = sqlx::Sqlite;
pub(super) type Conn = sqlx::SqliteConnection;
pub(super) type DbRow = sqlx::sqlite::SqliteRow;
pub(super) type Pool = sqlx::SqlitePool;
pub(super) type Args<'q> = sqlx::sqlite::SqliteArguments<'q>;

/// SQLite reads `?` as written.
pub(super) fn sql(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

/// A write transaction. `begin immediate` takes the write lock up front: a deferred
/// transaction would read a version, then fail to upgrade its lock if another writer got in
/// between; this way writers queue (up to the busy timeout) and each sees the latest
/// version, the audit chain is sealed in commit order, and counters read then written
/// cannot interleave.
pub(super) async fn begin_write(pool: &Pool) -> StoreResult<sqlx::Transaction<'static, Db>> {
    Ok(pool.begin_with("begin immediate").await?)
}

/// A read transaction: one snapshot for every statement of a page's read.
pub(super) async fn begin_read(pool: &Pool) -> StoreResult<sqlx::Transaction<'static, Db>> {
    Ok(pool.begin().await?)
}

/// `begin_read` whose statements are planned for their values: SQLite always plans so.
pub(super) async fn begin_read_by_values(
    pool: &Pool,
) -> StoreResult<sqlx::Transaction<'static, Db>> {
    begin_read(pool).await
}

/// The rest of a `begin_read_by_values` transaction may reuse plans: nothing to change here.
pub(super) async fn reuse_plans(_tx: &mut Conn) -> StoreResult<()> {
    Ok(())
}

/// Sends statements as one command: sqlx hands each command to the connection's thread and
/// waits for the answer, and for small writes that round trip costs more than the writes.
/// Returns how many rows the statements returned.
pub(super) async fn send(
    conn: &mut Conn,
    statements: Vec<(String, Vec<super::sql::record::Value>)>,
) -> Result<usize, sqlx::Error> {
    let mut sql = String::new();
    let mut values = Vec::new();
    for (text, v) in statements {
        sql.push_str(&text);
        sql.push_str(";\n");
        values.extend(v);
    }
    let q = values
        .into_iter()
        .fold(sqlx::query(&sql), super::sql::record::bind);
    Ok(q.fetch_all(&mut *conn).await?.len())
}

/// The `seq` an audit row is appended with, when the engine needs one to know the order of
/// appends: not SQLite, whose rowids keep it (`seq` stays null until `seal` places the row).
pub(super) const APPENDED: Option<&str> = None;
/// The rows `seal` must place, in the order they were appended.
pub(super) const UNSEALED: &str = "seq is null order by rowid";

/// A scratch database for the shared code's unit tests.
#[cfg(test)]
pub(super) async fn scratch() -> Conn {
    use sqlx::Connection;
    Conn::connect("sqlite::memory:").await.unwrap()
}

/// A null for any column.
pub(super) fn null() -> Option<String> {
    None
}

/// The text at `path` (dot-separated keys) of the JSON document `doc`, null when absent.
pub(super) fn json_text(doc: &str, path: &str) -> String {
    format!("json_extract({doc}, '$.{path}')")
}

/// The elements of the JSON array at `key` of `doc`, as a table `alias` with a `value`
/// column (none when the key is absent).
pub(super) fn json_each(doc: &str, key: &str, alias: &str) -> String {
    format!("json_each({doc}, '$.{key}') as {alias}")
}

/// The larger of two values (SQLite's `max` of several arguments).
pub(super) const GREATEST: &str = "max";

/// The documents of the selected rows joined into one text by U+001E (see `read::many`).
pub(super) const JOINED_DOCS: &str = "group_concat(doc, char(30))";

/// A committed audit row's position in the order rows were appended, for paging the
/// changes page: the rowid, which the index on `entity` carries.
pub(super) const APPEND_ORDER: &str = "rowid";

/// The key a subquery hands back to name rows of its table: the rowid, SQLite's cheapest.
pub(super) const ROW_KEY: &str = "rowid";

/// Tells the planner which index to walk: SQLite's planner misjudges the window's second
/// half (the rows no scope restricts) without it.
pub(super) fn indexed_by(index: &str) -> String {
    format!("indexed by {index}")
}

/// `key` is one of the keys `rows` selects.
pub(super) fn among(key: &str, rows: &str) -> String {
    format!("{key} in ({rows})")
}

/// SQLite's full-text index: FTS5.
pub(super) const FULL_TEXT: super::sql::search::FullText = super::sql::search::FullText::Fts5;
/// Unused: FTS5 matches by table name.
#[allow(dead_code)]
pub(super) const SEARCH_WORDS: &str = "";

/// `a {DIFFERS} b`: the values differ, a null differing from any value but null.
pub(super) const DIFFERS: &str = "is not";

/// A condition as the 0/1 a flag column holds (SQLite's comparisons are already numbers).
pub(super) fn flag(condition: &str) -> String {
    condition.to_string()
}

/// What a join to a table of constants needs to pair every row with every constant.
pub(super) const ON_ANY: &str = "";

/// A trigger running `body` (statements, each ending in `;`) for each row.
pub(super) fn trigger(
    name: &str,
    when: &str,
    on: &str,
    condition: Option<&str>,
    body: &str,
) -> String {
    let condition = condition.map_or(String::new(), |c| format!("when {c}"));
    format!("create trigger {name} {when} on {on} {condition}\nbegin\n{body}\nend;\n")
}

/// How an upsert's `do update` names the stored row's columns: unqualified on SQLite.
pub(super) fn stored(_table: &str) -> String {
    String::new()
}

/// `table.column` of the last column of the unique key a write clashed with. SQLite names
/// them in its message: "UNIQUE constraint failed: sessions.commission_id, sessions.ordinal".
pub(super) fn unique_column(db: &dyn sqlx::error::DatabaseError) -> String {
    db.message()
        .rsplit([' ', ','])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// A text value as SQLite stores it: as given.
pub(super) fn text(s: String) -> String {
    s
}

/// A transaction in which to count and then record under `keys`: the write lock, which
/// already keeps every other writer out until it ends.
pub(super) async fn begin_counting(
    pool: &Pool,
    _keys: &[&str],
) -> StoreResult<sqlx::Transaction<'static, Db>> {
    begin_write(pool).await
}
