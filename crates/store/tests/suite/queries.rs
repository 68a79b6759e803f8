//! The lists the screens are built from: their filters and their documented order.

use super::fixtures::*;
use taawun_core::*;
use taawun_store::Store;

fn ids<T>(records: &[T], id: impl Fn(&T) -> Id) -> Vec<Id> {
    records.iter().map(id).collect()
}

pub async fn organisations_and_people_by_name(store: &dyn Store) {
    let w = world(store).await;
    for name in ["Zouhour", "académie royale", "Bureau"] {
        let o = organisation(&w.morocco, name);
        store.save_organisation(&actor(), &o).await.unwrap();
    }
    let names: Vec<String> = store
        .organisations(Some(w.morocco.id))
        .await
        .unwrap()
        .iter()
        .map(|o| o.name.show(Lang::Fr).to_string())
        .collect();
    assert_eq!(
        names,
        [
            "académie royale",
            "Bureau",
            "Inspection générale des FAR",
            "Zouhour"
        ]
    );
    // Without a filter, both parties' bodies, accents folded: État sorts among the e's.
    let all = store.organisations(None).await.unwrap();
    let all: Vec<&str> = all.iter().map(|o| o.name.show(Lang::Fr)).collect();
    assert_eq!(
        all,
        [
            "académie royale",
            "Bureau",
            "État-major général des armées",
            "Inspection générale des FAR",
            "Zouhour"
        ]
    );

    let deputy = person(&w.morocco, Some(&w.far), "Ahmed Bennani");
    let deputy = store.save_person(&actor(), &deputy).await.unwrap();
    let people = store.people(Some(w.far.id)).await.unwrap();
    assert_eq!(
        ids(&people, |p| p.id),
        [w.mouhib.id, deputy.id],
        "Abdelghani < Ahmed"
    );
    assert_eq!(store.people(None).await.unwrap().len(), 3);
}

pub async fn reference_lists_are_ordered(store: &dyn Store) {
    let w = world(store).await;
    for code in ["OF-1", "OF-10", "OR-9", "OF-6"] {
        let r = Rank {
            id: new_id(),
            party_id: w.morocco.id,
            nato_code: code.into(),
            label: text("", code, ""),
            protection: Default::default(),
            version: 0,
        };
        store.save_rank(&actor(), &r).await.unwrap();
    }
    let codes: Vec<String> = store
        .ranks()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.nato_code)
        .collect();
    assert_eq!(
        codes,
        ["OF-10", "OF-6", "OF-1", "OR-9"],
        "most senior first"
    );

    store.save_area(&actor(), &area("expertise")).await.unwrap();
    store
        .save_area(&actor(), &area("counter_terrorism"))
        .await
        .unwrap();
    let areas: Vec<String> = store
        .areas()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(areas, ["counter_terrorism", "expertise", "training"]);

    let parties = store.parties().await.unwrap();
    // Sorted on the first language present, Arabic here: المملكة before جمهورية.
    assert_eq!(ids(&parties, |p| p.id), [w.morocco.id, w.mali.id]);
}

pub async fn agreements_most_recently_signed_first(store: &dyn Store) {
    let w = world(store).await;
    let save = |a: Agreement| async move { store.save_agreement(&actor(), &a).await.unwrap() };
    let old = save(agreement(&w.morocco, &w.mali, Some(date(2019, 5, 3)))).await;
    let draft = save(agreement(&w.morocco, &w.mali, None)).await;
    let recent = save(agreement(&w.morocco, &w.mali, Some(date(2025, 6, 1)))).await;
    let list = store.agreements().await.unwrap();
    assert_eq!(
        ids(&list, |a| a.id),
        [recent.id, w.mou.id, old.id, draft.id],
        "newest signature first, unsigned drafts last"
    );
}

