//! The login session: cookie flags, a new session id at login (fixation), and the idle and
//! absolute timeouts, with durations short enough to test.

mod common;

use common::browser::{Browser, add_user, location};
use common::instance;
use std::time::Duration;
use taawun_core::Role;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";

fn set_cookie(r: &common::Reply) -> String {
    r.headers
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn cookie_is_http_only_and_lax_and_secure_when_configured() {
    let d = instance(false, AuthConfig::default()).await;
    let r = d.get("/login", &[]).await;
    let c = set_cookie(&r);
    assert!(c.starts_with("taawun="), "{c}");
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax"), "{c}");
    assert!(!c.contains("Secure"), "plain http: {c}");

    let secure = AuthConfig {
        secure_cookies: true,
        ..AuthConfig::default()
    };
    let d = instance(false, secure).await;
    let c = set_cookie(&d.get("/login", &[]).await);
    assert!(c.starts_with("__Host-taawun="), "{c}");
    assert!(
        c.contains("Secure") && c.contains("HttpOnly") && c.contains("Path=/"),
        "{c}"
    );
}

#[tokio::test]
async fn login_gives_a_new_session_id_and_the_planted_one_is_worthless() {
    let d = instance(false, AuthConfig::default()).await;
    add_user(&d.store, "rachid", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.get("/login").await;
    let planted = b.cookie_header();
    assert_eq!(b.login("rachid", PASSWORD).await.status, 303);
    assert_ne!(b.cookie_header(), planted, "the id changes at login");
    assert_eq!(b.get("/").await.status, 200);
    let r = d.get("/", &[("cookie", &planted)]).await;
    assert_eq!(r.status, 303, "the pre-login id is not logged in");
}

#[tokio::test]
async fn an_idle_session_ends() {
    let cfg = AuthConfig {
        idle_timeout: Duration::from_secs(2),
        ..AuthConfig::default()
    };
    let d = instance(false, cfg).await;
    add_user(&d.store, "salma", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("salma", PASSWORD).await;
    assert_eq!(b.get("/").await.status, 200);
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let r = b.get("/commissions").await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login"), "{}", location(&r));
}

#[tokio::test]
async fn a_busy_session_still_ends_at_the_absolute_timeout() {
    let cfg = AuthConfig {
        absolute_timeout: Duration::from_secs(3),
        ..AuthConfig::default()
    };
    let d = instance(false, cfg).await;
    add_user(&d.store, "driss", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    b.login("driss", PASSWORD).await;
    // Active every half second: the idle timeout never fires, the absolute one does.
    let mut ended = None;
    for i in 0..10 {
        let r = b.get("/").await;
        if r.status == 303 {
            ended = Some((i, location(&r).to_string()));
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let (i, to) = ended.expect("the login ended");
    assert!(i >= 4, "not before three seconds (ended at step {i})");
    assert_eq!(to, "/login?ended=1");
    let page = b.get(&to).await;
    assert!(
        page.body.contains("Your session has ended"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_new_password_ends_the_other_logins_of_the_account() {
    let d = instance(false, AuthConfig::default()).await;
    add_user(&d.store, "amina", Role::Reader, PASSWORD).await;
    let mut laptop = Browser::new(&d.app);
    let mut phone = Browser::new(&d.app);
    assert_eq!(laptop.login("amina", PASSWORD).await.status, 303);
    assert_eq!(phone.login("amina", PASSWORD).await.status, 303);

    laptop.get("/account").await;
    let r = laptop
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "another long password"),
                ("confirm", "another long password"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // The login that changed it goes on; the other one (perhaps a stolen cookie) is over.
    assert_eq!(laptop.get("/").await.status, 200);
    let r = phone.get("/").await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login"), "{}", location(&r));
}
