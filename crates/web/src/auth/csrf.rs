//! Cross-site request forgery defence for every state-changing request: a request whose
//! `Origin` (or, lacking it, `Referer`) names another host is refused, and so is one that
//! does not carry the session's random token — in the `csrf` field of a url-encoded form, or
//! in the `X-CSRF-Token` header (for scripts such as htmx).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use rand::RngCore;
use tower_sessions::Session;

use super::totp::{constant_eq, hex};

/// Name of the hidden form field and of the session entry.
pub const FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";
/// The CSRF check reads form bodies up to the router's own limit, so a body the router
/// accepts is never refused here as a forgery.
const MAX_FORM: usize = crate::routes::BODY_LIMIT;

/// Why a request was refused (logged; the person sees one localized 403 page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ForeignOrigin,
    MissingToken,
    WrongToken,
    UnreadableBody,
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The session's token, created (which creates the session) when it has none: login forms
/// need one before anybody is logged in.
pub async fn ensure_token(session: &Session) -> Result<String, tower_sessions::session::Error> {
    if let Some(t) = session.get::<String>(FIELD).await? {
        return Ok(t);
    }
    let t = new_token();
    session.insert(FIELD, &t).await?;
    Ok(t)
}

/// GET, HEAD, OPTIONS and TRACE change nothing by contract; everything else is checked.
fn is_multipart(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"))
}

pub fn is_state_changing(m: &Method) -> bool {
    !matches!(
        *m,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// `host[:port]` of an absolute URL, lowercased; `None` for anything else (including the
/// `null` origin of sandboxed frames and file pages).
fn authority_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let auth = &rest[..end];
    // Credentials in a URL (`user@host`) are not part of the host.
    let auth = auth.rsplit('@').next().unwrap_or(auth);
    (!auth.is_empty()).then(|| auth.to_ascii_lowercase())
}

/// The host the request was sent to: the Host header, else the URI authority (HTTP/2).
fn own_authority(req: &Request) -> Option<String> {
    req.headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase)
        .or_else(|| {
            req.uri()
                .authority()
                .map(|a| a.as_str().to_ascii_lowercase())
        })
}

/// Refuses a request whose Origin, or else Referer, names a host other than the one it was
/// sent to or the configured public one. Requests with neither header (old clients, privacy
/// settings) fall back on the token alone.
pub fn check_origin(req: &Request, public: Option<&str>) -> Result<(), Refusal> {
    let headers: &HeaderMap = req.headers();
    let claimed = match headers.get(header::ORIGIN) {
        Some(o) => o.to_str().ok().and_then(authority_of),
        None => match headers.get(header::REFERER) {
            Some(r) => r.to_str().ok().and_then(authority_of),
            None => return Ok(()),
        },
    };
    let Some(claimed) = claimed else {
        return Err(Refusal::ForeignOrigin);
    };
    let own = own_authority(req);
    let public = public.and_then(authority_of);
    if own.as_deref() == Some(claimed.as_str()) || public.as_deref() == Some(claimed.as_str()) {
        Ok(())
    } else {
        Err(Refusal::ForeignOrigin)
    }
}

/// Checks the token of a state-changing request against the session's. A url-encoded body
/// is read to find the field and then put back for the handler.
pub async fn check_token(req: Request, expected: Option<&str>) -> Result<Request, Refusal> {
    let from_header = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let (req, sent) = match from_header {
        Some(t) => (req, Some(t)),
        None if is_form => {
            let (parts, body) = req.into_parts();
            let bytes = to_bytes(body, MAX_FORM)
                .await
                .map_err(|_| Refusal::UnreadableBody)?;
            let sent = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                .ok()
                .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD))
                .map(|(_, v)| v);
            (Request::from_parts(parts, Body::from(bytes)), sent)
        }
        // A file upload's body is multipart and may be megabytes: rather than buffer and parse
        // it here, its form carries the token in its action URL (`?csrf=`). The token is
        // per login session and the Referrer-Policy is same-origin, so it leaves no trace
        // outside this site.
        None if is_multipart(&req) => {
            let sent = req.uri().query().and_then(|q| {
                serde_urlencoded::from_str::<Vec<(String, String)>>(q)
                    .ok()
                    .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD))
                    .map(|(_, v)| v)
            });
            (req, sent)
        }
        None => (req, None),
    };
    match (sent, expected) {
        (None, _) | (_, None) => Err(Refusal::MissingToken),
        (Some(s), Some(e)) if constant_eq(s.as_bytes(), e.as_bytes()) => Ok(req),
        _ => Err(Refusal::WrongToken),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method("POST").uri("/x");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn origins() {
        let ok = |h: &[(&str, &str)]| check_origin(&post(h), None).is_ok();
        assert!(ok(&[
            ("host", "a.example:8080"),
            ("origin", "http://a.example:8080")
        ]));
        assert!(ok(&[
            ("host", "a.example"),
            ("referer", "https://A.example/x?y")
        ]));
        assert!(ok(&[("host", "a.example")]));
        assert!(!ok(&[
            ("host", "a.example"),
            ("origin", "https://evil.example")
        ]));
        assert!(!ok(&[("host", "a.example"), ("origin", "null")]));
        assert!(!ok(&[
            ("host", "a.example"),
            ("referer", "https://a.example@evil.example/")
        ]));
        assert!(!ok(&[("origin", "https://evil.example")]));
        let behind_proxy = post(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://taawun.example"),
        ]);
        assert!(check_origin(&behind_proxy, Some("https://taawun.example/")).is_ok());
    }
}