pub async fn agreements_of_a_session(store: &dyn Store) {
    let w = world(store).await;
    let second = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    let second = store.save_session(&actor(), &second).await.unwrap();
    let mut later = agreement(&w.morocco, &w.mali, Some(date(2026, 2, 3)));
    later.session_id = Some(second.id);
    let later = store.save_agreement(&actor(), &later).await.unwrap();
    let unrelated = agreement(&w.morocco, &w.mali, Some(date(2025, 2, 19)));
    store.save_agreement(&actor(), &unrelated).await.unwrap();

    let first = store.agreements_of_session(w.session.id).await.unwrap();
    assert_eq!(ids(&first, |a| a.id), [w.mou.id]);
    let at_second = store.agreements_of_session(second.id).await.unwrap();
    assert_eq!(ids(&at_second, |a| a.id), [later.id]);
}

pub async fn clauses_in_numeric_order(store: &dyn Store) {
    let w = world(store).await;
    for n in [10, 3] {
        store
            .save_clause(&actor(), &clause(&w.mou, n))
            .await
            .unwrap();
    }
    let numbers: Vec<u32> = store
        .clauses(w.mou.id)
        .await
        .unwrap()
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(numbers, [1, 2, 3, 10]);
}

pub async fn sessions_most_recent_first(store: &dyn Store) {
    let w = world(store).await;
    let third = session(&w.commission, 3, date(2027, 1, 5), date(2027, 1, 7));
    let third = store.save_session(&actor(), &third).await.unwrap();
    let second = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    let second = store.save_session(&actor(), &second).await.unwrap();
    let other = commission(&w.morocco, &w.mali, "Commission économique");
    let other = store.save_commission(&actor(), &other).await.unwrap();
    let elsewhere = session(&other, 1, date(2026, 6, 1), date(2026, 6, 2));
    let elsewhere = store.save_session(&actor(), &elsewhere).await.unwrap();

    let mine = store.sessions(Some(w.commission.id)).await.unwrap();
    assert_eq!(ids(&mine, |s| s.id), [third.id, second.id, w.session.id]);
    let all = store.sessions(None).await.unwrap();
    assert_eq!(
        ids(&all, |s| s.id),
        [third.id, elsewhere.id, second.id, w.session.id]
    );
}

pub async fn sessions_of_a_person_follow_the_delegations(store: &dyn Store) {
    let w = world(store).await;
    let mut second = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    second.delegations = vec![delegation(&w.mali, &[(&w.samake, DelegationRole::Head)])];
    store.save_session(&actor(), &second).await.unwrap();
    let mut third = session(&w.commission, 3, date(2027, 1, 5), date(2027, 1, 7));
    third.delegations = vec![delegation(&w.morocco, &[(&w.mouhib, DelegationRole::Head)])];
    let third = store.save_session(&actor(), &third).await.unwrap();

    let of_mouhib = store.sessions_of_person(w.mouhib.id).await.unwrap();
    assert_eq!(ids(&of_mouhib, |s| s.id), [third.id, w.session.id]);
    assert_eq!(
        store.sessions_of_person(w.samake.id).await.unwrap().len(),
        2
    );

    // Replaced in the 3rd session's delegation: he no longer sat in it.
    let deputy = person(&w.morocco, Some(&w.far), "Ahmed Bennani");
    let deputy = store.save_person(&actor(), &deputy).await.unwrap();
    let mut edited = third.clone();
    edited.delegations = vec![delegation(&w.morocco, &[(&deputy, DelegationRole::Head)])];
    store.save_session(&actor(), &edited).await.unwrap();
    let of_mouhib = store.sessions_of_person(w.mouhib.id).await.unwrap();
    assert_eq!(ids(&of_mouhib, |s| s.id), [w.session.id]);
    let of_deputy = store.sessions_of_person(deputy.id).await.unwrap();
    assert_eq!(ids(&of_deputy, |s| s.id), [third.id]);
}

