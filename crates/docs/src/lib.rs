//! Documents rendered from already-resolved domain values to bytes (PDF through Typst); no IO.
//!
//! Callers (the web layer) fill plain input structs from what the reader may see, so every
//! document respects classification and releasability exactly as pages do.

mod agreement;
mod fonts;
mod inputs;
mod layout;
mod minutes;
mod render;
mod report;
mod world;

pub use agreement::{AgreementInput, ClauseText, agreement_pdf};
pub use layout::{DocDate, Layout};
pub use minutes::{Delegate, Delegation, MinutesInput, Signatory, minutes_pdf};
pub use report::{ReportBar, ReportFigure, ReportInput, ReportItem, ReportSide, report_pdf};

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
}
