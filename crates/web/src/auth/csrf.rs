//! Cross-site request forgery defence for every state-changing request: a request whose
//! `Origin` (or, lacking it, `Referer`) names another host is refused, and so is one that
//! does not carry the session's random token — in the `csrf` field of a url-encoded form, in
//! the first part of a multipart form (file uploads), or in the `X-CSRF-Token` header (for
//! scripts such as htmx). Never in the URL: a token there ends up in logs and history.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use futures_util::{StreamExt, stream};
use rand::RngCore;
use tower_sessions::Session;

use super::totp::{constant_eq, hex};

/// Name of the hidden form field and of the session entry.
pub const FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";
/// The CSRF check reads form bodies up to the router's own limit, so a body the router
/// accepts is never refused here as a forgery.
const MAX_FORM: usize = crate::routes::BODY_LIMIT;
/// How much of a multipart body is held to find the token in its first part: a hidden field
/// is a few hundred bytes; the file that follows is never buffered here.
const MULTIPART_HEAD: usize = 16 * 1024;

/// Why a request was refused (logged; the person sees one localized 403 page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ForeignOrigin,
    MissingToken,
    WrongToken,
    UnreadableBody,
    /// The body went over the route's size limit while it was read for the token.
    TooLarge,
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
/// is read to find the field and then put back for the handler; a multipart body is read only
/// up to the end of its first part, which must be the token, and handed on as it came.
pub async fn check_token(req: Request, expected: Option<&str>) -> Result<Request, Refusal> {
    let from_header = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let (req, sent) = match from_header {
        Some(t) => (req, Some(t)),
        None if content_type.starts_with("application/x-www-form-urlencoded") => {
            let (parts, body) = req.into_parts();
            let bytes = to_bytes(body, MAX_FORM).await.map_err(read_refusal)?;
            (
                Request::from_parts(parts, Body::from(bytes.clone())),
                form_token(&bytes),
            )
        }
        None if content_type.starts_with("multipart/form-data") => {
            multipart_token(req, &content_type).await?
        }
        None => (req, None),
    };
    match (sent, expected) {
        (None, _) | (_, None) => Err(Refusal::MissingToken),
        (Some(s), Some(e)) if constant_eq(s.as_bytes(), e.as_bytes()) => Ok(req),
        _ => Err(Refusal::WrongToken),
    }
}

fn form_token(bytes: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD))
        .map(|(_, v)| v)
}

/// A body cut off by the size limit is too large, not forged: the person gets the 413 page.
fn read_refusal(e: axum::Error) -> Refusal {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return Refusal::TooLarge;
        }
        source = err.source();
    }
    Refusal::UnreadableBody
}

/// Reads a multipart body until its first part is complete (the opening delimiter and the
/// next one are both in hand), takes the token from it when that part is the `csrf` field,
/// and rebuilds the request from the bytes read and the rest of the stream.
async fn multipart_token(
    req: Request,
    content_type: &str,
) -> Result<(Request, Option<String>), Refusal> {
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return Ok((req, None));
    };
    let delimiter = format!("--{boundary}");
    let (parts, body) = req.into_parts();
    let mut rest = body.into_data_stream();
    let mut head: Vec<u8> = Vec::new();
    while occurrences(&head, delimiter.as_bytes()) < 2 && head.len() <= MULTIPART_HEAD {
        match rest.next().await {
            Some(Ok(chunk)) => head.extend_from_slice(&chunk),
            Some(Err(e)) => return Err(read_refusal(e)),
            None => break,
        }
    }
    let head = Bytes::from(head);
    let sent = first_part_token(head.clone(), boundary).await;
    let body =
        Body::from_stream(stream::once(async move { Ok::<_, axum::Error>(head) }).chain(rest));
    Ok((Request::from_parts(parts, body), sent))
}

fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

async fn first_part_token(head: Bytes, boundary: String) -> Option<String> {
    let only_head = stream::once(async move { Ok::<_, std::convert::Infallible>(head) });
    let mut form = multer::Multipart::new(only_head, boundary);
    let field = form.next_field().await.ok()??;
    if field.name() != Some(FIELD) {
        return None;
    }
    field.text().await.ok()
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
