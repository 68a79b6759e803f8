//! Consistent copies of a database file, and what a copy holds: the two halves of
//! `taawun backup` and `taawun restore` that need SQLite itself.
//!
//! The copy is made with `VACUUM INTO` rather than SQLite's online backup API. Both give a
//! consistent image: `VACUUM INTO` runs inside one read transaction, so under WAL it sees
//! exactly the commits made before it started and never blocks the writers of a running
//! server. It is plain SQL through sqlx, where the backup API would need `unsafe` calls on
//! a raw handle (the workspace forbids `unsafe`), and its output is compact (no free pages), which is what an
//! archive wants.

use crate::{StoreError, StoreResult};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::{collections::BTreeMap, path::Path, str::FromStr, time::Duration};

/// Where the database to copy lives, as the command line names it.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A database file (`--data-dir`'s `taawun.db`).
    File(&'a Path),
    /// A `sqlite:` URL (`--database-url`).
    Url(&'a str),
}

/// What a database file holds, read from a file nobody else is writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The highest migration applied (`schema_version`).
    pub schema_version: i64,
    /// Rows per table, every table including the search index's own.
    pub counts: BTreeMap<String, i64>,
    /// The head of the copy's audit chain (`None` before the chain existed): the manifest
    /// records it, so that `taawun check --expect-head` can later tell the log was not
    /// rewritten since.
    pub audit_head: Option<crate::AuditHead>,
}

/// Copies the live database at `source` into the new file `dest` (which must not exist),
/// consistent as of the moment the copy starts. Opens the source without migrating it: a
/// backup never changes the instance it copies.
pub async fn copy_into(source: Source<'_>, dest: &Path) -> StoreResult<()> {
    if let Source::File(path) = source {
        super::preflight::check(path)?;
    }
    let options = match source {
        Source::File(path) => SqliteConnectOptions::new().filename(path),
        Source::Url(url) => SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Open(format!("{url} is not a SQLite URL: {e}")))?,
    }
    .create_if_missing(false)
    // A running server may hold the write lock for a moment; the copy waits its turn to read.
    .busy_timeout(Duration::from_secs(30));
    let mut conn = options
        .connect()
        .await
        .map_err(|e| StoreError::Open(super::preflight::explain("the database", &e)))?;
    let dest = dest
        .to_str()
        .ok_or_else(|| StoreError::Open(format!("{} is not a UTF-8 path", dest.display())))?;
    sqlx::query("vacuum into ?")
        .bind(dest)
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

/// Runs SQLite's full `integrity_check` on a file and reads its schema version and row
/// counts. Returns the problems `integrity_check` lists (empty when the file is sound).
pub async fn inspect(path: &Path) -> StoreResult<(Summary, Vec<String>)> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .connect()
        .await
        .map_err(|e| {
            StoreError::Open(super::preflight::explain(&path.display().to_string(), &e))
        })?;
    let problems: Vec<String> = sqlx::query_scalar("pragma integrity_check")
        .fetch_all(&mut conn)
        .await?;
    let problems = problems.into_iter().filter(|p| p != "ok").collect();
    let schema_version: i64 =
        sqlx::query_scalar("select coalesce(max(version), 0) from schema_version")
            .fetch_one(&mut conn)
            .await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .fetch_all(&mut conn)
    .await?;
    let mut counts = BTreeMap::new();
    for table in tables {
        // The name comes from sqlite_schema itself; quoting (doubling any quote) keeps an
        // odd name from being read as SQL.
        let sql = format!("select count(*) from \"{}\"", table.replace('"', "\"\""));
        let n: i64 = sqlx::query_scalar(&sql).fetch_one(&mut conn).await?;
        counts.insert(table, n);
    }
    let audit_head = if schema_version >= super::migrate::AUDIT_CHAIN {
        Some(super::sql::seal::head_of(&mut conn).await?)
    } else {
        None
    };
    conn.close().await?;
    Ok((
        Summary {
            schema_version,
            counts,
            audit_head,
        },
        problems,
    ))
}
