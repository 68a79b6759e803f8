//! Logging in and out through the real router: the same refusal for an unknown user and a
//! wrong password, throttling per account and per client address, the login wall outside
//! demo mode, and the return to the page first asked for (local paths only).

mod common;

use common::browser::{Browser, add_user, location};
use common::instance;
use taawun_core::Role;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";

async fn closed() -> common::Demo {
    instance(false, AuthConfig::default()).await
}

#[tokio::test]
async fn login_succeeds_and_refuses_alike_for_unknown_user_and_wrong_password() {
    let d = closed().await;
    add_user(&d.store, "amina", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());

    let wrong = b.login("amina", "not the password!").await;
    let unknown = b.login("nobody", "not the password!").await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, 401);
    for r in [&wrong, &unknown] {
        assert!(r.body.contains("Wrong username or password."), "{}", r.body);
    }
    // The username typed is kept, the password never echoed.
    assert!(wrong.body.contains("value=\"amina\""));
    assert!(!wrong.body.contains("not the password"));

    let ok = b.login("amina", PASSWORD).await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(location(&ok), "/");
    let home = b.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("amina display"), "header names the user");
    assert!(home.body.contains("Reader"), "header shows the role");
    assert!(home.body.contains("action=\"/logout\""), "logout is a form");
}

#[tokio::test]
async fn username_is_case_insensitive_but_disabled_accounts_cannot_log_in() {
    let d = closed().await;
    let mut u = add_user(&d.store, "omar", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    assert_eq!(b.login("Omar", PASSWORD).await.status, 303);
    u.active = false;
    d.store
        .save_user(&taawun_store::Actor::system(), &u)
        .await
        .unwrap();
    // The live session ends at once, and a new login is refused like a wrong password.
    let r = b.get("/commissions").await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login"));
    assert_eq!(
        Browser::new(&d.app).login("omar", PASSWORD).await.status,
        401
    );
}

#[tokio::test]
async fn anonymous_readers_are_sent_to_login_unless_demo() {
    let d = closed().await;
    let r = d.get("/commissions?x=1", &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/login?next=/commissions%3Fx%3D1");
    for open in ["/login", "/healthz", "/static/app.css", "/lang/en?back=/"] {
        let r = d.get(open, &[]).await;
        assert!(
            r.status == 200 || r.status == 303 && !location(&r).starts_with("/login"),
            "{open}: {}",
            r.status
        );
    }
    // After logging in, back to the page first asked for.
    add_user(&d.store, "lina", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.get("/login?next=%2Fcommissions%3Fx%3D1").await;
    let r = b
        .post(
            "/login",
            &[
                ("username", "lina"),
                ("password", PASSWORD),
                ("next", "/commissions?x=1"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/commissions?x=1");

    let demo = common::demo().await;
    let r = demo.get("/commissions", &[]).await;
    assert_eq!(r.status, 200, "demo visitors read without an account");
    assert!(
        r.body.contains("href=\"/login?next=/commissions\""),
        "login link in the header"
    );
}

#[tokio::test]
async fn next_never_leaves_the_site() {
    let d = closed().await;
    add_user(&d.store, "sara", Role::Reader, PASSWORD).await;
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let mut b = Browser::new(&d.app);
        b.get("/login").await;
        let r = b
            .post(
                "/login",
                &[("username", "sara"), ("password", PASSWORD), ("next", evil)],
            )
            .await;
        assert_eq!(location(&r), "/", "{evil}");
    }
}

#[tokio::test]
async fn logout_ends_the_session_for_good() {
    let d = closed().await;
    add_user(&d.store, "youssef", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("youssef", PASSWORD).await;
    b.get("/").await;
    let stolen = b.cookie_header();
    let r = b.post("/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(location(&r), "/login");
    // The old cookie, replayed, opens nothing.
    let r = d.get("/", &[("cookie", &stolen)]).await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login"));
}

#[tokio::test]
async fn an_account_is_throttled_after_five_failures_even_with_the_right_password() {
    let d = closed().await;
    add_user(&d.store, "karim", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "fr".into());
    for _ in 0..5 {
        assert_eq!(b.login("karim", "wrong password!!").await.status, 401);
    }
    let r = b.login("karim", PASSWORD).await;
    assert_eq!(r.status, 429);
    assert!(r.body.contains("Réessayez dans 15 minutes"), "{}", r.body);
    assert!(r.headers.get("retry-after").is_some());
    // Other accounts are not affected when no address is shared.
    add_user(&d.store, "nadia", Role::Reader, PASSWORD).await;
    assert_eq!(
        Browser::new(&d.app).login("nadia", PASSWORD).await.status,
        303
    );
}

#[tokio::test]
async fn a_success_is_not_counted_but_does_not_clear_earlier_failures() {
    let d = closed().await;
    add_user(&d.store, "hamid", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    // Logging in often is never throttled: a right password takes back its attempt.
    for _ in 0..8 {
        assert_eq!(b.login("hamid", PASSWORD).await.status, 303);
        b.get("/").await;
        assert_eq!(b.post("/logout", &[]).await.status, 303);
    }
    for _ in 0..4 {
        assert_eq!(b.login("hamid", "wrong password!!").await.status, 401);
    }
    assert_eq!(b.login("hamid", PASSWORD).await.status, 303);
    b.get("/").await;
    assert_eq!(b.post("/logout", &[]).await.status, 303);
    // The four failures still count: one more is checked, then the account waits.
    assert_eq!(b.login("hamid", "wrong password!!").await.status, 401);
    assert_eq!(b.login("hamid", PASSWORD).await.status, 429);
}

#[tokio::test]
async fn an_address_is_throttled_after_twenty_failures_across_accounts() {
    let d = closed().await;
    add_user(&d.store, "fatima", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.addr = Some("192.0.2.7:5000".parse().unwrap());
    b.cookies.insert("lang".into(), "ar".into());
    for i in 0..20 {
        let r = b
            .login(&format!("guess{}", i % 4), "wrong password!!")
            .await;
        assert_eq!(r.status, 401, "attempt {i}");
    }
    let r = b.login("fatima", PASSWORD).await;
    assert_eq!(r.status, 429);
    assert!(r.body.contains("أعد المحاولة بعد 15 دقيقة"), "{}", r.body);
    // Another address still gets in.
    let mut other = Browser::new(&d.app);
    other.addr = Some("198.51.100.9:5000".parse().unwrap());
    assert_eq!(other.login("fatima", PASSWORD).await.status, 303);
}
