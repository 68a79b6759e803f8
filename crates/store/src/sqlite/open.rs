//! Opening (and creating) the database file with the settings Taawun relies on, then
//! migrating it. Failures become `StoreError::Open` with a message an operator can act on.

use super::{Durability, SqliteStore, migrate, preflight};
use crate::{StoreError, StoreResult};
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use std::{path::Path, str::FromStr, time::Duration};

/// How long a writer waits for another's lock before giving up: long enough to ride out a
/// burst of saves, short enough that a stuck process shows up as an error.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Readers run in parallel under WAL; writers queue on SQLite's lock anyway.
const MAX_CONNECTIONS: u32 = 4;

impl SqliteStore {
    /// Opens the database file at `path`, creating it when missing, and migrates it, at the
    /// default durability (`Full`).
    pub async fn open(path: &Path) -> StoreResult<Self> {
        Self::open_with(path, Durability::default()).await
    }

    /// `open`, each commit pushed to the disk as `durability` says.
    pub async fn open_with(path: &Path, durability: Durability) -> StoreResult<Self> {
        if path.is_dir() {
            return Err(StoreError::Open(format!(
                "{} is a directory, not a database file",
                path.display()
            )));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(StoreError::Open(format!(
                "the directory {} does not exist (create it, or choose another path for {})",
                dir.display(),
                path.display()
            )));
        }
        preflight::check(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true);
        Self::connect(options, &path.display().to_string(), durability).await
    }

    /// Opens a `sqlite://…` URL (`sqlite://data/taawun.db`, `sqlite::memory:`), creating the
    /// file when missing unless the URL sets its own `mode`, and migrates it.
    pub async fn open_url(url: &str) -> StoreResult<Self> {
        Self::open_url_with(url, Durability::default()).await
    }

    /// `open_url`, each commit pushed to the disk as `durability` says.
    pub async fn open_url_with(url: &str, durability: Durability) -> StoreResult<Self> {
        let mut options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Open(format!("{url} is not a SQLite URL: {e}")))?;
        if !url.contains("mode=") {
            options = options.create_if_missing(true);
        }
        Self::connect(options, url, durability).await
    }

    async fn connect(
        options: SqliteConnectOptions,
        shown: &str,
        durability: Durability,
    ) -> StoreResult<Self> {
        // An in-memory database lives and dies with its one connection: a pool of several
        // would give each caller a different, empty database.
        let in_memory = shown.contains(":memory:") || shown.contains("mode=memory");
        let options = options
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(durability.synchronous())
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let pool = if in_memory {
            SqlitePoolOptions::new()
                .max_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        } else {
            SqlitePoolOptions::new().max_connections(MAX_CONNECTIONS)
        }
        // A write that failed on a storage fault (full disk, I/O error) may leave its
        // connection believing it is still inside a transaction, its rollback having failed
        // too; back in the pool, every later `begin` on it would fail, long after the disk
        // has room again. Such a connection is closed instead of returned.
        // No ping before each use: a SQLite connection is a file in this process, not a
        // socket that may have died, and the ping is a round trip to the connection's
        // thread that doubled the cost of a small read.
        .test_before_acquire(false)
        .after_release(|conn, _| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
        .before_acquire(|conn, _| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Open(preflight::explain(shown, &e)))?;
        if !in_memory {
            preflight::read_start_pages(&pool, shown).await?;
        }
        migrate::run(&pool).await.map_err(|e| match e {
            StoreError::NewerSchema { .. } => e,
            StoreError::Database(db) => StoreError::Open(preflight::explain(shown, &db)),
            other => StoreError::Open(format!("{shown}: cannot prepare the schema: {other}")),
        })?;
        Ok(SqliteStore {
            pool,
            reaches: Default::default(),
        })
    }
}
