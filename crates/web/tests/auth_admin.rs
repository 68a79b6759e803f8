//! User administration and one's own account: only those `decide` lets manage users reach
//! the admin pages; forms keep what was typed and put errors next to fields; passwords are
//! at least 12 characters; audit rows of account changes never hold a password hash.

mod common;

use common::browser::{Browser, add_user, location};
use common::instance;
use taawun_core::Role;
use taawun_web::auth::AuthConfig;

const PASSWORD: &str = "correct horse battery";

async fn logged_in(d: &common::Demo, name: &str, role: Role) -> Browser {
    add_user(&d.store, name, role, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b.get("/").await;
    b
}

#[tokio::test]
async fn admin_pages_are_refused_to_non_admins() {
    let d = instance(false, AuthConfig::default()).await;
    let target = add_user(&d.store, "target", Role::Reader, PASSWORD).await;
    for role in [
        Role::Secretariat,
        Role::PartyEditor,
        Role::Reader,
        Role::Auditor,
    ] {
        let name = format!("u-{}", role.key().replace('_', "-"));
        let mut b = logged_in(&d, &name, role).await;
        assert!(
            !b.get("/").await.body.contains("href=\"/admin/users\""),
            "{role:?}"
        );
        for page in [
            "/admin/users",
            "/admin/users/new",
            &format!("/admin/users/{}", target.id),
        ] {
            let r = b.get(page).await;
            assert_eq!(r.status, 403, "{role:?} {page}");
            assert!(r.body.contains("Your account does not allow this action"));
        }
        let r = b
            .post(
                &format!("/admin/users/{}/password", target.id),
                &[
                    ("password", "a new long password"),
                    ("confirm", "a new long password"),
                ],
            )
            .await;
        assert_eq!(r.status, 403, "{role:?}");
    }
    // The target's password is unchanged.
    assert_eq!(
        Browser::new(&d.app).login("target", PASSWORD).await.status,
        303
    );
    // Demo visitors are asked to log in first.
    let demo = common::demo().await;
    let r = demo.get("/admin/users", &[]).await;
    assert_eq!(r.status, 303);
    assert!(location(&r).starts_with("/login"));
}

#[tokio::test]
async fn an_admin_creates_edits_and_resets_users_with_errors_next_to_fields() {
    let d = instance(false, AuthConfig::default()).await;
    let mut b = logged_in(&d, "chief", Role::Administrator).await;
    assert!(b.get("/").await.body.contains("href=\"/admin/users\""));
    let party = d.store.parties().await.unwrap()[1].id.to_string();
    let commission = d.ids.commission.to_string();
    b.get("/admin/users/new").await;

    // Bad username, short password: both refused, typed values kept.
    let r = b
        .post(
            "/admin/users/new",
            &[
                ("username", "Bad Name"),
                ("display_name", "Aïcha Traoré"),
                ("party", &party),
                ("role", "secretariat"),
                ("clearance", "restricted"),
                ("commission", &commission),
                ("active", "1"),
                ("password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("too short: at least 12 characters"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("aria-describedby=\"password-hint password-error\"")
    );
    assert!(
        r.body.contains("value=\"Aïcha Traoré\""),
        "display name kept"
    );
    assert!(r.body.contains(&format!("value=\"{commission}\" checked")));
    assert!(
        !r.body.contains("value=\"short\""),
        "passwords are not echoed"
    );

    let r = b
        .post(
            "/admin/users/new",
            &[
                ("username", "Bad Name"),
                ("display_name", " "),
                ("party", ""),
                ("role", "secretariat"),
                ("clearance", "restricted"),
                ("active", "1"),
                ("password", "a long enough password"),
                ("confirm", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    // Every mistake at once, each next to its field.
    for field in ["username", "display_name", "party"] {
        assert!(
            r.body.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            r.body
        );
    }

    let r = b
        .post(
            "/admin/users/new",
            &[
                ("username", "aicha"),
                ("display_name", "Aïcha Traoré"),
                ("party", &party),
                ("role", "secretariat"),
                ("clearance", "restricted"),
                ("commission", &commission),
                ("active", "1"),
                ("password", "a long enough password"),
                ("confirm", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let created = d.store.user_by_name("aicha").await.unwrap().unwrap();
    assert_eq!(created.commission_ids, vec![d.ids.commission]);
    assert_eq!(
        location(&r),
        format!("/admin/users/{}?created=1", created.id)
    );
    assert!(b.get("/admin/users").await.body.contains("aicha"));

    // The new user logs in with the password the admin gave.
    assert_eq!(
        Browser::new(&d.app)
            .login("aicha", "a long enough password")
            .await
            .status,
        303
    );

    // Edit: a reader now, disabled.
    let edit = format!("/admin/users/{}", created.id);
    b.get(&edit).await;
    let version = created.version.to_string();
    let r = b
        .post(
            &edit,
            &[
                ("version", &version),
                ("display_name", "Aïcha T."),
                ("party", &party),
                ("role", "reader"),
                ("clearance", "restricted"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("The changes have been saved."));
    let u = d.store.user(created.id).await.unwrap().unwrap();
    assert_eq!(
        (u.role, u.active, u.display_name.as_str()),
        (Role::Reader, false, "Aïcha T.")
    );
    // A stale version is a conflict, shown on the form.
    let r = b
        .post(
            &edit,
            &[
                ("version", &version),
                ("display_name", "X"),
                ("party", &party),
                ("role", "reader"),
                ("clearance", "restricted"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Someone else changed this user"));

    // Reset: refused when short, done when long enough.
    let reset = format!("/admin/users/{}/password", created.id);
    let r = b
        .post(&reset, &[("password", "tiny"), ("confirm", "tiny")])
        .await;
    assert_eq!(r.status, 422);
    let r = b
        .post(
            &reset,
            &[
                ("password", "another long password"),
                ("confirm", "another long password"),
            ],
        )
        .await;
    assert!(r.body.contains("The password has been reset."));

    // No audit row of the account holds a password hash.
    let rows = d.store.audit_of(created.id).await.unwrap();
    assert!(rows.iter().any(|r| r.action == "set_password"));
    for row in rows {
        let text = format!("{:?} {:?}", row.before, row.after);
        assert!(
            !text.contains("$argon2"),
            "audit row {} leaks a hash",
            row.action
        );
        assert!(!text.contains("password_hash"), "audit row {}", row.action);
    }
}

#[tokio::test]
async fn users_change_their_own_password() {
    let d = instance(false, AuthConfig::default()).await;
    let mut b = logged_in(&d, "self", Role::Reader).await;
    b.get("/account").await;
    let r = b
        .post(
            "/account/password",
            &[
                ("current", "not my password"),
                ("password", "short"),
                ("confirm", "other"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("This is not your current password."));
    assert!(r.body.contains("too short"));
    let r = b
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "a fresh long password"),
                ("confirm", "a fresh long passwort"),
            ],
        )
        .await;
    assert!(r.body.contains("The two passwords differ."));
    let r = b
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "a fresh long password"),
                ("confirm", "a fresh long password"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Your password has been changed."));
    assert_eq!(
        Browser::new(&d.app).login("self", PASSWORD).await.status,
        401
    );
    assert_eq!(
        Browser::new(&d.app)
            .login("self", "a fresh long password")
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn an_admin_links_an_account_to_a_person_of_its_own_party_only() {
    let d = instance(false, AuthConfig::default()).await;
    let mut b = logged_in(&d, "chief", Role::Administrator).await;
    let user = add_user(&d.store, "mouhib", Role::Reader, "correct horse battery").await;
    let people = d.store.people(None).await.unwrap();
    let own = people.iter().find(|p| p.party_id == user.party_id).unwrap();
    let other = people.iter().find(|p| p.party_id != user.party_id).unwrap();
    let edit = format!("/admin/users/{}", user.id);
    // The form offers the account's party's people, and only them.
    let page = b.get(&edit).await;
    assert!(
        page.body.contains(&format!("value=\"{}\"", own.id)),
        "{}",
        page.body
    );
    assert!(!page.body.contains(&format!("value=\"{}\"", other.id)));
    let party = user.party_id.to_string();
    let post = |person: String, version: String| {
        let party = party.clone();
        vec![
            ("version".to_string(), version),
            ("display_name".to_string(), "Abdelghani Mouhib".to_string()),
            ("party".to_string(), party),
            ("person".to_string(), person),
            ("role".to_string(), "reader".to_string()),
            ("clearance".to_string(), "restricted".to_string()),
            ("active".to_string(), "1".to_string()),
        ]
    };
    // A person of the other party (a forged form) is refused next to the field.
    let form = post(other.id.to_string(), user.version.to_string());
    let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let r = b.post(&edit, &pairs).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"person-error\""), "{}", r.body);
    assert_eq!(
        d.store.user(user.id).await.unwrap().unwrap().person_id,
        None
    );
    // Their own party's person is linked, and kept by a later edit.
    let form = post(own.id.to_string(), user.version.to_string());
    let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let r = b.post(&edit, &pairs).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let linked = d.store.user(user.id).await.unwrap().unwrap();
    assert_eq!(linked.person_id, Some(own.id));
    let page = b.get(&edit).await;
    assert!(
        page.body
            .contains(&format!("value=\"{}\" selected", own.id))
    );
}
