//! Accounts: users as records, their secrets kept apart and never audited, recovery codes
//! that work once, and login sessions that expire.

use super::fixtures::*;
use chrono::{DateTime, Duration, Utc};
use taawun_core::{rules::Rule, *};
use taawun_store::{Actor, Store};

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$4fXXG0spB92WPB1NitT8/OH0VKI";
const TOTP: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const CODE_A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const CODE_B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

pub async fn users_round_trip_and_are_checked(store: &dyn Store) {
    let w = world(store).await;
    let zineb = account(
        store,
        "zineb.a",
        Role::Secretariat,
        &w.morocco,
        Marking::Confidential,
        &[w.commission.id],
    )
    .await;
    let admin = account(
        store,
        "admin",
        Role::Administrator,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    assert_eq!(store.user(zineb.id).await.unwrap(), Some(zineb.clone()));
    assert_eq!(
        store.user_by_name("zineb.a").await.unwrap(),
        Some(zineb.clone())
    );
    assert_eq!(store.user_by_name("nobody").await.unwrap(), None);
    let names: Vec<String> = store
        .users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["admin", "zineb.a"], "by username");

    // An administrator edits accounts; the save is versioned and audited like any record.
    let mut disabled = zineb.clone();
    disabled.active = false;
    let saved = store
        .save_user(&Actor::user(&admin), &disabled)
        .await
        .unwrap();
    assert_eq!((saved.version, saved.active), (2, false));
    let rows = store.audit_of(zineb.id).await.unwrap();
    let actions: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.action.as_str(), r.actor.as_str()))
        .collect();
    assert_eq!(actions, [("create", "system"), ("update", "admin")]);
    assert_eq!(rows[0].entity.key(), "user");

    // The user's own principal comes from the record.
    let p = saved.principal();
    assert_eq!(
        (p.user_id, p.role, p.clearance),
        (Some(zineb.id), Role::Secretariat, Marking::Confidential)
    );

    // Unique, well-formed usernames; a known party.
    let mut twin = disabled.clone();
    twin.id = new_id();
    twin.version = 0;
    let e = rule_errors(store.save_user(&Actor::system(), &twin).await);
    assert!(has(&e, "username", &Rule::Duplicate), "{e:?}");
    let mut bad = twin.clone();
    bad.username = "Zineb A".into();
    bad.party_id = new_id();
    let e = rule_errors(store.save_user(&Actor::system(), &bad).await);
    assert!(has(&e, "username", &Rule::Unknown), "{e:?}");
    assert!(has(&e, "party_id", &Rule::Unknown), "{e:?}");
    assert_eq!(store.users().await.unwrap().len(), 2);
}

/// Every audit row of the user, as text: what must never contain a secret.
async fn audit_text(store: &dyn Store, user: Id) -> String {
    store
        .audit_of(user)
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{:?} {:?} {}", r.before, r.after, r.actor))
        .collect()
}

