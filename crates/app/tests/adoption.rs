//! Minutes adopted by both parties (issue 16): each head of delegation adopts the adopted
//! version on their own party's instance, which signs the statement; the adoptions travel
//! in the bundles as each party's part of the session; each instance then checks both
//! against the keys it knows, and what a PDF carries verifies on either instance until the
//! minutes change.

use chrono::{NaiveDate, Utc};
use std::sync::Arc;
use taawun_app::exchange::adoption::{
    self, AdoptRefusal, Check, Finding, Keys, adopt_as_head, adopted_by_both, check_all,
};
use taawun_app::exchange::inbox::{Arrived, receive, receive_file};
use taawun_app::exchange::{Card, Identity, outbox};
use taawun_app::minutes::{adopt, draw, pending_scan, revise};
use taawun_core::attachment::{FileType, Purpose};
use taawun_core::*;
use taawun_store::{Actor, FileSlot, NewFile, SqliteStore, Store, StoreError, Visible};

struct Side {
    _dir: tempfile::TempDir,
    store: Arc<dyn Store>,
    me: Identity,
    party: Party,
}

async fn party_of(store: &dyn Store, iso: &str) -> Party {
    store
        .parties()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.iso_code.as_deref() == Some(iso))
        .unwrap()
}

async fn side(demo: bool, iso: &str) -> Side {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(&dir.path().join("taawun.db"))
            .await
            .unwrap(),
    );
    if demo {
        taawun_store::demo::load(store.as_ref()).await.unwrap();
    } else {
        for (code, fr) in [("ML", "Mali"), ("MA", "Maroc")] {
            let p = Party {
                id: new_id(),
                kind: PartyKind::State,
                iso_code: Some(code.into()),
                name: LocalizedText::new("", fr, ""),
                short_name: LocalizedText::new("", fr, ""),
                protection: Default::default(),
                version: 0,
            };
            store.save_party(&Actor::system(), &p).await.unwrap();
        }
    }
    let party = party_of(store.as_ref(), iso).await;
    let me = Identity::create(&dir.path().join("keys"), party.id, iso, None).unwrap();
    Side {
        _dir: dir,
        store,
        me,
        party,
    }
}

async fn register(at: &Side, whom: &Side, commission: Id) {
    let card = Card::parse(&whom.me.card(&whom.party).to_json()).unwrap();
    let party = party_of(at.store.as_ref(), card.party.iso_code.as_deref().unwrap()).await;
    let p = card.partner(party.id, vec![commission], Marking::Restricted, None);
    at.store
        .save_exchange_partner(&Actor::system(), &p)
        .await
        .unwrap();
}

/// Sends what `from` has for `to` and applies it there: one file, as the exchange page
/// downloads it, with the blobs of the files it names (the signed scan).
async fn send(from: &Side, to: &Side) {
    let parts = outbox::export(
        from.store.clone(),
        &from.me,
        &Actor::system(),
        to.me.instance,
    )
    .await
    .unwrap();
    let one = outbox::as_one_file(from.store.clone(), &from.me, to.me.instance, &parts)
        .await
        .unwrap();
    for got in receive_file(to.store.clone(), &to.me, one.as_bytes())
        .await
        .unwrap()
    {
        assert!(
            matches!(got.outcome, Arrived::Applied { .. }),
            "{:?}",
            got.outcome
        );
    }
}

fn account(party: Id, role: Role, name: &str, person: Option<Id>) -> User {
    User {
        person_id: person,
        id: new_id(),
        username: name.into(),
        display_name: name.into(),
        party_id: party,
        organisation_id: None,
        role,
        clearance: Marking::Restricted,
        commission_ids: vec![],
        active: true,
        totp_enabled: true,
        email: None,
        language: None,
        version: 0,
    }
}

async fn keys(s: &Side) -> Keys {
    Keys::new(Some(&s.me), &s.store.exchange_partners().await.unwrap())
}

fn head_of(s: &Session, party: Id) -> Id {
    s.delegations
        .iter()
        .find(|d| d.party_id == party)
        .and_then(|d| d.head())
        .expect("a head of delegation")
        .person_id
}

/// The head of `at`'s delegation adopts the minutes in force of `session` there.
async fn head_adopts(at: &Side, session: Id, role: Role) -> Result<Session, StoreError> {
    let s = at.store.session(session).await.unwrap().unwrap();
    let head = head_of(&s, at.party.id);
    let person = at.store.person(head).await.unwrap().unwrap();
    let user = account(at.party.id, role, "head", Some(head));
    let next = adopt_as_head(Some(&at.me), &user, Some(&person), &s, Utc::now()).unwrap();
    at.store.save_session(&Actor::user(&user), &next).await
}

