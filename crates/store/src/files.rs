//! What the store is given to attach a file to a record (`Store::attach_file`). The content
//! is checked by content before it gets here (`taawun_app::files`: type by signature, the
//! office containers' budget, the installation's scanner); the store hashes it itself, so
//! the address a file is kept under is never a caller's word.

use taawun_core::attachment::{FileType, Purpose};
use taawun_core::{Id, RecordKind};

/// The audit actions of a record's files: `attach_file` and `replace_file` (the version's
/// metadata before and after, never its content) and `purge_file` (who, when, why and the
/// hash, under `purged`).
pub const FILE_ACTIONS: [&str; 3] = ["attach_file", "replace_file", "purge_file"];

/// A new file, or a new version of one of the record's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileSlot {
    /// A new file with this purpose: version 1.
    New(Purpose),
    /// The next version of the record's file `file_id`; it keeps the file's purpose.
    Replaces(Id),
}

/// One upload, already read and accepted.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub record: RecordKind,
    pub record_id: Id,
    pub slot: FileSlot,
    /// The name as uploaded; the store keeps its last path segment, without control
    /// characters, at most 255 characters (`attachment::clean_name`).
    pub name: String,
    pub file_type: FileType,
    pub content: Vec<u8>,
}
