//! The demo dataset loads through the trait and holds exactly the founding facts:
//! what public reporting states is plain, everything invented is marked `example`.

use taawun_core::followup::{FollowupRules, Risk, assess_facts, figures};
use taawun_core::*;
use taawun_store::{FactsScope, Store, demo};

pub async fn demo_holds_the_founding_facts(store: &dyn Store) {
    demo::load(store).await.expect("demo loads");
    assert!(!store.is_empty().await.unwrap());

    let parties = store.parties().await.unwrap();
    let iso: Vec<_> = parties.iter().filter_map(|p| p.iso_code.clone()).collect();
    assert_eq!(parties.len(), 3);
    for code in ["MA", "ML", "SN"] {
        assert!(iso.contains(&code.into()), "party {code}");
    }
    let mali = parties
        .iter()
        .find(|p| p.iso_code.as_deref() == Some("ML"))
        .unwrap();
    let morocco = parties
        .iter()
        .find(|p| p.iso_code.as_deref() == Some("MA"))
        .unwrap();

    // The founding Morocco–Mali commission, and an invented Morocco–Senegal one that shows
    // an instance serving several partners.
    let mut commissions = store.commissions().await.unwrap();
    assert_eq!(commissions.len(), 2);
    commissions.sort_by_key(|c| !c.party_ids.contains(&mali.id));
    assert_eq!(commissions[0].party_ids, vec![morocco.id, mali.id]);
    let senegal = parties.iter().find(|p| p.iso_code.as_deref() == Some("SN"));
    assert_eq!(
        commissions[1].party_ids,
        vec![morocco.id, senegal.unwrap().id]
    );
    assert!(
        commissions[1]
            .mandate
            .get(Lang::En)
            .is_some_and(|m| m.contains("invented")),
        "the second commission says it is an example"
    );
    for plan in store.plans(Some(commissions[1].id)).await.unwrap() {
        let items = store.items(plan.id).await.unwrap();
        assert!(!items.is_empty() && items.iter().all(|i| i.example));
    }
    let sessions = store.sessions(Some(commissions[0].id)).await.unwrap();
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0];
    assert_eq!(s.ordinal, 1);
    assert_eq!(s.start_on.to_string(), "2025-02-17");
    assert_eq!(s.end_on.to_string(), "2025-02-19");
    assert_eq!(s.place.get(Lang::Fr), Some("Bamako"));
    assert_eq!(s.host_party_id, mali.id);

    let head = |party: Id| {
        let d = s
            .delegations
            .iter()
            .find(|d| d.party_id == party)
            .expect("delegation");
        d.head().expect("head").person_id
    };
    let mouhib = store.person(head(morocco.id)).await.unwrap().unwrap();
    assert_eq!(mouhib.name_ar, "عبد الغني مهيب");
    assert_eq!(mouhib.name_latin, "Abdelghani Mouhib");
    let rank = store.rank(mouhib.rank_id.unwrap()).await.unwrap().unwrap();
    assert_eq!(
        (rank.nato_code.as_str(), rank.label.get(Lang::En)),
        ("OF-6", Some("Brigadier General"))
    );
    let inspectorate = store
        .organisation(mouhib.organisation_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        inspectorate.name.get(Lang::En),
        Some("General Inspectorate of the Royal Armed Forces")
    );

    let cochair = store.person(head(mali.id)).await.unwrap().unwrap();
    assert!(cochair.answers_to("Mahamadou Massaoulé Samaké"));
    assert!(cochair.answers_to("محمد ماسولي ساماكي"));
    assert!(
        cochair.answers_to("Mohamed Massaoule Samake"),
        "transliteration variant"
    );

    // The closing statement by the Secretary General, a Major General.
    let closing: Vec<_> = s
        .statements
        .iter()
        .filter(|st| st.occasion == StatementOccasion::Closing)
        .collect();
    assert!(closing.iter().all(|st| st.on.to_string() == "2025-02-19"));
    let mut sg = None;
    for st in &closing {
        let p = store.person(st.person_id).await.unwrap().unwrap();
        if p.name_ar == "صديق ساماكي" {
            sg = Some(p);
        }
    }
    let sg = sg.expect("Sadiq Samaké speaks at the closing");
    let sg_rank = store.rank(sg.rank_id.unwrap()).await.unwrap().unwrap();
    assert_eq!(sg_rank.nato_code, "OF-7");

    // The visit to Mali's military school, by the Moroccan delegation.
    assert!(
        s.side_events
            .iter()
            .any(|e| e.kind == SideEventKind::Visit && e.party_id == Some(morocco.id))
    );

    // Memorandum of understanding signed at the session, with a plan implementing it.
    let signed = store.agreements_of_session(s.id).await.unwrap();
    assert_eq!(signed.len(), 1);
    let mou = &signed[0];
    assert_eq!(mou.kind, AgreementKind::Mou);
    assert_eq!(mou.status, Lifecycle::Signed);
    let clauses = store.clauses(mou.id).await.unwrap();
    assert!(
        !clauses.is_empty() && clauses.iter().all(|c| c.example),
        "clause texts are examples"
    );

    let areas: Vec<String> = store
        .areas()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    for code in ["training", "expertise", "counter_terrorism", "education"] {
        assert!(areas.contains(&code.to_string()), "area {code}");
    }

    let plans = store.plans_for(mou.id).await.unwrap();
    assert_eq!(plans.len(), 1);
    let items = store.items(plans[0].id).await.unwrap();
    assert!(items.len() >= 4);
    for item in &items {
        assert!(item.example, "item {} must be marked example", item.code);
        let sides: Vec<Id> = item.leads.iter().map(|l| l.party_id).collect();
        assert!(
            sides.contains(&morocco.id) && sides.contains(&mali.id),
            "item {} leads on both sides",
            item.code
        );
        for p in store.progress(item.id).await.unwrap() {
            assert!(p.example);
        }
    }
    assert!(
        store
            .activities(None)
            .await
            .unwrap()
            .iter()
            .all(|a| a.example)
    );

    // Every demo write went through the audited path.
    let audit = store.audit_of(s.id).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].actor.as_str(), audit[0].action.as_str()),
        ("demo", "create")
    );
}

