//! What a commit survives, and the clean close that leaves no write-ahead log behind
//! (issue 11, finding 5).

use super::SqliteStore;
use crate::{StoreError, StoreResult};
use sqlx::sqlite::SqliteSynchronous;

/// How hard SQLite pushes each commit to the disk (`PRAGMA synchronous`), under WAL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// Each commit is flushed to the disk before it is acknowledged: a crash or a power
    /// loss loses nothing acknowledged. The default, for a system of record.
    #[default]
    Full,
    /// Commits are flushed at checkpoints only: a crash of the process loses nothing, but a
    /// power loss or a crash of the operating system may lose the last commits (never
    /// corrupts the database).
    Normal,
}

impl Durability {
    /// `full` or `normal`, as on the command line.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "full" => Some(Self::Full),
            "normal" => Some(Self::Normal),
            _ => None,
        }
    }

    pub(super) fn synchronous(self) -> SqliteSynchronous {
        match self {
            Self::Full => SqliteSynchronous::Full,
            Self::Normal => SqliteSynchronous::Normal,
        }
    }
}

impl SqliteStore {
    /// Merges the write-ahead log into the database file and truncates it, then closes
    /// every connection: the file alone is then the whole database, as a copy or a backup
    /// tool expects. A checkpoint blocked by a reader is reported, not retried forever.
    pub(super) async fn close_cleanly(&self) -> StoreResult<()> {
        let checkpoint: StoreResult<(i64, i64, i64)> =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await
                .map_err(StoreError::from);
        self.pool.close().await;
        match checkpoint? {
            (0, _, _) => Ok(()),
            (_, log, done) => Err(StoreError::Database(sqlx::Error::Protocol(format!(
                "the write-ahead log could not be merged at close ({done} of {log} pages)"
            )))),
        }
    }
}
