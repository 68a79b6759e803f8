//! Documents rendered from already-resolved domain values to bytes (PDF through Typst,
//! spreadsheets, calendars), and uploaded spreadsheets read back; no IO.
//!
//! Callers (the web layer) fill plain input structs from what the reader may see, so every
//! document respects classification and releasability exactly as pages do.

mod agreement;
mod attached;
mod calendar;
mod csv_out;
mod file_type;
mod fonts;
mod inputs;
mod layout;
mod minutes;
mod render;
mod report;
mod sheet_error;
mod sheet_in;
mod table;
mod world;
mod xlsx;

pub use agreement::{AgreementInput, ClauseText, agreement_pdf};
pub use attached::attached_files;
pub use calendar::{Calendar, Event, When, ics};
pub use csv_out::{csv, csv_with_progress};
pub use file_type::{MAX_INFLATED, detect_file_type};
pub use layout::{DocDate, Layout};
pub use minutes::{AgendaPoint, Delegate, Delegation, MinutesInput, Signatory, minutes_pdf};
pub use report::{ReportBar, ReportFigure, ReportInput, ReportItem, ReportSide, report_pdf};
pub use sheet_error::{ReadLimits, SheetError};
pub use sheet_in::read_sheet;
pub use table::{Column, ColumnKind, Table, Value};
pub use xlsx::{xlsx, xlsx_with_progress};

/// Why a document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    #[error("invalid document date {0}")]
    InvalidDate(String),
    /// The embedded template failed to compile: a bug in this crate, never user data.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    #[error("PDF export failed: {0}")]
    Pdf(String),
    /// The table does not fit one Excel sheet (over 1,048,575 rows or 16,384 columns).
    #[error("spreadsheet export failed: {0}")]
    Spreadsheet(String),
}
