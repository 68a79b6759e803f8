//! Search finds people by their names written in the other script or in another spelling,
//! by the skeletons of `core::search::skeleton` (issue 14, part 7), over names the demo does
//! not hold (the list of `core/tests/search_names.rs`); and a record whose code or title is
//! the whole query comes first.

use super::fixtures::*;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{SearchHit, Store, Visible};

/// A person's name in Arabic, in Latin letters, and other spellings people search by.
const PEOPLE: &[(&str, &str, &[&str])] = &[
    (
        "بوبكر ديارا",
        "Boubacar Diarra",
        &["Aboubacar Diara", "بوبكر", "Diarra"],
    ),
    (
        "عبد القادر واتارا",
        "Abdelkader Ouattara",
        &["Abdel Kader Wattara", "Abd al-Qadir", "Abdoulkader"],
    ),
    (
        "عائشة سيديبي",
        "Aïcha Sidibé",
        &["Aisha Sidibe", "Aicha", "عايشه"],
    ),
    (
        "سومايلا كوناتي",
        "Soumaïla Konaté",
        &["Sumaila Konate", "سمايلا"],
    ),
    (
        "زينب كوياتي",
        "Zineb Kouyaté",
        &["Zaynab Kouyate", "Zeineb"],
    ),
    (
        "حسين العربي",
        "Hocine Larbi",
        &["Hussein El Arbi", "Houssine"],
    ),
    (
        "توفيق بلقاسم",
        "Taoufik Belkacem",
        &["Tawfiq Belgacem", "Toufik"],
    ),
    (
        "نجاة مبارك",
        "Najat Mbarek",
        &["Nadjat M'barek", "Moubarak"],
    ),
    (
        "عبد الرحمن مختار",
        "Abderrahmane Mokhtar",
        &["Abdourahamane Moctar", "Mukhtar"],
    ),
    ("وهيبة لحسن", "Ouahiba Lahcen", &["Wahiba Lahsen"]),
    ("بشرى غزلان", "Bouchra Ghizlane", &["Bochra Ghizlan"]),
    ("باكاري داود", "Bakary Daouda", &["Bakari Dawud"]),
    ("مامادو خليل", "Mamadou Kalilou", &["Khalil", "Mamadou"]),
];

async fn hits(store: &dyn Store, query: &str) -> Vec<SearchHit> {
    store
        .search(query, 50)
        .await
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

async fn finds_id(store: &dyn Store, query: &str, id: Id) -> bool {
    hits(store, query).await.iter().any(|h| h.id == id)
}

/// Each person is recorded twice: once with the Arabic name only, once with the Latin one
/// only; each is found by the other script's spelling and by the variants.
pub async fn names_are_found_across_scripts_and_spellings(store: &dyn Store) {
    let w = world(store).await;
    let mut missed = Vec::new();
    for (arabic, latin, variants) in PEOPLE {
        let mut in_arabic = person(&w.mali, None, "");
        in_arabic.name_ar = arabic.to_string();
        let in_arabic = store.save_person(&actor(), &in_arabic).await.unwrap();
        let in_latin = store
            .save_person(&actor(), &person(&w.mali, None, latin))
            .await
            .unwrap();
        let mut asked = vec![
            (latin.to_string(), in_arabic.id),
            (arabic.to_string(), in_latin.id),
        ];
        for v in *variants {
            asked.push((v.to_string(), in_arabic.id));
            asked.push((v.to_string(), in_latin.id));
        }
        for (query, id) in asked {
            if !finds_id(store, &query, id).await {
                missed.push(format!("{query} → {id} ({arabic} / {latin})"));
            }
        }
    }
    assert!(missed.is_empty(), "not found: {missed:#?}");

    // Different names that share letters find nobody else: Diarra is not Ouattara, Konaté
    // is not Kouyaté, Bakary is not Boubacar.
    for (query, other) in [
        ("Diarra", "واتارا"),
        ("Konaté", "كوياتي"),
        ("Kouyaté", "كوناتي"),
        ("Bakary", "بوبكر"),
        ("Mokhtar", "مبارك"),
        ("Abdelkader", "عبد الرحمن"),
    ] {
        for hit in hits(store, query).await {
            let found = store.person(hit.id).await.unwrap();
            assert!(
                found.is_none_or(|p| !p.name_ar.contains(other)),
                "{query:?} found {other}"
            );
        }
    }
    // Every word must be found: a first name with another's surname finds nobody.
    assert!(hits(store, "Boubacar Ouattara").await.is_empty());
}

/// Items S2.1 and S2.10 to S2.19: asking "S2.1" lists S2.1 first, however the others rank.
pub async fn an_exact_code_ranks_first(store: &dyn Store) {
    let w = world(store).await;
    let mut exact = None;
    for n in [10, 11, 12, 13, 14, 1, 15, 16, 17, 18, 19] {
        let mut item = w.item(&format!("S2.{n}"));
        // Titles that repeat the code's words, so that bm25 prefers the others.
        item.title = text("", &format!("S2 {n} S2 {n} suivi"), "");
        let saved = store.save_item(&actor(), &item).await.unwrap();
        if n == 1 {
            exact = Some(saved.id);
        }
    }
    let exact = exact.unwrap();
    for query in ["S2.1", "s2.1", " S2.1 ", "S2 1"] {
        let found = hits(store, query).await;
        assert_eq!(found.len(), 11, "{query:?}: every S2.1x matches");
        assert_eq!(found[0].id, exact, "{query:?}: {found:?}");
    }
    // The exact match is one hit among the rest, not an extra one.
    assert_eq!(store.search("S2.1", 3).await.unwrap().len(), 3);
    assert_eq!(store.search("S2.1", 1).await.unwrap()[0].id, exact);

    // A title: the plan named exactly so comes before items whose titles hold its words.
    for n in 0..5 {
        let mut item = w.item(&format!("T{n}"));
        item.title = text("", "Formation des cadres formation", "");
        store.save_item(&actor(), &item).await.unwrap();
    }
    let mut plan = w.plan.clone();
    plan.title = text("", "Formation des cadres", "");
    let plan = store.save_plan(&actor(), &plan).await.unwrap();
    assert_eq!(hits(store, "formation des cadres").await[0].id, plan.id);
    // An edited title leaves its old one behind.
    let mut renamed = plan.clone();
    renamed.title = text("", "Plan d'action", "");
    store.save_plan(&actor(), &renamed).await.unwrap();
    assert_ne!(hits(store, "formation des cadres").await[0].id, plan.id);
}

/// An exact title of a record the reader may not see is not listed, first or otherwise.
pub async fn an_exact_title_keeps_hidden_records_hidden(store: Arc<dyn Store>) {
    let w = world(&*store).await;
    let mut secret = w.item("S9.1");
    secret.protection = marked(Marking::Secret);
    let secret = store.save_item(&actor(), &secret).await.unwrap();
    let open = store.save_item(&actor(), &w.item("S9.10")).await.unwrap();
    assert_eq!(store.search("S9.1", 10).await.unwrap()[0].id, secret.id);
    let reader = Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(w.mali.id),
        clearance: Marking::Restricted,
        commissions: vec![],
    };
    let seen: Vec<Id> = Visible::new(store.clone(), reader.clone())
        .search("S9.1", 10)
        .await
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(seen, vec![open.id]);
    let asked: Vec<Id> = store
        .search_for(&reader, "S9.1", 10)
        .await
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(asked, vec![open.id], "the store's own query leaves it out");
}
