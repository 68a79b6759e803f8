//! `Visible` hides what a reader may not see through every door: lists and their lengths,
//! single reads, children of hidden parents, references inside visible records, history
//! and search; and it tracks the highest marking it returned.

use super::fixtures::*;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{Store, StoreError, Visible};

/// The world plus records a Malian reader cleared to Restricted may not see.
struct Hidden {
    w: World,
    /// A Secret agreement, with one (unclassified) clause.
    secret_mou: Agreement,
    secret_clause: Clause,
    /// A plan released to Morocco only, with an item, its progress and an activity.
    ma_plan: ActionPlan,
    ma_item: ActionItem,
    ma_activity: Activity,
    /// A Confidential person sitting in the session's Moroccan delegation.
    adviser: Person,
    /// A visible item implementing a visible and a hidden clause.
    item: ActionItem,
}

async fn hidden(store: &dyn Store) -> Hidden {
    let w = world(store).await;
    let a = actor();
    let mut secret_mou = agreement(&w.morocco, &w.mali, Some(date(2025, 2, 19)));
    secret_mou.title = text(
        "مذكرة سرية",
        "Protocole confidentiel sur le renseignement",
        "",
    );
    secret_mou.protection = marked(Marking::Secret);
    let secret_mou = store.save_agreement(&a, &secret_mou).await.unwrap();
    let secret_clause = store
        .save_clause(&a, &clause(&secret_mou, 1))
        .await
        .unwrap();
    let mut mou = w.mou.clone();
    mou.links = vec![AgreementLink {
        kind: LinkKind::Implements,
        target_id: secret_mou.id,
    }];
    let mou = store.save_agreement(&a, &mou).await.unwrap();

    let mut ma_plan = plan(&w.commission);
    ma_plan.title = text("", "Plan national marocain", "");
    ma_plan.protection = originator_only(&w.morocco);
    let ma_plan = store.save_plan(&a, &ma_plan).await.unwrap();
    let mut ma_item = item(&ma_plan, "M.1", &w.training, &[&w.far, &w.fama]);
    ma_item.due_on = Some(date(2025, 3, 1));
    let ma_item = store.save_item(&a, &ma_item).await.unwrap();
    store
        .save_progress(&a, &progress(&ma_item, &w.mali, date(2025, 4, 1), 30))
        .await
        .unwrap();
    let ma_activity = store
        .save_activity(&a, &activity(Some(&ma_item), &w.morocco, date(2025, 5, 1)))
        .await
        .unwrap();
    // The report moved the item on: keep it as now stored.
    let ma_item = store.item(ma_item.id).await.unwrap().unwrap();

    let mut adviser = person(&w.morocco, Some(&w.far), "Conseiller Discret");
    adviser.protection = marked(Marking::Confidential);
    let adviser = store.save_person(&a, &adviser).await.unwrap();
    let mut s = w.session.clone();
    s.delegations[0].members.push(DelegationMember {
        person_id: adviser.id,
        role: DelegationRole::Member,
        precedence: 2,
    });
    s.statements.push(Statement {
        person_id: adviser.id,
        occasion: StatementOccasion::Opening,
        on: date(2025, 2, 17),
        summary: text("", "Allocution", ""),
    });
    s.protection = marked(Marking::Restricted);
    let session = store.save_session(&a, &s).await.unwrap();

    let mut item = w.item("1.1");
    item.clause_ids = vec![w.clause1.id, secret_clause.id];
    item.due_on = Some(date(2025, 6, 1));
    let item = store.save_item(&a, &item).await.unwrap();
    let w = World { mou, session, ..w };
    Hidden {
        w,
        secret_mou,
        secret_clause,
        ma_plan,
        ma_item,
        ma_activity,
        adviser,
        item,
    }
}

fn principal(party: &Party, role: Role, clearance: Marking) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role,
        party_id: Some(party.id),
        clearance,
        commissions: vec![],
    }
}

fn ids<T>(records: &[T], id: impl Fn(&T) -> Id) -> Vec<Id> {
    records.iter().map(id).collect()
}

