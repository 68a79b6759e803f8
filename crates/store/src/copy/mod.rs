//! `taawun copy`: moves a whole deployment between engines — SQLite to PostgreSQL and back —
//! into an empty database, then proves the copy: every table's row count and a digest of
//! its content, read back from the target, equal the source's.
//!
//! It copies tables, not records: the two schemas have the same tables and columns
//! (`tests/postgres.rs` holds them to it), so records, their versions, the audit log,
//! accounts and credentials, login sessions, calendar feeds, settings, notifications and
//! attachments (their content is a table too) all travel the same way, byte for byte.
//! The target is loaded with its triggers and foreign keys off (the tallies the triggers
//! would add up are copied as they are), which are put back before the commit: foreign
//! keys then check every row, in the same transaction.

mod cell;
mod digest;
mod pg;
mod sqlite;

use crate::{PgStore, SqliteStore, StoreError};
use cell::{Cell, Kind};
use digest::Digest;
use std::fmt;

/// Tables that SQLite's code reads in the order their rows were written (by rowid), with
/// the unique column that records that order: the copy reads and writes them in it, so a
/// SQLite target numbers them as the source did (PostgreSQL's rows have no such number).
const WRITTEN_ORDER: &[(&str, &str)] = &[("audit_log", "seq")];

/// Rows per insert statement (both engines bind at most 32,766 values at once).
const CHUNK: usize = 400;

/// Why a copy did not happen, or did not prove equal.
#[derive(Debug)]
pub struct CopyError(pub String);

impl fmt::Display for CopyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CopyError {}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError(format!("database error: {e}"))
    }
}

impl From<StoreError> for CopyError {
    fn from(e: StoreError) -> Self {
        CopyError(e.to_string())
    }
}

type CopyResult<T> = Result<T, CopyError>;

/// The rows of one page of `$table` after the key `$after` (from the first when `None`),
/// through either engine's open transaction `$tx`; `$mark` writes the engine's placeholder.
/// A macro, not a function: the two engines' row and connection types differ.
macro_rules! fetch_page {
    ($tx:expr, $table:expr, $after:expr, $limit:expr, $mark:expr) => {{
        let sql = $table.page($after.is_some(), $mark, $limit);
        let mut q = sqlx::query(&sql);
        for (cell, &i) in $after.unwrap_or_default().iter().zip(&$table.key) {
            q = $crate::copy::cell::bind_cell!(q, cell, $table.columns[i].kind);
        }
        q.fetch_all(&mut *$tx).await?
    }};
}
pub(crate) use fetch_page;

/// One insert of `$rows` into `$table` through either engine's open transaction `$tx`.
macro_rules! insert_rows {
    ($tx:expr, $table:expr, $rows:expr, $mark:expr) => {{
        let sql = $table.insert($rows.len(), $mark);
        let mut q = sqlx::query(&sql);
        for row in $rows {
            for (cell, col) in row.iter().zip(&$table.columns) {
                q = $crate::copy::cell::bind_cell!(q, cell, col.kind);
            }
        }
        q.execute(&mut *$tx).await?;
        Ok(())
    }};
}
pub(crate) use insert_rows;

/// One column as both engines name and type it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    name: String,
    /// How this engine's SQL names it (SQLite's full-text table calls its key `rowid`).
    sql: String,
    kind: Kind,
}

/// A table of the copy: its columns in order, and the positions of its primary key's
/// columns, by which both engines read it in one order, a page at a time. A table without
/// a key (one that only links records) is read whole, ordered by all its columns.
#[derive(Debug, Clone)]
struct Table {
    name: String,
    columns: Vec<Column>,
    key: Vec<usize>,
}

impl Table {
    fn paged(&self) -> bool {
        !self.key.is_empty()
    }

    /// The key's values in `row`.
    fn key_of(&self, row: &[Cell]) -> Vec<Cell> {
        self.key.iter().map(|&i| row[i].clone()).collect()
    }

    fn key_sql(&self) -> Vec<&str> {
        self.key
            .iter()
            .map(|&i| self.columns[i].sql.as_str())
            .collect()
    }

