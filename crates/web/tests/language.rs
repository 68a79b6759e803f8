//! Language choice: cookie, then Accept-Language with q-values, then French; the switch
//! sets the cookie and only ever redirects to a local path.

mod common;

use axum::http::StatusCode;
use common::{demo, html_lang_dir};

async fn lang_dir(d: &common::Demo, headers: &[(&str, &str)]) -> (String, String) {
    let r = d.get("/", headers).await;
    assert_eq!(r.status, StatusCode::OK);
    html_lang_dir(&r.body)
}

#[tokio::test]
async fn default_is_french() {
    let d = demo().await;
    assert_eq!(lang_dir(&d, &[]).await, ("fr".into(), "ltr".into()));
}

#[tokio::test]
async fn accept_language_with_q_values() {
    let d = demo().await;
    let cases = [
        ("ar", "ar", "rtl"),
        ("en-GB,en;q=0.9", "en", "ltr"),
        ("de-DE, en;q=0.3, ar;q=0.8", "ar", "rtl"),
        ("ar;q=0.1, fr-ML;q=0.5", "fr", "ltr"),
        ("en;q=0, de", "fr", "ltr"),
        ("zz, *;q=0.5", "fr", "ltr"),
    ];
    for (al, lang, dir) in cases {
        let got = lang_dir(&d, &[("accept-language", al)]).await;
        assert_eq!(got, (lang.into(), dir.into()), "Accept-Language: {al}");
    }
}

#[tokio::test]
async fn cookie_beats_accept_language() {
    let d = demo().await;
    let got = lang_dir(&d, &[("cookie", "lang=ar"), ("accept-language", "en")]).await;
    assert_eq!(got, ("ar".into(), "rtl".into()));
    let got = lang_dir(&d, &[("cookie", "a=b; lang=en"), ("accept-language", "ar")]).await;
    assert_eq!(got, ("en".into(), "ltr".into()));
    // A cookie naming no language of ours is ignored.
    let got = lang_dir(&d, &[("cookie", "lang=xx"), ("accept-language", "ar")]).await;
    assert_eq!(got, ("ar".into(), "rtl".into()));
}

#[tokio::test]
async fn switch_sets_cookie_and_redirects_locally() {
    let d = demo().await;
    let back = format!("/sessions/{}", d.ids.session);
    let r = d.get(&format!("/lang/ar?back={back}"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers["location"], back.as_str());
    let cookie = r.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("lang=ar;") && cookie.contains("Path=/"),
        "{cookie}"
    );
    // Following the redirect with the cookie gives the Arabic page.
    let page = d.get(&back, &[("cookie", "lang=ar")]).await;
    assert_eq!(html_lang_dir(&page.body).0, "ar");
}

#[tokio::test]
async fn switch_never_redirects_off_site() {
    let d = demo().await;
    for back in [
        "//evil.example",
        "https://evil.example/",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "/%0d%0aSet-Cookie:%20x=1",
        "javascript:alert(1)",
        "",
        "%ZZ",
    ] {
        let r = d.get(&format!("/lang/ar?back={back}"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "back={back}");
        assert_eq!(r.headers["location"], "/", "back={back}");
    }
    let r = d.get("/lang/en", &[]).await;
    assert_eq!(r.headers["location"], "/");
}

#[tokio::test]
async fn switch_rejects_unknown_language() {
    let d = demo().await;
    let r = d.get("/lang/xx?back=/", &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn every_page_links_to_the_three_languages() {
    let d = demo().await;
    let uri = format!("/items/{}", d.ids.item);
    let body = d.get(&uri, &[]).await.body;
    for code in ["ar", "fr", "en"] {
        let href = format!("href=\"/lang/{code}?back=/items/{}\"", d.ids.item);
        assert!(body.contains(&href), "{href}");
    }
}
