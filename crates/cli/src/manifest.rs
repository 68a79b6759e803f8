//! The manifest at the head of every backup archive: what the archive holds and how to tell
//! that it arrived whole. Its layout is described in ARCHITECTURE.md ("Backup format").

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The name of the manifest entry, always the first in the tar stream.
pub const MANIFEST: &str = "manifest.json";
/// What `format` says, so that a stray tar file is told apart from a backup.
pub const FORMAT: &str = "taawun-backup";
/// Bumped when a reader of the previous version could not restore the archive correctly.
pub const FORMAT_VERSION: u32 = 1;
/// The first bytes of an age file: an encrypted backup starts with them, a plain one never does.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The `taawun` that wrote the archive (its package version).
    pub taawun_version: String,
    /// The database engine the files belong to (`sqlite`; PostgreSQL later).
    pub engine: String,
    /// The database's highest applied migration.
    pub schema_version: i64,
    /// When the copy was taken (RFC 3339, UTC).
    pub created_at: String,
    /// Every file after the manifest, in archive order. The database is `taawun.db`; other
    /// paths (attachments, when they exist) are restored under the data directory as named.
    pub files: Vec<FileEntry>,
    /// Rows per table in the copied database, compared again after a restore.
    pub counts: BTreeMap<String, i64>,
    /// The head of the audit chain at the time of the copy (`SEQ:SHA256`), so that a later
    /// `taawun check --expect-head` can tell that the log was not cut or rewritten since.
    pub audit_head: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileEntry {
    /// Path inside the archive, relative to the data directory; `/` separated, no `..`.
    pub path: String,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// A path an archive may name: relative, plain components only, so a restore never writes
/// outside the data directory it was given.
pub fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'))
}
