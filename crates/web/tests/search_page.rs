//! The search page over the demo (issue 14, part 7): an exact code is listed first among
//! codes that share its words, and a person recorded in one script is found by the other
//! script and by other spellings — «سماكي» finds the demo's Samaké as «ساماكي» does.

mod common;

use common::{browser::encode, demo};
use taawun_core::new_id;
use taawun_store::Actor;

/// Where in the page each href of `hrefs` is first linked (`None`: not listed).
fn positions(page: &str, hrefs: &[String]) -> Vec<Option<usize>> {
    hrefs
        .iter()
        .map(|h| page.find(&format!("href=\"{h}\"")))
        .collect()
}

#[tokio::test]
async fn an_exact_code_is_listed_first() {
    let d = demo().await;
    let actor = Actor::new("secretariat.ma");
    let model = d.store.item(d.ids.item).await.unwrap().unwrap();
    let mut hrefs = Vec::new();
    for n in [10, 11, 12, 1, 13, 14, 15, 16, 17, 18] {
        let mut item = model.clone();
        item.id = new_id();
        item.version = 0;
        item.code = format!("S2.{n}");
        item.title = taawun_core::LocalizedText::new("", &format!("Suivi S2 {n} S2 {n}"), "");
        let saved = d.store.save_item(&actor, &item).await.unwrap();
        hrefs.push(format!("/items/{}", saved.id));
    }
    let page = d.get("/search?q=S2.1", &[]).await;
    assert_eq!(page.status, 200);
    let at = positions(&page.body, &hrefs);
    assert!(at.iter().all(Option::is_some), "all ten listed: {at:?}");
    let exact = at[3].unwrap();
    assert!(
        at.iter().flatten().all(|p| *p >= exact),
        "S2.1 first: {at:?}"
    );
}

#[tokio::test]
async fn names_are_found_in_the_other_script_and_spelling() {
    let d = demo().await;
    let people = d.store.people(None).await.unwrap();
    let samake: Vec<String> = people
        .iter()
        .filter(|p| p.name_latin.contains("Samaké"))
        .map(|p| format!("/people/{}", p.id))
        .collect();
    assert_eq!(samake.len(), 2);
    for q in ["سماكي", "ساماكي", "Samake"] {
        let page = d.get(&format!("/search?q={}", encode(q)), &[]).await;
        let at = positions(&page.body, &samake);
        assert!(at.iter().all(Option::is_some), "{q}: {at:?}");
    }

    // A person the demo does not hold, recorded in Arabic only.
    let mut diarra = people[0].clone();
    diarra.id = new_id();
    diarra.version = 0;
    diarra.name_ar = "بوبكر ديارا".into();
    diarra.name_latin = String::new();
    diarra.aliases = vec![];
    let diarra = d
        .store
        .save_person(&Actor::new("secretariat.ma"), &diarra)
        .await
        .unwrap();
    let href = vec![format!("/people/{}", diarra.id)];
    for q in ["Boubacar Diarra", "Aboubacar Diara", "diarra"] {
        let page = d.get(&format!("/search?q={}", encode(q)), &[]).await;
        assert!(positions(&page.body, &href)[0].is_some(), "{q}");
    }
    let page = d
        .get(&format!("/search?q={}", encode("Ouattara")), &[])
        .await;
    assert!(
        positions(&page.body, &href)[0].is_none(),
        "Ouattara is not Diarra"
    );
}
