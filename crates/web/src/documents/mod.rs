//! Documents a reader downloads: PDFs (minutes, status report, agreement text), spreadsheets
//! of every list, calendar feeds. Every one is filled through the reader's own `Visible`,
//! so a document holds exactly what the pages would show that reader, and is marked with the
//! highest classification among what it holds.

pub(crate) mod agreement;
mod langs;
pub(crate) mod minutes;
mod offer;
mod pdf;
pub(crate) mod report;

pub use offer::{PdfOffer, pdf_offer};
pub use pdf::attachment;
