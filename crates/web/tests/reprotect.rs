//! Who may change a record's protection, through the real router (issue 10, finding 3): a
//! Malian party editor who may edit a Moroccan Confidential item (Mali leads a side of it)
//! cannot declassify it — 403 in their language, nothing saved, no audit row, and a Malian
//! reader cleared Unclassified still cannot open it — while an edit that keeps the protection
//! is saved as before; the Moroccan secretariat may declassify it, the Malian one may not.

mod common;
mod forms_support;
mod protection_support;

use common::browser::Browser;
use forms_support::{World, world};
use protection_support::{form_fields, refs, with};
use taawun_core::{Id, ItemStatus, Marking, Protection, Releasability, Role};
use taawun_store::Actor;

/// The demo's item 1.2 (Morocco and Mali each lead a side), made a Moroccan Confidential
/// item released to both parties.
async fn moroccan_confidential_item(w: &World) -> Id {
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    let mut item = items.into_iter().find(|i| i.code == "1.2").unwrap();
    assert!(item.leads.iter().any(|l| l.party_id == w.mali));
    item.protection = Protection {
        marking: Marking::Confidential,
        releasability: Releasability::AllParties,
        originator: Some(w.morocco),
    };
    w.d.store
        .save_item(&Actor::system(), &item)
        .await
        .unwrap()
        .id
}

/// Opens the item's edit form in `lang` and posts it back with `changes`.
async fn post_edit(
    b: &mut Browser,
    item: Id,
    lang: &str,
    changes: &[(&str, &str)],
) -> common::Reply {
    b.cookies.insert("lang".into(), lang.into());
    let edit = format!("/items/{item}/edit");
    let form = b.get(&edit).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields = form_fields(&form.body);
    for (k, v) in changes {
        fields = with(fields, k, v);
    }
    b.post(&edit, &refs(&fields)).await
}

