//! Preparing the 2nd session of the demo commission: the proposal carries every open item
//! of the 1st session's plan, grouped by area, with both sides' status; the secretariat
//! edits and confirms it, errors keep the values and write nothing; the session page then
//! lists the carried-over items under their lines; agenda edits keep items the editor
//! cannot see; readers see the proposal but cannot confirm it.

mod common;
mod forms_support;

use forms_support::{OPEN, error_at, id_from, value_of, world};
use taawun_core::*;
use taawun_store::Actor;

/// The demo items by code.
async fn items(w: &forms_support::World) -> Vec<ActionItem> {
    w.d.store.items(w.d.ids.plan).await.unwrap()
}

/// An input's value as typed (the page escapes it).
fn typed(body: &str, name: &str) -> String {
    value_of(body, name)
        .unwrap_or_default()
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn id_of(list: &[ActionItem], code: &str) -> String {
    list.iter().find(|i| i.code == code).unwrap().id.to_string()
}

#[tokio::test]
async fn the_secretariat_confirms_the_proposed_agenda_of_the_2nd_session() {
    let w = world().await;
    let (mut sec, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let c = w.d.ids.commission;
    let url = format!("/commissions/{c}/next-session");
    let all = items(&w).await;

    // Reachable from the commission page.
    let page = sec.get(&format!("/commissions/{c}")).await;
    assert!(
        page.body.contains(&format!("href=\"{url}\"")),
        "{}",
        page.body
    );

    let form = sec.get(&url).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(
        form.body.contains("Préparer la 2e session"),
        "{}",
        form.body
    );
    assert_eq!(value_of(&form.body, "ordinal").as_deref(), Some("2"));
    // Open items, ticked, under their area's line; done ones (1.1, 4.2) are not carried.
    for code in ["1.2", "2.1", "3.1", "4.1"] {
        let id = id_of(&all, code);
        assert!(
            form.body.contains(&format!("value=\"{id}\" checked")),
            "{code} not proposed: {}",
            form.body
        );
    }
    for code in ["1.1", "4.2"] {
        assert!(!form.body.contains(&id_of(&all, code)), "{code} proposed");
    }
    assert!(
        form.body
            .contains("Suivi du plan d&#39;action\u{202f}: Formation militaire")
    );
    // Both sides' state: Morocco and Mali, each with a status and a percent.
    assert!(form.body.contains("Maroc\u{202f}: ") && form.body.contains("Mali\u{202f}: "));
    assert!(form.body.contains("name=\"csrf\""));

    // Which line carries 2.1? Read the name of its checkbox.
    let i21 = id_of(&all, "2.1");
    let at = form.body.find(&format!("value=\"{i21}\"")).unwrap();
    let name_at = form.body[..at].rfind("name=\"").unwrap() + 6;
    let name = form.body[name_at..].split('"').next().unwrap().to_string();
    let line: usize = name.split('.').nth(1).unwrap().parse().unwrap();

    // The post: every proposed line kept as shown, except that 2.1 is unticked and its
    // line reworded; one line added; the place forgotten.
    let mut fields: Vec<(String, String)> = vec![
        ("version".into(), "0".into()),
        ("ordinal".into(), "2".into()),
        ("start_on".into(), "2027-02-15".into()),
        ("end_on".into(), "2027-02-17".into()),
        ("host_party_id".into(), w.morocco.to_string()),
    ];
    for (k, v) in OPEN {
        fields.push((k.into(), v.into()));
    }
    let rows: usize = value_of(&form.body, "_rows.agenda")
        .unwrap()
        .parse()
        .unwrap();
    fields.push(("_rows.agenda".into(), rows.to_string()));
    let mut kept_ids = Vec::new();
    for i in 0..rows {
        for l in ["ar", "fr", "en"] {
            let key = format!("agenda.{i}.title.{l}");
            let v = typed(&form.body, &key);
            let v = if i == line && l == "fr" {
                "Échanges d'experts".to_string()
            } else {
                v
            };
            fields.push((key, v));
        }
        let name = format!("agenda.{i}.item_ids");
        for code in ["1.2", "2.1", "3.1", "4.1"] {
            let id = id_of(&all, code);
            let mine = form
                .body
                .contains(&format!("name=\"{name}\" value=\"{id}\""));
            if mine && code != "2.1" {
                fields.push((name.clone(), id.clone()));
                kept_ids.push(id);
            }
        }
    }
    let blank = rows - 2;
    fields.push((
        format!("agenda.{blank}.title.fr"),
        "Questions diverses".into(),
    ));
    let before = w.d.store.sessions(Some(c)).await.unwrap().len();
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = sec.post(&url, &refs).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(error_at(&r.body, "place").is_some(), "{}", r.body);
    assert!(r.body.contains("Échanges d&#39;experts"), "values kept");
    assert!(r.body.contains("Questions diverses"), "values kept");
    assert!(
        !r.body.contains(&format!("value=\"{i21}\" checked")),
        "untick kept"
    );
    assert_eq!(
        w.d.store.sessions(Some(c)).await.unwrap().len(),
        before,
        "nothing written"
    );

    // With the place, it is saved.
    fields.push(("place.fr".into(), "Rabat".into()));
    fields.push(("place.ar".into(), "الرباط".into()));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = sec.post(&url, &refs).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let sid = id_from(&r);
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    assert_eq!(s.ordinal, 2);
    assert_eq!(
        s.agenda[0].title.fr.as_deref(),
        Some("Suivi du plan d'action\u{202f}: Formation militaire")
    );
    assert_eq!(
        s.agenda[line].title.fr.as_deref(),
        Some("Échanges d'experts")
    );
    let carried: Vec<String> = s
        .agenda
        .iter()
        .flat_map(|a| a.item_ids.iter().map(Id::to_string))
        .collect();
    assert_eq!(carried.len(), 3, "{carried:?}");
    assert!(!carried.contains(&i21));
    assert!(
        s.agenda
            .iter()
            .any(|a| a.title.fr.as_deref() == Some("Questions diverses") && a.item_ids.is_empty())
    );

    // The session page lists them under their line, linked.
    let page = sec.get(&format!("/sessions/{sid}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Actions reportées"), "{}", page.body);
    for id in &kept_ids {
        assert!(
            page.body.contains(&format!("href=\"/items/{id}\"")),
            "{}",
            page.body
        );
    }
    // The next proposal is for the 3rd session.
    let form = sec.get(&url).await;
    assert!(form.body.contains("Préparer la 3e session"));
}

#[tokio::test]
async fn readers_see_the_proposal_but_cannot_confirm_it() {
    let w = world().await;
    let c = w.d.ids.commission;
    let url = format!("/commissions/{c}/next-session");
    // The demo's visitor: the proposal, read-only, with links to the items.
    let page = w.d.get(&url, &[]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("Ordre du jour proposé pour la 2e session"),
        "{}",
        page.body
    );
    assert!(
        !page
            .body
            .contains("<form method=\"post\" action=\"/commissions")
    );
    let all = items(&w).await;
    assert!(
        page.body
            .contains(&format!("href=\"/items/{}\"", id_of(&all, "3.1")))
    );
    let ar = w.d.get_in(&url, Lang::Ar).await;
    assert!(ar.body.contains("الدورة الثانية"), "{}", ar.body);

    let (mut editor, _) = w.login("ed", w.mali, Role::PartyEditor).await;
    let page = editor.get(&url).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("name=\"ordinal\""));
    let r = editor
        .post(&url, &[("version", "0"), ("ordinal", "2")])
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(w.d.store.sessions(Some(c)).await.unwrap().len(), 1);
}

#[tokio::test]
async fn agenda_edits_keep_the_items_the_editor_cannot_see() {
    let w = world().await;
    let sys = Actor::system();
    let all = items(&w).await;
    // A Secret item, put on the 1st session's first agenda line with a visible one.
    let mut secret = all[0].clone();
    secret.id = new_id();
    secret.code = "9.9".into();
    secret.status = ItemStatus::Planned;
    secret.protection.marking = Marking::Secret;
    secret.version = 0;
    let secret = w.d.store.save_item(&sys, &secret).await.unwrap();
    let visible = all.iter().find(|i| i.code == "2.1").unwrap().id;
    let sid = w.d.ids.session;
    let mut s = w.d.store.session(sid).await.unwrap().unwrap();
    s.agenda[0].item_ids = vec![visible, secret.id];
    w.d.store.save_session(&sys, &s).await.unwrap();

    let (mut sec, _) = w
        .login_cleared("low", w.morocco, Role::Secretariat, Marking::Unclassified)
        .await;
    let form = sec.get(&format!("/sessions/{sid}/agenda")).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains(&format!("value=\"{visible}\" checked")));
    assert!(
        !form.body.contains(&secret.id.to_string()),
        "hidden item offered"
    );

    // Reword the first line and untick the visible item: the hidden one stays.
    let mut fields: Vec<(String, String)> =
        vec![("version".into(), value_of(&form.body, "version").unwrap())];
    let rows: usize = value_of(&form.body, "_rows.agenda")
        .unwrap()
        .parse()
        .unwrap();
    fields.push(("_rows.agenda".into(), rows.to_string()));
    for i in 0..rows {
        for l in ["ar", "fr", "en"] {
            let key = format!("agenda.{i}.title.{l}");
            let v = typed(&form.body, &key);
            let v = if i == 0 && l == "fr" {
                "Ouverture".to_string()
            } else {
                v
            };
            fields.push((key, v));
        }
        let ex = format!("agenda.{i}.example");
        if form
            .body
            .contains(&format!("name=\"{ex}\" value=\"true\" checked"))
        {
            fields.push((ex, "true".into()));
        }
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = sec.post(&format!("/sessions/{sid}/agenda"), &refs).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    assert_eq!(s.agenda[0].title.fr.as_deref(), Some("Ouverture"));
    assert_eq!(s.agenda[0].item_ids, vec![secret.id]);
}
