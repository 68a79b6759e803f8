//! What the shared store (`sql/`) needs from PostgreSQL: its types, the write lock that
//! makes writers take turns across every node, how a script is sent, and the expressions
//! PostgreSQL spells its own way.

use crate::StoreResult;
use sqlx::postgres::{PgTypeInfo, types::Oid};
use std::borrow::Cow;

pub(super) type Db = sqlx::Postgres;
pub(super) type Conn = sqlx::PgConnection;
pub(super) type DbRow = sqlx::postgres::PgRow;
pub(super) type Pool = sqlx::PgPool;
pub(super) type Args<'q> = sqlx::postgres::PgArguments;

/// The shared code writes SQLite's placeholders: anonymous `?`, numbered in order, or
/// `?N`, which names the Nth value; PostgreSQL writes `$N` for both. A `?` inside a quoted
/// literal or identifier is left alone.
pub(super) fn sql(text: &str) -> Cow<'_, str> {
    if !text.contains('?') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut n = 0;
    let mut quote: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') => {
                out.push('$');
                if chars.peek().is_some_and(char::is_ascii_digit) {
                    // `?N`: its digits follow as they are.
                } else {
                    n += 1;
                    out.push_str(&n.to_string());
                }
                continue;
            }
            (None, _) => {}
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The advisory lock every write transaction takes first ("write" in ASCII): writers take
/// turns across all nodes, as SQLite's writers do on one file, so a version read is still
/// the stored one when the update runs, the audit chain is sealed in commit order and the
/// item-facts counter (`max + 1`) cannot hand one number to two writers. Reads never wait
/// for it.
const WRITE_LOCK: i64 = 0x0077_7269_7465;

/// A write transaction, holding the write lock until it commits or rolls back.
pub(super) async fn begin_write(pool: &Pool) -> StoreResult<sqlx::Transaction<'static, Db>> {
    begin_then(pool, |mut tx| async move {
        sqlx::query("select pg_advisory_xact_lock($1)")
            .bind(WRITE_LOCK)
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    })
    .await
}

/// A read transaction: one snapshot for every statement of a page's read, as SQLite's
/// read transactions give.
/// The isolation level goes with the `BEGIN`, in one round trip.
pub(super) async fn begin_read(pool: &Pool) -> StoreResult<sqlx::Transaction<'static, Db>> {
    begin_with(pool, "begin isolation level repeatable read").await
}

/// `begin_read` whose statements are planned for the values they are given: a word most
/// records hold and one six hold are best found in different ways, and so are the first
/// page of a list and its hundredth (the connections otherwise reuse one plan per
/// statement, see `postgres::connect`). The planning mode goes with the `BEGIN` too.
pub(super) async fn begin_read_by_values(
    pool: &Pool,
) -> StoreResult<sqlx::Transaction<'static, Db>> {
    begin_with(
        pool,
        "begin isolation level repeatable read; set local plan_cache_mode = force_custom_plan",
    )
    .await
}

/// The rest of a `begin_read_by_values` transaction reuses plans again.
pub(super) async fn reuse_plans(tx: &mut Conn) -> StoreResult<()> {
    sqlx::query("set local plan_cache_mode = force_generic_plan")
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Begins a read transaction with `statement`, in a task of its own (see `begin_then`).
async fn begin_with(
    pool: &Pool,
    statement: &'static str,
) -> StoreResult<sqlx::Transaction<'static, Db>> {
    let pool = pool.clone();
    tokio::spawn(async move {
        pool.begin_with(statement)
            .await
            .map_err(crate::StoreError::from)
    })
    .await
    .map_err(|e| crate::StoreError::Open(format!("a transaction's task failed: {e}")))?
}

