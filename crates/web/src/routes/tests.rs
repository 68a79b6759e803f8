//! The route table's own checks: each path is listed once (all its methods on one line),
//! and each reaches a handler rather than the not-found fallback.

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use tower::ServiceExt;

use super::table;
use crate::AppState;

/// `path` with each `{param}` filled in (an id is as good as any value here, since no
/// handler runs).
fn sample(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.starts_with('{') {
                "00000000-0000-0000-0000-000000000000"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn each_path_is_listed_once() {
    let t = table();
    let mut seen = HashSet::new();
    for path in t.paths() {
        assert!(
            seen.insert(path),
            "{path} is listed twice: give it one line with all its methods"
        );
    }
}

#[tokio::test]
async fn every_listed_path_reaches_its_route() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = taawun_store::SqliteStore::open(&dir.path().join("routes.db"))
        .await
        .expect("open store");
    let t = table();
    let paths: Vec<String> = t.paths().map(sample).collect();
    // A matched route answers 204 without running its handler (a GET on a POST-only path
    // is a 405); only the fallback answers 418.
    let app = t
        .router()
        .route_layer(middleware::from_fn(|_: Request, _: Next| async {
            StatusCode::NO_CONTENT
        }))
        .fallback(|| async { StatusCode::IM_A_TEAPOT })
        .with_state(AppState::new(Arc::new(store), false));
    for path in paths {
        let req = Request::get(&path).body(Body::empty()).expect("request");
        let status = app.clone().oneshot(req).await.expect("answer").status();
        assert_ne!(status, StatusCode::IM_A_TEAPOT, "{path} fell through");
    }
}