pub async fn visible_hides_through_every_door(store: Arc<dyn Store>) {
    let h = hidden(&*store).await;
    let w = &h.w;
    let v = Visible::new(
        store.clone(),
        principal(&w.mali, Role::Reader, Marking::Restricted),
    );

    // Lists, and so their lengths.
    assert_eq!(ids(&v.agreements().await.unwrap(), |a| a.id), [w.mou.id]);
    assert_eq!(
        store.agreements().await.unwrap().len(),
        2,
        "the store itself is unfiltered"
    );
    assert_eq!(
        ids(&v.plans(Some(w.commission.id)).await.unwrap(), |p| p.id),
        [w.plan.id]
    );
    assert_eq!(ids(&v.plans(None).await.unwrap(), |p| p.id), [w.plan.id]);
    assert_eq!(
        ids(&v.plans_for(w.mou.id).await.unwrap(), |p| p.id),
        [w.plan.id]
    );
    assert_eq!(
        ids(&v.items_led_by(w.far.id).await.unwrap(), |i| i.id),
        [h.item.id]
    );
    assert_eq!(
        ids(&v.open_items(1).await.unwrap(), |i| i.id),
        [h.item.id],
        "hidden items take no place"
    );
    assert!(v.activities(None).await.unwrap().is_empty());
    assert_eq!(v.people(None).await.unwrap().len(), 2);
    assert_eq!(v.people(Some(w.far.id)).await.unwrap().len(), 1);

    // Single reads.
    assert_eq!(v.agreement(h.secret_mou.id).await.unwrap(), None);
    assert_eq!(v.clause(h.secret_clause.id).await.unwrap(), None);
    assert_eq!(v.plan(h.ma_plan.id).await.unwrap(), None);
    assert_eq!(
        v.item(h.ma_item.id).await.unwrap(),
        None,
        "child of a hidden plan"
    );
    assert_eq!(v.activity(h.ma_activity.id).await.unwrap(), None);
    assert_eq!(v.person(h.adviser.id).await.unwrap(), None);

    // Children of hidden parents, and reads about hidden records.
    assert!(v.clauses(h.secret_mou.id).await.unwrap().is_empty());
    assert!(v.items(h.ma_plan.id).await.unwrap().is_empty());
    assert!(v.progress(h.ma_item.id).await.unwrap().is_empty());
    assert!(v.activities(Some(h.ma_item.id)).await.unwrap().is_empty());
    assert!(v.sessions_of_person(h.adviser.id).await.unwrap().is_empty());
    assert!(v.plans_for(h.secret_mou.id).await.unwrap().is_empty());
    assert!(
        v.items_for_agreement(h.secret_mou.id)
            .await
            .unwrap()
            .is_empty()
    );

    // References inside visible records.
    let session = v.session(w.session.id).await.unwrap().unwrap();
    let members: Vec<Id> = session
        .delegations
        .iter()
        .flat_map(|d| d.members.iter().map(|m| m.person_id))
        .collect();
    assert!(!members.contains(&h.adviser.id) && members.contains(&w.mouhib.id));
    assert!(session.statements.is_empty());
    assert!(
        v.agreement(w.mou.id)
            .await
            .unwrap()
            .unwrap()
            .links
            .is_empty()
    );
    assert_eq!(
        v.item(h.item.id).await.unwrap().unwrap().clause_ids,
        [w.clause1.id]
    );
    assert!(
        v.can_see_id(RecordKind::Clause, w.clause1.id)
            .await
            .unwrap()
    );
    assert!(
        !v.can_see_id(RecordKind::Clause, h.secret_clause.id)
            .await
            .unwrap()
    );
    assert!(
        !v.can_see_id(RecordKind::Person, new_id()).await.unwrap(),
        "unknown is hidden"
    );

    // Search and history.
    let hits = store.search("protocole renseignement", 10).await.unwrap();
    assert_eq!(
        ids(&hits, |h| h.id),
        [h.secret_mou.id],
        "the store finds it"
    );
    assert!(
        v.search("protocole renseignement", 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        v.search("plan national marocain", 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        v.audit_of(h.secret_mou.id).await.unwrap(),
        vec![],
        "hidden: no history"
    );
    assert!(
        matches!(
            v.audit_of(w.mou.id).await,
            Err(StoreError::Forbidden { .. })
        ),
        "a reader's role has no history"
    );
    assert!(!v.is_empty().await.unwrap());

    // Accounts are for administrators.
    let admin = account(
        &*store,
        "admin",
        Role::Administrator,
        &w.mali,
        Marking::Restricted,
        &[],
    )
    .await;
    assert!(v.users().await.unwrap().is_empty());
    assert_eq!(v.user(admin.id).await.unwrap(), None);
    assert_eq!(v.user_by_name("admin").await.unwrap(), None);
    let as_admin = Visible::new(store.clone(), admin.principal());
    assert_eq!(as_admin.users().await.unwrap(), vec![admin.clone()]);
    assert_eq!(as_admin.user_by_name("admin").await.unwrap(), Some(admin));
}

pub async fn releasability_and_clearance_open_what_they_should(store: Arc<dyn Store>) {
    let h = hidden(&*store).await;
    let w = &h.w;
    // Morocco, cleared Secret: the Moroccan-only plan and the secret agreement are visible.
    let v = Visible::new(
        store.clone(),
        principal(&w.morocco, Role::Reader, Marking::Secret),
    );
    assert_eq!(v.agreements().await.unwrap().len(), 2);
    assert_eq!(v.plans(None).await.unwrap().len(), 2);
    assert_eq!(
        v.items(h.ma_plan.id).await.unwrap(),
        vec![h.ma_item.clone()]
    );
    assert_eq!(v.progress(h.ma_item.id).await.unwrap().len(), 1);
    assert_eq!(
        v.search("protocole renseignement", 10).await.unwrap().len(),
        1
    );
    let session = v.session(w.session.id).await.unwrap().unwrap();
    assert_eq!(session, w.session, "nothing redacted");
    // Mali cleared Secret sees the secret agreement but not Morocco's own plan.
    let v = Visible::new(
        store.clone(),
        principal(&w.mali, Role::Reader, Marking::Secret),
    );
    assert_eq!(v.agreements().await.unwrap().len(), 2);
    assert_eq!(v.plans(None).await.unwrap().len(), 1);
    // A visitor sees only unclassified records: not even the Restricted session.
    let v = Visible::new(store.clone(), Principal::visitor());
    assert_eq!(v.session(w.session.id).await.unwrap(), None);
    assert!(v.sessions(None).await.unwrap().is_empty());
    assert!(
        v.agreements_of_session(w.session.id)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn visible_tracks_the_highest_marking_returned(store: Arc<dyn Store>) {
    let h = hidden(&*store).await;
    let w = &h.w;
    let v = Visible::new(
        store.clone(),
        principal(&w.morocco, Role::Reader, Marking::Secret),
    );
    assert_eq!(v.highest_marking(), Marking::Unclassified);
    v.parties().await.unwrap();
    v.plans(None).await.unwrap();
    assert_eq!(v.highest_marking(), Marking::Unclassified);
    v.session(w.session.id).await.unwrap();
    assert_eq!(v.highest_marking(), Marking::Restricted);
    v.agreement(h.secret_mou.id).await.unwrap();
    assert_eq!(v.highest_marking(), Marking::Secret);
    v.parties().await.unwrap();
    assert_eq!(v.highest_marking(), Marking::Secret, "never goes down");

    // What was hidden does not raise the banner.
    let v = Visible::new(
        store.clone(),
        principal(&w.mali, Role::Reader, Marking::Restricted),
    );
    v.agreements().await.unwrap();
    v.agreement(h.secret_mou.id).await.unwrap();
    v.person(h.adviser.id).await.unwrap();
    assert_eq!(v.highest_marking(), Marking::Unclassified);
}

pub async fn history_is_for_auditors_within_their_clearance(store: Arc<dyn Store>) {
    let w = world(&*store).await;
    // A plan first marked Confidential, then downgraded.
    let mut p = plan(&w.commission);
    p.protection = marked(Marking::Confidential);
    let p = store.save_plan(&actor(), &p).await.unwrap();
    let mut down = p.clone();
    down.protection = marked(Marking::Unclassified);
    store.save_plan(&actor(), &down).await.unwrap();

    let auditor = principal(&w.mali, Role::Auditor, Marking::Restricted);
    let v = Visible::new(store.clone(), auditor);
    let rows = v.audit_of(p.id).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].after, None, "the Confidential version is withheld");
    assert_eq!(rows[1].before, None);
    assert!(rows[1].after.is_some());
    assert_eq!(v.highest_marking(), Marking::Unclassified);
    assert_eq!(v.audit_of(w.session.id).await.unwrap().len(), 1);
    assert!(v.audit_of(new_id()).await.unwrap().is_empty());

    let cleared = Visible::new(
        store.clone(),
        principal(&w.mali, Role::Auditor, Marking::Secret),
    );
    let rows = cleared.audit_of(p.id).await.unwrap();
    assert!(rows[0].after.is_some() && rows[1].before.is_some());
    assert_eq!(cleared.highest_marking(), Marking::Confidential);
    // Auditors see history, but not of accounts, which only administrators view.
    let u = account(
        &*store,
        "omar.b",
        Role::Reader,
        &w.morocco,
        Marking::Restricted,
        &[],
    )
    .await;
    assert!(cleared.audit_of(u.id).await.unwrap().is_empty());
}
