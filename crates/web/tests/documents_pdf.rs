//! PDF downloads through the real router: the demo session's minutes in each layout, read
//! back with pdftotext; what a reader may not see stays out of the document, and the
//! document carries the marking of what it holds.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::world;
use common::{demo, pdftotext};
use taawun_core::{Marking, Role};

const HEAD_AR: &str = "عبد الغني مهيب";
const HEAD_LATIN: &str = "Abdelghani Mouhib";
const DECISION_AR: &str = "توقيع مذكرات تفاهم تضع المبادئ الأساسية للتعاون العسكري بين البلدين.";
const DECISION_FR: &str = "Signer des mémorandums d'entente posant les principes de base";

#[tokio::test]
async fn the_demo_session_offers_its_minutes_and_they_download_in_each_layout() {
    let d = demo().await;
    let page = d.get(&format!("/sessions/{}", d.ids.session), &[]).await;
    let action = format!("/sessions/{}/minutes.pdf", d.ids.session);
    assert!(
        page.body.contains(&format!("action=\"{action}\"")),
        "no minutes offer"
    );
    assert!(page.body.contains("value=\"ar-fr\""));

    let r = d.get(&format!("{action}?layout=ar-fr"), &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "application/pdf");
    let disposition = r.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.contains("minutes-1-ar-fr.pdf"), "{disposition}");
    let text = pdftotext(&r.bytes);
    // Two columns interleave their lines in pdftotext's output: whole sentences are checked
    // on the one-language layouts below, names and short phrases here.
    for needle in [
        HEAD_AR,
        HEAD_LATIN,
        "مذكرات تفاهم",
        "mémorandums d'entente",
        "محضر الدورة",
        "Procès-verbal",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }

    let fr = pdftotext(&d.get(&format!("{action}?layout=fr"), &[]).await.bytes);
    assert!(fr.contains(HEAD_LATIN) && fr.contains(DECISION_FR));
    assert!(
        !fr.contains(DECISION_AR),
        "a French-only PDF holds Arabic decisions"
    );
    let ar = pdftotext(&d.get(&format!("{action}?layout=ar"), &[]).await.bytes);
    assert!(ar.contains(HEAD_AR) && ar.contains(DECISION_AR));

    // Without a layout the reader's language is used.
    let en = d.get_in(&action, taawun_core::Lang::En).await;
    assert!(pdftotext(&en.bytes).contains("Minutes of the 1st session"));
}