    /// `select … from t [where (k1, k2) > (?, ?)] order by k1, k2 limit n`, with the
    /// engine's placeholders: keyset paging, so that each page is one index range.
    fn page(&self, after: bool, placeholder: impl Fn(usize) -> String, limit: usize) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.sql.as_str()).collect();
        if !self.paged() {
            return format!(
                "select {0} from {1} order by {0}",
                cols.join(", "),
                self.name
            );
        }
        let key = self.key_sql().join(", ");
        let filter = if after {
            let marks: Vec<String> = (1..=self.key.len()).map(&placeholder).collect();
            format!(" where ({key}) > ({})", marks.join(", "))
        } else {
            String::new()
        };
        format!(
            "select {} from {}{filter} order by {key} limit {limit}",
            cols.join(", "),
            self.name
        )
    }

    /// `insert into t (…) values (…), (…)` for `rows` rows, with the engine's placeholders.
    fn insert(&self, rows: usize, placeholder: impl Fn(usize) -> String) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.sql.as_str()).collect();
        let width = cols.len();
        let values: Vec<String> = (0..rows)
            .map(|r| {
                let marks: Vec<String> = (1..=width).map(|c| placeholder(r * width + c)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        format!(
            "insert into {} ({}) values {}",
            self.name,
            cols.join(", "),
            values.join(", ")
        )
    }
}

/// What the copy found in one table, on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopy {
    pub table: String,
    pub rows: u64,
    /// SHA-256 of the table's content in key order, lower-case hex.
    pub digest: String,
}

/// A database the copy reads or writes, named by its URL.
enum Side {
    Sqlite(SqliteStore),
    Pg(PgStore),
}

impl Side {
    /// Opens a database that must exist and be Taawun's: a copy's source, or what
    /// `digests` reads. A mistyped SQLite path or an empty PostgreSQL database is refused,
    /// and nothing is created.
    async fn open_existing(url: &str) -> CopyResult<Side> {
        if url.starts_with("sqlite:") {
            let path = sqlite_path(url);
            if !std::path::Path::new(path).is_file() {
                return Err(CopyError(format!("there is no database at {path}")));
            }
            Side::open(url).await
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Side::Pg(PgStore::open_existing(url).await?))
        } else {
            Side::open(url).await
        }
    }

    /// Opens (and so creates or migrates) the database at `url`: `sqlite://…` or
    /// `postgres://…`.
    async fn open(url: &str) -> CopyResult<Side> {
        if url.starts_with("sqlite:") {
            Ok(Side::Sqlite(SqliteStore::open_url(url).await?))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Side::Pg(PgStore::open(url).await?))
        } else {
            Err(CopyError(format!(
                "{:?} is not a database URL: expected sqlite:///path/taawun.db or postgres://user@host/db",
                crate::redact_url(url)
            )))
        }
    }

    async fn catalog(&self) -> CopyResult<Vec<Table>> {
        let mut tables = match self {
            Side::Sqlite(s) => sqlite::catalog(s.raw_pool()).await?,
            Side::Pg(s) => pg::catalog(s.raw_pool()).await?,
        };
        for t in &mut tables {
            if let Some((_, column)) = WRITTEN_ORDER.iter().find(|(name, _)| *name == t.name)
                && let Some(i) = t.columns.iter().position(|c| c.name == *column)
            {
                t.key = vec![i];
            }
        }
        Ok(tables)
    }

    async fn close(&self) {
        match self {
            Side::Sqlite(s) => s.close().await,
            Side::Pg(s) => s.close().await,
        }
    }
}

/// Copies everything in `from` into the empty database `to` (created and migrated when
/// missing), in one transaction on the target, and checks each table's count and digest
/// read back from it. `progress` hears each table as it is done. A target that holds any
/// row is refused before anything is written.
pub async fn copy(
    from: &str,
    to: &str,
    mut progress: impl FnMut(&TableCopy),
) -> CopyResult<Vec<TableCopy>> {
    let source = Side::open_existing(from).await?;
    let target = Side::open(to).await?;
    let tables = same_tables(source.catalog().await?, target.catalog().await?)?;
    let copied = load(&source, &target, &tables).await;
    let copied = match copied {
        Ok(c) => c,
        Err(e) => {
            source.close().await;
            target.close().await;
            return Err(e);
        }
    };
    // Read back from the target, after its commit, as a later reader will see it.
    let mut out = Vec::new();
    for ((_, table), want) in tables.iter().zip(copied) {
        let have = digest_of(&target, table).await?;
        if have != want {
            return Err(CopyError(format!(
                "table {}: {} rows with digest {} were copied, but the target holds {} rows with digest {}",
                table.name, want.rows, want.digest, have.rows, have.digest
            )));
        }
        progress(&have);
        out.push(have);
    }
    source.close().await;
    target.close().await;
    Ok(out)
}

/// Each table's count and digest in the existing database at `url`.
pub async fn digests(url: &str) -> CopyResult<Vec<TableCopy>> {
    let side = Side::open_existing(url).await?;
    let mut out = Vec::new();
    for table in side.catalog().await? {
        out.push(digest_of(&side, &table).await?);
    }
    side.close().await;
    Ok(out)
}

