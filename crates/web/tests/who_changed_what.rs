//! Who changed what (issue 14, part 9), through the real router and login: a progress report
//! names the person who made it (whatever the post claims); the secretariat asks a side's
//! lead body for news of an item and that side's editors — only they, and only those who may
//! see it — get a notification, the item's history says who asked whom, and asking twice the
//! same day says so; no one else may ask; the recent changes list who reported what on which
//! item, newest first, page by page, for those who follow the work up and no one else.

mod common;
mod forms_support;

use forms_support::{OPEN, world};
use taawun_core::{Marking, Role};

/// The demo's item 3.1, led by Morocco and Mali.
async fn item_31(w: &forms_support::World) -> taawun_core::ActionItem {
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    items.into_iter().find(|i| i.code == "3.1").unwrap()
}

fn report<'a>(side: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("version", "0"),
        ("reported_on", "2026-11-20"),
        ("party_id", side),
        ("percent", "35"),
        ("status", "in_progress"),
        ("narrative.fr", "Cellule de liaison installée à Bamako"),
    ];
    fields.extend_from_slice(extra);
    fields.extend(OPEN);
    fields
}

#[tokio::test]
async fn a_report_names_the_person_who_made_it_not_who_the_post_claims() {
    let w = world().await;
    let item = item_31(&w).await;
    let (mut ed, user) = w.login("aminata.traore", w.mali, Role::PartyEditor).await;
    ed.get(&format!("/items/{}/progress/new", item.id)).await;
    let ml = w.mali.to_string();
    let r = ed
        .post(
            &format!("/items/{}/progress/new", item.id),
            &report(&ml, &[("reporter", "Général Imposteur")]),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let stored = w.d.store.progress(item.id).await.unwrap();
    let mine = stored
        .iter()
        .find(|u| u.reported_on.to_string() == "2026-11-20")
        .unwrap();
    assert_eq!(mine.reporter.as_deref(), Some(user.display_name.as_str()));
    let page = ed.get(&format!("/items/{}", item.id)).await.body;
    assert!(page.contains(&format!("<bdi>{}</bdi>", user.display_name)));
    assert!(!page.contains("Imposteur"));
}

#[tokio::test]
async fn the_secretariat_asks_malis_lead_body_and_only_its_editors_are_told() {
    let w = world().await;
    let item = item_31(&w).await;
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    let (mut ml_ed, _) = w.login("aminata", w.mali, Role::PartyEditor).await;
    let (mut ml_low, _) = w
        .login_cleared("oumar", w.mali, Role::PartyEditor, Marking::Unclassified)
        .await;
    let (mut ma_ed, _) = w.login("karim", w.morocco, Role::PartyEditor).await;
    // The item is Restricted, so the Malian editor cleared to Unclassified cannot see it.
    let mut restricted = item.clone();
    restricted.protection.marking = Marking::Restricted;
    let item =
        w.d.store
            .save_item(&taawun_store::Actor::system(), &restricted)
            .await
            .unwrap();
    let href = format!("/items/{}", item.id);
    let page = sec.get(&href).await.body;
    assert!(page.contains("Demander un point à Mali"), "{page}");
    assert!(page.contains("Demander un point à Maroc"));
    let audit_before = w.audit_rows(item.id).await;

    let ml = w.mali.to_string();
    let r = sec
        .post(&format!("{href}/ask"), &[("party", ml.as_str())])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let back = common::browser::location(&r).to_string();
    let page = sec.get(&back).await.body;
    assert!(
        page.contains("1 rédacteur de Mali a reçu la demande."),
        "{page}"
    );
    assert_eq!(w.audit_rows(item.id).await, audit_before + 1);

    // Aminata is told, in the application; Oumar (not cleared) and Karim (Morocco) are not.
    let told = ml_ed.get("/notifications").await.body;
    assert!(told.contains("Point demandé"), "{told}");
    assert!(told.contains(&href));
    for (who, b) in [("oumar", &mut ml_low), ("karim", &mut ma_ed)] {
        let page = b.get("/notifications").await.body;
        assert!(!page.contains("Point demandé"), "{who} was told: {page}");
    }

    // The item's history says who asked which side.
    let (mut auditor, _) = w.login("auditeur", w.morocco, Role::Auditor).await;
    let history = auditor
        .get(&format!("/history/action_item/{}", item.id))
        .await
        .body;
    assert!(
        history.contains("Point d&#39;avancement demandé"),
        "{history}"
    );
    assert!(history.contains("<bdi>nadia</bdi>"));

    // Asked again the same day: nobody is told twice and the page says so.
    let r = sec
        .post(&format!("{href}/ask"), &[("party", ml.as_str())])
        .await;
    let page = sec.get(common::browser::location(&r)).await.body;
    assert!(
        page.contains("La demande a déjà été faite aujourd"),
        "{page}"
    );
    assert_eq!(w.audit_rows(item.id).await, audit_before + 1);
}

#[tokio::test]
async fn no_one_but_the_secretariat_may_ask_and_a_forged_request_changes_nothing() {
    let w = world().await;
    let item = item_31(&w).await;
    let href = format!("/items/{}", item.id);
    let ma = w.morocco.to_string();
    let before = w.audit_rows(item.id).await;
    // Mali's editor may not summon Morocco, nor see the offer.
    let (mut ml_ed, _) = w.login("aminata", w.mali, Role::PartyEditor).await;
    assert!(!ml_ed.get(&href).await.body.contains("/ask\""));
    let r = ml_ed
        .post(&format!("{href}/ask"), &[("party", ma.as_str())])
        .await;
    assert_eq!(r.status, 403);
    // The secretariat of another commission sees the item but does not follow it up.
    let (mut other, mut u) = w.login("sec-sn", w.morocco, Role::Secretariat).await;
    u.commission_ids = vec![];
    w.d.store
        .save_user(&taawun_store::Actor::system(), &u)
        .await
        .unwrap();
    assert!(!other.get(&href).await.body.contains("/ask\""));
    let r = other
        .post(&format!("{href}/ask"), &[("party", ma.as_str())])
        .await;
    assert_eq!(r.status, 403);
    // The commission's secretariat: a party that leads no side, a made-up item, no party.
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    assert!(sec.get(&href).await.body.contains("/ask\""));
    let senegal =
        w.d.store
            .parties()
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.iso_code.as_deref() == Some("SN"))
            .unwrap()
            .id
            .to_string();
    let r = sec
        .post(&format!("{href}/ask"), &[("party", senegal.as_str())])
        .await;
    assert_eq!(r.status, 400);
    let unknown = taawun_core::new_id();
    let r = sec
        .post(&format!("/items/{unknown}/ask"), &[("party", ma.as_str())])
        .await;
    assert_eq!(r.status, 404);
    let r = sec.post(&format!("{href}/ask"), &[("party", "")]).await;
    assert_eq!(r.status, 400);
    assert_eq!(w.audit_rows(item.id).await, before);
}

