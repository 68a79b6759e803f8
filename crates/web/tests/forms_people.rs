//! The person and organisation forms through the real router: create, edit, validation in
//! place, forged choices, and the rows of other spellings extended without JavaScript.

mod common;
mod forms_support;

use forms_support::{error_at, value_of, world};
use taawun_core::Role;

#[tokio::test]
async fn secretariat_creates_and_edits_a_person() {
    let w = world().await;
    let (mut b, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let page = b.get("/people/new").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("name=\"function.ar\" lang=\"ar\" dir=\"rtl\"")
    );
    let party = w.morocco.to_string();
    let r = b
        .post(
            "/people/new",
            &[
                ("version", "0"),
                ("party_id", &party),
                ("name_ar", "سعيد"),
                ("name_latin", "Said"),
                ("aliases.0", "Saïd"),
                ("aliases.1", ""),
                ("_rows.aliases", "2"),
                ("function.fr", "Chef de bureau"),
                ("protection.marking", "unclassified"),
                ("protection.releasability", "all_parties"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let to = common::browser::location(&r).to_string();
    let id: taawun_core::Id = to.trim_start_matches("/people/").parse().unwrap();
    let p = w.d.store.person(id).await.unwrap().unwrap();
    assert_eq!(p.aliases, vec!["Saïd".to_string()]);
    assert_eq!(p.protection.originator, Some(w.morocco));
    let edit = b.get(&format!("/people/{id}/edit")).await;
    assert_eq!(edit.status, 200, "{}", edit.body);
    assert_eq!(value_of(&edit.body, "name_latin").as_deref(), Some("Said"));
}

#[tokio::test]
async fn bad_values_are_field_errors_and_nothing_is_written() {
    let w = world().await;
    let (mut b, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    b.get("/people/new").await;
    let before = w.d.store.people(None).await.unwrap().len();
    let r = b
        .post(
            "/people/new",
            &[
                ("version", "0"),
                ("party_id", "00000000-0000-0000-0000-000000000000"),
                ("name_latin", "Kept value"),
                ("rank_id", "not-an-id"),
                ("protection.marking", "unclassified"),
                ("protection.releasability", "all_parties"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(error_at(&r.body, "party_id").is_some(), "{}", r.body);
    assert!(error_at(&r.body, "rank_id").is_some());
    assert_eq!(
        value_of(&r.body, "name_latin").as_deref(),
        Some("Kept value")
    );
    assert_eq!(w.d.store.people(None).await.unwrap().len(), before);
}
