//! Search over the demo: Arabic spelling variants and French without accents find the
//! records; every save keeps the index current; no input is a syntax error.

use super::fixtures::*;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{SearchHit, Store, Visible, demo};

/// The entity and id of every hit, for readable failures.
async fn found(store: &dyn Store, query: &str) -> Vec<SearchHit> {
    store
        .search(query, 20)
        .await
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

async fn finds(store: &dyn Store, query: &str, entity: &str, id: Id) {
    let hits = found(store, query).await;
    assert!(
        hits.iter().any(|h| h.entity.key() == entity && h.id == id),
        "{query:?} should find {entity} {id}: {hits:?}"
    );
}

pub async fn search_finds_demo_records_by_their_variants(store: &dyn Store) {
    demo::load(store).await.unwrap();
    let morocco = store
        .parties()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.iso_code.as_deref() == Some("MA"))
        .unwrap();
    let people = store.people(None).await.unwrap();
    let samake = people
        .iter()
        .find(|p| p.name_latin.contains("Massaoul"))
        .unwrap();
    let mouhib = people
        .iter()
        .find(|p| p.name_latin == "Abdelghani Mouhib")
        .unwrap();
    let staff = store
        .organisations(None)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.acronym.as_deref() == Some("EMGA"))
        .unwrap();

    for q in [
        "المملكة المغربية",
        "مملكه مغربيه",
        "المملكه",
        "مغرب",
        "royaume maroc",
        "Kingdom",
    ] {
        finds(store, q, "party", morocco.id).await;
    }
    for q in [
        "Massaoulé",
        "massaoule",
        "MASSAOULE SAMAKE",
        "ماسولي",
        "محمد ماسولي",
        "مُحَمَّد",
        "Mohamed Massaoule",
    ] {
        finds(store, q, "person", samake.id).await;
    }
    // Long vowels written or not (issue 14: «سماكي» found nobody, «ساماكي» two people).
    let sadiq = people
        .iter()
        .find(|p| p.name_latin == "Sadiq Samaké")
        .unwrap();
    for q in ["سماكي", "ساماكي", "Samake", "Samaké", "محمد سماكي"] {
        finds(store, q, "person", samake.id).await;
    }
    for q in ["سماكي", "صديق سماكي", "Sadik Samake"] {
        finds(store, q, "person", sadiq.id).await;
    }
    finds(store, "عبد الغني مهيب", "person", mouhib.id).await;
    finds(store, "abdel ghani", "person", mouhib.id).await;
    for q in [
        "etat major general",
        "État-major",
        "هيئة الأركان",
        "الاركان العامه",
        "EMGA",
    ] {
        finds(store, q, "organisation", staff.id).await;
    }
    // Every word must match: a name with another's surname finds nobody.
    assert!(found(store, "massaoule mouhib").await.is_empty());
    assert!(found(store, "zzzz").await.is_empty());
}

pub async fn search_input_is_never_a_syntax_error(store: &dyn Store) {
    demo::load(store).await.unwrap();
    for q in [
        "\"",
        "\"\"",
        "*",
        "(",
        ")",
        "NEAR(a b)",
        "a OR",
        "AND",
        "NOT x",
        "-mali",
        "^mali",
        "col:mali",
        "{a b}",
        "mali\"*",
        "'",
        "''",
        "",
        "   ",
        "؟،؛",
        "\u{0}",
        "a+b",
    ] {
        store
            .search(q, 5)
            .await
            .unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
    // Punctuation around a word still finds it.
    assert!(!found(store, "\"mali\"*)").await.is_empty());
}

pub async fn search_follows_each_save_and_its_limit(store: &dyn Store) {
    let w = world(store).await;
    finds(store, "inspection", "organisation", w.far.id).await;
    let mut far = w.far.clone();
    far.name = text("المفتشية العامة", "Direction des écoles", "");
    store.save_organisation(&actor(), &far).await.unwrap();
    assert!(
        found(store, "inspection").await.is_empty(),
        "the old text is gone"
    );
    finds(store, "ecoles", "organisation", far.id).await;
    finds(store, "مفتشيه", "organisation", far.id).await;
    assert_eq!(found(store, "ecoles").await.len(), 1, "one row per record");

    for code in ["2.1", "2.2", "2.3"] {
        let mut i = w.item(code);
        i.title = text("", "Formation commune", "");
        store.save_item(&actor(), &i).await.unwrap();
    }
    assert_eq!(found(store, "formation commune").await.len(), 3);
    assert_eq!(store.search("formation", 2).await.unwrap().len(), 2);
    // A refused save leaves the index as it was.
    let mut bad = w.item("2.1");
    bad.title = text("", "Intitulé refusé", "");
    assert!(store.save_item(&actor(), &bad).await.is_err());
    assert!(found(store, "refuse").await.is_empty());
}

/// A word in more records than the store ranks (`RANKED`): hits come newest first, a reader
/// gets as many as asked of those they may see, and none they may not.
pub async fn a_common_word_lists_the_newest_matches_first(store: Arc<dyn Store>) {
    let w = world(&*store).await;
    let mut made = Vec::new();
    for n in 0..1_050 {
        let mut o = organisation(&w.mali, &format!("Coopération {n}"));
        if n % 2 == 1 {
            o.protection = marked(Marking::Secret);
        }
        made.push(store.save_organisation(&actor(), &o).await.unwrap().id);
    }
    let newest: Vec<Id> = made.iter().rev().take(20).copied().collect();
    let hits = store.search("cooperation", 20).await.unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), newest);
    let reader = Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(w.mali.id),
        clearance: Marking::Restricted,
        commissions: vec![],
    };
    let v = Visible::new(store.clone(), reader);
    let seen: Vec<Id> = v
        .search("cooperation", 20)
        .await
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    // The odd ones are secret, the last made (1,049) among them: the reader's newest is
    // 1,048, then every other one.
    let unclassified: Vec<Id> = made.iter().rev().skip(1).step_by(2).copied().collect();
    assert_eq!(seen, unclassified[..20].to_vec());
}