/// On the day the demo is written for, its example follow-up shows every case: done on both
/// sides, overdue, at risk behind schedule, and on track.
pub async fn demo_follow_up_is_alive_on_its_day(store: &dyn Store) {
    demo::load(store).await.expect("demo loads");
    let today = demo::as_of();
    // The Morocco–Mali commission's plan (the second commission's items start in 2027).
    let mali = store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name.get(Lang::En) == Some("Morocco–Mali Joint Military Commission"))
        .unwrap()
        .id;
    let plans = store.plans(Some(mali)).await.unwrap();
    let items = store.items(plans[0].id).await.unwrap();
    let code = |id: Id| items.iter().find(|i| i.id == id).unwrap().code.clone();
    let codes = |ids: &[Id]| ids.iter().map(|i| code(*i)).collect::<Vec<_>>();
    let facts = store
        .item_facts(FactsScope::Commission(mali), None)
        .await
        .unwrap();
    assert_eq!(facts.len(), items.len());
    assert!(facts.iter().all(|f| f.sides.len() == 2), "a side per party");
    let f = figures(&facts, today, &FollowupRules::default());
    let mut done: Vec<String> = facts
        .iter()
        .filter(|x| x.status == ItemStatus::Done)
        .map(|x| code(x.id))
        .collect();
    done.sort();
    assert_eq!(done, ["1.1", "4.2"], "done on both sides");
    assert_eq!(f.done, 2);
    assert_eq!(
        codes(&f.overdue),
        ["3.1", "2.1"],
        "due September 2025, March 2026"
    );
    assert_eq!(codes(&f.at_risk), ["1.2"]);
    let one_two = facts.iter().find(|x| code(x.id) == "1.2").unwrap();
    // Morocco 50 % (March), Mali 30 % (September): 40 % against about 68 % expected.
    assert!(matches!(
        assess_facts(one_two, today, &FollowupRules::default()).at_risk,
        Some(Risk::BehindSchedule { actual: 40, .. })
    ));
    let four_one = facts.iter().find(|x| code(x.id) == "4.1").unwrap();
    let a = assess_facts(four_one, today, &FollowupRules::default());
    assert_eq!(
        (a.joint, a.overdue, a.at_risk),
        (ItemStatus::Planned, false, None)
    );
    // The MoU's real terms are not public: no duration nor notice is invented for it.
    for a in store.agreements().await.unwrap() {
        assert_eq!((a.duration_months, a.notice_months), (None, None));
    }
}
