//! The headers that protect every page (issue 10, finding 7): a strict Content-Security-Policy
//! that forbids framing, a Permissions-Policy, and `Cache-Control: no-store` on pages that
//! show records, checked on every page of the crawl in every language, on error pages, and
//! left off the stylesheet, which browsers may cache.

mod common;

use axum::http::StatusCode;
use common::{Reply, demo};
use taawun_core::Lang;

fn header<'a>(r: &'a Reply, name: &str) -> &'a str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
}

fn assert_protected(r: &Reply, what: &str) {
    let csp = header(r, "content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(
        header(r, "permissions-policy").contains("camera=()"),
        "{what}"
    );
    assert_eq!(header(r, "cache-control"), "no-store", "{what}");
}

#[tokio::test]
async fn every_page_of_the_crawl_carries_the_protective_headers() {
    let d = demo().await;
    let mut pages = d.pages();
    pages.extend(["/login", "/dashboard", "/search?q=Bamako", "/exports"].map(String::from));
    for page in pages {
        for lang in Lang::ALL {
            let r = d.get_in(&page, lang).await;
            assert_eq!(r.status, StatusCode::OK, "{page}: {}", r.body);
            assert_protected(&r, &format!("{page} in {lang:?}"));
        }
    }
    // Error pages are pages too.
    let r = d.get("/sessions/not-an-id", &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_protected(&r, "400 page");
    let r = d.get("/nowhere", &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_protected(&r, "404 page");
}

#[tokio::test]
async fn the_stylesheet_keeps_its_own_cache_rule() {
    let d = demo().await;
    let r = d.get("/static/app.css", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let cache = r
        .headers
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert_ne!(
        cache, "no-store",
        "the stylesheet need not be fetched each time"
    );
    assert!(r.headers.contains_key("content-security-policy"));
}
