//! Minutes adopted on an instance's database, as the secretariat and a head of delegation
//! do it through the pages, and their PDF as the server prints it: for the tests of
//! `taawun verify` and of the exchange between two running instances.

use chrono::{NaiveDate, Utc};
use std::sync::Arc;
use taawun_app::exchange::Identity;
use taawun_app::exchange::adoption::{self, Printed};
use taawun_app::minutes::{Stage, adopt, draw, pending_scan, word};
use taawun_core::attachment::{FileType, Purpose};
use taawun_core::*;
use taawun_docs::{DocDate, Layout, minutes_pdf};
use taawun_store::{Actor, FileSlot, NewFile, SqliteStore, Store, Visible};

pub const DAY: DocDate = DocDate {
    year: 2025,
    month: 2,
    day: 19,
};

/// The store of the instance whose data directory is `dir`, with a runtime to drive it.
pub fn open(dir: &std::path::Path) -> (tokio::runtime::Runtime, Arc<dyn Store>) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let store: Arc<dyn Store> =
        rt.block_on(async { Arc::new(SqliteStore::open(&dir.join("taawun.db")).await.unwrap()) });
    (rt, store)
}

async fn party(store: &Arc<dyn Store>, iso: &str) -> Party {
    store
        .parties()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.iso_code.as_deref() == Some(iso))
        .unwrap()
}

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

/// The Morocco–Mali 1st session's minutes adopted by the secretariat, with the scan of
/// the signed originals.
pub async fn secretariat_adopts(store: &Arc<dyn Store>) -> Session {
    let ma = party(store, "MA").await;
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
    store
        .save_session(&Actor::system(), &adopt(&s, drawn, on, "admin", scan))
        .await
        .unwrap()
}

/// The head of the delegation of `me`'s party adopts the minutes in force of `session`
/// on that instance, signed in with a second factor; returns the session saved.
pub async fn head_adopts(store: &Arc<dyn Store>, me: &Identity, session: Id) -> Session {
    let s = store.session(session).await.unwrap().unwrap();
    let head = s
        .delegations
        .iter()
        .find(|d| d.party_id == me.party)
        .and_then(|d| d.head())
        .unwrap()
        .person_id;
    let person = store.person(head).await.unwrap().unwrap();
    let mut user = admin(me.party);
    user.role = Role::Reader;
    user.person_id = Some(head);
    let next = adoption::adopt_as_head(Some(me), &user, Some(&person), &s, Utc::now()).unwrap();
    store
        .save_session(&Actor::user(&user), &next)
        .await
        .unwrap()
}

/// The PDF of version 1 as the server prints it, with `printed` attached.
pub fn pdf_of(s: &Session, printed: &Printed) -> Vec<u8> {
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
