//! Round trips: every record type reads back exactly as saved, with version 1.

use super::fixtures::*;
use taawun_core::*;
use taawun_store::Store;

/// Saves a new record, checks the returned copy and the stored copy, returns it.
macro_rules! round_trip {
    ($store:expr, $save:ident, $get:ident, $record:expr) => {{
        let input = $record;
        let saved = $store
            .$save(&actor(), &input)
            .await
            .expect(stringify!($save));
        let mut want = input.clone();
        want.version = 1;
        assert_eq!(
            saved,
            want,
            "{} returns the record at version 1",
            stringify!($save)
        );
        let read = $store.$get(input.id).await.unwrap();
        assert_eq!(
            read,
            Some(want),
            "{} reads back what was saved",
            stringify!($get)
        );
        saved
    }};
}

pub async fn round_trip_parties_organisations_ranks_people(store: &dyn Store) {
    let morocco = round_trip!(store, save_party, party, party("MA", "المغرب", "Maroc"));
    let au = Party {
        kind: PartyKind::InternationalOrganisation,
        iso_code: None,
        ..party("AU", "الاتحاد الأفريقي", "Union africaine")
    };
    round_trip!(store, save_party, party, au);
    let ministry = round_trip!(
        store,
        save_organisation,
        organisation,
        organisation(&morocco, "Administration de la Défense nationale")
    );
    let inspectorate = Organisation {
        parent_id: Some(ministry.id),
        acronym: Some("IGFAR".into()),
        name: text(
            "المفتشية العامة للقوات المسلحة الملكية",
            "Inspection générale des Forces armées royales",
            "General Inspectorate of the Royal Armed Forces",
        ),
        ..organisation(&morocco, "")
    };
    let inspectorate = round_trip!(store, save_organisation, organisation, inspectorate);
    let rank = Rank {
        id: new_id(),
        party_id: morocco.id,
        nato_code: "OF-6".into(),
        label: text("عميد", "Général de brigade", "Brigadier General"),
        protection: Default::default(),
        version: 0,
    };
    let rank = round_trip!(store, save_rank, rank, rank);
    let mouhib = Person {
        name_ar: "عبد الغني مهيب".into(),
        aliases: vec!["Abdelghani Mouhib".into(), "Abdelghani Mohib".into()],
        rank_id: Some(rank.id),
        function: text(
            "رئيس الوفد المغربي",
            "chef de la délégation marocaine",
            "head of the Moroccan delegation",
        ),
        ..person(&morocco, Some(&inspectorate), "Abdelghani Mouhib")
    };
    round_trip!(store, save_person, person, mouhib);
}

pub async fn round_trip_agreements_and_clauses(store: &dyn Store) {
    let w = world(store).await;
    let earlier = agreement(&w.morocco, &w.mali, Some(date(2019, 5, 3)));
    let earlier = store.save_agreement(&actor(), &earlier).await.unwrap();
    let full = Agreement {
        kind: AgreementKind::Protocol,
        reference: Some("PR-2025/07".into()),
        summary: text("ملخص", "Résumé", "Summary"),
        status: Lifecycle::InForce,
        signed_place: text("باماكو", "Bamako", "Bamako"),
        commission_id: None,
        signatory_ids: vec![w.mouhib.id, w.samake.id],
        session_id: Some(w.session.id),
        in_force_on: Some(date(2025, 3, 1)),
        duration_months: Some(60),
        notice_months: Some(6),
        renewal_terms: text("", "Renouvellement tacite", ""),
        links: vec![AgreementLink {
            kind: LinkKind::Amends,
            target_id: earlier.id,
        }],
        ..agreement(&w.morocco, &w.mali, Some(date(2025, 2, 19)))
    };
    let full = round_trip!(store, save_agreement, agreement, full);
    let c = Clause {
        heading: text("المبادئ", "Principes", "Principles"),
        area_ids: vec![w.training.id],
        example: false,
        ..clause(&full, 3)
    };
    round_trip!(store, save_clause, clause, c);
}

