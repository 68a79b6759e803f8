//! Errors of the store layer.

use taawun_core::RuleErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record breaks a rule; nothing was written.
    #[error("invalid record: {0}")]
    Invalid(RuleErrors),
    /// A record the write refers to (or updates) does not exist.
    #[error("{kind} {id} not found")]
    NotFound { kind: &'static str, id: String },
    /// The actor's role does not allow this write (or the record would end up outside what
    /// the actor may see); nothing was written.
    #[error("not allowed to write this {kind}")]
    Forbidden { kind: &'static str },
    /// The record was changed by someone else since it was read; nothing was written.
    #[error("{kind} was changed by someone else (stored version {stored}, yours {yours})")]
    Conflict {
        kind: &'static str,
        stored: i64,
        yours: i64,
    },
    /// One record of a batch was refused: of `Store::save_items`, nothing was written; of
    /// `Store::save_all`, the transactions before the one holding it stay written. `index`
    /// counts from 0 in the batch; the message counts from 1, as people do.
    #[error("item {}: {source}", index + 1)]
    InBatch {
        index: usize,
        source: Box<StoreError>,
    },
    /// The database was written by a newer Taawun than this one.
    #[error(
        "the database schema is version {found}, newer than this taawun understands ({supported}); upgrade taawun, or restore a backup taken by this version with `taawun restore BACKUP --data-dir DIR`"
    )]
    NewerSchema { found: i64, supported: i64 },
    /// The database could not be opened or created.
    #[error("cannot open the database: {0}")]
    Open(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("corrupt record: {0}")]
    Corrupt(#[from] serde_json::Error),
}

impl StoreError {
    /// Whether the database could not be read or written for a reason of storage — a full
    /// disk, an I/O error, a file or filesystem turned read-only, a file that cannot be
    /// opened — rather than of the request: the person is told the server cannot write its
    /// data now, and the next request may succeed once the fault is gone.
    pub fn is_storage_fault(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Io(_)) => true,
            StoreError::Database(sqlx::Error::Database(e)) => e
                .code()
                .and_then(|c| c.parse::<i32>().ok())
                // Extended result codes keep the primary code in their low byte.
                .is_some_and(|c| STORAGE_FAULTS.contains(&(c & 0xff))),
            StoreError::InBatch { source, .. } => source.is_storage_fault(),
            _ => false,
        }
    }
}

/// SQLite's primary result codes for storage faults: SQLITE_READONLY, SQLITE_IOERR,
/// SQLITE_FULL, SQLITE_CANTOPEN.
const STORAGE_FAULTS: [i32; 4] = [8, 10, 13, 14];

impl From<RuleErrors> for StoreError {
    fn from(e: RuleErrors) -> Self {
        StoreError::Invalid(e)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
