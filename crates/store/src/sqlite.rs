//! SQLite backend of the `Store` trait: the embedded default.
//!
//! Records are stored as "document + indexed columns": the full record as JSON, plus copies
//! of the scalar fields that queries and constraints need. The store itself (write path,
//! reads, accounts, feeds…) is the shared `sql/`, compiled here for SQLite; the submodules
//! here are SQLite's own: opening and migrating the file, durability, snapshots for backups,
//! the checks before opening, the audit chain's verification, the counters of login
//! attempts and running jobs, and the dialect the shared code asks for.

mod chain;
mod dialect;
mod durability;
mod migrate;
mod open;
mod preflight;
pub mod snapshot;
#[path = "sql/mod.rs"]
#[allow(clippy::duplicate_mod)] // once per engine, on purpose: see sql/mod.rs
mod sql;

/// The store the shared code (`sql/`) is compiled for in this module.
type Engine = SqliteStore;

pub use durability::Durability;
#[cfg(feature = "bench")]
pub use sql::bench::Generated;

/// The embedded SQLite store. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    /// Whether each party is few scopes' (see `sql::windows::narrow`).
    reaches: sql::Reaches,
    pool: sqlx::SqlitePool,
}

impl SqliteStore {
    /// The highest schema version this build knows; a database at a higher one is refused.
    pub const SCHEMA_VERSION: i64 = migrate::LATEST;

    /// The connection pool, for the store's own tests that damage a database on purpose.
    #[cfg(feature = "testing")]
    pub fn pool(&self) -> &sqlx::SqlitePool {
        &self.pool
    }

    /// The connection pool, for `copy`, which moves whole tables.
    pub(crate) fn raw_pool(&self) -> &sqlx::SqlitePool {
        &self.pool
    }

    /// Closes every connection, checkpointing the write-ahead log into the main file; a
    /// failed checkpoint is logged (the last connection's close retries it anyway).
    pub async fn close(&self) {
        if let Err(e) = self.close_cleanly().await {
            tracing::warn!("closing the database: {e}");
        }
    }
}