/// Morocco's secretariat attaches the scan of the signed originals to `s` and marks its
/// minutes adopted.
async fn secretariat_adopts(m: &Side, s: &Session) -> Session {
    let admin = account(m.party.id, Role::Administrator, "admin", None);
    let v = Visible::new(m.store.clone(), admin.principal());
    m.store
        .attach_file(
            &Actor::system(),
            NewFile {
                record: RecordKind::Session,
                record_id: s.id,
                slot: FileSlot::New(Purpose::SignedMinutes),
                name: "pv-signe.pdf".into(),
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
    let drawn = draw(&v, s).await.unwrap();
    let on = NaiveDate::from_ymd_opt(2025, 2, 19).unwrap();
    m.store
        .save_session(&Actor::system(), &adopt(s, drawn, on, "admin", scan))
        .await
        .unwrap()
}

/// Morocco's instance (the demo) and Mali's, registered at each other for their joint
/// commission; Morocco's secretariat adopts the 1st session's minutes with the signed scan
/// and sends them.
async fn adopted_and_sent() -> (Side, Side, Session) {
    let m = side(true, "MA").await;
    let ml = side(false, "ML").await;
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let c = m
        .store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.party_ids.contains(&ml_at_m.id))
        .unwrap();
    register(&m, &ml, c.id).await;
    register(&ml, &m, c.id).await;

    // Morocco's secretariat adopts the 1st session's minutes, with the signed scan.
    let s = m
        .store
        .sessions(Some(c.id))
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.ordinal == 1)
        .unwrap();
    let s = secretariat_adopts(&m, &s).await;

    // Before anything is adopted by a head, the adopted text reaches Mali, with the scan.
    send(&m, &ml).await;
    (m, ml, s)
}

#[tokio::test]
async fn both_heads_adopt_on_their_own_instances_and_both_instances_verify_both() {
    let (m, ml, s) = adopted_and_sent().await;
    let at_ml = ml.store.session(s.id).await.unwrap().unwrap();
    assert_eq!(
        at_ml.minutes.latest_adopted().unwrap().sha256,
        s.minutes.adopted[0].sha256
    );

    // Morocco's head adopts on Morocco's instance, signed in as a reader: a head is seldom
    // an editor here. Mali's head adopts on Mali's.
    head_adopts(&m, s.id, Role::Reader).await.unwrap();
    head_adopts(&ml, s.id, Role::PartyEditor).await.unwrap();
    assert!(!adopted_by_both(
        &m.store.session(s.id).await.unwrap().unwrap(),
        1,
        &keys(&m).await
    ));

    // A second adoption of the same version is refused before anything is signed.
    let again = m.store.session(s.id).await.unwrap().unwrap();
    let head = head_of(&again, m.party.id);
    let person = m.store.person(head).await.unwrap().unwrap();
    let user = account(m.party.id, Role::Reader, "head", Some(head));
    assert_eq!(
        adopt_as_head(Some(&m.me), &user, Some(&person), &again, Utc::now()).unwrap_err(),
        AdoptRefusal::Already
    );
    // Someone who is not the head, or an instance of the other party, cannot adopt.
    let deputy = account(m.party.id, Role::Secretariat, "sec", Some(new_id()));
    assert_eq!(
        adopt_as_head(Some(&m.me), &deputy, Some(&person), &again, Utc::now()).unwrap_err(),
        AdoptRefusal::NoPerson
    );
    assert_eq!(
        adopt_as_head(Some(&ml.me), &user, Some(&person), &again, Utc::now()).unwrap_err(),
        AdoptRefusal::OtherParty
    );

    // Both adoptions travel: each instance then holds and verifies both.
    send(&m, &ml).await;
    send(&ml, &m).await;
    for at in [&m, &ml] {
        let held = at.store.session(s.id).await.unwrap().unwrap();
        let checked = check_all(&held, &keys(at).await);
        assert_eq!(checked.len(), 2, "both adoptions held");
        assert!(
            checked.iter().all(|c| c.check == Check::Valid),
            "{checked:?}"
        );
        assert!(adopted_by_both(&held, 1, &keys(at).await));
    }

    // What Morocco's PDF carries verifies against Mali's record with Mali's keys.
    let at_m = m.store.session(s.id).await.unwrap().unwrap();
    let printed = adoption::printed(&at_m, 1, &keys(&m).await).unwrap();
    assert_eq!(printed.adoptions.len(), 2);
    let at_ml = ml.store.session(s.id).await.unwrap().unwrap();
    let verdict = adoption::verify_printed(&printed, &at_ml, &keys(&ml).await);
    assert!(verdict.adopted_by_both(), "{verdict:?}");

    // An instance that does not know the signer's key says so; a changed statement fails.
    let strangers = Keys::new(None, &[]);
    assert!(
        check_all(&at_ml, &strangers)
            .iter()
            .all(|c| c.check == Check::UnknownKey)
    );
    let mut forged = printed.clone();
    forged.adoptions[0].adoption.statement.at = "2025-01-01T00:00:00Z".into();
    let v = adoption::verify_printed(&forged, &at_ml, &keys(&ml).await);
    assert_eq!(v.findings[0].1, Finding::NotInRecord);
    let mut tampered = at_ml.clone();
    tampered.delegations[0].adoptions[0].statement.at = "2025-01-01T00:00:00Z".into();
    assert!(
        check_all(&tampered, &keys(&ml).await)
            .iter()
            .any(|c| c.check == Check::BadSignature)
    );

    // Later, Morocco starts version 2: the PDF of version 1 no longer matches.
    m.store
        .save_session(&Actor::system(), &revise(&at_m))
        .await
        .unwrap();
    let now = m.store.session(s.id).await.unwrap().unwrap();
    let later = adoption::verify_printed(&printed, &now, &keys(&m).await);
    assert_eq!(later.superseded_by, Some(2));
    assert!(!later.all_hold());
    // The adoptions of version 1 themselves stay, as signed.
    assert_eq!(check_all(&now, &keys(&m).await).len(), 2);
}

