//! Permission in the write path, role by role: each refusal is the right error and leaves
//! no trace (the stored record and its history are as before).

use super::fixtures::*;
use taawun_core::{rules::Rule, *};
use taawun_store::{Actor, Store};

/// How many audit rows a record has: a refused write must not add one.
async fn history(store: &dyn Store, id: Id) -> usize {
    store.audit_of(id).await.unwrap().len()
}

/// A second commission between the same parties, for scope tests.
async fn other_commission(store: &dyn Store, w: &World) -> Commission {
    let c = commission(
        &w.morocco,
        &w.mali,
        "Commission mixte de coopération technique",
    );
    store.save_commission(&actor(), &c).await.unwrap()
}

pub async fn secretariat_is_confined_to_its_commissions(store: &dyn Store) {
    let w = world(store).await;
    let other = other_commission(store, &w).await;
    let theirs = account(
        store,
        "sec.other",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[other.id],
    )
    .await;
    let as_theirs = Actor::user(&theirs);

    // A session in a commission not assigned to them.
    let s = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    refused(store.save_session(&as_theirs, &s).await, "Forbidden");
    assert_eq!(store.session(s.id).await.unwrap(), None);
    assert_eq!(history(store, s.id).await, 0);

    // Editing the world's plan.
    let mut p = w.plan.clone();
    p.title = text("", "Plan modifié", "");
    refused(store.save_plan(&as_theirs, &p).await, "Forbidden");
    assert_eq!(store.plan(p.id).await.unwrap(), Some(w.plan.clone()));
    assert_eq!(history(store, p.id).await, 1);

    // Moving their own plan into the other commission, or the world's into theirs.
    let mine = store.save_plan(&as_theirs, &plan(&other)).await.unwrap();
    let mut moved = mine.clone();
    moved.commission_id = w.commission.id;
    refused(store.save_plan(&as_theirs, &moved).await, "Forbidden");
    let mut pulled = w.plan.clone();
    pulled.commission_id = other.id;
    refused(store.save_plan(&as_theirs, &pulled).await, "Forbidden");
    assert_eq!(store.plan(mine.id).await.unwrap(), Some(mine.clone()));
    assert_eq!(store.plan(w.plan.id).await.unwrap(), Some(w.plan.clone()));

    // Commissions are set up by administrators; taxonomies are not theirs either.
    let new_one = commission(&w.morocco, &w.mali, "Nouvelle commission");
    refused(
        store.save_commission(&as_theirs, &new_one).await,
        "Forbidden",
    );
    assert_eq!(store.commission(new_one.id).await.unwrap(), None);
    refused(
        store.save_area(&as_theirs, &area("logistics")).await,
        "Forbidden",
    );
    assert_eq!(store.areas().await.unwrap().len(), 1);

    // The secretariat of the world's commission may do what the other may not.
    let ours = account(
        store,
        "sec.ours",
        Role::Secretariat,
        &w.mali,
        Marking::Secret,
        &[w.commission.id],
    )
    .await;
    let saved = store.save_session(&Actor::user(&ours), &s).await.unwrap();
    let rows = store.audit_of(saved.id).await.unwrap();
    assert_eq!(rows[0].actor, "sec.ours", "audited under the username");
}

