//! An administrator turns off the second factor of a user who lost their phone, from the
//! user's admin page (a POST with the CSRF token, audited); nobody else can, and nobody
//! turns off their own this way.

mod common;

use common::browser::{Browser, add_user, location};
use common::instance;
use taawun_core::Role;
use taawun_store::Actor;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";
const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async fn logged_in(d: &common::Demo, name: &str, role: Role) -> (Browser, taawun_core::User) {
    let u = add_user(&d.store, name, role, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b.get("/").await;
    (b, u)
}

#[tokio::test]
async fn an_administrator_turns_off_a_users_second_factor_and_others_cannot() {
    let d = instance(false, AuthConfig::default()).await;
    let target = add_user(&d.store, "lost-phone", Role::Reader, PASSWORD).await;
    let hashes = vec!["a".repeat(64)];
    d.store
        .set_second_factor(&Actor::system(), target.id, Some(SECRET), &hashes)
        .await
        .unwrap();
    let page = format!("/admin/users/{}", target.id);
    let off = format!("/admin/users/{}/second-factor", target.id);

    // Refused to every other role; the factor stays.
    for role in [Role::Secretariat, Role::Reader, Role::Auditor] {
        let name = format!("u-{}", role.key());
        let (mut b, _) = logged_in(&d, &name, role).await;
        assert_eq!(b.post(&off, &[]).await.status, 403, "{role:?}");
    }
    let creds = d.store.credentials(target.id).await.unwrap().unwrap();
    assert_eq!(creds.totp_secret.as_deref(), Some(SECRET));

    let (mut admin, me) = logged_in(&d, "chief", Role::Administrator).await;
    let shown = admin.get(&page).await;
    assert!(
        shown.body.contains(&format!("action=\"{off}\"")),
        "{}",
        shown.body
    );
    // Without the session's token the gate refuses it.
    let forged = admin.post(&off, &[("csrf", "forged")]).await;
    assert_eq!(forged.status, 403);
    assert!(d.store.user(target.id).await.unwrap().unwrap().totp_enabled);

    let audit = d.store.audit_of(target.id).await.unwrap().len();
    let r = admin.post(&off, &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(location(&r), format!("{page}?second_factor=off"));
    let after = admin.get(location(&r)).await;
    assert!(
        after
            .body
            .contains("Two-step login has been turned off for this user")
    );
    assert!(
        !after.body.contains(&format!("action=\"{off}\"")),
        "offered only when on"
    );

    let user = d.store.user(target.id).await.unwrap().unwrap();
    assert!(!user.totp_enabled);
    let creds = d.store.credentials(target.id).await.unwrap().unwrap();
    assert_eq!(creds.totp_secret, None);
    assert!(creds.recovery_hashes.is_empty());
    let rows = d.store.audit_of(target.id).await.unwrap();
    assert_eq!(rows.len(), audit + 1);
    let last = rows.last().unwrap();
    assert_eq!(last.action, "set_second_factor");
    let docs = format!("{:?} {:?}", last.before, last.after);
    assert!(!docs.contains(SECRET), "no secret in the audit");

    // The user logs in with the password alone.
    let r = Browser::new(&d.app).login("lost-phone", PASSWORD).await;
    assert_eq!(r.status, 303);
    assert_ne!(location(&r), "/login/code");

    // An administrator's own factor is turned off from /account, with a code.
    d.store
        .set_second_factor(&Actor::system(), me.id, Some(SECRET), &hashes)
        .await
        .unwrap();
    let own = format!("/admin/users/{}/second-factor", me.id);
    assert!(
        !admin
            .get(&format!("/admin/users/{}", me.id))
            .await
            .body
            .contains(&own)
    );
    assert_eq!(admin.post(&own, &[]).await.status, 403);
    assert!(d.store.user(me.id).await.unwrap().unwrap().totp_enabled);
}
