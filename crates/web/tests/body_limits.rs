//! With axum's own extractor limit switched off, `limit_body` is the one body limit: a form
//! over 1 MiB is refused with the 413 page, whether it declares its length or is cut off
//! while read (by the CSRF check, which reads the body first) — and the server goes on
//! answering.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::demo;
use tower::ServiceExt;

#[tokio::test]
async fn a_form_over_the_limit_is_refused_declared_or_not() {
    let d = demo().await;
    let body = format!("username=x&password={}", "a".repeat(2 * 1024 * 1024));
    for declared in [true, false] {
        let mut req = Request::builder()
            .method("POST")
            .uri("/login")
            .header("content-type", "application/x-www-form-urlencoded");
        if declared {
            req = req.header("content-length", body.len());
        }
        let res = d
            .app
            .clone()
            .oneshot(req.body(Body::from(body.clone())).unwrap())
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "declared length: {declared}"
        );
    }
    let r = d.get("/healthz", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
}