#[tokio::test]
async fn recent_changes_list_who_reported_what_on_which_item_for_the_secretariat_only() {
    let w = world().await;
    let item = item_31(&w).await;
    let (mut ed, _) = w.login("aminata.traore", w.mali, Role::PartyEditor).await;
    let ml = w.mali.to_string();
    ed.get(&format!("/items/{}/progress/new", item.id)).await;
    let r = ed
        .post(
            &format!("/items/{}/progress/new", item.id),
            &report(&ml, &[]),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    let home = sec.get("/").await.body;
    assert!(home.contains("href=\"/changes\""), "the menu offers it");
    let page = sec.get("/changes?show=progress").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let body = &page.body;
    // The newest row: Aminata's report on 3.1, linked to the item.
    let rows = body.split("<tbody>").nth(1).unwrap();
    let first = &rows[..rows.find("</tr>").unwrap()];
    assert!(first.contains("<bdi>aminata.traore</bdi>"), "{first}");
    assert!(first.contains(&format!("href=\"/items/{}\"", item.id)));
    assert!(first.contains("3.1 Mise en place"), "{first}");
    // Every record: the demo's history is longer than a page, so an older page follows.
    let all = sec.get("/changes").await.body;
    let rows = all.matches("<tr><th scope=\"row\">").count();
    assert_eq!(rows, 30, "a page of 30");
    let older = all
        .split("href=\"/changes?show=all&#38;before=")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| {
            panic!(
                "an older page: {}",
                &all[all.find("class=\"pager\"").unwrap()..]
            )
        });
    let next = sec
        .get(&format!("/changes?show=all&before={older}"))
        .await
        .body;
    let first_old = next.split("<tbody>").nth(1).unwrap();
    assert!(!all.contains(&first_old[..first_old.find("</tr>").unwrap()]));

    // Party editors and readers do not follow changes: 403, and no menu link.
    assert!(!ed.get("/").await.body.contains("href=\"/changes\""));
    assert_eq!(ed.get("/changes").await.status, 403);
    let (mut reader, _) = w.login("lecteur", w.mali, Role::Reader).await;
    assert_eq!(reader.get("/changes").await.status, 403);
    // A filter that does not exist is a bad request, not an empty page.
    assert_eq!(sec.get("/changes?show=everything").await.status, 400);
}

