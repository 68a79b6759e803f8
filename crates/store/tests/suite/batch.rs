//! A batch of new items (an imported spreadsheet) is written whole or not at all: each item
//! is checked as `save_item` would check it, the first refusal names the item, and the
//! items before it leave no trace — no row, no audit row, no search entry.

use super::fixtures::*;
use std::sync::Mutex;
use taawun_core::{rules::Rule, *};
use taawun_store::{Actor, FactsScope, Store, StoreError};

/// A secretariat account assigned to the world's commission.
async fn secretariat(store: &dyn Store, w: &World) -> User {
    account(
        store,
        "sec.import",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[w.commission.id],
    )
    .await
}

/// The refusal inside an `InBatch` error, with its index, or a panic naming what came back.
fn in_batch<T: std::fmt::Debug>(result: Result<T, StoreError>) -> (usize, StoreError) {
    match result {
        Err(StoreError::InBatch { index, source }) => (index, *source),
        other => panic!("expected an InBatch error, got {other:?}"),
    }
}

async fn items_of_plan(store: &dyn Store, w: &World) -> usize {
    store.items(w.plan.id).await.unwrap().len()
}

pub async fn a_batch_is_written_whole_with_an_audit_row_each(store: &dyn Store) {
    let w = world(store).await;
    let sec = secretariat(store, &w).await;
    let batch = [w.item("1.1"), w.item("1.2"), w.item("1.3")];
    let heard = Mutex::new(Vec::new());
    let saved = store
        .save_items(&Actor::user(&sec), &batch, &|n| {
            heard.lock().unwrap().push(n)
        })
        .await
        .unwrap();

    assert_eq!(saved.len(), 3);
    let stored = store.items(w.plan.id).await.unwrap();
    let codes: Vec<&str> = stored.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["1.1", "1.2", "1.3"]);
    assert_eq!(stored, saved, "what is returned is what is stored");
    for (sent, back) in batch.iter().zip(&saved) {
        assert_eq!((back.id, back.version), (sent.id, 1));
        let audit = store.audit_of(sent.id).await.unwrap();
        let rows: Vec<(&str, &str)> = audit
            .iter()
            .map(|r| (r.action.as_str(), r.actor.as_str()))
            .collect();
        assert_eq!(rows, [("create", "sec.import")], "item {}", sent.code);
    }
    // Written like any saved item: searchable and counted on dashboards.
    let hits = store.search("action 1.2", 10).await.unwrap();
    assert!(hits.iter().any(|h| h.id == batch[1].id), "{hits:?}");
    let facts = store
        .item_facts(FactsScope::Agreement(w.mou.id), None)
        .await
        .unwrap();
    let ids: Vec<Id> = facts.iter().map(|f| f.id).collect();
    assert_eq!(ids, batch.iter().map(|i| i.id).collect::<Vec<_>>());
    for f in &facts {
        assert_eq!((f.commission_id, f.percent), (w.commission.id, 0));
        let sides: Vec<Id> = f.sides.iter().map(|s| s.party_id).collect();
        assert_eq!(sides, [w.morocco.id, w.mali.id]);
    }
    assert_eq!(heard.into_inner().unwrap().last(), Some(&3));

    // And followed up like any saved item.
    let report = progress(&saved[0], &w.mali, date(2025, 5, 1), 40);
    store.save_progress(&actor(), &report).await.unwrap();
    let moved = store.item(saved[0].id).await.unwrap().unwrap();
    assert_eq!((moved.status, moved.version), (ItemStatus::InProgress, 2));
}

pub async fn a_batch_with_a_broken_item_writes_nothing(store: &dyn Store) {
    let w = world(store).await;
    let sec = secretariat(store, &w).await;
    let before = items_of_plan(store, &w).await;
    let mut untitled = w.item("1.2");
    untitled.title = LocalizedText::default();
    let batch = [w.item("1.1"), untitled, w.item("1.3")];

    let result = store.save_items(&Actor::user(&sec), &batch, &|_| {}).await;
    assert!(
        matches!(&result, Err(e) if e.to_string().starts_with("item 2: ")),
        "the message counts from 1: {result:?}"
    );
    let (index, source) = in_batch(result);
    assert_eq!(index, 1);
    let errors = rule_errors::<()>(Err(source));
    assert!(has(&errors, "title", &Rule::Required), "{errors:?}");

    assert_eq!(items_of_plan(store, &w).await, before);
    assert_eq!(store.item(batch[0].id).await.unwrap(), None);
    assert!(store.audit_of(batch[0].id).await.unwrap().is_empty());
    let hits = store.search("action 1.1", 10).await.unwrap();
    assert!(hits.iter().all(|h| h.id != batch[0].id), "{hits:?}");
}

