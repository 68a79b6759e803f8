//! A small browser for the account tests: keeps cookies between requests, remembers the
//! last CSRF token a page carried and sends it with forms, and can claim a client address.

use super::Reply;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use http_body_util::BodyExt;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use taawun_core::{Marking, Role, User, new_id};
use taawun_store::{Actor, Store};
use tower::ServiceExt;

pub struct Browser {
    app: Router,
    pub cookies: BTreeMap<String, String>,
    pub csrf: Option<String>,
    pub addr: Option<SocketAddr>,
}

/// Percent-encodes a form value.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of the first `name="csrf" value="…"` in a page.
pub fn csrf_in(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(body[at..].split('"').next()?.to_string())
}

impl Browser {
    pub fn new(app: &Router) -> Self {
        Browser {
            app: app.clone(),
            cookies: BTreeMap::new(),
            csrf: None,
            addr: None,
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Sends a request with the jar's cookies and records what comes back.
    pub async fn send(&mut self, mut req: Request<Body>) -> Reply {
        if !self.cookies.is_empty() {
            let jar = self.cookie_header();
            req.headers_mut().insert("cookie", jar.parse().unwrap());
        }
        if let Some(a) = self.addr {
            req.extensions_mut().insert(ConnectInfo(a));
        }
        let res = self
            .app
            .clone()
            .oneshot(req)
            .await
            .expect("infallible router");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        for sc in headers.get_all("set-cookie") {
            let sc = sc.to_str().unwrap();
            let pair = sc.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            let removed = v.is_empty() || sc.contains("Max-Age=0");
            if removed {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        if let Some(t) = csrf_in(&body) {
            self.csrf = Some(t);
        }
        Reply {
            status,
            headers,
            body,
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, uri: &str) -> Reply {
        let req = Request::builder().uri(uri).body(Body::empty()).unwrap();
        self.send(req).await
    }

    /// Posts a form carrying the last CSRF token seen (unless `fields` has its own).
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        let token = self.csrf.clone().unwrap_or_default();
        if !fields.iter().any(|(k, _)| *k == "csrf") {
            all.push(("csrf", &token));
        }
        self.post_raw(uri, form_body(&all), &[]).await
    }

    pub async fn post_raw(&mut self, uri: &str, body: String, headers: &[(&str, &str)]) -> Reply {
        let mut b = Request::builder()
            .method("POST")
            .uri(uri)
            .header("content-type", "application/x-www-form-urlencoded");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::from(body)).unwrap()).await
    }

    /// Uploads a file as a browser's file form does: multipart, the CSRF token in the hidden
    /// field that comes first in the import form.
    pub async fn upload(&mut self, uri: &str, file_name: &str, bytes: &[u8]) -> Reply {
        let token = self.csrf.clone().unwrap_or_default();
        let body = multipart(&[
            ("csrf", None, token.as_bytes()),
            ("file", Some(file_name), bytes),
        ]);
        self.send_multipart(uri, body).await
    }

    pub async fn send_multipart(&mut self, uri: &str, body: Vec<u8>) -> Reply {
        let req = Request::builder()
            .method("POST")
            .uri(uri)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Opens the login page and submits the credentials.
    pub async fn login(&mut self, username: &str, password: &str) -> Reply {
        let page = self.get("/login").await;
        assert_eq!(page.status, 200, "login page: {}", page.body);
        self.post("/login", &[("username", username), ("password", password)])
            .await
    }
}

pub const BOUNDARY: &str = "taawun-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart body of these parts, in order: (field name, file name if a file, content).
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        let disposition = match file_name {
            Some(f) => format!(
                "form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream"
            ),
            None => format!("form-data; name=\"{name}\""),
        };
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Creates an active user of the first party with a password, as the command line does.
pub async fn add_user(store: &Arc<dyn Store>, username: &str, role: Role, password: &str) -> User {
    let party = store.parties().await.unwrap()[0].id;
    let u = User {
        person_id: None,
        id: new_id(),
        username: username.to_string(),
        display_name: format!("{username} display"),
        party_id: party,
        organisation_id: None,
        role,
        clearance: Marking::Restricted,
        commission_ids: vec![],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    };
    let saved = store.save_user(&Actor::system(), &u).await.unwrap();
    let hash = taawun_app::accounts::hash_password(password).unwrap();
    store
        .set_password(&Actor::system(), saved.id, &hash)
        .await
        .unwrap();
    saved
}

pub fn location(r: &Reply) -> &str {
    r.headers
        .get("location")
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}
