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
    assert!(pdftotext(&en.bytes).contains("Minutes of session"));
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
