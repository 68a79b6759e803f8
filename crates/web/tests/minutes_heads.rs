//! A head of delegation adopts the adopted minutes for their party on the minutes page
//! (issue 16): signed in as themselves, confirming with their authenticator code; this
//! instance signs the adoption, the page then shows it verified, and the PDF of the
//! version prints it and carries it for `taawun verify`. A wrong code, or someone who is
//! not the head, adopts nothing.

mod common;

use chrono::{NaiveDate, Utc};
use common::browser::{Browser, add_user};
use std::sync::Arc;
use taawun_app::exchange::Identity;
use taawun_app::exchange::adoption::Printed;
use taawun_app::minutes::{adopt, draw, pending_scan};
use taawun_core::attachment::{FileType, Purpose};
use taawun_core::*;
use taawun_store::{Actor, FileSlot, NewFile, Store, Visible};
use taawun_web::AppState;
use taawun_web::auth::totp_code_at;

const PASSWORD: &str = "correct horse battery";
const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn now() -> u64 {
    u64::try_from(Utc::now().timestamp()).unwrap()
}

/// The Morocco–Mali 1st session, its minutes adopted by the secretariat with the scan.
async fn adopted_session(store: &Arc<dyn Store>, ma: &Party) -> Session {
    let admin = add_user(store, "secretary-general", Role::Administrator, PASSWORD).await;
    let v = Visible::new(store.clone(), admin.principal());
    let s = store
        .sessions(None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| {
            s.ordinal == 1
                && s.delegations
                    .iter()
                    .any(|d| d.party_id == ma.id && d.head().is_some())
        })
        .unwrap();
    store
        .attach_file(
            &Actor::system(),
            NewFile {
                record: RecordKind::Session,
                record_id: s.id,
                slot: FileSlot::New(Purpose::SignedMinutes),
                name: "scan.pdf".into(),
                file_type: FileType::Pdf,
                content: b"%PDF-1.7 scan".to_vec(),
            },
        )
        .await
        .unwrap();
    let scan = pending_scan(
        &s.minutes,
        &v.attachments(RecordKind::Session, s.id).await.unwrap(),
    );
    let drawn = draw(&v, &s).await.unwrap();
    let on = NaiveDate::from_ymd_opt(2025, 2, 19).unwrap();
    store
        .save_session(&Actor::system(), &adopt(&s, drawn, on, "admin", scan))
        .await
        .unwrap()
}

/// An account of Morocco's with a second factor, linked to `person`.
async fn account(store: &Arc<dyn Store>, name: &str, ma: &Party, person: Option<Id>) -> User {
    let u = add_user(store, name, Role::Reader, PASSWORD).await;
    let mut linked = u.clone();
    linked.party_id = ma.id;
    linked.person_id = person;
    let u = store.save_user(&Actor::system(), &linked).await.unwrap();
    store
        .set_second_factor(&Actor::system(), u.id, Some(SECRET), &[])
        .await
        .unwrap()
}

async fn signed_in(app: &axum::Router, name: &str) -> Browser {
    let mut b = Browser::new(app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b.get("/login/code").await;
    let code = totp_code_at(SECRET, now() - 30).unwrap();
    let r = b.post("/login/code", &[("code", &code)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    b
}

#[tokio::test]
async fn the_head_adopts_with_a_code_and_the_page_and_pdf_show_it_verified() {
    let d = common::instance_with(false, |s| s).await;
    let ma = d
        .store
        .parties()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.iso_code.as_deref() == Some("MA"))
        .unwrap();
    let keys = tempfile::tempdir().unwrap();
    let me = Arc::new(Identity::create(keys.path(), ma.id, "Rabat", None).unwrap());
    let fingerprint = me.fingerprint();
    let app = taawun_web::app(AppState::new(d.store.clone(), false).with_exchange(Some(me)));
    let s = adopted_session(&d.store, &ma).await;
    let head = s
        .delegations
        .iter()
        .find(|d| d.party_id == ma.id)
        .and_then(|d| d.head())
        .unwrap()
        .person_id;
    account(&d.store, "mouhib", &ma, Some(head)).await;
    account(&d.store, "deputy", &ma, None).await;
    let page = format!("/sessions/{}/minutes", s.id);
    let post = format!("{page}/adopt-as-head");

    // Someone who is not the head sees no button, and posting is refused, nothing saved.
    let mut deputy = signed_in(&app, "deputy").await;
    let shown = deputy.get(&page).await;
    assert!(
        !shown.body.contains("as head of delegation"),
        "{}",
        shown.body
    );
    let code = totp_code_at(SECRET, now()).unwrap();
    let r = deputy
        .post(
            &post,
            &[("code", &code), ("version", &s.version.to_string())],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("not linked to a person"), "{}", r.body);

    // The head sees the button; a wrong code adopts nothing.
    let mut head_b = signed_in(&app, "mouhib").await;
    let shown = head_b.get(&page).await;
    assert!(
        shown.body.contains("Adopt version 1 as head of delegation"),
        "{}",
        shown.body
    );
    let r = head_b
        .post(
            &post,
            &[("code", "000000"), ("version", &s.version.to_string())],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("authenticator code is not right"),
        "{}",
        r.body
    );
    let held = d.store.session(s.id).await.unwrap().unwrap();
    assert!(held.delegations.iter().all(|d| d.adoptions.is_empty()));

    // With the current code, the adoption is made, signed and shown verified.
    let code = totp_code_at(SECRET, now()).unwrap();
    let r = head_b
        .post(
            &post,
            &[("code", &code), ("version", &s.version.to_string())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let shown = head_b.get(&page).await;
    assert!(shown.body.contains("signature verified"), "{}", shown.body);
    assert!(shown.body.contains(&fingerprint), "{}", shown.body);
    assert!(
        !shown.body.contains("Adopt version 1 as head"),
        "adopted once"
    );
    // Only Morocco adopted: not yet "adopted by both parties".
    assert!(!shown.body.contains("Adopted by both parties"));
    // In Arabic, the same section.
    head_b.cookies.insert("lang".into(), "ar".into());
    let ar = head_b.get(&page).await;
    assert!(ar.body.contains("اعتماد رئيسي الوفدين") && ar.body.contains("التوقيع سليم"));

    // The PDF of version 1 prints the adoption and carries it for `taawun verify`.
    head_b.cookies.insert("lang".into(), "fr".into());
    let pdf = head_b
        .get(&format!("/sessions/{}/minutes.pdf?version=1", s.id))
        .await;
    assert_eq!(pdf.status, 200);
    let files = taawun_docs::attached_files(&pdf.bytes).unwrap();
    let printed: Printed = serde_json::from_slice(&files[0]).unwrap();
    assert_eq!(printed.version, 1);
    assert_eq!(printed.adoptions.len(), 1);
    assert_eq!(printed.adoptions[0].adoption.fingerprint, fingerprint);
    assert_eq!(printed.sha256, s.minutes.adopted[0].sha256);
}
