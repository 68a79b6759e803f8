//! Errors are localized HTML pages: unknown ids and routes give 404, malformed ids 400.

mod common;

use axum::http::StatusCode;
use common::{demo, html_lang_dir};
use taawun_core::Lang;

#[tokio::test]
async fn unknown_uuid_is_a_localized_404() {
    let d = demo().await;
    let missing = uuid::Uuid::now_v7();
    for prefix in [
        "commissions",
        "sessions",
        "agreements",
        "plans",
        "items",
        "people",
        "organisations",
        "parties",
    ] {
        let uri = format!("/{prefix}/{missing}");
        let r = d.get_in(&uri, Lang::Ar).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(r.body.contains("الصفحة غير موجودة"), "{uri}: {}", r.body);
        assert_eq!(html_lang_dir(&r.body), ("ar".into(), "rtl".into()));
    }
    let r = d.get_in(&format!("/sessions/{missing}"), Lang::En).await;
    assert!(r.body.contains("Page not found"));
}

#[tokio::test]
async fn malformed_id_is_a_localized_400() {
    let d = demo().await;
    for uri in [
        "/sessions/not-a-uuid",
        "/items/123",
        "/people/%00",
        "/plans/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    ] {
        let r = d.get_in(uri, Lang::Fr).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(r.body.contains("Adresse invalide"), "{uri}: {}", r.body);
        assert!(
            r.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    let r = d.get_in("/agreements/nope", Lang::En).await;
    assert!(r.body.contains("Invalid address"));
}

#[tokio::test]
async fn unknown_route_is_a_localized_404() {
    let d = demo().await;
    let r = d.get("/no/such/page", &[("accept-language", "en")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Page not found"));
    let r = d.get("/no/such/page", &[]).await;
    assert!(r.body.contains("Page introuvable"));
}

#[tokio::test]
async fn health_and_stylesheet() {
    let d = demo().await;
    let r = d.get("/healthz", &[]).await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "ok"));
    let r = d.get("/static/app.css", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(
        r.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    // Logical properties only, so Arabic mirrors: no physical left/right in the stylesheet.
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float:",
        " left:",
        " right:",
    ] {
        assert!(!r.body.contains(physical), "stylesheet uses {physical}");
    }
}

#[tokio::test]
async fn store_failure_is_a_generic_localized_500() {
    let d = demo().await;
    // Break the database under the store's feet: the sessions table disappears.
    common::execute_raw(d.dir.path(), "alter table sessions rename to sessions_gone").await;
    let r = d
        .get_in(&format!("/sessions/{}", d.ids.session), Lang::Ar)
        .await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(r.body.contains("حدث خطأ"), "{}", r.body);
    let body = r.body.to_lowercase();
    assert!(
        !body.contains("sessions_gone") && !body.contains("sqlite") && !body.contains("postgres")
    );
    assert!(!body.contains("does not exist"), "no internals leak");
    assert!(!r.body.contains("no such table"), "no internals leak");
}
