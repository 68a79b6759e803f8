//! The core rules applied by the store, with the context it loads: each refused write
//! names the field at fault and leaves nothing behind.

use super::fixtures::*;
use taawun_core::{rules::Rule, *};
use taawun_store::Store;

pub async fn session_ending_before_it_starts_is_refused(store: &dyn Store) {
    let w = world(store).await;
    let s = session(&w.commission, 2, date(2026, 3, 10), date(2026, 3, 8));
    let e = rule_errors(store.save_session(&actor(), &s).await);
    assert!(has(&e, "end_on", &Rule::EndBeforeStart), "{e:?}");
    assert_eq!(store.session(s.id).await.unwrap(), None);
    assert!(store.audit_of(s.id).await.unwrap().is_empty());
    assert_eq!(
        store.sessions(Some(w.commission.id)).await.unwrap().len(),
        1
    );
}

pub async fn delegation_member_of_the_other_party_is_refused(store: &dyn Store) {
    let w = world(store).await;
    // The Malian co-chair listed in the Moroccan delegation.
    let mut s = w.session.clone();
    s.delegations[0] = delegation(
        &w.morocco,
        &[
            (&w.mouhib, DelegationRole::Head),
            (&w.samake, DelegationRole::Member),
        ],
    );
    let e = rule_errors(store.save_session(&actor(), &s).await);
    assert!(
        has(
            &e,
            "delegations.0.members.1.person_id",
            &Rule::MemberOfOtherParty
        ),
        "{e:?}"
    );
    assert_eq!(store.session(s.id).await.unwrap(), Some(w.session.clone()));
    assert_eq!(store.audit_of(s.id).await.unwrap().len(), 1);
}

pub async fn ordinal_is_unique_within_a_commission_only(store: &dyn Store) {
    let w = world(store).await;
    let again = session(&w.commission, 1, date(2026, 2, 1), date(2026, 2, 3));
    let e = rule_errors(store.save_session(&actor(), &again).await);
    assert!(has(&e, "ordinal", &Rule::OrdinalTaken), "{e:?}");
    assert_eq!(store.session(again.id).await.unwrap(), None);

    // Another commission of the same parties has its own 1st session.
    let other = commission(&w.morocco, &w.mali, "Commission mixte de coopération");
    let other = store.save_commission(&actor(), &other).await.unwrap();
    let first = session(&other, 1, date(2026, 2, 1), date(2026, 2, 3));
    store.save_session(&actor(), &first).await.unwrap();

    // A session keeps its own number when it is edited.
    let mut s = w.session.clone();
    s.end_on = date(2025, 2, 20);
    assert_eq!(store.save_session(&actor(), &s).await.unwrap().version, 2);

    let zero = session(&other, 0, date(2026, 5, 1), date(2026, 5, 1));
    let e = rule_errors(store.save_session(&actor(), &zero).await);
    assert!(has(&e, "ordinal", &Rule::NotPositive), "{e:?}");
}

pub async fn lead_body_of_a_party_outside_the_plan_is_refused(store: &dyn Store) {
    let w = world(store).await;
    let senegal = store
        .save_party(&actor(), &party("SN", "السنغال", "Sénégal"))
        .await
        .unwrap();
    let dakar = store
        .save_organisation(&actor(), &organisation(&senegal, "État-major de Dakar"))
        .await
        .unwrap();
    let i = item(&w.plan, "1.1", &w.training, &[&w.far, &dakar]);
    let e = rule_errors(store.save_item(&actor(), &i).await);
    assert!(
        has(&e, "leads.1.organisation_id", &Rule::LeadNotOfPlanParty),
        "{e:?}"
    );
    assert!(!has(
        &e,
        "leads.0.organisation_id",
        &Rule::LeadNotOfPlanParty
    ));
    assert_eq!(store.item(i.id).await.unwrap(), None);
    assert!(store.items_led_by(dakar.id).await.unwrap().is_empty());
    assert!(store.audit_of(i.id).await.unwrap().is_empty());
}

pub async fn progress_above_a_hundred_percent_is_refused(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let full = progress(&i, &w.mali, date(2025, 6, 1), 100);
    store.save_progress(&actor(), &full).await.unwrap();
    let over = progress(&i, &w.mali, date(2025, 7, 1), 101);
    let e = rule_errors(store.save_progress(&actor(), &over).await);
    assert!(has(&e, "percent", &Rule::PercentOutOfRange), "{e:?}");
    assert_eq!(store.progress(i.id).await.unwrap().len(), 1);
    assert!(store.audit_of(over.id).await.unwrap().is_empty());
}

pub async fn progress_from_a_party_that_does_not_lead_is_refused(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    // A party outside the plan's commission leads nothing in it.
    let senegal = store
        .save_party(
            &actor(),
            &party("SN", "جمهورية السنغال", "République du Sénégal"),
        )
        .await
        .unwrap();
    let p = progress(&i, &senegal, date(2025, 6, 1), 20);
    let e = rule_errors(store.save_progress(&actor(), &p).await);
    assert!(has(&e, "party_id", &Rule::NotALeadParty), "{e:?}");
    assert!(store.progress(i.id).await.unwrap().is_empty());
}

