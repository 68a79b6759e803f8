//! Follow-up through the trait: the joint status is derived on every save from both sides'
//! reports, cancelling needs a reason, and the item facts dashboards read follow items,
//! reports and plans in every scope.

use super::fixtures::*;
use taawun_core::followup::SideState;
use taawun_core::rules::Rule;
use taawun_core::*;
use taawun_store::{FactsScope, Store};

/// A report by `party` on `on` with its side's status.
fn report(
    item: &ActionItem,
    party: &Party,
    on: chrono::NaiveDate,
    status: ItemStatus,
    percent: u8,
) -> ProgressUpdate {
    ProgressUpdate {
        status,
        ..progress(item, party, on, percent)
    }
}

async fn status_of(store: &dyn Store, id: Id) -> (ItemStatus, i64) {
    let i = store.item(id).await.unwrap().unwrap();
    (i.status, i.version)
}

pub async fn joint_status_follows_both_sides(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    assert_eq!(status_of(store, i.id).await, (ItemStatus::Planned, 1));

    use ItemStatus::*;
    // (who, when, their status, percent) → joint status and item version afterwards.
    let steps = [
        (&w.mali, date(2025, 4, 1), InProgress, 30, InProgress, 2),
        // Morocco finishes its part; Mali is still at work: in progress, unchanged.
        (&w.morocco, date(2025, 5, 1), Done, 100, InProgress, 2),
        // Mali pauses: nobody works and a side is blocked.
        (&w.mali, date(2025, 5, 10), OnHold, 30, OnHold, 3),
        // An older Malian report arriving late does not override the newer one.
        (&w.mali, date(2025, 4, 20), InProgress, 35, OnHold, 3),
        (&w.mali, date(2025, 6, 1), Done, 100, Done, 4),
        // Work found incomplete: done is reopened by a newer report.
        (&w.morocco, date(2025, 6, 15), InProgress, 90, InProgress, 5),
    ];
    for (n, (party, on, status, percent, joint, version)) in steps.into_iter().enumerate() {
        store
            .save_progress(&actor(), &report(&i, party, on, status, percent))
            .await
            .unwrap();
        assert_eq!(
            status_of(store, i.id).await,
            (joint, version),
            "step {}",
            n + 1
        );
    }
    let facts = store.item_facts(FactsScope::All, None).await.unwrap();
    let want = vec![
        SideState {
            party_id: w.morocco.id,
            organisation_id: w.far.id,
            status: InProgress,
            percent: 90,
            last_report: Some(date(2025, 6, 15)),
        },
        SideState {
            party_id: w.mali.id,
            organisation_id: w.fama.id,
            status: Done,
            percent: 100,
            last_report: Some(date(2025, 6, 1)),
        },
    ];
    assert_eq!(facts.len(), 1);
    assert_eq!((facts[0].status, facts[0].percent), (InProgress, 95));
    assert_eq!(facts[0].sides, want);
    // Each derived change is an audited update of the item, by whoever reported.
    let audit = store.audit_of(i.id).await.unwrap();
    assert_eq!(audit.len(), 5);
    assert!(
        audit[1..]
            .iter()
            .all(|r| r.action == "update" && r.actor == actor().name)
    );

    // Whatever status a form sends, the sides decide (only cancelling is typed).
    let mut typed = store.item(i.id).await.unwrap().unwrap();
    typed.status = Done;
    let saved = store.save_item(&actor(), &typed).await.unwrap();
    assert_eq!(saved.status, InProgress);
}

pub async fn reports_marked_above_their_item_do_not_move_it(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let mut secret = report(&i, &w.mali, date(2025, 4, 1), ItemStatus::Done, 100);
    secret.protection = marked(Marking::Secret);
    store.save_progress(&actor(), &secret).await.unwrap();
    assert_eq!(status_of(store, i.id).await, (ItemStatus::Planned, 1));
    // Marked as high as the report, the item counts it.
    let mut item = store.item(i.id).await.unwrap().unwrap();
    item.protection = marked(Marking::Secret);
    let item = store.save_item(&actor(), &item).await.unwrap();
    assert_eq!(
        item.status,
        ItemStatus::InProgress,
        "Mali done, Morocco not started"
    );
    let facts = store.item_facts(FactsScope::All, None).await.unwrap();
    assert_eq!(facts[0].protection.marking, Marking::Secret);
    assert_eq!(facts[0].percent, 50);
}

