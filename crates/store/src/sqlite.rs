//! SQLite backend (placeholder until implemented).

/// The embedded SQLite store.
pub struct SqliteStore;