pub async fn plans_by_commission_agreement_or_session(store: &dyn Store) {
    let w = world(store).await;
    let second = session(&w.commission, 2, date(2026, 2, 1), date(2026, 2, 3));
    let second = store.save_session(&actor(), &second).await.unwrap();
    let mut follow_up = plan(&w.commission);
    follow_up.session_id = Some(second.id);
    let follow_up = store.save_plan(&actor(), &follow_up).await.unwrap();
    let other = commission(&w.morocco, &w.mali, "Commission économique");
    let other = store.save_commission(&actor(), &other).await.unwrap();
    let elsewhere = store.save_plan(&actor(), &plan(&other)).await.unwrap();

    let by_mou = store.plans_for(w.mou.id).await.unwrap();
    assert_eq!(ids(&by_mou, |p| p.id), [w.plan.id]);
    let by_first = store.plans_for(w.session.id).await.unwrap();
    assert_eq!(ids(&by_first, |p| p.id), [w.plan.id]);
    let by_second = store.plans_for(second.id).await.unwrap();
    assert_eq!(ids(&by_second, |p| p.id), [follow_up.id]);
    assert!(store.plans_for(w.commission.id).await.unwrap().is_empty());

    let mut mine = ids(&store.plans(Some(w.commission.id)).await.unwrap(), |p| p.id);
    mine.sort();
    let mut want = vec![w.plan.id, follow_up.id];
    want.sort();
    assert_eq!(mine, want);
    let theirs = store.plans(Some(other.id)).await.unwrap();
    assert_eq!(ids(&theirs, |p| p.id), [elsewhere.id]);
    assert_eq!(store.plans(None).await.unwrap().len(), 3);
}

pub async fn items_in_code_order(store: &dyn Store) {
    let w = world(store).await;
    for code in ["1.10", "2.1", "1.2", "1.1"] {
        store.save_item(&actor(), &w.item(code)).await.unwrap();
    }
    let codes: Vec<String> = store
        .items(w.plan.id)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(
        codes,
        ["1.1", "1.2", "1.10", "2.1"],
        "as printed, not as text"
    );
}

pub async fn items_implementing_an_agreement(store: &dyn Store) {
    let w = world(store).await;
    let mut both = w.item("1.1");
    both.clause_ids = vec![w.clause1.id, w.clause2.id];
    let both = store.save_item(&actor(), &both).await.unwrap();
    let mut one = w.item("1.2");
    one.clause_ids = vec![w.clause2.id];
    let one = store.save_item(&actor(), &one).await.unwrap();
    store.save_item(&actor(), &w.item("1.3")).await.unwrap();
    let other = agreement(&w.morocco, &w.mali, None);
    let other = store.save_agreement(&actor(), &other).await.unwrap();
    let foreign = store
        .save_clause(&actor(), &clause(&other, 1))
        .await
        .unwrap();
    let mut elsewhere = w.item("2.1");
    elsewhere.clause_ids = vec![foreign.id];
    let elsewhere = store.save_item(&actor(), &elsewhere).await.unwrap();

    let list = store.items_for_agreement(w.mou.id).await.unwrap();
    assert_eq!(ids(&list, |i| i.id), [both.id, one.id], "each item once");
    let list = store.items_for_agreement(other.id).await.unwrap();
    assert_eq!(ids(&list, |i| i.id), [elsewhere.id]);

    // Unlinked from its clause, the item no longer implements the agreement.
    let mut unlinked = one.clone();
    unlinked.clause_ids.clear();
    store.save_item(&actor(), &unlinked).await.unwrap();
    let list = store.items_for_agreement(w.mou.id).await.unwrap();
    assert_eq!(ids(&list, |i| i.id), [both.id]);
}

