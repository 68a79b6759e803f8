//! The audit chain's head on the users list (issue 11, part 6): administrators see the
//! current head, in their language, to save outside the server; it moves with every write;
//! no other role sees it anywhere (the list is refused to them).

mod common;

use common::browser::{Browser, add_user};
use common::instance;
use taawun_core::Role;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";

async fn logged_in(d: &common::Demo, name: &str, role: Role, lang: &str) -> Browser {
    add_user(&d.store, name, role, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), lang.into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b
}

#[tokio::test]
async fn administrators_see_the_current_head_and_it_moves_with_writes() {
    let d = instance(true, AuthConfig::default()).await;
    let mut admin = logged_in(&d, "chief-admin", Role::Administrator, "en").await;
    let r = admin.get("/admin/users").await;
    assert_eq!(r.status, 200);
    let head = d.store.audit_head().await.unwrap();
    assert!(head.seq > 0, "the demo and the login write audit rows");
    assert!(r.body.contains("Head of the audit log"), "{}", r.body);
    assert!(r.body.contains(&head.to_string()), "{}", r.body);

    // A write seals a new row: the page shows the new head, not the old one.
    add_user(&d.store, "newcomer", Role::Reader, PASSWORD).await;
    let later = d.store.audit_head().await.unwrap();
    assert!(later.seq > head.seq);
    let r = admin.get("/admin/users").await;
    assert!(r.body.contains(&later.to_string()));
    assert!(!r.body.contains(&head.to_string()));
}

#[tokio::test]
async fn the_head_line_speaks_arabic_and_french() {
    let d = instance(true, AuthConfig::default()).await;
    let mut ar = logged_in(&d, "admin-ar", Role::Administrator, "ar").await;
    let r = ar.get("/admin/users").await;
    assert!(r.body.contains("رأس سجل التدقيق"), "{}", r.body);
    let mut fr = logged_in(&d, "admin-fr", Role::Administrator, "fr").await;
    let r = fr.get("/admin/users").await;
    assert!(
        r.body.contains("Tête du journal d&#39;audit")
            || r.body.contains("Tête du journal d'audit"),
        "{}",
        r.body
    );
    let head = d.store.audit_head().await.unwrap().to_string();
    assert!(r.body.contains(&head));
}

#[tokio::test]
async fn no_other_role_sees_the_head() {
    let d = instance(true, AuthConfig::default()).await;
    for role in [
        Role::Secretariat,
        Role::PartyEditor,
        Role::Reader,
        Role::Auditor,
    ] {
        let name = format!("u-{}", role.key().replace('_', "-"));
        let mut b = logged_in(&d, &name, role, "en").await;
        let head = d.store.audit_head().await.unwrap().to_string();
        for page in ["/", "/admin/users", "/account"] {
            let r = b.get(page).await;
            assert!(!r.body.contains(&head), "{role:?} {page}");
            assert!(!r.body.contains("Head of the audit log"), "{role:?} {page}");
        }
    }
}