/// The two catalogs must name the same tables with the same columns of the same kinds;
/// each table as the source's SQL and as the target's SQL reach it.
fn same_tables(source: Vec<Table>, target: Vec<Table>) -> CopyResult<Vec<(Table, Table)>> {
    let shape = |ts: &[Table]| -> Vec<(String, Vec<(String, Kind)>)> {
        ts.iter()
            .map(|t| {
                let cols = t.columns.iter().map(|c| (c.name.clone(), c.kind)).collect();
                (t.name.clone(), cols)
            })
            .collect()
    };
    if shape(&source) != shape(&target) {
        let names = |ts: &[Table]| ts.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
        return Err(CopyError(format!(
            "the two databases' schemas differ (source tables {:?}, target tables {:?}): \
             run the same taawun version on both",
            names(&source),
            names(&target)
        )));
    }
    Ok(source.into_iter().zip(target).collect())
}

/// Every table from `source` into `target`, a chunk of rows at a time, in one transaction
/// on the target and one snapshot of the source; each table's count and digest as read.
async fn load(
    source: &Side,
    target: &Side,
    tables: &[(Table, Table)],
) -> CopyResult<Vec<TableCopy>> {
    let targets: Vec<Table> = tables.iter().map(|(_, t)| t.clone()).collect();
    let mut reader = match source {
        Side::Sqlite(s) => Reader::Sqlite(sqlite::Reader::begin(s.raw_pool()).await?),
        Side::Pg(s) => Reader::Pg(pg::Reader::begin(s.raw_pool()).await?),
    };
    let mut writer = match target {
        Side::Sqlite(s) => Writer::Sqlite(sqlite::Writer::begin(s.raw_pool(), &targets).await?),
        Side::Pg(s) => Writer::Pg(pg::Writer::begin(s.raw_pool(), &targets).await?),
    };
    let mut out = Vec::new();
    for (table, into) in tables {
        let mut digest = Digest::new();
        let mut after: Option<Vec<Cell>> = None;
        loop {
            let chunk = match &mut reader {
                Reader::Sqlite(r) => r.chunk(table, after.as_deref(), CHUNK).await?,
                Reader::Pg(r) => r.chunk(table, after.as_deref(), CHUNK).await?,
            };
            if chunk.is_empty() {
                break;
            }
            for row in &chunk {
                digest.row(row);
            }
            // A table read whole may hold more rows than one statement may bind.
            for part in chunk.chunks(CHUNK) {
                match &mut writer {
                    Writer::Sqlite(w) => w.insert(into, part).await?,
                    Writer::Pg(w) => w.insert(into, part).await?,
                }
            }
            if !table.paged() {
                break;
            }
            after = chunk.last().map(|row| table.key_of(row));
        }
        out.push(digest.finish(&table.name));
    }
    match writer {
        Writer::Sqlite(w) => w.finish().await?,
        Writer::Pg(w) => w.finish().await?,
    }
    Ok(out)
}

enum Reader {
    Sqlite(sqlite::Reader),
    Pg(pg::Reader),
}

enum Writer {
    Sqlite(sqlite::Writer),
    Pg(pg::Writer),
}

/// A table's count and digest, read in key order.
async fn digest_of(side: &Side, table: &Table) -> CopyResult<TableCopy> {
    let mut reader = match side {
        Side::Sqlite(s) => Reader::Sqlite(sqlite::Reader::begin(s.raw_pool()).await?),
        Side::Pg(s) => Reader::Pg(pg::Reader::begin(s.raw_pool()).await?),
    };
    let mut digest = Digest::new();
    let mut after: Option<Vec<Cell>> = None;
    loop {
        let chunk = match &mut reader {
            Reader::Sqlite(r) => r.chunk(table, after.as_deref(), CHUNK * 10).await?,
            Reader::Pg(r) => r.chunk(table, after.as_deref(), CHUNK * 10).await?,
        };
        if chunk.is_empty() {
            break;
        }
        for row in &chunk {
            digest.row(row);
        }
        if !table.paged() {
            break;
        }
        after = chunk.last().map(|row| table.key_of(row));
    }
    Ok(digest.finish(&table.name))
}

/// The file a `sqlite:` URL names (`sqlite:///abs/path`, `sqlite://rel/path`,
/// `sqlite:path`), without its query.
fn sqlite_path(url: &str) -> &str {
    let rest = url.trim_start_matches("sqlite:");
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    rest.split('?').next().unwrap_or(rest)
}

/// The refusal of a target that already holds rows.
fn not_empty(table: &str) -> CopyError {
    CopyError(format!(
        "the target database is not empty (table {table} holds rows): copy only into a new, \
         empty database; nothing was written"
    ))
}