pub async fn items_led_by_an_organisation(store: &dyn Store) {
    let w = world(store).await;
    let school = organisation(&w.mali, "École militaire du Mali");
    let school = store.save_organisation(&actor(), &school).await.unwrap();
    let joint = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let second = item(&w.plan, "1.2", &w.training, &[&w.far, &school]);
    let second = store.save_item(&actor(), &second).await.unwrap();

    let led = store.items_led_by(w.far.id).await.unwrap();
    assert_eq!(ids(&led, |i| i.id), [joint.id, second.id]);
    let led = store.items_led_by(w.fama.id).await.unwrap();
    assert_eq!(ids(&led, |i| i.id), [joint.id]);

    // The Malian general staff takes over the second item from the school…
    let mut shared = second.clone();
    shared.leads.retain(|l| l.organisation_id != school.id);
    shared.leads.push(lead(&w.fama));
    store.save_item(&actor(), &shared).await.unwrap();
    let led = store.items_led_by(w.fama.id).await.unwrap();
    assert_eq!(ids(&led, |i| i.id), [joint.id, second.id]);
    // …and hands its first one over to the school.
    let mut handed = store.item(joint.id).await.unwrap().unwrap();
    handed.leads.retain(|l| l.organisation_id != w.fama.id);
    handed.leads.push(lead(&school));
    store.save_item(&actor(), &handed).await.unwrap();
    let led = store.items_led_by(w.fama.id).await.unwrap();
    assert_eq!(ids(&led, |i| i.id), [second.id]);
    let led = store.items_led_by(school.id).await.unwrap();
    assert_eq!(ids(&led, |i| i.id), [joint.id]);
}

pub async fn open_items_soonest_due_first(store: &dyn Store) {
    let w = world(store).await;
    let save = async |code: &str, due: Option<chrono::NaiveDate>, status: ItemStatus| {
        let mut i = w.item(code);
        i.due_on = due;
        let i = store.save_item(&actor(), &i).await.unwrap();
        bring_to(store, &w, &i, status).await
    };
    let december = save("1.1", Some(date(2025, 12, 1)), ItemStatus::Planned).await;
    let june = save("1.2", Some(date(2025, 6, 1)), ItemStatus::InProgress).await;
    save("1.3", Some(date(2025, 3, 1)), ItemStatus::Done).await;
    let undated = save("1.4", None, ItemStatus::OnHold).await;
    save("1.5", Some(date(2025, 1, 1)), ItemStatus::Cancelled).await;
    let september = save("1.6", Some(date(2025, 9, 1)), ItemStatus::Planned).await;

    let open = store.open_items(10).await.unwrap();
    assert_eq!(
        ids(&open, |i| i.id),
        [june.id, september.id, december.id, undated.id],
        "done and cancelled left out, undated last"
    );
    let top = store.open_items(2).await.unwrap();
    assert_eq!(ids(&top, |i| i.id), [june.id, september.id]);
    assert!(store.open_items(0).await.unwrap().is_empty());
}

pub async fn progress_newest_first(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    for (month, percent) in [(4, 10), (6, 40), (5, 25)] {
        let p = progress(&i, &w.mali, date(2025, month, 1), percent);
        store.save_progress(&actor(), &p).await.unwrap();
    }
    let percents: Vec<u8> = store
        .progress(i.id)
        .await
        .unwrap()
        .iter()
        .map(|p| p.percent)
        .collect();
    assert_eq!(percents, [40, 25, 10]);
    let other = store.save_item(&actor(), &w.item("1.2")).await.unwrap();
    assert!(store.progress(other.id).await.unwrap().is_empty());
}

pub async fn activities_by_start_date(store: &dyn Store) {
    let w = world(store).await;
    let i = store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let save = |a: Activity| async move { store.save_activity(&actor(), &a).await.unwrap() };
    let october = save(activity(Some(&i), &w.morocco, date(2025, 10, 6))).await;
    let march = save(activity(Some(&i), &w.mali, date(2025, 3, 2))).await;
    let january = save(activity(None, &w.morocco, date(2025, 1, 20))).await;

    let of_item = store.activities(Some(i.id)).await.unwrap();
    assert_eq!(ids(&of_item, |a| a.id), [march.id, october.id]);
    let all = store.activities(None).await.unwrap();
    assert_eq!(ids(&all, |a| a.id), [january.id, march.id, october.id]);
}