pub async fn a_batch_with_an_item_the_actor_may_not_create_writes_nothing(store: &dyn Store) {
    let w = world(store).await;
    // A second commission, with its own plan and secretariat.
    let other = store
        .save_commission(
            &actor(),
            &commission(&w.morocco, &w.mali, "Commission technique"),
        )
        .await
        .unwrap();
    let other_plan = store.save_plan(&actor(), &plan(&other)).await.unwrap();
    let theirs = account(
        store,
        "sec.other",
        Role::Secretariat,
        &w.mali,
        Marking::Secret,
        &[other.id],
    )
    .await;
    let own = item(&other_plan, "1.1", &w.training, &[&w.far, &w.fama]);
    let batch = [own.clone(), w.item("1.1")];
    let (index, source) = in_batch(
        store
            .save_items(&Actor::user(&theirs), &batch, &|_| {})
            .await,
    );
    assert_eq!(index, 1);
    refused::<()>(Err(source), "Forbidden");
    assert_eq!(store.item(own.id).await.unwrap(), None);
    assert!(store.audit_of(own.id).await.unwrap().is_empty());
    assert_eq!(items_of_plan(store, &w).await, 0);

    // Party editors update items their party leads; they create none, in a batch either.
    let editor = account(
        store,
        "ed.ma",
        Role::PartyEditor,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let batch = [w.item("2.1")];
    let (index, source) = in_batch(
        store
            .save_items(&Actor::user(&editor), &batch, &|_| {})
            .await,
    );
    assert_eq!(index, 0);
    refused::<()>(Err(source), "Forbidden");
    assert_eq!(items_of_plan(store, &w).await, 0);
}

pub async fn a_batch_creates_and_never_updates(store: &dyn Store) {
    let w = world(store).await;
    let sec = secretariat(store, &w).await;
    let stored = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    // The stored item again, at its current version: a save would update it; a batch of new
    // items must not.
    let mut again = stored.clone();
    again.title = text("", "Titre remplacé", "");
    let batch = [w.item("1.2"), again];
    let (index, source) = in_batch(store.save_items(&Actor::user(&sec), &batch, &|_| {}).await);
    assert_eq!(index, 1);
    refused::<()>(Err(source), "Conflict");
    assert_eq!(store.item(stored.id).await.unwrap(), Some(stored.clone()));
    assert_eq!(store.audit_of(stored.id).await.unwrap().len(), 1);
    assert_eq!(items_of_plan(store, &w).await, 1);

    // The same new item twice in one batch: the second finds the first.
    let twice = w.item("1.3");
    let (index, _) = in_batch(
        store
            .save_items(&Actor::user(&sec), &[twice.clone(), twice], &|_| {})
            .await,
    );
    assert_eq!(index, 1);
    assert_eq!(items_of_plan(store, &w).await, 1);
}

pub async fn a_batch_reports_its_progress(store: &dyn Store) {
    let w = world(store).await;
    let sec = secretariat(store, &w).await;
    let batch: Vec<ActionItem> = (1..=250).map(|n| w.item(&format!("3.{n}"))).collect();
    let heard = Mutex::new(Vec::new());
    let saved = store
        .save_items(&Actor::user(&sec), &batch, &|n| {
            heard.lock().unwrap().push(n)
        })
        .await
        .unwrap();
    assert_eq!(saved.len(), 250);
    assert_eq!(items_of_plan(store, &w).await, 250);

    let heard = heard.into_inner().unwrap();
    assert_eq!(heard.last(), Some(&250), "the end is reported: {heard:?}");
    let mut last = 0;
    for n in &heard {
        assert!(
            *n >= last && *n - last <= 100,
            "at least every 100: {heard:?}"
        );
        last = *n;
    }

    // An empty batch writes nothing and still reports its end.
    let heard = Mutex::new(Vec::new());
    let none = store
        .save_items(&Actor::user(&sec), &[], &|n| heard.lock().unwrap().push(n))
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(heard.into_inner().unwrap(), [0]);
}

pub async fn a_batch_names_the_item_whose_code_is_taken(store: &dyn Store) {
    let w = world(store).await;
    let sec = secretariat(store, &w).await;
    let stored = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let logistics = store.save_area(&actor(), &area("logistics")).await.unwrap();
    let code_taken = |result: Result<Vec<ActionItem>, StoreError>| {
        let (index, source) = in_batch(result);
        let errors = rule_errors::<()>(Err(source));
        assert!(has(&errors, "code", &Rule::Duplicate), "{errors:?}");
        index
    };

    // A code of a stored item.
    let batch = [w.item("1.2"), w.item("1.1"), w.item("1.3")];
    let result = store.save_items(&Actor::user(&sec), &batch, &|_| {}).await;
    assert_eq!(code_taken(result), 1);

    // Twice the same code in the batch, the second time followed by an item that names an
    // area not read yet (so the store reads before the batch's writes are all sent).
    let mut other_area = w.item("1.5");
    other_area.area_id = logistics.id;
    let batch = [w.item("1.4"), w.item("1.4"), other_area];
    let result = store.save_items(&Actor::user(&sec), &batch, &|_| {}).await;
    assert_eq!(code_taken(result), 1);

    // Far apart: the 150th item takes the code of the 10th.
    let mut batch: Vec<ActionItem> = (1..=200).map(|n| w.item(&format!("4.{n}"))).collect();
    batch[149].code = "4.10".into();
    let result = store.save_items(&Actor::user(&sec), &batch, &|_| {}).await;
    assert_eq!(code_taken(result), 149);

    assert_eq!(store.items(w.plan.id).await.unwrap(), [stored]);
    assert_eq!(store.audit_of(batch[0].id).await.unwrap(), []);
}