#[tokio::test]
async fn an_archival_copy_is_pdf_a() {
    let d = demo().await;
    let uri = format!(
        "/sessions/{}/minutes.pdf?layout=fr&archival=1",
        d.ids.session
    );
    let r = d.get(&uri, &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let raw = String::from_utf8_lossy(&r.bytes);
    assert!(raw.contains("pdfaid:part"), "no PDF/A identification");
    let plain = d
        .get(
            &format!("/sessions/{}/minutes.pdf?layout=fr", d.ids.session),
            &[],
        )
        .await;
    assert!(!String::from_utf8_lossy(&plain.bytes).contains("pdfaid:part"));
}

#[tokio::test]
async fn a_bad_layout_or_id_is_a_page_not_a_crash() {
    let d = demo().await;
    let r = d
        .get(
            &format!("/sessions/{}/minutes.pdf?layout=xx", d.ids.session),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("<html"));
    let r = d
        .get(
            &format!("/sessions/{}/minutes.pdf", taawun_core::new_id()),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn minutes_hold_only_what_the_reader_may_see_and_carry_its_marking() {
    let w = world().await;
    let uri = format!("/sessions/{}/minutes.pdf?layout=fr", w.s1);
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    let r = w.get(&reader, &uri).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = pdftotext(&r.bytes);
    assert!(text.contains(HEAD_LATIN), "{text}");
    assert!(
        !text.contains("Obsidienne"),
        "a Confidential officer leaked"
    );
    assert!(
        text.contains("Diffusion restreinte"),
        "marking missing: {text}"
    );

    let cleared = w
        .login_as("lecteur.ma", w.morocco, Role::Reader, Marking::Secret)
        .await;
    let text = pdftotext(&w.get(&cleared, &uri).await.bytes);
    assert!(text.contains("Colonel Obsidienne"), "{text}");
    assert!(text.contains("Confidentiel"), "marking missing: {text}");

    // A session the reader may not see is unknown, as its page is.
    let hidden = w
        .get(&reader, &format!("/sessions/{}/minutes.pdf", w.s2))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_status_report_lists_items_with_both_sides_and_flags_what_is_late() {
    let d = demo().await;
    let page = d
        .get(&format!("/commissions/{}", d.ids.commission), &[])
        .await;
    let action = format!("/commissions/{}/report.pdf", d.ids.commission);
    assert!(
        page.body.contains(&format!("action=\"{action}\"")),
        "no report offer"
    );
    let r = d.get(&format!("{action}?layout=fr"), &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "application/pdf");
    let text = pdftotext(&r.bytes);
    let items = d.store.items(d.ids.plan).await.unwrap();
    for i in &items {
        assert!(text.contains(&i.code), "item {} missing", i.code);
    }
    assert!(text.contains("Rapport d'état du plan d'action"), "{text}");
    assert!(text.contains("Commission militaire mixte maroco-malienne"));
    // Both sides' lead bodies are named.
    assert!(text.contains("Maroc") && text.contains("Mali"), "{text}");
    // Judged on the instance's today (the system date here): each late item carries the word,
    // besides the summary figure's own label.
    let rules = taawun_core::followup::FollowupRules::default();
    let day = chrono::Utc::now().date_naive();
    let facts = d
        .store
        .item_facts(taawun_store::FactsScope::Commission(d.ids.commission), None)
        .await
        .unwrap();
    let overdue = facts
        .iter()
        .filter(|f| taawun_core::followup::assess_facts(f, day, &rules).overdue)
        .count();
    assert!(
        text.matches("En retard").count() > overdue,
        "{overdue} overdue: {text}"
    );

    let ar = pdftotext(&d.get(&format!("{action}?layout=ar"), &[]).await.bytes);
    assert!(ar.contains("تقرير حالة خطة العمل"), "{ar}");
    let by_agreement = d
        .get(
            &format!("/agreements/{}/report.pdf?layout=ar-fr", d.ids.agreement),
            &[],
        )
        .await;
    assert_eq!(by_agreement.status, StatusCode::OK);
}

#[tokio::test]
async fn the_agreement_text_has_its_articles_in_order() {
    let d = demo().await;
    let page = d
        .get(&format!("/agreements/{}", d.ids.agreement), &[])
        .await;
    let action = format!("/agreements/{}/text.pdf", d.ids.agreement);
    assert!(
        page.body.contains(&format!("action=\"{action}\"")),
        "no text offer"
    );
    let clauses = d.store.clauses(d.ids.agreement).await.unwrap();
    assert!(!clauses.is_empty());
    let fr = pdftotext(&d.get(&format!("{action}?layout=fr"), &[]).await.bytes);
    let mut from = 0;
    for c in &clauses {
        let heading = format!("Article {}", c.number);
        let at = fr[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading} missing or out of order: {fr}"));
        from += at + heading.len();
    }
    let both = pdftotext(
        &d.get(&format!("{action}?layout=ar-fr&archival=1"), &[])
            .await
            .bytes,
    );
    assert!(
        both.contains("المادة") && both.contains("Article"),
        "{both}"
    );
}

#[tokio::test]
async fn the_status_report_counts_only_what_the_reader_may_see() {
    let w = world().await;
    let uri = format!("/commissions/{}/report.pdf?layout=fr", w.d.ids.commission);
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    let low = pdftotext(&w.get(&reader, &uri).await.bytes);
    assert!(
        !low.contains("Exercice Zircon") && !low.contains("Plan Saphir"),
        "{low}"
    );
    let cleared = w
        .login_as("lecteur.ma", w.morocco, Role::Reader, Marking::Secret)
        .await;
    let high = pdftotext(&w.get(&cleared, &uri).await.bytes);
    assert!(
        high.contains("Exercice Zircon") && high.contains("Plan Saphir"),
        "{high}"
    );
    assert!(high.contains("Confidentiel"), "marking missing: {high}");
}
