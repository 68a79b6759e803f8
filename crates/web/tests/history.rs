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

/// Finding 5 (issue 10): a session's agenda pointing at action items hidden from an auditor
/// of the other party. The history shows the visible item by its code and title, and
/// nothing of the hidden ones: no id (a UUIDv7 tells its creation time), no code, no
/// title, and no row for a change that touched hidden items only.
#[tokio::test]
async fn session_history_does_not_show_hidden_agenda_items() {
    use taawun_store::{Actor, Store};
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let auditor = w
        .login_as("audit.ml", w.mali, Role::Auditor, Marking::Restricted)
        .await;
    let href = format!("/history/session/{}", w.s1);
    let rows = |body: &str| body.matches("<article class=\"card\">").count();
    let before = w.get(&auditor, &href).await.body;

    // One save links a visible item and a Confidential one; a second adds only the
    // Morocco-only item, a change the Malian auditor must not see at all.
    let mut session = s.session(w.s1).await.unwrap().unwrap();
    session.agenda[0].item_ids = vec![w.item_12, w.item_13];
    let session = s.save_session(&Actor::system(), &session).await.unwrap();
    let after_first = w.get(&auditor, &href).await.body;
    let mut session = session;
    session.agenda[0].item_ids.push(w.item_14);
    s.save_session(&Actor::system(), &session).await.unwrap();

    let r = w.get(&auditor, &href).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = &r.body;
    for hidden in [w.item_13, w.item_14] {
        let id = hidden.to_string();
        assert!(!body.contains(&id), "hidden item's id shown: {body}");
        // The creation time is the id's first 48 bits: not even part of it.
        assert!(!body.contains(&id[..13]), "hidden item's id prefix shown");
    }
    assert!(!body.contains("Exercice Zircon") && !body.contains("Plan Saphir"));
    assert!(!body.contains("1.3 ") && !body.contains("1.4 "), "{body}");
    // The visible item is named by its code and title, not given as a raw id.
    assert!(body.contains("1.2 "), "visible item named: {body}");
    assert!(!body.contains(&w.item_12.to_string()), "{body}");
    // The hidden-only change has no row: the page is as it was after the first save.
    assert_eq!(rows(body), rows(&after_first), "no row for a hidden change");
    assert!(
        rows(&after_first) > rows(&before),
        "the visible change has its row"
    );

    // A Moroccan auditor cleared Confidential sees every item, and both changes.
    let ma = w
        .login_as("audit.ma", w.morocco, Role::Auditor, Marking::Confidential)
        .await;
    let full = w.get(&ma, &href).await.body;
    assert!(
        full.contains("1.3 Exercice") || full.contains("1.3 "),
        "{full}"
    );
    assert!(
        rows(&full) > rows(body),
        "the Moroccan auditor sees the second change"
    );
}
