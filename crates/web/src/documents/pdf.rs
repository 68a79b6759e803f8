//! What every PDF download shares: the layout and archival choice from the query, the date
//! printed on the document, typesetting off the async threads, and the response headers.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use serde::Deserialize;
use taawun_app::jobs::Holder;
use taawun_docs::{DocDate, DocsError, Layout};

use crate::{AppState, ctx::Ctx, error::WebError};

/// `?layout=ar|fr|en|ar-fr&archival=1`; without a layout, the reader's language.
#[derive(Debug, Default, Deserialize)]
pub struct PdfQuery {
    pub layout: Option<String>,
    pub archival: Option<String>,
}

impl PdfQuery {
    pub fn layout(&self, ctx: &Ctx) -> Result<Layout, WebError> {
        match self.layout.as_deref() {
            None | Some("") => Ok(match ctx.lang {
                taawun_core::Lang::Ar => Layout::Ar,
                taawun_core::Lang::Fr => Layout::Fr,
                taawun_core::Lang::En => Layout::En,
            }),
            Some("ar") => Ok(Layout::Ar),
            Some("fr") => Ok(Layout::Fr),
            Some("en") => Ok(Layout::En),
            Some("ar-fr") => Ok(Layout::ArFr),
            Some(other) => Err(WebError::BadRequest(format!("layout {other:?}"))),
        }
    }

    /// PDF/A-2b, for the archives. A checkbox sends "on"; links send "1".
    pub fn archival(&self) -> bool {
        matches!(self.archival.as_deref(), Some("1" | "on" | "true"))
    }
}

/// The suffix of a file name for a layout: `minutes-1-ar-fr.pdf`.
pub fn layout_code(layout: Layout) -> &'static str {
    match layout {
        Layout::Ar => "ar",
        Layout::Fr => "fr",
        Layout::En => "en",
        Layout::ArFr => "ar-fr",
    }
}

/// The date the document is dated: the instance's today (fixed in the demo and in tests,
/// so the same records give the same PDF).
pub fn today(state: &AppState) -> DocDate {
    let d = state.clock.today();
    DocDate {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// Typesets on a blocking thread: a PDF takes tens to hundreds of milliseconds of CPU, which
/// must not hold up the threads serving other readers' pages. It takes a place under the job
/// limits first (`Jobs::slot`), so a reader cannot start PDFs by the dozen at once: beyond
/// the limit the answer is the 429 page.
pub async fn typeset<F>(state: &AppState, holder: &Holder, render: F) -> Result<Vec<u8>, WebError>
where
    F: FnOnce() -> Result<Vec<u8>, DocsError> + Send + 'static,
{
    let slot = state.jobs.slot(holder).await?;
    let pdf = tokio::task::spawn_blocking(render).await;
    slot.end().await;
    pdf.map_err(|e| WebError::Internal(format!("typesetting task: {e}")))?
        .map_err(|e| WebError::Internal(format!("document: {e}")))
}

/// A download: the bytes with their type and a file name the browser saves them under.
/// `no-store`: a classified document must not linger in shared caches.
pub fn attachment(bytes: Vec<u8>, content_type: &str, file_name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(content_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        bytes,
    )
        .into_response()
}
