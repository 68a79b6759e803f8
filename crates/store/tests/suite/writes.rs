//! The write path: versions and conflicts, the audit log, and that a refused write
//! leaves no trace (no row, no audit row).

use super::fixtures::*;
use taawun_core::{rules::Rule, *};
use taawun_store::{Actor, Store, StoreError};

pub async fn each_save_increments_the_version(store: &dyn Store) {
    let w = world(store).await;
    assert_eq!(w.session.version, 1);
    let mut s = w.session.clone();
    s.place = text("باماكو", "Bamako (Mali)", "Bamako (Mali)");
    let s2 = store.save_session(&actor(), &s).await.unwrap();
    assert_eq!(s2.version, 2);
    let s3 = store.save_session(&actor(), &s2).await.unwrap();
    assert_eq!(s3.version, 3);
    let stored = store.session(s.id).await.unwrap().unwrap();
    assert_eq!(stored.version, 3);
    assert_eq!(stored.place.fr.as_deref(), Some("Bamako (Mali)"));
}

pub async fn stale_version_conflicts_and_writes_nothing(store: &dyn Store) {
    let w = world(store).await;
    // Two officers open the same item; the first saves, the second's copy is stale.
    let first = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let mut mine = first.clone();
    mine.title = text("", "Formation des officiers", "");
    store.save_item(&actor(), &mine).await.unwrap();
    let mut theirs = first.clone();
    theirs.title = text("", "Formation des sous-officiers", "");
    let audit_before = store.audit_of(first.id).await.unwrap().len();

    match store.save_item(&actor(), &theirs).await {
        Err(StoreError::Conflict { stored, yours, .. }) => assert_eq!((stored, yours), (2, 1)),
        other => panic!("expected a conflict, got {other:?}"),
    }
    let stored = store.item(first.id).await.unwrap().unwrap();
    assert_eq!(stored.title.fr.as_deref(), Some("Formation des officiers"));
    assert_eq!(stored.version, 2);
    assert_eq!(store.audit_of(first.id).await.unwrap().len(), audit_before);
}

pub async fn new_record_with_a_version_conflicts(store: &dyn Store) {
    let p = Party {
        version: 3,
        ..party("MA", "المغرب", "Maroc")
    };
    match store.save_party(&actor(), &p).await {
        Err(StoreError::Conflict { stored, yours, .. }) => assert_eq!((stored, yours), (0, 3)),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.party(p.id).await.unwrap(), None);
    assert!(store.audit_of(p.id).await.unwrap().is_empty());
}

/// Two writers racing with the same version: exactly one wins.
pub async fn concurrent_updates_let_one_win(store: &dyn Store) {
    let w = world(store).await;
    let mut a = w.mou.clone();
    a.reference = Some("A".into());
    let mut b = w.mou.clone();
    b.reference = Some("B".into());
    let actor = actor();
    let (ra, rb) = tokio::join!(
        store.save_agreement(&actor, &a),
        store.save_agreement(&actor, &b)
    );
    let conflicts = [&ra, &rb]
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict { .. })))
        .count();
    assert_eq!(conflicts, 1, "one conflict expected: {ra:?} / {rb:?}");
    let winner = ra.or(rb).unwrap();
    let stored = store.agreement(w.mou.id).await.unwrap().unwrap();
    assert_eq!((stored.version, stored.reference), (2, winner.reference));
    assert_eq!(store.audit_of(w.mou.id).await.unwrap().len(), 2);
}

pub async fn audit_records_each_save_with_before_and_after(store: &dyn Store) {
    let w = world(store).await;
    let officer = Actor::new("officer.ml");
    let mut s = w.session.clone();
    s.decisions.push(Decision {
        id: new_id(),
        number: 1,
        text: text("", "Adopter le plan d'action", ""),
        area_id: None,
        example: true,
    });
    let updated = store.save_session(&officer, &s).await.unwrap();

    let rows = store.audit_of(s.id).await.unwrap();
    assert_eq!(rows.len(), 2, "one row per save");
    let (create, update) = (&rows[0], &rows[1]);
    assert_eq!(create.action, "create");
    assert_eq!(create.actor, actor().name);
    assert_eq!(create.entity.key(), "session");
    assert_eq!(create.entity_id, s.id);
    assert_eq!(create.before, None);
    assert_eq!(
        create.after,
        Some(serde_json::to_value(&w.session).unwrap())
    );

    assert_eq!(update.action, "update");
    assert_eq!(update.actor, "officer.ml");
    assert_eq!(
        update.before,
        Some(serde_json::to_value(&w.session).unwrap())
    );
    assert_eq!(update.after, Some(serde_json::to_value(&updated).unwrap()));
    assert!(create.at <= update.at, "oldest first");
    assert_ne!(create.id, update.id);
}