#[tokio::test]
async fn a_secretariat_of_another_commission_meets_none_of_these_changes() {
    let w = world().await;
    let item = item_31(&w).await;
    let (mut ed, _) = w.login("aminata.traore", w.mali, Role::PartyEditor).await;
    let ml = w.mali.to_string();
    ed.get(&format!("/items/{}/progress/new", item.id)).await;
    let mut restricted = report(&ml, &[]);
    for f in restricted.iter_mut() {
        if f.0 == "protection.releasability" {
            f.1 = "originator_only";
        }
    }
    let r = ed
        .post(&format!("/items/{}/progress/new", item.id), &restricted)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // A Moroccan secretariat officer: the report is Mali's own, released to Mali only.
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    let body = sec.get("/changes?show=progress").await.body;
    assert!(
        !body.contains("aminata.traore"),
        "a report released to Mali only shows to Morocco: {body}"
    );
}

#[tokio::test]
async fn history_names_states_and_yes_or_no_as_the_pages_do() {
    let w = world().await;
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    let item = items.into_iter().find(|i| i.code == "4.1").unwrap();
    assert_eq!(item.status, taawun_core::ItemStatus::Planned);
    // Mali reports work under way: the item's joint status moves with it.
    let (mut ed, _) = w.login("aminata.traore", w.mali, Role::PartyEditor).await;
    ed.get(&format!("/items/{}/progress/new", item.id)).await;
    let ml = w.mali.to_string();
    let r = ed
        .post(
            &format!("/items/{}/progress/new", item.id),
            &report(&ml, &[]),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mut item = w.d.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(item.status, taawun_core::ItemStatus::InProgress);
    item.example = !item.example;
    let was_example = !item.example;
    let item =
        w.d.store
            .save_item(&taawun_store::Actor::system(), &item)
            .await
            .unwrap();
    let (mut auditor, _) = w.login("auditeur", w.morocco, Role::Auditor).await;
    let page = auditor
        .get(&format!("/history/action_item/{}", item.id))
        .await
        .body;
    let row = |label: &str| {
        // The latest change: rows run newest first.
        let at = page
            .find(&format!("<th scope=\"row\">{label}</th>"))
            .unwrap_or_else(|| panic!("no {label} row: {page}"));
        page[at..at + page[at..].find("</tr>").unwrap()].to_string()
    };
    let status = row("statut");
    assert!(
        status.contains("<del>Prévue</del>") && status.contains("<ins>En cours</ins>"),
        "{status}"
    );
    let example = row("Exemple");
    let (old, new) = if was_example {
        ("Oui", "Non")
    } else {
        ("Non", "Oui")
    };
    assert!(
        example.contains(&format!("<del>{old}</del>"))
            && example.contains(&format!("<ins>{new}</ins>")),
        "{example}"
    );
    for raw in [
        ">planned<",
        ">in_progress<",
        ">true<",
        ">false<",
        "clause_ids",
    ] {
        assert!(!page.contains(raw), "{raw} shown raw");
    }
}