pub async fn cancelling_needs_a_reason_and_is_final(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let mut c = i.clone();
    c.status = ItemStatus::Cancelled;
    let e = rule_errors(store.save_item(&actor(), &c).await);
    assert!(has(&e, "cancel_reason", &Rule::Required), "{e:?}");
    let mut reasoned = i.clone();
    reasoned.cancel_reason = text("", "Reportée", "");
    let e = rule_errors(store.save_item(&actor(), &reasoned).await);
    assert!(has(&e, "cancel_reason", &Rule::OnlyWhenCancelled), "{e:?}");
    assert_eq!(status_of(store, i.id).await, (ItemStatus::Planned, 1));

    c.cancel_reason = text("ألغي", "Remplacée par l'action 2.1", "");
    let c = store.save_item(&actor(), &c).await.unwrap();
    assert_eq!((c.status, c.version), (ItemStatus::Cancelled, 2));
    // A side's report after the cancellation is kept but does not revive the item.
    let late = report(&i, &w.mali, date(2025, 7, 1), ItemStatus::InProgress, 50);
    store.save_progress(&actor(), &late).await.unwrap();
    assert_eq!(status_of(store, i.id).await, (ItemStatus::Cancelled, 2));
    let f = store.item_facts(FactsScope::All, None).await.unwrap();
    assert_eq!((f[0].status, f[0].percent), (ItemStatus::Cancelled, 25));
    // A side cannot cancel: that is the secretariat's decision.
    let j = store.save_item(&actor(), &w.item("1.2")).await.unwrap();
    let cancel = report(&j, &w.mali, date(2025, 7, 1), ItemStatus::Cancelled, 0);
    let e = rule_errors(store.save_progress(&actor(), &cancel).await);
    assert!(has(&e, "status", &Rule::CancelledBySecretariat), "{e:?}");
    assert!(store.progress(j.id).await.unwrap().is_empty());
}

pub async fn item_facts_per_scope(store: &dyn Store) {
    let w = world(store).await;
    let a = actor();
    let senegal = store
        .save_party(&a, &party("SN", "السنغال", "Sénégal"))
        .await
        .unwrap();
    let dakar = store
        .save_organisation(&a, &organisation(&senegal, "État-major sénégalais"))
        .await
        .unwrap();
    let other = store
        .save_commission(
            &a,
            &commission(&w.morocco, &senegal, "Commission Maroc–Sénégal"),
        )
        .await
        .unwrap();
    let other_plan = store.save_plan(&a, &plan(&other)).await.unwrap();
    let mine = store.save_item(&a, &w.item("1.1")).await.unwrap();
    let theirs = item(&other_plan, "1.1", &w.training, &[&w.far, &dakar]);
    let theirs = store.save_item(&a, &theirs).await.unwrap();

    let ids = async |scope| -> Vec<Id> {
        let facts = store.item_facts(scope, None).await.unwrap();
        facts.iter().map(|f| f.id).collect()
    };
    let mut both = vec![mine.id, theirs.id];
    both.sort();
    assert_eq!(ids(FactsScope::All).await, both, "id order");
    assert_eq!(
        ids(FactsScope::Commission(w.commission.id)).await,
        vec![mine.id]
    );
    assert_eq!(ids(FactsScope::Commission(other.id)).await, vec![theirs.id]);
    assert_eq!(ids(FactsScope::Agreement(w.mou.id)).await, vec![mine.id]);
    assert_eq!(ids(FactsScope::Party(w.morocco.id)).await, both);
    assert_eq!(ids(FactsScope::Party(senegal.id)).await, vec![theirs.id]);
    assert_eq!(ids(FactsScope::Party(w.mali.id)).await, vec![mine.id]);
    assert!(ids(FactsScope::Commission(new_id())).await.is_empty());

    // The other plan comes to implement the MoU: its items follow.
    let mut moved = other_plan.clone();
    moved.agreement_id = Some(w.mou.id);
    store.save_plan(&a, &moved).await.unwrap();
    assert_eq!(ids(FactsScope::Agreement(w.mou.id)).await, both);
    let f = store
        .item_facts(FactsScope::Commission(other.id), None)
        .await
        .unwrap();
    assert_eq!(
        (
            f[0].plan_id,
            f[0].commission_id,
            f[0].agreement_id,
            f[0].area_id
        ),
        (other_plan.id, other.id, Some(w.mou.id), w.training.id)
    );
    assert_eq!((f[0].start_on, f[0].due_on), (None, None));
}

