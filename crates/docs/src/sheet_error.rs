//! How much an upload may make the reader read, and why a spreadsheet was refused:
//! `SheetError` is `core`'s data (re-exported here for the reader's callers); its sentences
//! for the person who uploaded the file are in `taawun-i18n` (`SheetError::message(lang)`).

pub use taawun_core::sheet::SheetError;

/// Limits on what an upload may make the server read; checked while reading, so a small file
/// declaring a huge sheet stops early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    pub max_bytes: usize,
    /// Data rows under the header.
    pub max_rows: usize,
    pub max_columns: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_bytes: 10 * 1024 * 1024,
            max_rows: 20_000,
            max_columns: 100,
        }
    }
}
