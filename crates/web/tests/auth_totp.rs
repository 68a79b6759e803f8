//! The TOTP second factor end to end: enrolment (QR code, secret, confirmation, recovery
//! codes shown once), a two-step login with a code computed here, recovery codes working
//! once, and turning the factor off with a current code.

mod common;

use common::browser::{Browser, add_user, location};
use common::instance;
use taawun_core::Role;
use taawun_web::auth::{AuthConfig, totp_code_at};

const PASSWORD: &str = "correct horse battery";

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap()
}

/// The secret shown on the enrolment page, without its spaces.
fn secret_in(body: &str) -> String {
    let at = body.find("class=\"secret\"").expect("secret shown");
    let text = &body[at..];
    let text = &text[text.find('>').unwrap() + 1..];
    text[..text.find('<').unwrap()].replace(' ', "")
}

fn codes_in(body: &str) -> Vec<String> {
    body.split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn enrol_then_log_in_with_a_code_or_a_recovery_code_once() {
    let d = instance(false, AuthConfig::default()).await;
    let user = add_user(&d.store, "nour", Role::Secretariat, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    b.login("nour", PASSWORD).await;
    let account = b.get("/account").await;
    assert!(account.body.contains("Two-step login is off"));

    let r = b.post("/account/totp/start", &[]).await;
    assert_eq!(location(&r), "/account/totp");
    let page = b.get("/account/totp").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg role=\"img\""), "inline QR code");
    assert_eq!(page.headers.get("cache-control").unwrap(), "no-store");
    let secret = secret_in(&page.body);
    assert_eq!(secret.len(), 32);

    let wrong = b.post("/account/totp", &[("code", "000000")]).await;
    assert_eq!(wrong.status, 422);
    // Three time steps, one per use: a code is accepted once per user.
    let t0 = now();
    let enrol_code = totp_code_at(&secret, t0 - 30).unwrap();
    let done = b.post("/account/totp", &[("code", &enrol_code)]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let codes = codes_in(&done.body);
    assert_eq!(codes.len(), 10);
    let stored = d.store.credentials(user.id).await.unwrap().unwrap();
    assert_eq!(stored.totp_secret.as_deref(), Some(secret.as_str()));
    assert!(
        stored.recovery_hashes.iter().all(|h| !codes.contains(h)),
        "codes are kept only as hashes"
    );
    assert!(
        b.get("/account")
            .await
            .body
            .contains("Two-step login is on")
    );
    b.post("/logout", &[]).await;

    // Password, then the code of the current step.
    let mut b = Browser::new(&d.app);
    let r = b.login("nour", PASSWORD).await;
    assert_eq!(location(&r), "/login/code");
    assert_eq!(
        b.get("/").await.status,
        303,
        "not logged in before the code"
    );
    let code_page = b.get("/login/code").await;
    assert!(code_page.body.contains("autocomplete=\"one-time-code\""));
    let replay = b.post("/login/code", &[("code", &enrol_code)]).await;
    assert_eq!(replay.status, 401, "a spent code is refused");
    let r = b
        .post(
            "/login/code",
            &[("code", &totp_code_at(&secret, t0).unwrap())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(b.get("/").await.status, 200);
    b.post("/logout", &[]).await;

    // A recovery code works once.
    for (attempt, want) in [(1, 303), (2, 401)] {
        let mut b = Browser::new(&d.app);
        b.login("nour", PASSWORD).await;
        b.get("/login/code").await;
        let r = b
            .post("/login/code", &[("code", &codes[0].to_lowercase())])
            .await;
        assert_eq!(r.status, want, "recovery attempt {attempt}");
    }

    // Turning it off needs a current code.
    let mut b = Browser::new(&d.app);
    b.login("nour", PASSWORD).await;
    b.get("/login/code").await;
    assert_eq!(
        b.post("/login/code", &[("code", &codes[1])]).await.status,
        303
    );
    b.get("/account").await;
    let r = b.post("/account/totp/disable", &[("code", "123456")]).await;
    assert_eq!(r.status, 422);
    let r = b
        .post(
            "/account/totp/disable",
            &[("code", &totp_code_at(&secret, t0 + 30).unwrap())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let u = d.store.user(user.id).await.unwrap().unwrap();
    assert!(!u.totp_enabled);
    let creds = d.store.credentials(user.id).await.unwrap().unwrap();
    assert!(creds.totp_secret.is_none() && creds.recovery_hashes.is_empty());
}

#[tokio::test]
async fn wrong_codes_are_throttled_like_passwords() {
    let d = instance(false, AuthConfig::default()).await;
    let user = add_user(&d.store, "zineb", Role::Reader, PASSWORD).await;
    let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    d.store
        .set_second_factor(&taawun_store::Actor::system(), user.id, Some(secret), &[])
        .await
        .unwrap();
    let mut b = Browser::new(&d.app);
    b.login("zineb", PASSWORD).await;
    b.get("/login/code").await;
    for _ in 0..5 {
        assert_eq!(
            b.post("/login/code", &[("code", "000000")]).await.status,
            401
        );
    }
    let good = totp_code_at(secret, now()).unwrap();
    assert_eq!(b.post("/login/code", &[("code", &good)]).await.status, 429);
}
