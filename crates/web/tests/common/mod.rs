//! Shared helpers for the web tests: a real store loaded with the demo, the real router, and
//! one-shot requests. The store is SQLite in a tempdir, or a fresh PostgreSQL database when
//! the run sets `TAAWUN_TEST_ENGINE=postgres` (`scripts/test` runs the web tests both ways).
#![allow(dead_code)]

pub mod browser;
pub mod python;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use std::sync::Arc;
use taawun_core::{Id, Lang};
use taawun_store::{PgStore, SqliteStore, Store};
use taawun_web::{AppState, app};
use tower::ServiceExt;

pub struct Demo {
    pub app: Router,
    pub store: Arc<dyn Store>,
    pub ids: Ids,
    pub dir: tempfile::TempDir,
}

/// Ids of one record of each page type in the demo.
pub struct Ids {
    pub commission: Id,
    pub session: Id,
    pub agreement: Id,
    pub plan: Id,
    pub item: Id,
    pub person: Id,
    pub organisation: Id,
    pub party: Id,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for downloads (PDF, spreadsheets).
    pub bytes: Vec<u8>,
}

pub async fn demo() -> Demo {
    instance(true, taawun_web::auth::AuthConfig::default()).await
}

/// The demo data served as a demo (anonymous reading) or not, with these login settings.
pub async fn instance(demo: bool, auth: taawun_web::auth::AuthConfig) -> Demo {
    instance_with(demo, |state| state.with_auth(auth)).await
}

/// The demo data served with the state `adjust` makes of the default one.
pub async fn instance_with(demo: bool, adjust: impl FnOnce(AppState) -> AppState) -> Demo {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = fresh_store(dir.path()).await;
    taawun_store::demo::load(&*store).await.expect("load demo");
    let ids = find_ids(&*store).await;
    let app = app(adjust(AppState::new(store.clone(), demo)));
    Demo {
        app,
        store,
        ids,
        dir,
    }
}

/// A new, empty store of the engine this run tests: SQLite in `dir`, or, when
/// `TAAWUN_TEST_ENGINE` is `postgres`, a database of its own on the server
/// `TAAWUN_TEST_POSTGRES` names (a run that asks for PostgreSQL without one fails).
pub async fn fresh_store(dir: &std::path::Path) -> Arc<dyn Store> {
    if on_postgres() {
        let url = taawun_testpg::fresh_database();
        // Kept where `open_again` finds it.
        std::fs::write(dir.join(POSTGRES_URL), &url).expect("note the database's URL");
        Arc::new(
            PgStore::open(&url)
                .await
                .expect("open a new PostgreSQL database"),
        )
    } else {
        let store = SqliteStore::open(&dir.join("taawun.db"))
            .await
            .expect("open store");
        Arc::new(store)
    }
}

/// Where `fresh_store` notes the URL of its PostgreSQL database, in the test's directory.
const POSTGRES_URL: &str = "postgres-url";

/// The store `fresh_store(dir)` made, opened again with connections of its own, as another
/// process (or node) serving the same database would hold.
pub async fn open_again(dir: &std::path::Path) -> Arc<dyn Store> {
    if on_postgres() {
        let url = noted_url(dir);
        Arc::new(PgStore::open(&url).await.expect("open the database again"))
    } else {
        Arc::new(
            SqliteStore::open(&dir.join("taawun.db"))
                .await
                .expect("open again"),
        )
    }
}

/// Runs `sql` on the database `fresh_store(dir)` made, through a connection of its own (to
/// damage it under the store's feet).
pub async fn execute_raw(dir: &std::path::Path, sql: &str) {
    if on_postgres() {
        let pool = sqlx::PgPool::connect(&noted_url(dir))
            .await
            .expect("second connection");
        sqlx::raw_sql(sql)
            .execute(&pool)
            .await
            .expect("raw statement");
        pool.close().await;
    } else {
        let url = format!("sqlite://{}", dir.join("taawun.db").display());
        let pool = sqlx::SqlitePool::connect(&url)
            .await
            .expect("second connection");
        sqlx::raw_sql(sql)
            .execute(&pool)
            .await
            .expect("raw statement");
        pool.close().await;
    }
}

