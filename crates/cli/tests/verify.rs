//! `taawun verify FILE.pdf` (issue 16): the adoptions a minutes PDF carries are checked
//! against the record of the instance it runs on, with the keys that instance knows; a
//! forged adoption, minutes changed since, or a PDF with no adoptions do not pass.

mod common;

use chrono::{NaiveDate, Utc};
use common::{in_dir, text};
use std::sync::Arc;
use taawun_app::exchange::Identity;
use taawun_app::exchange::adoption::{self, Keys, Printed};
use taawun_app::minutes::{Stage, adopt, draw, pending_scan, revise, word};
use taawun_core::attachment::{FileType, Purpose};
use taawun_core::*;
use taawun_docs::{DocDate, Layout, minutes_pdf};

const DAY: DocDate = DocDate {
    year: 2025,
    month: 2,
    day: 19,
};
use taawun_store::{Actor, FileSlot, NewFile, SqliteStore, Store, Visible};

fn admin(party: Id) -> User {
    User {
        person_id: None,
        id: new_id(),
        username: "admin".into(),
        display_name: "admin".into(),
        party_id: party,
        organisation_id: None,
        role: Role::Administrator,
        clearance: Marking::Secret,
        commission_ids: vec![],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    }
}

/// The 1st session's minutes adopted by the secretariat, then by Morocco's head on this
/// instance; returns the session.
async fn adopted(store: &Arc<dyn Store>, me: &Identity) -> Session {
    let ma = store
        .parties()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.iso_code.as_deref() == Some("MA"))
        .unwrap();
    let a = admin(ma.id);
    let v = Visible::new(store.clone(), a.principal());
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
    let s = store
        .save_session(&Actor::system(), &adopt(&s, drawn, on, "admin", scan))
        .await
        .unwrap();
    let head = s
        .delegations
        .iter()
        .find(|d| d.party_id == ma.id)
        .and_then(|d| d.head())
        .unwrap()
        .person_id;
    let person = store.person(head).await.unwrap().unwrap();
    let mut user = admin(ma.id);
    user.role = Role::Reader;
    user.person_id = Some(head);
    let next = adoption::adopt_as_head(Some(me), &user, Some(&person), &s, Utc::now()).unwrap();
    store
        .save_session(&Actor::user(&user), &next)
        .await
        .unwrap()
}

/// The PDF of version 1 as the server prints it, with `printed` attached.
fn pdf_of(s: &Session, printed: &Printed) -> Vec<u8> {
    let a = s.minutes.adopted_version(1).unwrap();
    let mut input = word(
        &a.text,
        Stage::Adopted {
            version: 1,
            on: a.adopted_on,
            sha256: &a.sha256,
        },
    );
    input.document_date = DAY;
    adoption::onto_pdf(&mut input, printed, |_| LocalizedText::new("", "Maroc", ""));
    minutes_pdf(&input, Layout::Fr, false).unwrap()
}

#[test]
fn verify_checks_a_pdfs_adoptions_against_the_record_and_sees_later_changes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let init = in_dir(
        &dir,
        &["exchange", "init", "--party", "MA", "--name", "Rabat"],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store: Arc<dyn Store> = rt.block_on(async {
        Arc::new(
            SqliteStore::open(&dir.path().join("taawun.db"))
                .await
                .unwrap(),
        )
    });
    let me = Identity::load(&Identity::dir_default(dir.path())).unwrap();
    let s = rt.block_on(adopted(&store, &me));
    let printed = adoption::printed(&s, 1, &Keys::new(Some(&me), &[])).unwrap();
    let file = dir.path().join("pv.pdf");
    std::fs::write(&file, pdf_of(&s, &printed)).unwrap();
    let path = file.to_str().unwrap();

    let out = in_dir(&dir, &["verify", path]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(
        said.contains(&format!(
            "version 1, SHA-256 {}",
            s.minutes.adopted[0].sha256
        )),
        "{said}"
    );
    assert!(
        said.contains("Abdelghani Mouhib") && said.contains(": holds"),
        "{said}"
    );
    assert!(said.contains(&me.fingerprint()), "{said}");
    assert!(said.contains("adopted by one party so far"), "{said}");

    // An adoption the record does not hold (its time changed in the PDF) does not pass.
    let mut forged = printed.clone();
    forged.adoptions[0].adoption.statement.at = "2025-02-19T09:00:00Z".into();
    let forged_file = dir.path().join("forged.pdf");
    std::fs::write(&forged_file, pdf_of(&s, &forged)).unwrap();
    let out = in_dir(&dir, &["verify", forged_file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("DOES NOT HOLD: not in the record"),
        "{}",
        text(&out.stdout)
    );

    // Another instance, without this instance's key, cannot vouch for it.
    let elsewhere = tempfile::tempdir().unwrap();
    for f in ["taawun.db", "taawun.db-wal", "taawun.db-shm"] {
        if dir.path().join(f).exists() {
            std::fs::copy(dir.path().join(f), elsewhere.path().join(f)).unwrap();
        }
    }
    let out = in_dir(&elsewhere, &["verify", path]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("DOES NOT HOLD: unknown key"),
        "{}",
        text(&out.stdout)
    );

    // The secretariat starts version 2: the PDF of version 1 no longer matches.
    rt.block_on(async {
        store
            .save_session(
                &Actor::system(),
                &revise(&store.session(s.id).await.unwrap().unwrap()),
            )
            .await
            .unwrap();
    });
    let out = in_dir(&dir, &["verify", path]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout)
            .contains("NO LONGER MATCHING: the minutes changed since this PDF was made (version 2"),
        "{}",
        text(&out.stdout)
    );

    // Minutes without adoptions, or a file that is no PDF, are said to be so.
    let plain = dir.path().join("draft.pdf");
    let mut input = word(&s.minutes.adopted[0].text, Stage::Draft);
    input.document_date = DAY;
    std::fs::write(&plain, minutes_pdf(&input, Layout::Fr, false).unwrap()).unwrap();
    let out = in_dir(&dir, &["verify", plain.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("carries no signed adoptions"),
        "{}",
        text(&out.stderr)
    );
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, b"hello").unwrap();
    let out = in_dir(&dir, &["verify", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a readable PDF"),
        "{}",
        text(&out.stderr)
    );
}
