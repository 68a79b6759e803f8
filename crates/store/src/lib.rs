//! Persistence of Taawun. The `Store` trait is the one service path for every read and
//! write: a write validates with the rules of `core`, writes, and records its audit row in
//! one transaction, after asking `core::access::decide` when the actor is a user.
//! `Visible` wraps a store for one reader and returns only what they may see.
//! `SqliteStore` is the embedded default backend; `PgStore` (PostgreSQL) is being built.

/// Benchmarks only: writes around rules, permission and audit, so no release build has it.
#[cfg(feature = "bench")]
pub mod bench;
pub mod chain;
pub mod copy;
mod counters;
pub mod demo;
mod error;
pub mod exchange;
mod facts;
mod feed;
mod files;
mod indexed;
pub mod jcs;
mod postgres;
mod save;
mod scope;
mod sqlite;
mod store;
mod stored;
pub mod visibility;
mod visible;
mod window;

pub use chain::AuditHead;
pub use counters::{AttemptKey, Busy, Counters, JobLimits, JobOutcome, JobState, SYSTEM_HOLDER};
pub use error::{StoreError, StoreResult};
pub use facts::{FactsFilter, FactsScope, ItemCounts};
pub use feed::CalendarFeed;
pub use files::{FILE_ACTIONS, FileSlot, NewFile};
pub use postgres::{PgStore, redact as redact_url};
pub use save::{Save, Write};
pub use scope::Scope;
pub use sqlite::{Durability, SqliteStore, snapshot};
pub use store::{
    ARABIC_DATES_KEY, Actor, AuditEntry, ChangeRow, Credentials, HeaderRow, REQUEST_UPDATE,
    SearchHit, Store,
};
pub use stored::Stored;
pub use visible::{ChangesPage, Visible};
pub use window::{ItemWindow, Neighbours, Window, Windowed};
