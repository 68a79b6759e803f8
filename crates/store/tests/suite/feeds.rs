//! Calendar feeds: a token's hash finds its feed until the feed is revoked or its user
//! disabled; only the user and whoever may edit users create or revoke one; both events are
//! audited on the user, never with the hash.

use super::fixtures::*;
use taawun_core::{rules::Rule, *};
use taawun_store::{Actor, Store};

/// Hex SHA-256 of two tokens, as the web layer would compute them.
const TOKEN_A: &str = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
const TOKEN_B: &str = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7";

async fn ordinary(store: &dyn Store, w: &World, name: &str) -> User {
    account(
        store,
        name,
        Role::PartyEditor,
        &w.morocco,
        Marking::Restricted,
        &[],
    )
    .await
}

pub async fn calendar_feeds_work_until_revoked(store: &dyn Store) {
    let w = world(store).await;
    let u = ordinary(store, &w, "omar.b").await;
    let me = Actor::user(&u);

    let own = store
        .create_calendar_feed(&me, u.id, None, TOKEN_A)
        .await
        .unwrap();
    assert_eq!((own.user_id, own.commission_id), (u.id, None));
    assert_eq!(own.revoked_at, None);
    assert_eq!(
        store.calendar_feed_by_token(TOKEN_A).await.unwrap(),
        Some(own.clone())
    );
    assert_eq!(store.calendar_feed_by_token(TOKEN_B).await.unwrap(), None);

    let one_commission = store
        .create_calendar_feed(&me, u.id, Some(w.commission.id), TOKEN_B)
        .await
        .unwrap();
    assert_eq!(one_commission.commission_id, Some(w.commission.id));
    let listed = store.calendar_feeds(u.id).await.unwrap();
    assert_eq!(
        listed,
        [one_commission.clone(), own.clone()],
        "newest first"
    );

    assert!(store.revoke_calendar_feed(&me, own.id).await.unwrap());
    assert_eq!(store.calendar_feed_by_token(TOKEN_A).await.unwrap(), None);
    assert!(
        !store.revoke_calendar_feed(&me, own.id).await.unwrap(),
        "already revoked"
    );
    // Revoked feeds stay listed, marked; the other feed still works.
    let listed = store.calendar_feeds(u.id).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed[1].revoked_at.is_some());
    assert_eq!(listed[0], one_commission);
    assert_eq!(
        store.calendar_feed_by_token(TOKEN_B).await.unwrap(),
        Some(one_commission.clone())
    );

    // A disabled account's feeds stop working.
    let mut disabled = store.user(u.id).await.unwrap().unwrap();
    disabled.active = false;
    store.save_user(&Actor::system(), &disabled).await.unwrap();
    assert_eq!(store.calendar_feed_by_token(TOKEN_B).await.unwrap(), None);

    // Audited on the user, as account events, without the hash.
    let rows = store.audit_of(u.id).await.unwrap();
    let events: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r.action.as_str(), r.entity.key(), r.actor.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            ("create", "user", "system"),
            ("create_calendar_feed", "user", "omar.b"),
            ("create_calendar_feed", "user", "omar.b"),
            ("revoke_calendar_feed", "user", "omar.b"),
            ("update", "user", "system"),
        ]
    );
    let text: String = rows
        .iter()
        .map(|r| format!("{:?} {:?}", r.before, r.after))
        .collect();
    for hash in [TOKEN_A, TOKEN_B] {
        assert!(
            !text.contains(hash),
            "a token hash leaked into the audit log"
        );
    }
}

pub async fn calendar_feeds_are_their_owners_business(store: &dyn Store) {
    let w = world(store).await;
    let u = ordinary(store, &w, "omar.b").await;
    let other = ordinary(store, &w, "awa.k").await;
    let admin = account(
        store,
        "admin",
        Role::Administrator,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;

    // Someone else, not an administrator, may neither create nor revoke the user's feeds.
    refused(
        store
            .create_calendar_feed(&Actor::user(&other), u.id, None, TOKEN_A)
            .await,
        "Forbidden",
    );
    assert_eq!(store.calendar_feed_by_token(TOKEN_A).await.unwrap(), None);
    assert!(store.calendar_feeds(u.id).await.unwrap().is_empty());
    let feed = store
        .create_calendar_feed(&Actor::user(&u), u.id, None, TOKEN_A)
        .await
        .unwrap();
    refused(
        store
            .revoke_calendar_feed(&Actor::user(&other), feed.id)
            .await,
        "Forbidden",
    );
    assert_eq!(
        store.calendar_feed_by_token(TOKEN_A).await.unwrap(),
        Some(feed.clone())
    );
    assert_eq!(store.audit_of(u.id).await.unwrap().len(), 2, "no trace");

    // Whoever may edit users may.
    assert!(
        store
            .revoke_calendar_feed(&Actor::user(&admin), feed.id)
            .await
            .unwrap()
    );
    let last = store.audit_of(u.id).await.unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("revoke_calendar_feed", "admin")
    );

    // Unknown users and feeds; a dangling commission; one token for two feeds.
    refused(
        store
            .create_calendar_feed(&Actor::user(&admin), new_id(), None, TOKEN_B)
            .await,
        "NotFound",
    );
    refused(
        store
            .revoke_calendar_feed(&Actor::user(&admin), new_id())
            .await,
        "NotFound",
    );
    let e = rule_errors(
        store
            .create_calendar_feed(&Actor::user(&u), u.id, Some(new_id()), TOKEN_B)
            .await,
    );
    assert!(has(&e, "commission_id", &Rule::Unknown), "{e:?}");
    let e = rule_errors(
        store
            .create_calendar_feed(&Actor::user(&u), u.id, None, TOKEN_A)
            .await,
    );
    assert!(has(&e, "token_hash", &Rule::Duplicate), "{e:?}");
    assert_eq!(store.calendar_feeds(u.id).await.unwrap().len(), 1);
}