pub async fn agreement_lifecycle_moves_only_forward(store: &dyn Store) {
    let w = world(store).await;
    let draft = agreement(&w.morocco, &w.mali, None);
    let draft = store.save_agreement(&actor(), &draft).await.unwrap();
    // Straight from draft to in force skips the signature.
    let mut jump = draft.clone();
    jump.status = Lifecycle::InForce;
    jump.signed_on = Some(date(2025, 2, 19));
    jump.in_force_on = Some(date(2025, 3, 1));
    let e = rule_errors(store.save_agreement(&actor(), &jump).await);
    let want = Rule::LifecycleTransition {
        from: Lifecycle::Draft,
        to: Lifecycle::InForce,
    };
    assert!(has(&e, "status", &want), "{e:?}");
    assert_eq!(
        store.agreement(draft.id).await.unwrap(),
        Some(draft.clone())
    );
    assert_eq!(store.audit_of(draft.id).await.unwrap().len(), 1);

    let mut signed = draft.clone();
    signed.status = Lifecycle::Signed;
    signed.signed_on = Some(date(2025, 2, 19));
    let signed = store.save_agreement(&actor(), &signed).await.unwrap();
    assert_eq!(signed.status, Lifecycle::Signed);
    let mut back = signed.clone();
    back.status = Lifecycle::Draft;
    let e = rule_errors(store.save_agreement(&actor(), &back).await);
    assert!(
        has(
            &e,
            "status",
            &Rule::LifecycleTransition {
                from: Lifecycle::Signed,
                to: Lifecycle::Draft
            }
        ),
        "{e:?}"
    );
}

pub async fn cancelled_item_stays_cancelled(store: &dyn Store) {
    let w = world(store).await;
    let mut i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    i.status = ItemStatus::Cancelled;
    i.cancel_reason = text("", "Remplacée par l'action 2.1", "");
    let i = store.save_item(&actor(), &i).await.unwrap();
    let mut revived = i.clone();
    (revived.status, revived.cancel_reason) = (ItemStatus::InProgress, Default::default());
    let e = rule_errors(store.save_item(&actor(), &revived).await);
    // Anything but cancelled stands for "as the sides say": planned, nobody has reported.
    let want = Rule::StatusTransition {
        from: ItemStatus::Cancelled,
        to: ItemStatus::Planned,
    };
    assert!(has(&e, "status", &want), "{e:?}");
    let stored = store.item(i.id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.version), (ItemStatus::Cancelled, 2));
}

pub async fn clause_numbers_are_unique_within_an_agreement(store: &dyn Store) {
    let w = world(store).await;
    let twin = clause(&w.mou, 2);
    let e = rule_errors(store.save_clause(&actor(), &twin).await);
    assert!(has(&e, "number", &Rule::Duplicate), "{e:?}");
    assert_eq!(store.clause(twin.id).await.unwrap(), None);
    // Number 2 of another agreement is fine.
    let other = agreement(&w.morocco, &w.mali, None);
    let other = store.save_agreement(&actor(), &other).await.unwrap();
    store
        .save_clause(&actor(), &clause(&other, 2))
        .await
        .unwrap();
    // A clause keeps its own number when edited.
    let mut c = w.clause2.clone();
    c.heading = text("", "Échanges", "");
    assert_eq!(store.save_clause(&actor(), &c).await.unwrap().version, 2);
}

pub async fn references_across_parties_are_refused(store: &dyn Store) {
    let w = world(store).await;
    // A Moroccan body placed under a Malian one.
    let mut o = organisation(&w.morocco, "Bureau de liaison");
    o.parent_id = Some(w.fama.id);
    let e = rule_errors(store.save_organisation(&actor(), &o).await);
    assert!(
        has(&e, "parent_id", &Rule::OrganisationOfOtherParty),
        "{e:?}"
    );
    assert_eq!(store.organisation(o.id).await.unwrap(), None);

    // A Moroccan officer filed in a Malian organisation.
    let p = person(&w.morocco, Some(&w.fama), "Officier de liaison");
    let e = rule_errors(store.save_person(&actor(), &p).await);
    assert!(
        has(&e, "organisation_id", &Rule::OrganisationOfOtherParty),
        "{e:?}"
    );
    assert_eq!(store.person(p.id).await.unwrap(), None);

    // A co-chair from a party outside the commission.
    let senegal = store
        .save_party(&actor(), &party("SN", "السنغال", "Sénégal"))
        .await
        .unwrap();
    let outsider = store
        .save_person(&actor(), &person(&senegal, None, "Observateur"))
        .await
        .unwrap();
    let mut c = w.commission.clone();
    c.co_chair_ids = vec![w.mouhib.id, outsider.id];
    let e = rule_errors(store.save_commission(&actor(), &c).await);
    assert!(
        has(&e, "co_chair_ids.1", &Rule::PartyNotInCommission),
        "{e:?}"
    );
    assert_eq!(
        store.commission(c.id).await.unwrap(),
        Some(w.commission.clone())
    );
}