pub async fn open_items_of_a_commission_and_recent_progress(store: &dyn Store) {
    let w = world(store).await;
    let save = async |code: &str, due: Option<chrono::NaiveDate>, status: ItemStatus| {
        let mut i = w.item(code);
        i.due_on = due;
        let i = store.save_item(&actor(), &i).await.unwrap();
        bring_to(store, &w, &i, status).await
    };
    let late = save("1.1", Some(date(2025, 3, 1)), ItemStatus::InProgress).await;
    save("1.2", Some(date(2025, 2, 1)), ItemStatus::Done).await;
    save("1.3", Some(date(2025, 1, 1)), ItemStatus::Cancelled).await;
    let undated = save("1.4", None, ItemStatus::OnHold).await;
    let soon = save("1.5", Some(date(2025, 4, 1)), ItemStatus::Planned).await;
    let open = store
        .open_items_of_commission(w.commission.id)
        .await
        .unwrap();
    let got: Vec<Id> = open.iter().map(|i| i.id).collect();
    assert_eq!(got, vec![late.id, soon.id, undated.id]);
    assert!(
        store
            .open_items_of_commission(new_id())
            .await
            .unwrap()
            .is_empty()
    );

    // `bring_to` reports on 1 May 2025.
    let p = report(&soon, &w.mali, date(2025, 6, 2), ItemStatus::InProgress, 5);
    store.save_progress(&actor(), &p).await.unwrap();
    let since = store.progress_since(date(2025, 6, 1)).await.unwrap();
    assert_eq!(since.iter().map(|p| p.id).collect::<Vec<_>>(), vec![p.id]);
    assert_eq!(
        store.progress_since(date(2025, 5, 1)).await.unwrap().len(),
        5
    );
}

pub async fn agenda_points_carry_items_that_exist(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let mut s = session(&w.commission, 2, date(2026, 3, 10), date(2026, 3, 12));
    s.agenda = vec![AgendaItem {
        title: text("", "Suivi du plan d'action", ""),
        item_ids: vec![i.id, new_id()],
        conclusions: Default::default(),
        example: false,
    }];
    let e = rule_errors(store.save_session(&actor(), &s).await);
    assert!(has(&e, "agenda.0.item_ids.1", &Rule::Unknown), "{e:?}");
    s.agenda[0].item_ids.pop();
    let saved = store.save_session(&actor(), &s).await.unwrap();
    assert_eq!(saved.agenda[0].item_ids, vec![i.id]);
}

pub async fn only_the_secretariat_cancels(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let editor = account(
        store,
        "ed.ml",
        Role::PartyEditor,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    let commissions = [w.commission.id];
    let sec = account(
        store,
        "sec.ma",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &commissions,
    )
    .await;
    let mut c = i.clone();
    c.status = ItemStatus::Cancelled;
    c.cancel_reason = text("", "Sans objet", "");
    // Mali leads a side and may edit the item, but not end it for both.
    refused(
        store
            .save_item(&taawun_store::Actor::user(&editor), &c)
            .await,
        "Forbidden",
    );
    assert_eq!(status_of(store, i.id).await, (ItemStatus::Planned, 1));
    let saved = store
        .save_item(&taawun_store::Actor::user(&sec), &c)
        .await
        .unwrap();
    assert_eq!(saved.status, ItemStatus::Cancelled);
    // Editing a cancelled item (its description) is no new cancellation.
    let mut edited = saved.clone();
    edited.description = text("", "Voir l'action 2.1", "");
    store
        .save_item(&taawun_store::Actor::user(&sec), &edited)
        .await
        .unwrap();
}
