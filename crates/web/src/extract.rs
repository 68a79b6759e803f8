//! Extractors whose failures become our localized error pages instead of axum's plain-text
//! rejections.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use taawun_core::Id;

use crate::error::WebError;

/// A record id from the `{id}` path segment; anything but a UUID is a 400.
pub struct IdPath(pub Id);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, WebError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| WebError::BadRequest(format!("path: {e}")))?;
        // Only the canonical hyphenated form: ids are printed that way in every link we make.
        if raw.len() != 36 {
            return Err(WebError::BadRequest(String::from("id: wrong length")));
        }
        uuid::Uuid::try_parse(&raw)
            .map(IdPath)
            .map_err(|e| WebError::BadRequest(format!("id: {e}")))
    }
}

/// The `{code}` segment of `/lang/{code}`, kept as text (validated by the handler).
pub struct CodePath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CodePath {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, WebError> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(c)| CodePath(c))
            .map_err(|e| WebError::BadRequest(format!("path: {e}")))
    }
}
