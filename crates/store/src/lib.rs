//! Persistence of Taawun. The `Store` trait is the one service path for every read and
//! write: a write validates with the rules of `core`, writes, and records its audit row in
//! one transaction. `SqliteStore` is the embedded default backend.

pub mod demo;
mod error;
mod sqlite;
mod store;

pub use error::{StoreError, StoreResult};
pub use sqlite::SqliteStore;
pub use store::{Actor, AuditEntry, Store};
