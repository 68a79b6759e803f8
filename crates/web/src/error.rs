//! The web layer's one error type and its one `IntoResponse`: an HTML page in the reader's
//! language. Internals (store and template errors, panics) are logged, never shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use taawun_store::StoreError;

use crate::ctx::Ctx;
use crate::pages::Crumb;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No record with this id, or no such page.
    #[error("not found")]
    NotFound,
    /// A malformed id or parameter; the reason is logged at debug level only.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The principal may not do this (asked of `core::access::decide`).
    #[error("forbidden")]
    Forbidden,
    /// A state-changing request without the session's CSRF token or from another site.
    #[error("cross-site request refused")]
    Csrf,
    /// A request body (an upload) over the limit.
    #[error("request body too large")]
    TooLarge,
    /// The reader (or the whole instance) already runs as many exports, imports and PDF
    /// renders as allowed: 429 with `Retry-After`.
    #[error("busy: {0:?}")]
    Busy(taawun_store::Busy),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// The login session could not be saved (the session layer's own save, after the
    /// handler): a storage fault as far as the reader is concerned.
    #[error("the login session could not be saved")]
    SessionUnsaved,
    /// The request was not answered within the configured request timeout.
    #[error("request timed out")]
    TimedOut,
    #[error("template: {0}")]
    Render(#[from] askama::Error),
    /// Anything else that went wrong on our side (a caught panic, a bad header).
    #[error("internal: {0}")]
    Internal(String),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    status: u16,
    message: String,
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Busy(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::Forbidden
            | WebError::Csrf
            | WebError::Store(StoreError::Forbidden { .. }) => StatusCode::FORBIDDEN,
            WebError::Store(e) if e.is_storage_fault() => StatusCode::SERVICE_UNAVAILABLE,
            WebError::SessionUnsaved => StatusCode::SERVICE_UNAVAILABLE,
            WebError::TimedOut => StatusCode::GATEWAY_TIMEOUT,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        let ctx = Ctx::current();
        let (title, message) = match status {
            StatusCode::NOT_FOUND => (ctx.t("error-not-found-title"), ctx.t("error-not-found")),
            StatusCode::BAD_REQUEST => {
                (ctx.t("error-bad-request-title"), ctx.t("error-bad-request"))
            }
            StatusCode::PAYLOAD_TOO_LARGE => {
                (ctx.t("error-too-large-title"), ctx.t("error-too-large"))
            }
            StatusCode::FORBIDDEN if matches!(self, WebError::Csrf) => {
                (ctx.t("error-forbidden-title"), ctx.t("error-csrf"))
            }
            StatusCode::FORBIDDEN => (ctx.t("error-forbidden-title"), ctx.t("error-forbidden")),
            StatusCode::TOO_MANY_REQUESTS => (
                ctx.t("error-busy-title"),
                match self {
                    WebError::Busy(taawun_store::Busy::Instance) => ctx.t("error-busy-instance"),
                    _ => ctx.t("error-busy-yours"),
                },
            ),
            StatusCode::SERVICE_UNAVAILABLE => {
                (ctx.t("error-storage-title"), ctx.t("error-storage"))
            }
            StatusCode::GATEWAY_TIMEOUT => (ctx.t("error-timeout-title"), ctx.t("error-timeout")),
            _ => (ctx.t("error-internal-title"), ctx.t("error-internal")),
        };
        let page = ErrorPage {
            title,
            message,
            crumbs: Vec::new(),
            status: status.as_u16(),
            ctx,
        };
        let mut res = match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            // The error page itself failed: a bare page still beats a blank one.
            Err(e) => {
                tracing::error!(error = %e, "error page failed to render");
                (
                    status,
                    Html(format!(
                        "<!doctype html><title>{status}</title><p>{status}</p>"
                    )),
                )
                    .into_response()
            }
        };
        if status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("30"),
            );
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            let secs = crate::jobs_limit::RETRY_AFTER.as_secs().to_string();
            if let Ok(v) = axum::http::HeaderValue::from_str(&secs) {
                res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        res
    }
}

/// Renders `err` as the page of a reader whose context is `ctx`, for the layers that answer
/// outside `ctx::remember` (the session layer's failed save, the request timeout).
pub(crate) async fn answer_in(ctx: Ctx, err: WebError) -> Response {
    crate::ctx::within(ctx, async move { err.into_response() }).await
}

/// Fallback for unknown routes.
pub async fn not_found() -> WebError {
    WebError::NotFound
}

/// Turns a caught panic into the localized 500 page (the panic text is logged, not shown).
pub fn from_panic(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| err.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    WebError::Internal(format!("panic: {detail}")).into_response()
}
