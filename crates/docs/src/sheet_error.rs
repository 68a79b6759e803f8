//! How much an upload may make the reader read, and why a spreadsheet was refused:
//! `SheetError` is `core`'s data (re-exported here for the reader's callers); its sentences
//! for the person who uploaded the file are in `taawun-i18n` (`SheetError::message(lang)`).

use std::time::Duration;

pub use taawun_core::sheet::SheetError;

/// Limits on what an upload may make the server read; all are checked *while* reading, before
/// anything is expanded, so a small file declaring a huge sheet stops early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The upload itself.
    pub max_bytes: usize,
    /// Data rows under the header.
    pub max_rows: usize,
    pub max_columns: usize,
    /// Cell positions walked in the file, empty ones included: every cell element counts
    /// one, a repeated cell (`.ods`) counts its repeat when a value follows it in its row or
    /// it holds a value itself, a repeated row holding values counts its cells once per
    /// repeat. A run of empty cells ending its row, and empty rows ending the table, are
    /// never expanded and count one per element (so LibreOffice's formatted trailing columns
    /// and rows cost nothing). The default leaves room for `max_rows` × `max_columns`.
    pub max_cells: usize,
    /// Bytes inflated from the archive, all entries together, counted as they are inflated
    /// (declared sizes can lie); text expanded by repeats counts too.
    pub max_unpacked_bytes: usize,
    /// Wall-clock time for one file, checked while reading.
    pub max_time: Duration,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_bytes: 10 * 1024 * 1024,
            max_rows: 20_000,
            max_columns: 100,
            max_cells: 2_500_000,
            max_unpacked_bytes: 128 * 1024 * 1024,
            max_time: Duration::from_secs(20),
        }
    }
}