pub async fn round_trip_commission_and_full_session(store: &dyn Store) {
    let w = world(store).await;
    let c = Commission {
        co_chair_ids: vec![w.mouhib.id, w.samake.id],
        established_on: Some(date(2024, 6, 1)),
        mandate: text(
            "تعزيز التعاون",
            "Renforcer la coopération",
            "Strengthen cooperation",
        ),
        ..commission(&w.morocco, &w.mali, "Commission mixte")
    };
    let c = round_trip!(store, save_commission, commission, c);
    let s = Session {
        agenda: vec![AgendaItem {
            title: text(
                "التكوين العسكري",
                "Formation militaire",
                "Military training",
            ),
            item_ids: vec![],
            conclusions: Default::default(),
            example: false,
        }],
        delegations: vec![
            delegation(&w.morocco, &[(&w.mouhib, DelegationRole::Head)]),
            delegation(&w.mali, &[(&w.samake, DelegationRole::CoChair)]),
        ],
        decisions: vec![Decision {
            id: new_id(),
            number: 1,
            text: text("", "Adopter le plan d'action", ""),
            area_id: Some(w.training.id),
            example: true,
        }],
        statements: vec![Statement {
            person_id: w.samake.id,
            occasion: StatementOccasion::Opening,
            on: date(2025, 2, 17),
            summary: text("", "Mot d'ouverture", ""),
        }],
        side_events: vec![SideEvent {
            kind: SideEventKind::Visit,
            on: Some(date(2025, 2, 18)),
            title: text("زيارة المدرسة العسكرية", "Visite de l'école militaire", ""),
            description: LocalizedText::default(),
            party_id: Some(w.morocco.id),
            organisation_id: Some(w.fama.id),
        }],
        ..session(&c, 1, date(2025, 2, 17), date(2025, 2, 19))
    };
    round_trip!(store, save_session, session, s);
}

pub async fn round_trip_plans_items_progress_activities(store: &dyn Store) {
    let w = world(store).await;
    let p = ActionPlan {
        agreement_id: Some(w.mou.id),
        session_id: Some(w.session.id),
        start_on: Some(date(2025, 3, 1)),
        end_on: Some(date(2026, 12, 31)),
        ..plan(&w.commission)
    };
    let p = round_trip!(store, save_plan, plan, p);
    let i = ActionItem {
        description: text("", "Places de stage à l'école", ""),
        clause_ids: vec![w.clause1.id, w.clause2.id],
        start_on: Some(date(2025, 9, 1)),
        due_on: Some(date(2026, 6, 30)),
        indicator: Some(Indicator {
            name: text("", "Stagiaires formés", "Trainees"),
            unit: text("", "personnes", "people"),
            baseline: 0.0,
            target: 40.5,
            direction: Direction::LowerIsBetter,
        }),
        ..item(&p, "1.1", &w.training, &[&w.far, &w.fama])
    };
    let i = round_trip!(store, save_item, item, i);
    let update = ProgressUpdate {
        narrative: text("", "Première promotion accueillie", ""),
        indicator_actual: Some(12.0),
        ..progress(&i, &w.mali, date(2025, 10, 1), 30)
    };
    let saved = store.save_progress(&actor(), &update).await.unwrap();
    let want = ProgressUpdate {
        version: 1,
        ..update
    };
    assert_eq!(saved, want);
    assert_eq!(store.progress(i.id).await.unwrap(), vec![want]);
    let a = Activity {
        kind: ActivityKind::ExpertExchange,
        end_on: date(2025, 10, 10),
        host_organisation_id: Some(w.far.id),
        place: text("الرباط", "Rabat", "Rabat"),
        participants: vec![
            Participation {
                party_id: w.mali.id,
                count: 12,
            },
            Participation {
                party_id: w.morocco.id,
                count: 3,
            },
        ],
        ..activity(Some(&i), &w.morocco, date(2025, 10, 6))
    };
    round_trip!(store, save_activity, activity, a);
}

/// Morocco and Mali, saved: the two sides a commission needs.
async fn two_parties(store: &dyn Store) -> (Party, Party) {
    let (a, morocco, mali) = (
        actor(),
        party("MA", "المغرب", "Maroc"),
        party("ML", "مالي", "Mali"),
    );
    let morocco = store.save_party(&a, &morocco).await.unwrap();
    let mali = store.save_party(&a, &mali).await.unwrap();
    (morocco, mali)
}

/// Arabic, French and English side by side, with the characters that break naive storage:
/// Arabic diacritics and digits, quotes, a newline, non-Latin punctuation.
pub async fn localized_text_keeps_all_three_languages(store: &dyn Store) {
    let name = LocalizedText {
        ar: Some("اللجنةُ العسكرية المشتركة «المغرب–مالي» ١٤٤٦\nالدورة الأولى".into()),
        fr: Some("Commission militaire mixte « Maroc–Mali » d'l'\"été\"".into()),
        en: Some("Morocco–Mali joint military commission; 1st session".into()),
    };
    let (a, b) = two_parties(store).await;
    let c = Commission {
        name: name.clone(),
        ..commission(&a, &b, "")
    };
    store.save_commission(&actor(), &c).await.unwrap();
    let read = store.commission(c.id).await.unwrap().expect("stored");
    assert_eq!(read.name, name);
    assert_eq!(read.name.show(Lang::Ar), name.ar.as_deref().unwrap());
    assert_eq!(read.name.show(Lang::Fr), name.fr.as_deref().unwrap());
    assert_eq!(read.name.show(Lang::En), name.en.as_deref().unwrap());
}

