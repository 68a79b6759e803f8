//! Static assets embedded in the binary, and the health check.

use axum::http::header;
use axum::response::IntoResponse;

const APP_CSS: &str = include_str!("../../static/app.css");

pub(crate) async fn app_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            // A day, not forever: the file name carries no version hash to bust caches with.
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        APP_CSS,
    )
}

pub(crate) async fn healthz() -> &'static str {
    "ok"
}
