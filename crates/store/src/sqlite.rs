//! SQLite backend of the `Store` trait: the embedded default.
//!
//! Records are stored as "document + indexed columns": the full record as JSON, plus copies
//! of the scalar fields that queries and constraints need. The submodules split the work:
//! opening and migrating the file, describing each record type's columns, the one write
//! path (permission, version check, rules, write, search entry, audit) and its batch, the
//! reads, search, account secrets, calendar feeds, settings, login sessions, and the
//! counters of login attempts and running jobs.

mod accounts;
mod attachments;
mod audit;
mod batch;
#[cfg(feature = "bench")]
mod bench;
mod chain;
mod changes;
mod context;
mod counters;
mod counts;
mod durability;
mod effective;
mod facts;
mod feeds;
mod follow;
mod guard;
mod item_window;
mod login;
mod many;
mod memo;
mod migrate;
mod notices;
mod open;
mod plan_window;
mod preflight;
mod read;
mod record;
mod records;
mod script;
mod search;
mod settings;
pub mod snapshot;
mod store_impl;
mod tallies;
mod windows;
mod write;

#[cfg(feature = "bench")]
pub use bench::Generated;
pub use durability::Durability;

/// The embedded SQLite store. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct SqliteStore {
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
