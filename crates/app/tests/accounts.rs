//! The account use case on a real database: a refused password creates nothing, a created
//! user can log in with the password they were given, a taken name is a rule error on the
//! username, and setting a password replaces the old one.

use taawun_app::accounts::{
    AccountError, PasswordProblem, check_new_password, create_user, set_password, verify_password,
};
use taawun_core::{Marking, Role, User, new_id};
use taawun_store::{Actor, SqliteStore, Store};

const GOOD: &str = "correct horse battery";

async fn demo() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    taawun_store::demo::load(&store).await.unwrap();
    (dir, store)
}

async fn newcomer(store: &dyn Store, username: &str) -> User {
    let party = store.parties().await.unwrap()[0].id;
    User {
        person_id: None,
        id: new_id(),
        username: username.into(),
        display_name: "New Comer".into(),
        party_id: party,
        organisation_id: None,
        role: Role::Reader,
        clearance: Marking::Unclassified,
        commission_ids: vec![],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    }
}

async fn hash_of(store: &dyn Store, user: &User) -> String {
    store
        .credentials(user.id)
        .await
        .unwrap()
        .unwrap()
        .password_hash
}

#[test]
fn a_new_password_is_checked_then_confirmed() {
    assert!(check_new_password(GOOD, GOOD).is_ok());
    assert!(matches!(
        check_new_password("short", "short"),
        Err(PasswordProblem::Policy(_))
    ));
    assert_eq!(
        check_new_password(GOOD, "correct horse batterY"),
        Err(PasswordProblem::Mismatch)
    );
}

#[tokio::test]
async fn creating_a_user_saves_them_with_their_hashed_password() {
    let (_dir, store) = demo().await;
    let sys = Actor::system();
    let u = newcomer(&store, "newcomer").await;

    let refused = create_user(&store, &sys, &u, "short").await;
    assert!(
        matches!(refused, Err(AccountError::Password(_))),
        "{refused:?}"
    );
    assert!(store.user_by_name("newcomer").await.unwrap().is_none());

    let saved = create_user(&store, &sys, &u, GOOD).await.unwrap();
    let hash = hash_of(&store, &saved).await;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(verify_password(GOOD, &hash));

    let mut twin = newcomer(&store, "newcomer").await;
    twin.display_name = "Another".into();
    match create_user(&store, &sys, &twin, GOOD).await {
        Err(AccountError::Invalid(rules)) => {
            assert!(rules.0.iter().any(|r| r.field == "username"), "{rules}")
        }
        other => panic!("a taken name must be a rule error: {other:?}"),
    }

    set_password(&store, &sys, saved.id, "another good password")
        .await
        .unwrap();
    let hash = hash_of(&store, &saved).await;
    assert!(verify_password("another good password", &hash));
    assert!(!verify_password(GOOD, &hash));
    let too_short = set_password(&store, &sys, saved.id, "short").await;
    assert!(matches!(too_short, Err(AccountError::Password(_))));
}
