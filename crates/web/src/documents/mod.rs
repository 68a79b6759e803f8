//! Documents a reader downloads: PDFs (minutes, status report, agreement text), spreadsheets
//! of every list, calendar feeds. Every one is filled through the reader's own `Visible`,
//! so a document holds exactly what the pages would show that reader, and is marked with the
//! highest classification among what it holds.

mod agreement;
mod langs;
mod minutes;
mod offer;
mod pdf;
mod report;

pub use offer::{PdfOffer, pdf_offer};
pub use pdf::attachment;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sessions/{id}/minutes.pdf", get(minutes::download))
        .route("/commissions/{id}/report.pdf", get(report::of_commission))
        .route("/agreements/{id}/report.pdf", get(report::of_agreement))
        .route("/agreements/{id}/text.pdf", get(agreement::download))
}