#[tokio::test]
async fn the_other_sides_party_editor_cannot_declassify_but_may_still_edit() {
    let w = world().await;
    let item = moroccan_confidential_item(&w).await;
    let before = w.d.store.item(item).await.unwrap().unwrap();
    let rows = w.audit_rows(item).await;
    let (mut editor, _) = w
        .login_cleared(
            "editeur.ml",
            w.mali,
            Role::PartyEditor,
            Marking::Confidential,
        )
        .await;

    // Declassifying: refused in the editor's language, nothing written.
    for (lang, words) in [
        ("fr", "Action non autorisée"),
        ("ar", "إجراء غير مسموح به"),
        ("en", "Not allowed"),
    ] {
        let r = post_edit(
            &mut editor,
            item,
            lang,
            &[("protection.marking", "unclassified")],
        )
        .await;
        assert_eq!(r.status, 403, "{lang}: {}", r.body);
        assert!(r.body.contains(words), "{lang}: {}", r.body);
    }
    // Nor may it be released to Mali only, under Mali's name.
    let r = post_edit(
        &mut editor,
        item,
        "en",
        &[("protection.releasability", "originator_only")],
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(w.d.store.item(item).await.unwrap().unwrap(), before);
    assert_eq!(w.audit_rows(item).await, rows, "no audit row");

    // A Malian reader cleared Unclassified still cannot open it.
    let (mut reader, _) = w
        .login_cleared("lecteur.ml", w.mali, Role::Reader, Marking::Unclassified)
        .await;
    assert_eq!(reader.get(&format!("/items/{item}")).await.status, 404);

    // An edit that keeps the protection is the editor's to make.
    let r = post_edit(
        &mut editor,
        item,
        "en",
        &[("title.en", "Joint exercise, dates agreed")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after = w.d.store.item(item).await.unwrap().unwrap();
    assert_eq!(
        after.title.en.as_deref(),
        Some("Joint exercise, dates agreed")
    );
    assert_eq!(after.protection, before.protection);
    assert_ne!(after.status, ItemStatus::Cancelled);
    assert_eq!(reader.get(&format!("/items/{item}")).await.status, 404);
}

#[tokio::test]
async fn the_originator_secretariat_may_declassify_and_the_other_may_not() {
    let w = world().await;
    let item = moroccan_confidential_item(&w).await;
    let (mut reader, _) = w
        .login_cleared("lecteur.ml", w.mali, Role::Reader, Marking::Unclassified)
        .await;

    // The Malian secretariat, assigned to the commission, may edit the item but is not its
    // originator: refused.
    let (mut ml, _) = w
        .login_cleared("secretariat.ml", w.mali, Role::Secretariat, Marking::Secret)
        .await;
    let r = post_edit(
        &mut ml,
        item,
        "fr",
        &[("protection.marking", "unclassified")],
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("Action non autorisée"));
    assert_eq!(reader.get(&format!("/items/{item}")).await.status, 404);

    // The Moroccan secretariat cleared Confidential may not mark it above its clearance…
    let (mut ma, _) = w
        .login_cleared(
            "secretariat.ma",
            w.morocco,
            Role::Secretariat,
            Marking::Confidential,
        )
        .await;
    let rows = w.audit_rows(item).await;
    let r = post_edit(&mut ma, item, "en", &[("protection.marking", "secret")]).await;
    assert_ne!(r.status, 303, "{}", r.body);
    assert!(r.status.is_client_error(), "never a 500: {}", r.status);
    assert_eq!(w.audit_rows(item).await, rows);
    // … and declassifies it: one audit row, and the Malian reader now opens it.
    let r = post_edit(
        &mut ma,
        item,
        "en",
        &[("protection.marking", "unclassified")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let saved = w.d.store.item(item).await.unwrap().unwrap();
    assert_eq!(saved.protection.marking, Marking::Unclassified);
    assert_eq!(w.audit_rows(item).await, rows + 1);
    assert_eq!(reader.get(&format!("/items/{item}")).await.status, 200);
}

#[tokio::test]
async fn a_party_editors_plain_edit_of_a_joint_demo_item_keeps_it_joint() {
    // Demo records carry no originator: an edit must not make its editor's party theirs.
    let w = world().await;
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    let item = items.into_iter().find(|i| i.code == "1.2").unwrap();
    assert_eq!(item.protection.originator, None);
    let (mut editor, _) = w
        .login_cleared("editeur.ml", w.mali, Role::PartyEditor, Marking::Restricted)
        .await;
    let r = post_edit(&mut editor, item.id, "en", &[("title.en", "Renamed")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let saved = w.d.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(saved.protection, item.protection);
}

#[tokio::test]
async fn forged_and_concurrent_declassifications_all_fail() {
    let w = world().await;
    let item = moroccan_confidential_item(&w).await;
    let before = w.d.store.item(item).await.unwrap().unwrap();
    let rows = w.audit_rows(item).await;
    // Five logins of the Malian editor post at once, each a different way to take the item
    // out of Morocco's hands: lower the marking, name Mali the originator (a field the form
    // never offers), release it to Mali only.
    let mut editors = Vec::new();
    for i in 0..5 {
        let (b, _) = w
            .login_cleared(
                &format!("editeur.ml{i}"),
                w.mali,
                Role::PartyEditor,
                Marking::Confidential,
            )
            .await;
        editors.push(b);
    }
    let mali = w.mali.to_string();
    let attacks: Vec<Vec<(String, String)>> = vec![
        vec![("protection.marking".into(), "unclassified".into())],
        vec![("protection.originator".into(), mali.clone())],
        vec![
            ("protection.originator".into(), mali.clone()),
            ("protection.releasability".into(), "originator_only".into()),
        ],
        vec![("protection.marking".into(), "restricted".into())],
        vec![("protection.releasability".into(), "originator_only".into())],
    ];
    let mut runs = Vec::new();
    for (mut b, attack) in editors.into_iter().zip(attacks) {
        runs.push(tokio::spawn(async move {
            let changes: Vec<(&str, &str)> = attack
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            post_edit(&mut b, item, "en", &changes).await.status
        }));
    }
    let mut statuses = Vec::new();
    for run in runs {
        let status = run.await.unwrap();
        assert!(
            status == 403 || status == 303 || status == 409,
            "refused, ignored or conflicting, never a 500: {status}"
        );
        statuses.push(status);
    }
    // The fields the form offers are refused outright (or lose the race for the version).
    for i in [0, 3, 4] {
        assert!(statuses[i] == 403 || statuses[i] == 409, "{statuses:?}");
    }
    // Whatever was answered, the protection is Morocco's as it was.
    let after = w.d.store.item(item).await.unwrap().unwrap();
    assert_eq!(after.protection, before.protection);
    // Only edits that kept the protection (a forged field the form ignores) left a row.
    let audit = w.d.store.audit_of(item).await.unwrap();
    for row in &audit[rows..] {
        let doc = row.after.as_ref().expect("an edit's document");
        assert_eq!(doc["protection"]["marking"], "confidential");
        assert_eq!(doc["protection"]["originator"], w.morocco.to_string());
    }
}
