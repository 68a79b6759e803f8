//! Forged cross-site requests: without the session's token, with a wrong one, or from a
//! foreign Origin or Referer, a state-changing request is refused with a localized 403 and
//! changes nothing.

mod common;

use common::browser::{Browser, add_user, form_body, location};
use common::instance;
use taawun_core::Role;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";

async fn admin() -> (common::Demo, Browser) {
    let d = instance(false, AuthConfig::default()).await;
    add_user(&d.store, "admin", Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login("admin", PASSWORD).await.status, 303);
    b.get("/admin/users/new").await;
    (d, b)
}

fn new_user_fields<'a>(party: &'a str, token: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", token),
        ("username", "forged"),
        ("display_name", "Forged"),
        ("party", party),
        ("role", "administrator"),
        // Within the administrator's own clearance (Restricted): nobody grants above theirs.
        ("clearance", "restricted"),
        ("active", "1"),
        ("password", "a long enough password"),
        ("confirm", "a long enough password"),
    ]
}

#[tokio::test]
async fn forged_posts_are_refused_and_change_nothing() {
    let (d, mut b) = admin().await;
    let party = d.store.parties().await.unwrap()[0].id.to_string();
    let good = b.csrf.clone().unwrap();
    // (what, body, extra headers)
    type Case<'a> = (&'a str, String, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            "no token",
            form_body(&new_user_fields(&party, "")[1..]),
            vec![],
        ),
        (
            "wrong token",
            form_body(&new_user_fields(&party, "0123abcd")),
            vec![],
        ),
        (
            "foreign origin",
            form_body(&new_user_fields(&party, &good)),
            vec![("origin", "https://evil.example"), ("host", "taawun.test")],
        ),
        (
            "foreign referer",
            form_body(&new_user_fields(&party, &good)),
            vec![
                ("referer", "https://evil.example/page"),
                ("host", "taawun.test"),
            ],
        ),
        (
            "null origin",
            form_body(&new_user_fields(&party, &good)),
            vec![("origin", "null"), ("host", "taawun.test")],
        ),
    ];
    for (what, body, headers) in cases {
        let r = b.post_raw("/admin/users/new", body, &headers).await;
        assert_eq!(r.status, 403, "{what}");
        assert!(
            r.body.contains("sent from another site"),
            "{what}: {}",
            r.body
        );
        assert!(
            d.store.user_by_name("forged").await.unwrap().is_none(),
            "{what}"
        );
    }
    // Logout needs the token too: a forged logout leaves the user logged in.
    let r = b.post_raw("/logout", String::new(), &[]).await;
    assert_eq!(r.status, 403);
    assert_eq!(b.get("/").await.status, 200);

    // The same request from our own origin, with the token, goes through.
    let r = b
        .post_raw(
            "/admin/users/new",
            form_body(&new_user_fields(&party, &good)),
            &[("origin", "http://taawun.test"), ("host", "taawun.test")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(d.store.user_by_name("forged").await.unwrap().is_some());
}

#[tokio::test]
async fn the_token_header_serves_scripts_and_the_login_form_needs_its_pre_session() {
    let (_d, mut b) = admin().await;
    let token = b.csrf.clone().unwrap();
    let r = b
        .post_raw("/logout", String::new(), &[("x-csrf-token", &token)])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/login");

    // A login posted without first loading the form (no pre-session token) is refused.
    let d = instance(false, AuthConfig::default()).await;
    add_user(&d.store, "amal", Role::Reader, PASSWORD).await;
    let mut fresh = Browser::new(&d.app);
    let r = fresh
        .post("/login", &[("username", "amal"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn the_refusal_page_speaks_the_readers_language() {
    let (_d, mut b) = admin().await;
    b.cookies.insert("lang".into(), "ar".into());
    let r = b.post_raw("/logout", String::new(), &[]).await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("dir=\"rtl\""));
    assert!(r.body.contains("أُرسلت من موقع آخر"), "{}", r.body);
}

/// Finding 10 of the security review: a token in the URL ends up in logs and history, so an
/// upload carries it as the first part of its body and nowhere else.
#[tokio::test]
async fn an_upload_takes_its_token_from_the_form_body_never_the_url() {
    use common::browser::multipart;
    let d = instance(true, AuthConfig::default()).await;
    add_user(&d.store, "admin", Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login("admin", PASSWORD).await.status, 303);
    let plan = d.ids.plan;
    let uri = format!("/plans/{plan}/import");
    let page = b.get(&uri).await;
    assert_eq!(page.status, 200);
    // The form posts to a URL without the token; its hidden field comes before the file.
    assert!(
        page.body.contains(&format!("action=\"{uri}\"")),
        "{}",
        page.body
    );
    assert!(!page.body.contains("csrf="), "no token in any URL");
    let form = &page.body[page.body.find("multipart/form-data").unwrap()..];
    assert!(form.find("name=\"csrf\"").unwrap() < form.find("type=\"file\"").unwrap());

    let token = b.csrf.clone().unwrap();
    let csv = b"Code;Title\nZ.1;Tir\n";
    let refused = [
        (
            "token in the URL only",
            format!("{uri}?csrf={token}"),
            multipart(&[("file", Some("a.csv"), csv)]),
        ),
        (
            "token after the file",
            uri.clone(),
            multipart(&[
                ("file", Some("a.csv"), csv),
                ("csrf", None, token.as_bytes()),
            ]),
        ),
        (
            "wrong token first",
            uri.clone(),
            multipart(&[("csrf", None, b"0123abcd"), ("file", Some("a.csv"), csv)]),
        ),
    ];
    for (what, to, body) in refused {
        let r = b.send_multipart(&to, body).await;
        assert_eq!(r.status, 403, "{what}");
        assert!(
            r.body.contains("sent from another site"),
            "{what}: {}",
            r.body
        );
    }
    // The same file with the token first is read: the mapping review comes back (with the
    // rows' problems, as this small file lacks required columns).
    let r = b
        .send_multipart(
            &uri,
            multipart(&[
                ("csrf", None, token.as_bytes()),
                ("file", Some("a.csv"), csv),
            ]),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"h-mapping\""), "{}", r.body);
    assert!(r.body.contains("Z.1"), "{}", r.body);
}