pub async fn secrets_are_kept_apart_and_never_audited(store: &dyn Store) {
    let w = world(store).await;
    let u = account(
        store,
        "omar.b",
        Role::PartyEditor,
        &w.morocco,
        Marking::Restricted,
        &[],
    )
    .await;
    let other = account(
        store,
        "awa.k",
        Role::Secretariat,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    let admin = account(
        store,
        "admin",
        Role::Administrator,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    assert_eq!(store.credentials(u.id).await.unwrap(), None);

    // The user sets their own password; someone else (not an administrator) may not.
    store
        .set_password(&Actor::user(&u), u.id, HASH)
        .await
        .unwrap();
    let c = store.credentials(u.id).await.unwrap().unwrap();
    assert_eq!(
        (c.password_hash.as_str(), c.totp_secret.clone()),
        (HASH, None)
    );
    assert!(
        !format!("{c:?}").contains(HASH),
        "Debug never prints secrets"
    );
    refused(
        store
            .set_password(&Actor::user(&other), u.id, "$argon2id$other")
            .await,
        "Forbidden",
    );
    refused(
        store
            .set_second_factor(&Actor::user(&other), u.id, Some(TOTP), &[])
            .await,
        "Forbidden",
    );
    assert_eq!(
        store
            .credentials(u.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        HASH
    );
    refused(
        store.set_password(&Actor::user(&u), new_id(), HASH).await,
        "NotFound",
    );

    // Enrolling a second factor flips the flag in the record, in the same transaction.
    let codes = vec![CODE_A.to_string(), CODE_B.to_string()];
    let enrolled = store
        .set_second_factor(&Actor::user(&u), u.id, Some(TOTP), &codes)
        .await
        .unwrap();
    assert!(enrolled.totp_enabled);
    assert_eq!(enrolled.version, u.version + 1);
    assert_eq!(store.user(u.id).await.unwrap(), Some(enrolled.clone()));
    let c = store.credentials(u.id).await.unwrap().unwrap();
    assert_eq!(
        (c.password_hash.as_str(), c.totp_secret.as_deref()),
        (HASH, Some(TOTP))
    );
    assert_eq!(c.recovery_hashes, codes);
    // An editor's copy read before enrolment is now stale.
    refused(store.save_user(&Actor::user(&admin), &u).await, "Conflict");

    // An administrator resets both.
    store
        .set_password(&Actor::user(&admin), u.id, "$argon2id$reset")
        .await
        .unwrap();
    let removed = store
        .set_second_factor(&Actor::user(&admin), u.id, None, &[])
        .await
        .unwrap();
    assert!(!removed.totp_enabled);
    let c = store.credentials(u.id).await.unwrap().unwrap();
    assert_eq!((c.totp_secret, c.recovery_hashes.len()), (None, 0));

    let rows = store.audit_of(u.id).await.unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "create",
            "set_password",
            "set_second_factor",
            "set_password",
            "set_second_factor"
        ]
    );
    assert_eq!(rows[1].actor, "omar.b");
    assert_eq!(rows[3].actor, "admin");
    assert_eq!(
        rows[2].after,
        Some(serde_json::to_value(&enrolled).unwrap())
    );
    let text = audit_text(store, u.id).await;
    for secret in [HASH, "$argon2id$reset", TOTP, CODE_A, CODE_B] {
        assert!(!text.contains(secret), "{secret} leaked into the audit log");
    }
}

pub async fn recovery_codes_work_once(store: &dyn Store) {
    let w = world(store).await;
    let u = account(
        store,
        "omar.b",
        Role::Reader,
        &w.morocco,
        Marking::Restricted,
        &[],
    )
    .await;
    assert!(
        !store.use_recovery_code(u.id, CODE_A).await.unwrap(),
        "no credentials yet"
    );
    let codes = vec![CODE_A.to_string(), CODE_B.to_string()];
    store
        .set_second_factor(&Actor::system(), u.id, Some(TOTP), &codes)
        .await
        .unwrap();

    assert!(store.use_recovery_code(u.id, CODE_A).await.unwrap());
    assert!(
        !store.use_recovery_code(u.id, CODE_A).await.unwrap(),
        "spent"
    );
    assert!(!store.use_recovery_code(u.id, "deadbeef").await.unwrap());
    // Two logins racing with the same code: one gets in.
    let (x, y) = tokio::join!(
        store.use_recovery_code(u.id, CODE_B),
        store.use_recovery_code(u.id, CODE_B)
    );
    assert_eq!([x.unwrap(), y.unwrap()].iter().filter(|ok| **ok).count(), 1);
    assert!(
        store
            .credentials(u.id)
            .await
            .unwrap()
            .unwrap()
            .recovery_hashes
            .is_empty()
    );

    let rows = store.audit_of(u.id).await.unwrap();
    let spent: Vec<&str> = rows
        .iter()
        .filter(|r| r.action == "use_recovery_code")
        .map(|r| r.actor.as_str())
        .collect();
    assert_eq!(spent, ["omar.b", "omar.b"]);
    let text = audit_text(store, u.id).await;
    assert!(!text.contains(CODE_A) && !text.contains(CODE_B) && !text.contains(TOTP));
}

/// A time with whole microseconds, the precision login sessions keep.
fn at(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap()
}

pub async fn login_sessions_expire(store: &dyn Store) {
    let later = at(Utc::now() + Duration::hours(1));
    store
        .login_session_save("s1", r#"{"user":"a"}"#, later)
        .await
        .unwrap();
    assert_eq!(
        store.login_session_load("s1").await.unwrap(),
        Some((r#"{"user":"a"}"#.to_string(), later))
    );
    // Saving again replaces data and expiry.
    let much_later = at(Utc::now() + Duration::days(7));
    store
        .login_session_save("s1", r#"{"user":"b"}"#, much_later)
        .await
        .unwrap();
    assert_eq!(
        store.login_session_load("s1").await.unwrap(),
        Some((r#"{"user":"b"}"#.to_string(), much_later))
    );

    let past = Utc::now() - Duration::seconds(1);
    store.login_session_save("old", "{}", past).await.unwrap();
    assert_eq!(
        store.login_session_load("old").await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(store.login_session_load("never").await.unwrap(), None);
    assert_eq!(store.login_sessions_purge().await.unwrap(), 1);
    assert_eq!(store.login_sessions_purge().await.unwrap(), 0);

    store.login_session_delete("s1").await.unwrap();
    assert_eq!(store.login_session_load("s1").await.unwrap(), None);
    store.login_session_delete("s1").await.unwrap();
    // Sessions are not domain records: nothing in the audit log.
    assert!(store.is_empty().await.unwrap());
}