/// Records read together (`by_ids`, as a page reads its rows' parents) come back whole,
/// each once, whatever their text holds: here a name with the record separator, quotes and
/// a comma in it, which a read joining the documents must not split on.
pub async fn records_read_together_come_back_whole(store: &dyn Store) {
    let (a, b) = two_parties(store).await;
    let mut saved = Vec::new();
    for (n, fr) in [
        "Commission \u{1e}mixte",
        "« A », \"B\"\u{1e}\u{1e}",
        "Plain",
    ]
    .into_iter()
    .enumerate()
    {
        let c = Commission {
            name: LocalizedText {
                ar: Some(format!("اللجنة {n}\u{1e}")),
                fr: Some(fr.to_string()),
                en: None,
            },
            ..commission(&a, &b, "")
        };
        store.save_commission(&actor(), &c).await.unwrap();
        saved.push(store.commission(c.id).await.unwrap().expect("stored"));
    }
    let mut ids: Vec<Id> = saved.iter().map(|c| c.id).collect();
    ids.push(new_id());
    let mut read: Vec<Commission> = store
        .by_ids(RecordKind::Commission, &ids)
        .await
        .unwrap()
        .into_iter()
        .map(|r| match r {
            taawun_store::Stored::Commission(c) => c,
            other => panic!("not a commission: {other:?}"),
        })
        .collect();
    read.sort_by_key(|c| saved.iter().position(|s| s.id == c.id));
    assert_eq!(read, saved);
    assert!(
        store
            .by_ids(RecordKind::Commission, &[])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .by_ids(RecordKind::Commission, &[new_id()])
            .await
            .unwrap()
            .is_empty()
    );
}

/// Records of several kinds read in one go (`by_ids_of_kinds`, as a page reads ahead what
/// it names) come back as their own kind, each once and whole; an id asked as another kind,
/// an unknown id and an empty list give nothing.
pub async fn records_of_several_kinds_read_together(store: &dyn Store) {
    let (a, b) = two_parties(store).await;
    let c = Commission {
        name: LocalizedText {
            ar: Some("اللجنة\u{1e}المشتركة".into()),
            fr: Some("Commission, « mixte »".into()),
            en: None,
        },
        ..commission(&a, &b, "")
    };
    store.save_commission(&actor(), &c).await.unwrap();
    let c = store.commission(c.id).await.unwrap().expect("stored");
    let a = store.party(a.id).await.unwrap().expect("stored");
    let b = store.party(b.id).await.unwrap().expect("stored");
    let wanted = vec![
        (RecordKind::Party, vec![a.id, b.id, new_id()]),
        (RecordKind::Commission, vec![c.id, a.id]),
        (RecordKind::Session, vec![new_id()]),
        (RecordKind::Person, vec![]),
    ];
    let mut parties = Vec::new();
    let mut commissions = Vec::new();
    for r in store.by_ids_of_kinds(&wanted).await.unwrap() {
        match r {
            taawun_store::Stored::Party(p) => parties.push(p),
            taawun_store::Stored::Commission(c) => commissions.push(c),
            other => panic!("not asked for: {other:?}"),
        }
    }
    parties.sort_by_key(|p| if p.id == a.id { 0 } else { 1 });
    assert_eq!(parties, vec![a, b]);
    assert_eq!(commissions, vec![c]);
    assert!(store.by_ids_of_kinds(&[]).await.unwrap().is_empty());
}

pub async fn unknown_ids_read_as_nothing(store: &dyn Store) {
    let _ = world(store).await;
    let id = new_id();
    assert_eq!(store.party(id).await.unwrap(), None);
    assert_eq!(store.organisation(id).await.unwrap(), None);
    assert_eq!(store.person(id).await.unwrap(), None);
    assert_eq!(store.session(id).await.unwrap(), None);
    assert_eq!(store.agreement(id).await.unwrap(), None);
    assert_eq!(store.item(id).await.unwrap(), None);
    assert!(store.clauses(id).await.unwrap().is_empty());
    assert!(store.progress(id).await.unwrap().is_empty());
    assert!(store.audit_of(id).await.unwrap().is_empty());
}

pub async fn empty_until_a_party_is_recorded(store: &dyn Store) {
    assert!(store.is_empty().await.unwrap());
    // An area alone is reference data, not yet a dataset.
    store.save_area(&actor(), &area("training")).await.unwrap();
    assert!(store.is_empty().await.unwrap());
    store
        .save_party(&actor(), &party("MA", "المغرب", "Maroc"))
        .await
        .unwrap();
    assert!(!store.is_empty().await.unwrap());
}
