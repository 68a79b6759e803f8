//! Clearance and role grants through the real user administration (issue 10, finding 3):
//! an administrator cleared Unclassified cannot raise their own clearance to Secret, nor
//! grant Secret to someone else, nor reset the password of a Secret account — each refused
//! with a message in their language and nothing saved — and still cannot read a Secret item.
//! An administrator cleared Secret may grant Secret.

mod common;
mod forms_support;
mod protection_support;

use common::browser::{Browser, add_user};
use forms_support::{PASSWORD, World, world};
use protection_support::{form_fields, refs, with};
use taawun_core::{Id, Marking, Protection, Role, User};
use taawun_store::Actor;

/// The demo's item 2.1, marked Secret.
async fn secret_item(w: &World) -> Id {
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    let mut item = items.into_iter().find(|i| i.code == "2.1").unwrap();
    item.protection = Protection {
        marking: Marking::Secret,
        ..Protection::default()
    };
    w.d.store
        .save_item(&Actor::system(), &item)
        .await
        .unwrap()
        .id
}

/// A user account (not logged in) of Morocco with `clearance`.
async fn account(w: &World, name: &str, clearance: Marking) -> User {
    let mut u = add_user(&w.d.store, name, Role::Reader, PASSWORD).await;
    u.party_id = w.morocco;
    u.clearance = clearance;
    w.d.store.save_user(&Actor::system(), &u).await.unwrap()
}

/// Opens the user form in `lang` and posts it back with `changes`.
async fn post_user(b: &mut Browser, id: Id, lang: &str, changes: &[(&str, &str)]) -> common::Reply {
    b.cookies.insert("lang".into(), lang.into());
    let page = format!("/admin/users/{id}");
    let form = b.get(&page).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields = form_fields(&form.body);
    for (k, v) in changes {
        fields = with(fields, k, v);
    }
    b.post(&page, &refs(&fields)).await
}

const REFUSED: [(&str, &str); 3] = [
    ("en", "You may not grant a clearance above your own"),
    (
        "fr",
        "Vous ne pouvez ni accorder une habilitation supérieure",
    ),
    ("ar", "لا يمكنك منح مستوى تصريح أمني أعلى من مستواك"),
];

#[tokio::test]
async fn an_unclassified_administrator_cannot_raise_their_own_clearance() {
    let w = world().await;
    let item = secret_item(&w).await;
    let (mut admin, me) = w
        .login_cleared(
            "admin.ma",
            w.morocco,
            Role::Administrator,
            Marking::Unclassified,
        )
        .await;
    let rows = w.audit_rows(me.id).await;
    // The form offers only what they may grant.
    let form = admin.get("/admin/users/new").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"unclassified\""));
    for above in ["restricted", "confidential", "secret"] {
        assert!(
            !form.body.contains(&format!("value=\"{above}\"")),
            "{above} offered"
        );
    }
    for (lang, words) in REFUSED {
        let r = post_user(&mut admin, me.id, lang, &[("clearance", "secret")]).await;
        assert_eq!(r.status, 422, "{lang}: {}", r.body);
        assert!(r.body.contains(words), "{lang}: {}", r.body);
    }
    // Nor change their own party or role to gain rights.
    let r = post_user(&mut admin, me.id, "en", &[("party", &w.mali.to_string())]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let stored = w.d.store.user(me.id).await.unwrap().unwrap();
    assert_eq!(stored, me, "nothing saved");
    assert_eq!(w.audit_rows(me.id).await, rows, "no audit row");
    assert_eq!(admin.get(&format!("/items/{item}")).await.status, 404);
    // Logging in again changes nothing: the clearance is still Unclassified.
    let mut again = Browser::new(&w.d.app);
    assert_eq!(again.login("admin.ma", PASSWORD).await.status, 303);
    assert_eq!(again.get(&format!("/items/{item}")).await.status, 404);
    // A harmless edit of their own account still works.
    let r = post_user(&mut admin, me.id, "en", &[("display_name", "Admin MA")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let stored = w.d.store.user(me.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.display_name.as_str(), stored.clearance),
        ("Admin MA", Marking::Unclassified)
    );
}

#[tokio::test]
async fn nobody_grants_or_manages_a_clearance_above_their_own() {
    let w = world().await;
    let (mut admin, _) = w
        .login_cleared(
            "admin.ma",
            w.morocco,
            Role::Administrator,
            Marking::Unclassified,
        )
        .await;
    // Raising another account to Secret: refused, nothing saved.
    let reader = account(&w, "lecteur.ma", Marking::Unclassified).await;
    let r = post_user(&mut admin, reader.id, "fr", &[("clearance", "secret")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(REFUSED[1].1), "{}", r.body);
    assert_eq!(w.d.store.user(reader.id).await.unwrap().unwrap(), reader);

    // Creating a Secret account: refused, nothing created.
    admin.cookies.insert("lang".into(), "en".into());
    admin.get("/admin/users/new").await;
    let r = admin
        .post(
            "/admin/users/new",
            &[
                ("username", "secret.reader"),
                ("display_name", "Secret reader"),
                ("party", &w.morocco.to_string()),
                ("role", "reader"),
                ("clearance", "secret"),
                ("active", "1"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains(REFUSED[0].1), "{}", r.body);
    assert!(
        w.d.store
            .user_by_name("secret.reader")
            .await
            .unwrap()
            .is_none()
    );

    // A Secret account is not theirs to manage: neither its form nor its password.
    let secret = account(&w, "chef.ma", Marking::Secret).await;
    let r = post_user(&mut admin, secret.id, "en", &[("display_name", "Chief")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let rows = w.audit_rows(secret.id).await;
    let r = admin
        .post(
            &format!("/admin/users/{}/password", secret.id),
            &[
                ("password", "another long passphrase"),
                ("confirm", "another long passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("Not allowed"), "{}", r.body);
    assert_eq!(w.audit_rows(secret.id).await, rows);
    let mut thief = Browser::new(&w.d.app);
    assert_eq!(
        thief
            .login("chef.ma", "another long passphrase")
            .await
            .status,
        401
    );

    // An administrator cleared Secret may grant Secret.
    let (mut high, _) = w
        .login_cleared(
            "admin.secret",
            w.morocco,
            Role::Administrator,
            Marking::Secret,
        )
        .await;
    let r = post_user(&mut high, reader.id, "en", &[("clearance", "secret")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let stored = w.d.store.user(reader.id).await.unwrap().unwrap();
    assert_eq!(stored.clearance, Marking::Secret);
}