/// The URL `fresh_store(dir)` noted for its PostgreSQL database.
fn noted_url(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join(POSTGRES_URL)).expect("the database's URL")
}

/// Whether this run tests PostgreSQL (`TAAWUN_TEST_ENGINE=postgres`).
pub fn on_postgres() -> bool {
    match std::env::var("TAAWUN_TEST_ENGINE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("TAAWUN_TEST_ENGINE={other:?}: use sqlite or postgres"),
    }
}

async fn find_ids(store: &dyn Store) -> Ids {
    let commission = commission_with(store, "ML").await;
    let session = store.sessions(Some(commission)).await.unwrap()[0].id;
    let agreement = store.agreements_of_session(session).await.unwrap()[0].id;
    let plan = store.plans(Some(commission)).await.unwrap()[0].id;
    let item = store.items(plan).await.unwrap()[0].id;
    let head = store
        .people(None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name_latin == "Abdelghani Mouhib")
        .expect("Moroccan head of delegation in the demo");
    Ids {
        commission,
        session,
        agreement,
        plan,
        item,
        person: head.id,
        organisation: head.organisation_id.expect("head has an organisation"),
        party: head.party_id,
    }
}

/// The demo commission of Morocco and the party with this ISO code: `ML` for the founding
/// Morocco–Mali commission, `SN` for the invented Morocco–Senegal one.
pub async fn commission_with(store: &dyn Store, iso: &str) -> Id {
    let parties = store.parties().await.unwrap();
    let party = parties
        .iter()
        .find(|p| p.iso_code.as_deref() == Some(iso))
        .unwrap_or_else(|| panic!("demo party {iso}"))
        .id;
    store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.party_ids.contains(&party))
        .unwrap_or_else(|| panic!("demo commission with {iso}"))
        .id
}

impl Demo {
    /// Every page of the demo that takes an id, plus the lists.
    pub fn pages(&self) -> Vec<String> {
        let i = &self.ids;
        vec![
            "/".into(),
            "/commissions".into(),
            format!("/commissions/{}", i.commission),
            format!("/sessions/{}", i.session),
            "/agreements".into(),
            format!("/agreements/{}", i.agreement),
            format!("/plans/{}", i.plan),
            format!("/items/{}", i.item),
            format!("/people/{}", i.person),
            format!("/organisations/{}", i.organisation),
            format!("/parties/{}", i.party),
        ]
    }

    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        send(&self.app, uri, headers).await
    }

    /// A page in a language chosen by cookie.
    pub async fn get_in(&self, uri: &str, lang: Lang) -> Reply {
        let cookie = format!("lang={}", lang.code());
        self.get(uri, &[("cookie", &cookie)]).await
    }
}

pub async fn send(app: &Router, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::builder().uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Body::empty()).expect("request");
    let res = app.clone().oneshot(req).await.expect("infallible router");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// The text of each page of a PDF, as `pdftotext` reads them (see below).
pub fn pdftotext_pages(pdf: &[u8]) -> Vec<String> {
    raw_pdftotext(pdf)
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text of a PDF as poppler's `pdftotext` reads it (installed by `scripts/test`; the
/// test fails, never skips, without it), bidi marks dropped and whitespace collapsed.
pub fn pdftotext(pdf: &[u8]) -> String {
    raw_pdftotext(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// pdftotext's output with bidi marks dropped, pages separated by form feeds.
fn raw_pdftotext(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) must be installed: run scripts/test");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("write pdf");
    let out = child.wait_with_output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    let bidi = |c: &char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !bidi(c))
        .collect()
}

/// The `lang` and `dir` of the page's `<html>` element.
pub fn html_lang_dir(body: &str) -> (String, String) {
    let start = body.find("<html").expect("an <html> element");
    let tag = &body[start..start + body[start..].find('>').expect("tag end")];
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        let from = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[from..].split('"').next().unwrap_or("").to_string()
    };
    (attr("lang"), attr("dir"))
}