/// Begins a transaction and runs `then` on it, in a task of its own, so that a request
/// dropped meanwhile (its client gone, its time up) cannot leave the connection inside a
/// transaction the pool does not know of: sqlx 0.8 counts a transaction only once the
/// server has answered its `BEGIN`, so a future dropped between the two returned the
/// connection to the pool in a transaction, where the next user's statements ran in a
/// stale snapshot and then, after one failed, all failed ("current transaction is
/// aborted"), as the PostgreSQL benchmark found under wrk's timeouts. Here the task always
/// finishes: a transaction nobody awaits any more is dropped whole, which rolls it back.
async fn begin_then<F, Fut>(pool: &Pool, then: F) -> StoreResult<sqlx::Transaction<'static, Db>>
where
    F: FnOnce(sqlx::Transaction<'static, Db>) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = StoreResult<sqlx::Transaction<'static, Db>>> + Send,
{
    let pool = pool.clone();
    tokio::spawn(async move { then(pool.begin().await?).await })
        .await
        .map_err(|e| crate::StoreError::Open(format!("a transaction's task failed: {e}")))?
}

/// Sends statements one by one (PostgreSQL takes one statement per command when it binds
/// values). Returns how many rows the statements returned.
pub(super) async fn send(
    conn: &mut Conn,
    statements: Vec<(String, Vec<super::sql::record::Value>)>,
) -> Result<usize, sqlx::Error> {
    let mut returned = 0;
    for (text, values) in statements {
        let text = sql(&text);
        let q = values
            .into_iter()
            .fold(sqlx::query(&text), super::sql::record::bind);
        returned += q.fetch_all(&mut *conn).await?.len();
    }
    Ok(returned)
}

/// A null for any column.
pub(super) fn null() -> Null {
    Null
}

/// A null whose type the server infers from where it goes (a text or a bigint column).
pub(super) struct Null;

impl sqlx::Type<Db> for Null {
    fn type_info() -> PgTypeInfo {
        PgTypeInfo::with_oid(Oid(0))
    }
}

impl sqlx::Encode<'_, Db> for Null {
    fn encode_by_ref(
        &self,
        _: &mut sqlx::postgres::PgArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        Ok(sqlx::encode::IsNull::Yes)
    }
}

/// The `seq` an audit row is appended with: PostgreSQL rows have no insertion order, so
/// each takes the next of a sequence, negated so that it never meets a sealed row's place;
/// `seal` orders by it, then gives the row its place in the chain.
pub(super) const APPENDED: Option<&str> = Some("-nextval('audit_append_order')");
/// The rows `seal` must place, in the order they were appended.
pub(super) const UNSEALED: &str = "seq < 0 order by seq desc";

/// A scratch database for the shared code's unit tests (needs `TAAWUN_TEST_POSTGRES`).
#[cfg(test)]
pub(super) async fn scratch() -> Conn {
    use sqlx::Connection;
    let url = taawun_testpg::fresh_database();
    Conn::connect(&url).await.unwrap()
}

/// The text at `path` (dot-separated keys) of the JSON document `doc`, null when absent.
/// Documents are stored as text (see the schema); `json` parses without rewriting them.
pub(super) fn json_text(doc: &str, path: &str) -> String {
    format!("({} #>> '{{{}}}')", as_json(doc), path.replace('.', ","))
}

/// A document as `json`. PostgreSQL refuses to read a document holding an escaped NUL
/// (`\u0000`, which a hostile name may hold) even where a path does not pass through it, so
/// each becomes U+FFFD's escape first: the fields read this way (protection, parents) hold
/// none, and the stored document keeps it.
fn as_json(doc: &str) -> String {
    format!("replace({doc}, '\\u0000', '\\ufffd')::json")
}

/// The elements of the JSON array at `key` of `doc`, as a table `alias` with a `value`
/// column (none when the key is absent).
pub(super) fn json_each(doc: &str, key: &str, alias: &str) -> String {
    format!(
        "json_array_elements_text({} -> '{key}') as {alias}(value)",
        as_json(doc)
    )
}

/// The larger of two values.
pub(super) const GREATEST: &str = "greatest";

/// The documents of the selected rows joined into one text by U+001E (see `read::many`).
pub(super) const JOINED_DOCS: &str = "string_agg(doc, chr(30))";

/// A committed audit row's position in the order rows were appended, for paging the
/// changes page: its place in the chain (indexed with `entity` by migration 0002).
pub(super) const APPEND_ORDER: &str = "seq";

/// The key a subquery hands back to name rows of its table.
pub(super) const ROW_KEY: &str = "id";

/// PostgreSQL takes no index hints; its planner uses the statistics `ANALYZE` keeps.
pub(super) fn indexed_by(_index: &str) -> String {
    String::new()
}

/// `key` is one of the keys `rows` selects. As an array the subquery runs once, and its
/// few rows are fetched by primary key and then ordered: as `in (…)` the planner walks the
/// whole table in the list's order to meet them (3,000 agreements for a partner's 7).
pub(super) fn among(key: &str, rows: &str) -> String {
    format!("{key} = any(array({rows}))")
}

