//! Record kinds read back from the database: an audit row or a search entry naming a kind
//! Taawun does not know is corrupt data, reported as an error, never a row quietly dropped
//! (dropping it would hide a history or a hit without anyone knowing why).

use std::sync::Arc;
use taawun_core::*;
use taawun_store::{Actor, SqliteStore, Store, StoreError, Visible};

/// A fresh database holding one party, its audit row and its search entry.
async fn one_party() -> (tempfile::TempDir, SqliteStore, Party) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .expect("open a new database");
    let party = Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some("MA".into()),
        name: LocalizedText::new("", "Royaume du Maroc", ""),
        short_name: LocalizedText::new("", "Maroc", ""),
        protection: Protection::default(),
        version: 0,
    };
    let party = store.save_party(&Actor::system(), &party).await.unwrap();
    (dir, store, party)
}

#[tokio::test]
async fn an_audit_row_of_an_unknown_kind_is_an_error() {
    let (_dir, store, party) = one_party().await;
    let rows = store.audit_of(party.id).await.unwrap();
    assert_eq!(rows[0].entity, RecordKind::Party);

    sqlx::query("update audit_log set entity = 'item' where entity_id = ?")
        .bind(party.id.to_string())
        .execute(store.pool())
        .await
        .unwrap();
    let err = store.audit_of(party.id).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
    assert!(err.to_string().contains("\"item\""), "{err}");
    let admin = Principal {
        role: Role::Administrator,
        ..Principal::visitor()
    };
    let v = Visible::new(Arc::new(store), admin);
    assert!(matches!(
        v.audit_of(party.id).await,
        Err(StoreError::Corrupt(_))
    ));
}

#[tokio::test]
async fn a_search_entry_of_an_unknown_kind_is_an_error() {
    let (_dir, store, party) = one_party().await;
    let hits = store.search("maroc", 10).await.unwrap();
    assert_eq!((hits[0].entity, hits[0].id), (RecordKind::Party, party.id));

    sqlx::query("update search_index set entity = 'state' where id = ?")
        .bind(party.id.to_string())
        .execute(store.pool())
        .await
        .unwrap();
    let err = store.search("maroc", 10).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
}
