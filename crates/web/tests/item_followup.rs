//! The item page's follow-up: each side's own status, percent and last report next to the
//! joint status, the assessment on today's date, the cancellation reason, the indicator
//! per quarter; and the secretariat's cancellation with a reason, which a party editor is
//! never offered and cannot forge.

mod common;
mod followup_support;

use common::browser::Browser;
use followup_support::*;
use taawun_core::{ItemStatus, Lang, Marking, Role};

/// The page's text, each tag read as a space, spaces collapsed.
fn facts(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_item_page_shows_both_sides_and_the_assessment() {
    let w = world().await;
    let mut b = w.low().await;
    // 1.2: Morocco 60 %, Mali 40 %, both on 20 May; joint 50 %; due 1 May, so 31 days late.
    let page = facts(
        &get_in(&mut b, &format!("/items/{}", w.i2), Lang::En)
            .await
            .body,
    );
    assert!(page.contains("Maroc (en) Forces armées royales (en) Own status In progress Progress 60% Last report 20 May 2026"), "{page}");
    assert!(page.contains("Mali (en) Forces armées maliennes (en) Own status In progress Progress 40% Last report 20 May 2026"));
    assert!(page.contains("Joint status In progress · 50%"));
    assert!(page.contains("Assessment Overdue — 31 days late"));
    assert!(
        !page.contains("At risk"),
        "a late item is judged late, once"
    );
    // 2.1: 45 % expected by 1 June (1 January → 1 December), 10 % reported.
    let page = facts(
        &get_in(&mut b, &format!("/items/{}", w.i3), Lang::En)
            .await
            .body,
    );
    assert!(page.contains("Last report No report yet"));
    assert!(page.contains("Expected by today 45%"));
    assert!(
        page.contains("At risk — behind schedule: 45% expected by today, 10% reported"),
        "{page}"
    );
    // 1.3: cancelled, with the secretariat's reason.
    let page = facts(
        &get_in(&mut b, &format!("/items/{}", w.i5), Lang::En)
            .await
            .body,
    );
    assert!(
        page.contains("Joint status Cancelled")
            && page.contains("Reason for cancellation Reportée sine die (en)")
    );
    // 1.1: officers trained, 10 → 50, higher is better. Q1: 20, a quarter of the way;
    // Q2: 30 then 40, the later wins: 30 / 40 = 75 %.
    let html = get_in(&mut b, &format!("/items/{}", w.i1), Lang::En)
        .await
        .body;
    let page = facts(&html);
    assert!(
        page.contains("Baseline 10 Target 50 Direction Higher is better"),
        "{page}"
    );
    assert!(
        page.contains("Q1 2026 20 25%") && page.contains("Q2 2026 40 75%"),
        "{page}"
    );
    let fr = facts(
        &get_in(&mut b, &format!("/items/{}", w.i1), Lang::Fr)
            .await
            .body,
    );
    assert!(fr.contains("T2 2026 40 75"), "{fr}");
}

fn item_post<'a>(
    w: &World,
    version: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = [
        ("version", version),
        ("code", "1.2"),
        ("title.fr", "Exercice Bouleau"),
        ("start_on", "2026-01-01"),
        ("due_on", "2026-05-01"),
        ("_rows.leads", "2"),
        ("protection.marking", "unclassified"),
        ("protection.releasability", "all_parties"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    f.push(("area_id".into(), w.training.to_string()));
    f.push(("leads.0.organisation_id".into(), w.far.to_string()));
    f.push(("leads.1.organisation_id".into(), w.fama.to_string()));
    f.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    f
}

async fn post(b: &mut Browser, uri: &str, fields: &[(String, String)]) -> common::Reply {
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post(uri, &refs).await
}

#[tokio::test]
async fn the_secretariat_cancels_with_a_reason_and_a_party_editor_cannot() {
    let w = world().await;
    let edit = format!("/items/{}/edit", w.i2);
    let version = |w: &World| {
        let store = w.store.clone();
        let id = w.i2;
        async move { store.item(id).await.unwrap().unwrap().version.to_string() }
    };

    // A Malian party editor may edit 1.2 (Mali leads it) but is offered no cancellation,
    // and a forged one changes nothing.
    let mut ed = w
        .login("editeur.ml", w.mali, Role::PartyEditor, Marking::Secret)
        .await;
    let form = get_in(&mut ed, &edit, Lang::En).await.body;
    assert!(!form.contains("name=\"status\"") && !form.contains("cancel_reason"));
    let v = version(&w).await;
    let r = post(
        &mut ed,
        &edit,
        &item_post(
            &w,
            &v,
            &[("status", "cancelled"), ("cancel_reason.fr", "Parce que")],
        ),
    )
    .await;
    assert!(r.status == 303 || r.status == 403, "{}", r.body);
    let item = w.store.item(w.i2).await.unwrap().unwrap();
    assert_eq!(item.status, ItemStatus::InProgress);
    assert!(item.cancel_reason.is_empty());
    // Nor does the progress form offer "cancelled" to a side.
    let progress = get_in(&mut ed, &format!("/items/{}/progress/new", w.i2), Lang::En)
        .await
        .body;
    assert!(
        progress.contains("value=\"in_progress\"") && !progress.contains("value=\"cancelled\"")
    );

    // The commission's secretariat is offered the choice, and must give a reason.
    let mut sec = w
        .login(
            "secretariat.ma",
            w.morocco,
            Role::Secretariat,
            Marking::Secret,
        )
        .await;
    let form = get_in(&mut sec, &edit, Lang::En).await.body;
    assert!(form.contains("name=\"status\"") && form.contains("value=\"cancelled\""));
    assert!(
        form.contains("name=\"cancel_reason.ar\"") && form.contains("name=\"cancel_reason.en\"")
    );
    let v = version(&w).await;
    let r = post(
        &mut sec,
        &edit,
        &item_post(&w, &v, &[("status", "cancelled")]),
    )
    .await;
    assert_eq!(r.status, 422, "a cancellation without a reason is refused");
    assert!(
        r.body.contains("id=\"e-f-cancel_reason\""),
        "the error sits at the reason"
    );
    let r = post(
        &mut sec,
        &edit,
        &item_post(
            &w,
            &v,
            &[
                ("status", "cancelled"),
                (
                    "cancel_reason.fr",
                    "Exercice annulé par les deux états-majors",
                ),
                ("cancel_reason.ar", "ألغته القيادتان"),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let item = w.store.item(w.i2).await.unwrap().unwrap();
    assert_eq!(item.status, ItemStatus::Cancelled);
    let page = facts(
        &get_in(&mut sec, &format!("/items/{}", w.i2), Lang::Ar)
            .await
            .body,
    );
    assert!(page.contains("سبب الإلغاء ألغته القيادتان"), "{page}");
    // Once cancelled, the reason stays editable but the choice is gone: it cannot be undone.
    let form = get_in(&mut sec, &edit, Lang::En).await.body;
    assert!(!form.contains("name=\"status\"") && form.contains("name=\"cancel_reason.fr\""));
}