/// PostgreSQL's full-text index: a tsvector over the search table.
pub(super) const FULL_TEXT: super::sql::search::FullText = super::sql::search::FullText::TsVector;

/// The words of a search row: the body's weighted A, the keys' B. Both are the
/// normaliser's words joined by one space, taken as lexemes (`array_to_tsvector`), never
/// through a text-search parser, which would split them differently from SQLite's
/// tokenizer. Migration 0004 stores them in the column `SEARCH_WORDS`, which the GIN index
/// and the queries read; 0002 indexed the expression itself.
pub(super) const SEARCH_VECTOR: &str = "(setweight(array_to_tsvector(array_remove(string_to_array(body, ' '), '')), 'A') || setweight(array_to_tsvector(array_remove(string_to_array(keys, ' '), '')), 'B'))";

/// The stored column of `SEARCH_VECTOR` (migration 0004).
pub(super) const SEARCH_WORDS: &str = "words";

/// `a {DIFFERS} b`: the values differ, a null differing from any value but null.
pub(super) const DIFFERS: &str = "is distinct from";

/// A condition as the 0/1 a flag column holds.
pub(super) fn flag(condition: &str) -> String {
    format!("(case when {condition} then 1 else 0 end)")
}

/// What a join to a table of constants needs to pair every row with every constant.
pub(super) const ON_ANY: &str = "on true";

/// A trigger running `body` (statements, each ending in `;`) for each row: PostgreSQL's
/// triggers call a function, which holds the statements and is named as the trigger.
pub(super) fn trigger(
    name: &str,
    when: &str,
    on: &str,
    condition: Option<&str>,
    body: &str,
) -> String {
    let condition = condition.map_or(String::new(), |c| format!("when ({c})"));
    // What a row trigger returns: a `before` trigger the row to go on with, an `after`
    // trigger nothing.
    let back = match (when.starts_with("before"), when.ends_with("delete")) {
        (true, true) => "old",
        (true, false) => "new",
        (false, _) => "null",
    };
    format!(
        "create function {name}() returns trigger language plpgsql as $body$
         begin
         {body}
         return {back};
         end
         $body$;
         create trigger {name} {when} on {on} for each row {condition}
         execute function {name}();\n"
    )
}

/// How an upsert's `do update` names the stored row's columns: by the table's name, since
/// the `excluded` row has the same columns.
pub(super) fn stored(table: &str) -> String {
    format!("{table}.")
}

/// `table.column` of the last column of the unique key a write clashed with: PostgreSQL
/// names the table, and the key's columns in the detail ("Key (commission_id,
/// ordinal)=(…) already exists.").
pub(super) fn unique_column(db: &dyn sqlx::error::DatabaseError) -> String {
    let table = db.table().unwrap_or_default();
    let detail = db
        .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
        .and_then(|e| e.detail())
        .unwrap_or_default();
    let columns = detail
        .strip_prefix("Key (")
        .and_then(|rest| rest.split_once(")="))
        .map_or("", |(columns, _)| columns);
    let last = columns.rsplit(", ").next().unwrap_or_default();
    format!("{table}.{last}")
}

/// A text value as PostgreSQL can store it: its text type cannot hold NUL, so each becomes
/// U+FFFD. Only derived columns (sort keys, search words) ever meet one — a record's document
/// holds it escaped (`\u0000`), exactly as typed.
pub(super) fn text(s: String) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{FFFD}")
    } else {
        s
    }
}

/// A transaction in which to count and then record under `keys`: a transaction-scoped
/// advisory lock on each key (hashed), taken in sorted order so that two requests never
/// wait on each other crosswise. Only requests counting the same key wait; writes do not.
pub(super) async fn begin_counting(
    pool: &Pool,
    keys: &[&str],
) -> StoreResult<sqlx::Transaction<'static, Db>> {
    let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    keys.sort_unstable();
    keys.dedup();
    begin_then(pool, |mut tx| async move {
        for key in keys {
            sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        Ok(tx)
    })
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            super::sql("select ? where a = '?' and \"b?\" = ? or c in (?, ?)"),
            "select $1 where a = '?' and \"b?\" = $2 or c in ($3, $4)"
        );
        assert!(matches!(
            super::sql("select 1"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            super::sql("select ?1, ?2 where id = ?1"),
            "select $1, $2 where id = $1"
        );
    }
}