pub async fn audit_names_each_kind_of_record(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let p = store
        .save_progress(&actor(), &progress(&i, &w.mali, date(2025, 5, 1), 10))
        .await
        .unwrap();
    let cases = [
        (w.morocco.id, "party"),
        (w.far.id, "organisation"),
        (w.mouhib.id, "person"),
        (w.training.id, "area"),
        (w.commission.id, "commission"),
        (w.session.id, "session"),
        (w.mou.id, "agreement"),
        (w.clause1.id, "clause"),
        (w.plan.id, "action_plan"),
        (i.id, "action_item"),
        (p.id, "progress_update"),
    ];
    for (id, entity) in cases {
        let rows = store.audit_of(id).await.unwrap();
        // The item's second row is the joint status its first report moved on.
        let want = if entity == "action_item" { 2 } else { 1 };
        assert_eq!(rows.len(), want, "{entity}");
        assert!(rows.iter().all(|r| r.entity.key() == entity), "{entity}");
    }
}

pub async fn unique_key_clash_is_a_field_error(store: &dyn Store) {
    let w = world(store).await;
    // No core rule compares item codes or area codes; the store's keys catch them.
    store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let twin = w.item("1.1");
    let e = rule_errors(store.save_item(&actor(), &twin).await);
    assert!(has(&e, "code", &Rule::Duplicate), "{e:?}");
    assert_eq!(store.item(twin.id).await.unwrap(), None);
    assert!(store.audit_of(twin.id).await.unwrap().is_empty());

    let again = area("training");
    let e = rule_errors(store.save_area(&actor(), &again).await);
    assert!(has(&e, "code", &Rule::Duplicate), "{e:?}");
    assert_eq!(store.area(again.id).await.unwrap(), None);

    let other_morocco = party("MA", "المغرب", "Maroc bis");
    let e = rule_errors(store.save_party(&actor(), &other_morocco).await);
    assert!(has(&e, "iso_code", &Rule::Duplicate), "{e:?}");

    let mut listed_twice = w.item("1.2");
    listed_twice.clause_ids = vec![w.clause1.id, w.clause1.id];
    let e = rule_errors(store.save_item(&actor(), &listed_twice).await);
    assert!(has(&e, "clause_ids", &Rule::Duplicate), "{e:?}");
    assert_eq!(store.item(listed_twice.id).await.unwrap(), None);
}

pub async fn dangling_references_are_unknown_fields(store: &dyn Store) {
    let w = world(store).await;
    let ghost = new_id();

    let mut s = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    s.commission_id = ghost;
    let e = rule_errors(store.save_session(&actor(), &s).await);
    assert!(has(&e, "commission_id", &Rule::Unknown), "{e:?}");
    assert_eq!(store.session(s.id).await.unwrap(), None);
    assert!(store.audit_of(s.id).await.unwrap().is_empty());

    let mut o = organisation(&w.mali, "Direction du génie");
    o.party_id = ghost;
    let e = rule_errors(store.save_organisation(&actor(), &o).await);
    assert!(has(&e, "party_id", &Rule::Unknown), "{e:?}");

    let mut i = w.item("9.9");
    i.plan_id = ghost;
    let e = rule_errors(store.save_item(&actor(), &i).await);
    assert!(has(&e, "plan_id", &Rule::Unknown), "{e:?}");

    let mut i = w.item("9.9");
    i.area_id = ghost;
    i.clause_ids = vec![w.clause1.id, ghost];
    let e = rule_errors(store.save_item(&actor(), &i).await);
    assert!(has(&e, "area_id", &Rule::Unknown), "{e:?}");
    assert!(has(&e, "clause_ids.1", &Rule::Unknown), "{e:?}");
    assert!(!has(&e, "clause_ids.0", &Rule::Unknown), "{e:?}");

    let mut p = progress(&w.item("9.9"), &w.mali, date(2025, 5, 1), 10);
    p.item_id = ghost;
    let e = rule_errors(store.save_progress(&actor(), &p).await);
    assert!(has(&e, "item_id", &Rule::Unknown), "{e:?}");

    let mut a = agreement(&w.morocco, &w.mali, None);
    a.session_id = Some(ghost);
    a.party_ids[1] = ghost;
    let e = rule_errors(store.save_agreement(&actor(), &a).await);
    assert!(has(&e, "session_id", &Rule::Unknown), "{e:?}");
    assert!(has(&e, "party_ids.1", &Rule::Unknown), "{e:?}");
    assert_eq!(store.agreement(a.id).await.unwrap(), None);

    let mut act = activity(None, &w.morocco, date(2025, 6, 1));
    act.item_id = Some(ghost);
    let e = rule_errors(store.save_activity(&actor(), &act).await);
    assert!(has(&e, "item_id", &Rule::Unknown), "{e:?}");
    assert_eq!(store.activity(act.id).await.unwrap(), None);
}
