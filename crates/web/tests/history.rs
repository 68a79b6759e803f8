//! The history page: who changed a record, when, which fields (old → new), for auditors and
//! administrators only; past versions above the reader's clearance are not shown, and the
//! history of a record the reader may not see does not exist for them.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::{assert_banner, world};
use taawun_core::{Lang, Marking, Role};

#[tokio::test]
async fn auditors_see_changes_field_by_field() {
    let w = world().await;
    let auditor = w
        .login_as("audit.ma", w.morocco, Role::Auditor, Marking::Secret)
        .await;
    let item = w.get(&auditor, &format!("/items/{}", w.item_15)).await.body;
    let href = format!("/history/action_item/{}", w.item_15);
    assert!(item.contains(&href), "the item page links to its history");
    let r = w.get(&auditor, &href).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = &r.body;
    assert!(body.contains("Created") && body.contains("Updated"));
    assert!(body.contains(">system<"), "who: {body}");
    assert!(body.contains("Stage Zircon") && body.contains("Stage Zircon ouvert"));
    assert!(
        body.contains("title (French)"),
        "localized text per language"
    );
    assert!(body.contains("Confidential") && body.contains("Restricted"));
    // It showed a Confidential past version: the banner says so.
    assert_banner(body, "confidential", &href);
    let fr = w.get_in(&auditor, &href, Lang::Fr).await.body;
    assert!(
        fr.contains("Modification") && fr.contains("titre (français)"),
        "{fr}"
    );
}

#[tokio::test]
async fn history_is_for_auditors_and_hides_what_is_above_clearance() {
    let w = world().await;
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Secret)
        .await;
    let href = format!("/history/action_item/{}", w.item_12);
    let page = w.get(&reader, &format!("/items/{}", w.item_12)).await.body;
    assert!(!page.contains("/history/"), "no link for a reader");
    let r = w.get(&reader, &href).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_banner(&r.body, "unclassified", "403");

    let auditor = w
        .login_as("audit.ml", w.mali, Role::Auditor, Marking::Restricted)
        .await;
    // Hidden records: no history, 404 as for nothing at all.
    for (entity, id) in [
        ("action_item", w.item_13),
        ("action_item", w.item_14),
        ("session", w.s2),
        ("agreement", w.secret_mou),
        ("person", w.officer),
    ] {
        let r = w.get(&auditor, &format!("/history/{entity}/{id}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{entity}");
    }
    let r = w
        .get(
            &auditor,
            "/history/nonsense/0195c0de-0000-7000-8000-000000000000",
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The item was Confidential when created: that version is not shown to Restricted.
    let r = w
        .get(&auditor, &format!("/history/action_item/{}", w.item_15))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("not shown at your clearance"));
    assert!(
        !r.body.contains("Stage Zircon<"),
        "old title not shown: {}",
        r.body
    );
    assert_banner(&r.body, "restricted", "history");
    // Session 1's history does not name the Confidential officer added to it.
    let r = w.get(&auditor, &format!("/history/session/{}", w.s1)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("Obsidienne"));
    assert!(!r.body.contains(&w.officer.to_string()));
}
