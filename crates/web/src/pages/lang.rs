//! The language switch: `/lang/{code}?back=/path` stores the choice in a cookie and sends
//! the reader back, but only to a path on this site (never an open redirect).

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::negotiate::{COOKIE, exact};
use crate::{error::WebError, extract::CodePath};

/// A year: the choice should outlive a browser restart, not a reinstall.
const COOKIE_MAX_AGE: u32 = 365 * 24 * 3600;
const MAX_BACK_LEN: usize = 2048;

#[derive(Deserialize)]
pub(crate) struct Back {
    back: Option<String>,
}

/// Where to send the reader: a local absolute path, else `/`. A leading `//` or `/\` would
/// be read by browsers as another host; control characters and non-ASCII could split or
/// confuse the Location header.
pub fn safe_back(back: Option<&str>) -> &str {
    match back {
        Some(b)
            if b.starts_with('/')
                && !b.starts_with("//")
                && !b.contains('\\')
                && b.len() <= MAX_BACK_LEN
                && b.bytes().all(|c| c.is_ascii_graphic()) =>
        {
            b
        }
        _ => "/",
    }
}

pub(crate) async fn switch(
    CodePath(code): CodePath,
    query: Result<Query<Back>, QueryRejection>,
) -> Result<Response, WebError> {
    let Some(lang) = exact(&code) else {
        return Err(WebError::NotFound);
    };
    let back = query.ok().and_then(|Query(b)| b.back);
    let location = HeaderValue::from_str(safe_back(back.as_deref()))
        .unwrap_or_else(|_| HeaderValue::from_static("/"));
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let cookie = HeaderValue::from_str(&cookie).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location), (header::SET_COOKIE, cookie)],
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn only_local_paths() {
        for (input, want) in [
            (Some("/sessions/x?a=1"), "/sessions/x?a=1"),
            (Some("//evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("https://evil.example"), "/"),
            (Some("/a\r\nSet-Cookie: x"), "/"),
            (Some("/é"), "/"),
            (Some(""), "/"),
            (None, "/"),
        ] {
            assert_eq!(safe_back(input), want, "{input:?}");
        }
    }
}