pub async fn party_editor_edits_only_what_its_party_leads(store: &dyn Store) {
    let w = world(store).await;
    let senegal = store
        .save_party(&actor(), &party("SN", "السنغال", "Sénégal"))
        .await
        .unwrap();
    let item = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let outsider = account(
        store,
        "ed.sn",
        Role::PartyEditor,
        &senegal,
        Marking::Secret,
        &[],
    )
    .await;
    let moroccan = account(
        store,
        "ed.ma",
        Role::PartyEditor,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;

    // An item Senegal does not lead, of a commission Senegal is no party to: it is not
    // released to Senegal, so it does not exist for its editor (issue 10, finding 11).
    let mut changed = item.clone();
    changed.description = text("", "Calendrier précisé", "");
    refused(
        store.save_item(&Actor::user(&outsider), &changed).await,
        "NotFound",
    );
    assert_eq!(store.item(item.id).await.unwrap(), Some(item.clone()));
    assert_eq!(history(store, item.id).await, 1);
    let act = activity(Some(&item), &w.morocco, date(2025, 6, 1));
    refused(
        store.save_activity(&Actor::user(&outsider), &act).await,
        "Forbidden",
    );
    assert_eq!(store.activity(act.id).await.unwrap(), None);

    // Party editors update items; they do not create them.
    let new_item = w.item("1.2");
    refused(
        store.save_item(&Actor::user(&moroccan), &new_item).await,
        "Forbidden",
    );
    assert_eq!(store.item(new_item.id).await.unwrap(), None);

    // Morocco leads the item: its editor may move it on and record an activity.
    let moved = store
        .save_item(&Actor::user(&moroccan), &changed)
        .await
        .unwrap();
    assert_eq!(moved.description, changed.description);
    store
        .save_activity(&Actor::user(&moroccan), &act)
        .await
        .unwrap();
}

pub async fn reporting_for_the_other_side_is_forbidden(store: &dyn Store) {
    let w = world(store).await;
    let item = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let moroccan = account(
        store,
        "ed.ma",
        Role::PartyEditor,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let as_moroccan = Actor::user(&moroccan);

    let for_mali = progress(&item, &w.mali, date(2025, 5, 1), 20);
    refused(
        store.save_progress(&as_moroccan, &for_mali).await,
        "Forbidden",
    );
    assert!(store.progress(item.id).await.unwrap().is_empty());
    assert_eq!(history(store, for_mali.id).await, 0);

    let own = progress(&item, &w.morocco, date(2025, 5, 1), 20);
    let own = store.save_progress(&as_moroccan, &own).await.unwrap();
    // Nor may an update be handed over to the other side afterwards.
    let mut handed = own.clone();
    handed.party_id = w.mali.id;
    refused(
        store.save_progress(&as_moroccan, &handed).await,
        "Forbidden",
    );
    assert_eq!(store.progress(item.id).await.unwrap(), vec![own]);
}

pub async fn readers_and_auditors_write_nothing(store: &dyn Store) {
    let w = world(store).await;
    let item = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    for role in [Role::Reader, Role::Auditor] {
        let name = format!("{}.ma", role.key());
        let u = account(
            store,
            &name,
            role,
            &w.morocco,
            Marking::Secret,
            &[w.commission.id],
        )
        .await;
        let a = Actor::user(&u);
        let p = party("SN", "السنغال", "Sénégal");
        refused(store.save_party(&a, &p).await, "Forbidden");
        assert_eq!(store.party(p.id).await.unwrap(), None);
        let someone = person(&w.morocco, None, "Karim Alaoui");
        refused(store.save_person(&a, &someone).await, "Forbidden");
        assert_eq!(store.person(someone.id).await.unwrap(), None);
        let mut s = w.session.clone();
        s.place = text("", "Rabat", "");
        refused(store.save_session(&a, &s).await, "Forbidden");
        let mut i = item.clone();
        i.title = text("", "Autre titre", "");
        refused(store.save_item(&a, &i).await, "Forbidden");
        let pr = progress(&item, &w.morocco, date(2025, 5, 1), 5);
        refused(store.save_progress(&a, &pr).await, "Forbidden");
        let mut me = u.clone();
        me.role = Role::Administrator;
        refused(store.save_user(&a, &me).await, "Forbidden");
    }
    assert_eq!(
        store.session(w.session.id).await.unwrap(),
        Some(w.session.clone())
    );
    assert_eq!(store.item(item.id).await.unwrap(), Some(item.clone()));
    assert!(store.progress(item.id).await.unwrap().is_empty());
    assert_eq!(history(store, w.session.id).await, 1);
    assert_eq!(history(store, item.id).await, 1);
    let roles: Vec<Role> = store
        .users()
        .await
        .unwrap()
        .iter()
        .map(|u| u.role)
        .collect();
    assert!(
        !roles.contains(&Role::Administrator),
        "nobody promoted themselves"
    );
}

pub async fn hidden_records_are_not_found_and_stay_out_of_reach(store: &dyn Store) {
    let w = world(store).await;
    let mut secret_plan = plan(&w.commission);
    secret_plan.protection = marked(Marking::Secret);
    let secret_plan = store.save_plan(&actor(), &secret_plan).await.unwrap();
    let item = item(&secret_plan, "S.1", &w.training, &[&w.far, &w.fama]);
    let item = store.save_item(&actor(), &item).await.unwrap();
    let sec = account(
        store,
        "sec.ml",
        Role::Secretariat,
        &w.mali,
        Marking::Restricted,
        &[w.commission.id],
    )
    .await;
    let a = Actor::user(&sec);

    // Editing what one may not see: as if it did not exist, even with a stale version.
    let mut p = secret_plan.clone();
    p.protection = marked(Marking::Unclassified);
    refused(store.save_plan(&a, &p).await, "NotFound");
    p.version = 7;
    refused(store.save_plan(&a, &p).await, "NotFound");
    // A visible record under a hidden parent is hidden too.
    let mut i = item.clone();
    i.title = text("", "Visible ?", "");
    refused(store.save_item(&a, &i).await, "NotFound");
    // Creating under it, or creating something one could not see afterwards.
    let mut under = item.clone();
    under.id = new_id();
    under.code = "S.2".into();
    under.version = 0;
    refused(store.save_item(&a, &under).await, "Forbidden");
    let mut above = plan(&w.commission);
    above.protection = marked(Marking::Confidential);
    refused(store.save_plan(&a, &above).await, "Forbidden");
    let mut not_ours = plan(&w.commission);
    not_ours.protection = originator_only(&w.morocco);
    refused(store.save_plan(&a, &not_ours).await, "Forbidden");

    assert_eq!(
        store.plan(secret_plan.id).await.unwrap(),
        Some(secret_plan.clone())
    );
    assert_eq!(store.item(item.id).await.unwrap(), Some(item.clone()));
    for id in [under.id, above.id, not_ours.id] {
        assert_eq!(history(store, id).await, 0);
    }
    assert_eq!(history(store, secret_plan.id).await, 1);
    // Its own party's originator-only plan is the secretariat's to write.
    let mut ours = plan(&w.commission);
    ours.protection = originator_only(&w.mali);
    store.save_plan(&a, &ours).await.unwrap();
}

pub async fn protection_is_validated_on_every_save(store: &dyn Store) {
    let w = world(store).await;
    let mut p = w.plan.clone();
    p.protection.releasability = Releasability::OriginatorOnly;
    let e = rule_errors(store.save_plan(&actor(), &p).await);
    assert!(has(&e, "protection.originator", &Rule::Required), "{e:?}");
    let mut o = organisation(&w.mali, "Direction du génie militaire");
    o.protection.releasability = Releasability::OriginatorOnly;
    o.party_id = new_id();
    let e = rule_errors(store.save_organisation(&actor(), &o).await);
    assert!(has(&e, "protection.originator", &Rule::Required), "{e:?}");
    assert!(has(&e, "party_id", &Rule::Unknown), "both reported: {e:?}");
    assert_eq!(store.plan(p.id).await.unwrap(), Some(w.plan));
}
