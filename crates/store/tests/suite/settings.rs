//! Per-user settings: a value saved under a key is read back until replaced, per user;
//! oversized keys and values are refused by field.

use super::fixtures::*;
use taawun_core::{rules::Rule, *};
use taawun_store::Store;

const MAPPING: &str = r#"{"code":"A","title.fr":"B","due_on":"F"}"#;

pub async fn user_settings_are_kept_per_user_and_key(store: &dyn Store) {
    let w = world(store).await;
    let u = account(
        store,
        "sec",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[w.commission.id],
    )
    .await;
    let other = account(
        store,
        "awa.k",
        Role::Reader,
        &w.mali,
        Marking::Restricted,
        &[],
    )
    .await;
    let key = "import.items.columns";
    assert_eq!(store.user_setting(u.id, key).await.unwrap(), None);

    store.set_user_setting(u.id, key, MAPPING).await.unwrap();
    assert_eq!(
        store.user_setting(u.id, key).await.unwrap().as_deref(),
        Some(MAPPING)
    );
    // Replaced, not added; other users and keys are apart.
    store.set_user_setting(u.id, key, "{}").await.unwrap();
    assert_eq!(
        store.user_setting(u.id, key).await.unwrap().as_deref(),
        Some("{}")
    );
    assert_eq!(store.user_setting(other.id, key).await.unwrap(), None);
    assert_eq!(store.user_setting(u.id, "other.key").await.unwrap(), None);
    // Not audited.
    assert_eq!(store.audit_of(u.id).await.unwrap().len(), 1);
    refused(
        store.set_user_setting(new_id(), key, MAPPING).await,
        "NotFound",
    );
}

pub async fn oversized_user_settings_are_refused(store: &dyn Store) {
    let w = world(store).await;
    let u = account(
        store,
        "sec",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    // At the limits: 200 characters (not bytes) of key, 64 KiB of value.
    let longest_key = "é".repeat(200);
    let largest = format!("\"{}\"", "x".repeat(64 * 1024 - 2));
    store
        .set_user_setting(u.id, &longest_key, &largest)
        .await
        .unwrap();
    assert_eq!(
        store.user_setting(u.id, &longest_key).await.unwrap(),
        Some(largest.clone())
    );

    let e = rule_errors(store.set_user_setting(u.id, &"k".repeat(201), "1").await);
    assert!(has(&e, "key", &Rule::TooLong { max: 200 }), "{e:?}");
    let too_large = format!("\"{}\"", "x".repeat(64 * 1024 - 1));
    let e = rule_errors(store.set_user_setting(u.id, "import", &too_large).await);
    assert!(has(&e, "value", &Rule::TooLong { max: 64 * 1024 }), "{e:?}");
    assert_eq!(store.user_setting(u.id, "import").await.unwrap(), None);
    // A refused write leaves the stored value as it was.
    let e = rule_errors(store.set_user_setting(u.id, &longest_key, &too_large).await);
    assert!(has(&e, "value", &Rule::TooLong { max: 64 * 1024 }), "{e:?}");
    assert_eq!(
        store.user_setting(u.id, &longest_key).await.unwrap(),
        Some(largest)
    );
}