#[tokio::test]
async fn an_adoption_cannot_be_slipped_in_for_the_other_party_or_removed() {
    let m = side(true, "MA").await;
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let c = m
        .store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.party_ids.contains(&ml_at_m.id))
        .unwrap();
    let s = m
        .store
        .sessions(Some(c.id))
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.ordinal == 1)
        .unwrap();
    // Nothing is adopted yet: a head cannot adopt a draft.
    let head = head_of(&s, m.party.id);
    let person = m.store.person(head).await.unwrap().unwrap();
    let user = account(m.party.id, Role::Reader, "head", Some(head));
    assert_eq!(
        adopt_as_head(Some(&m.me), &user, Some(&person), &s, Utc::now()).unwrap_err(),
        AdoptRefusal::NotAdopted
    );
    let s = secretariat_adopts(&m, &s).await;
    let mine = adopt_as_head(Some(&m.me), &user, Some(&person), &s, Utc::now()).unwrap();

    // A Moroccan reader saving the adoption into Mali's delegation edits the session:
    // refused. So is a reader's adoption that changes anything else on the way.
    let mut other_side = mine.clone();
    let ours = other_side
        .delegations
        .iter()
        .position(|d| d.party_id == m.party.id)
        .unwrap();
    let theirs = other_side
        .delegations
        .iter()
        .position(|d| d.party_id == ml_at_m.id)
        .unwrap();
    let a = other_side.delegations[ours].adoptions.pop().unwrap();
    other_side.delegations[theirs].adoptions.push(a);
    let err = m
        .store
        .save_session(&Actor::user(&user), &other_side)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    let mut more = mine.clone();
    more.place = LocalizedText::new("", "Ailleurs", "");
    let err = m
        .store
        .save_session(&Actor::user(&user), &more)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    // An auditor of the party may not adopt, even as the head's account.
    let auditor = account(m.party.id, Role::Auditor, "aud", Some(head));
    let err = m
        .store
        .save_session(&Actor::user(&auditor), &mine)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");

    // The head's own adoption is saved; then nobody, not even the secretariat, removes or
    // rewrites it, and a second one for the same version is refused by the rules.
    let saved = m
        .store
        .save_session(&Actor::user(&user), &mine)
        .await
        .unwrap();
    let mut removed = saved.clone();
    removed.delegations[ours].adoptions.clear();
    let err = m
        .store
        .save_session(&Actor::system(), &removed)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    let mut twice = saved.clone();
    let dup = twice.delegations[ours].adoptions[0].clone();
    twice.delegations[ours].adoptions.push(dup);
    let err = m
        .store
        .save_session(&Actor::system(), &twice)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    let mut other_hash = saved.clone();
    other_hash.delegations[ours].adoptions[0].statement.sha256 = "00".repeat(32);
    let err = m
        .store
        .save_session(&Actor::system(), &other_hash)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
}

#[tokio::test]
async fn an_adoption_not_signed_by_the_partners_key_is_refused_with_nothing_applied() {
    let (m, ml, s) = adopted_and_sent().await;
    // Mali's instance holds an adoption its key did not sign (forged, or copied from
    // another session's): structurally sound, so its own store keeps it.
    let at_ml = ml.store.session(s.id).await.unwrap().unwrap();
    let head = head_of(&at_ml, ml.party.id);
    let person = ml.store.person(head).await.unwrap().unwrap();
    let user = account(ml.party.id, Role::Reader, "head", Some(head));
    let mut forged = adopt_as_head(Some(&ml.me), &user, Some(&person), &at_ml, Utc::now()).unwrap();
    let d = forged
        .delegations
        .iter_mut()
        .find(|d| d.party_id == ml.party.id)
        .unwrap();
    d.adoptions[0].statement.user = "someone-else".into();
    ml.store
        .save_session(&Actor::system(), &forged)
        .await
        .unwrap();
    let mut parts = outbox::export(ml.store.clone(), &ml.me, &Actor::system(), m.me.instance)
        .await
        .unwrap();
    let got = receive(m.store.clone(), &m.me, parts.remove(0).text.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(
            got.outcome,
            Arrived::Refused(taawun_app::exchange::Refusal::BadRecord)
        ),
        "{:?}",
        got.outcome
    );
    let at_m = m.store.session(s.id).await.unwrap().unwrap();
    assert!(at_m.delegations.iter().all(|d| d.adoptions.is_empty()));
}
