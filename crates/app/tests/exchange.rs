//! The exchange between two instances, end to end on two real SQLite databases: Morocco's
//! (the demo) and Mali's (its own parties, under its own ids). What leaves is what Mali's
//! reader may see; what arrives is applied once, in order, from the registered key only;
//! every other bundle is refused with nothing applied; a third party opens and verifies a
//! bundle with standard tools (`exchange_open.py`: pyhpke and jwcrypto).

use std::sync::Arc;
use taawun_app::exchange::inbox::{Arrived, receive};
use taawun_app::exchange::outbox::{self, partner_reader, seal_payload};
use taawun_app::exchange::payload::{Bundle, Entry, Payload};
use taawun_app::exchange::{Card, Identity, Refusal};
use taawun_core::*;
use taawun_store::exchange::{Direction, Outcome, Partner};
use taawun_store::{Actor, SqliteStore, Store, Visible};

struct Side {
    dir: tempfile::TempDir,
    store: Arc<dyn Store>,
    me: Identity,
    party: Party,
}

impl Side {
    fn keys(&self) -> std::path::PathBuf {
        self.dir.path().join("keys")
    }
    fn card(&self) -> Card {
        // Through its text, as a partner receives it.
        Card::parse(&self.me.card(&self.party).to_json()).unwrap()
    }
}

async fn open_store(dir: &tempfile::TempDir) -> Arc<dyn Store> {
    Arc::new(
        SqliteStore::open(&dir.path().join("taawun.db"))
            .await
            .unwrap(),
    )
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

async fn morocco() -> Side {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&dir).await;
    taawun_store::demo::load(store.as_ref()).await.unwrap();
    let party = party_of(store.as_ref(), "MA").await;
    let me = Identity::create(&dir.path().join("keys"), party.id, "Rabat", None).unwrap();
    Side {
        dir,
        store,
        me,
        party,
    }
}

/// An instance that holds only the two states, under ids of its own.
async fn other(iso: &str, name: &str) -> Side {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&dir).await;
    for (code, fr) in [("ML", "Mali"), ("MA", "Maroc"), ("SN", "Sénégal")] {
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
    let party = party_of(store.as_ref(), iso).await;
    let me = Identity::create(&dir.path().join("keys"), party.id, name, None).unwrap();
    Side {
        dir,
        store,
        me,
        party,
    }
}

/// `at` registers `whom` as a partner, sharing `commissions` at `clearance`.
async fn register(at: &Side, whom: &Side, commissions: Vec<Id>, clearance: Marking) -> Partner {
    let card = whom.card();
    let party = party_of(at.store.as_ref(), card.party.iso_code.as_deref().unwrap()).await;
    let p = card.partner(party.id, commissions, clearance, None);
    at.store
        .save_exchange_partner(&Actor::system(), &p)
        .await
        .unwrap();
    p
}

/// Morocco's instance and Mali's, each registered at the other for their joint commission
/// at the restricted level.
async fn joined() -> (Side, Side, Commission) {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    register(&ml, &m, vec![c.id], Marking::Restricted).await;
    (m, ml, c)
}

async fn joint_commission(m: &Side) -> Commission {
    let ml = party_of(m.store.as_ref(), "ML").await;
    m.store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.party_ids.contains(&ml.id))
        .unwrap()
}

async fn export(from: &Side, to: &Side) -> String {
    let mut parts = outbox::export(
        from.store.clone(),
        &from.me,
        &Actor::system(),
        to.me.instance,
    )
    .await
    .unwrap();
    assert_eq!(parts.len(), 1, "one bundle");
    parts.remove(0).text
}

/// Whether `from` has nothing more for `to`: no bundle is made.
async fn nothing_to_send(from: &Side, to: &Side) -> bool {
    outbox::export(
        from.store.clone(),
        &from.me,
        &Actor::system(),
        to.me.instance,
    )
    .await
    .unwrap()
    .is_empty()
}

async fn item_count(s: &Side) -> usize {
    let mut n = 0;
    for p in s.store.plans(None).await.unwrap() {
        n += s.store.items(p.id).await.unwrap().len();
    }
    n
}

/// A copy of one of the commission's items under `protection`, saved on Morocco.
async fn item_marked(m: &Side, c: &Commission, code: &str, protection: Protection) -> ActionItem {
    let plan = m.store.plans(Some(c.id)).await.unwrap().remove(0);
    let mut item = m.store.items(plan.id).await.unwrap().remove(0);
    item.id = new_id();
    item.code = code.into();
    item.title = LocalizedText::new("", &format!("Dossier {code}"), "");
    item.protection = protection;
    item.version = 0;
    m.store.save_item(&Actor::system(), &item).await.unwrap()
}

#[tokio::test]
async fn what_mali_may_see_travels_once_and_comes_back_acknowledged() {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    let partner = register(&m, &ml, vec![c.id], Marking::Restricted).await;
    register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let secret = item_marked(
        &m,
        &c,
        "S-1",
        Protection {
            marking: Marking::Secret,
            ..Default::default()
        },
    )
    .await;
    let ma = m.party.id;
    let own = item_marked(
        &m,
        &c,
        "MA-ONLY",
        Protection {
            marking: Marking::Unclassified,
            releasability: Releasability::OriginatorOnly,
            originator: Some(ma),
        },
    )
    .await;

    let text = export(&m, &ml).await;
    // Ciphertext to anyone without Mali's key: no name, code or title shows.
    for word in [
        c.name.get(Lang::Fr).unwrap(),
        "MA-ONLY",
        "Dossier",
        "Bamako",
    ] {
        assert!(!text.contains(word), "{word:?} readable in the bundle");
    }

    let got = receive(ml.store.clone(), &ml.me, text.as_bytes())
        .await
        .unwrap();
    let Arrived::Applied { seq: 1, records } = got.outcome else {
        panic!("applied: {:?}", got.outcome);
    };
    assert!(records > 10, "{records} records");
    // Mali holds the commission under Morocco's id, with Mali's own parties in it.
    let there = ml
        .store
        .commission(c.id)
        .await
        .unwrap()
        .expect("commission arrived");
    assert!(
        there.party_ids.contains(&ml.party.id),
        "parties mapped by ISO code"
    );
    // Exactly what Mali's reader sees at Morocco, no more.
    let reader = Visible::new(m.store.clone(), partner_reader(&partner));
    let mut shown = 0;
    for p in reader.plans(Some(c.id)).await.unwrap() {
        shown += reader.items(p.id).await.unwrap().len();
    }
    assert_eq!(item_count(&ml).await, shown);
    assert!(
        ml.store.item(secret.id).await.unwrap().is_none(),
        "Secret item left"
    );
    assert!(
        ml.store.item(own.id).await.unwrap().is_none(),
        "originator-only item left"
    );
    let others: Vec<Commission> = m.store.commissions().await.unwrap();
    for o in others.iter().filter(|o| o.id != c.id) {
        assert!(
            ml.store.commission(o.id).await.unwrap().is_none(),
            "another commission left"
        );
    }

    // The same file again changes nothing.
    let before = item_count(&ml).await;
    let again = receive(ml.store.clone(), &ml.me, text.as_bytes())
        .await
        .unwrap();
    assert_eq!(again.outcome, Arrived::AlreadyApplied { seq: 1 });
    assert_eq!(item_count(&ml).await, before);

    // Nothing changed at Morocco: nothing to send.
    assert!(nothing_to_send(&m, &ml).await);

    // Mali's signed receipt acknowledges bundle 1 at Morocco.
    let receipt = got.receipt.expect("a receipt");
    let back = receive(m.store.clone(), &m.me, receipt.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        back.outcome,
        Arrived::Receipt {
            of_seq: 1,
            applied: true
        }
    );
    let log = m.store.exchange_log(ml.me.instance, 10).await.unwrap();
    assert!(log.iter().any(|r| r.direction == Direction::Out
        && r.seq == Some(1)
        && r.outcome == Outcome::Acknowledged));
}

#[tokio::test]
async fn every_bundle_that_does_not_verify_is_refused_with_nothing_applied() {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let sn = other("SN", "Dakar").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let senegal = m
        .store
        .commissions()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id != c.id)
        .unwrap();
    register(&m, &sn, vec![senegal.id], Marking::Restricted).await;
    let first = export(&m, &ml).await;
    let refused = |r: Refusal| Arrived::Refused(r);
    let check = |text: String, want: Refusal| {
        let ml_store = ml.store.clone();
        let me = &ml.me;
        async move {
            let before = item_count_of(ml_store.as_ref()).await;
            let got = receive(ml_store.clone(), me, text.as_bytes())
                .await
                .unwrap();
            assert_eq!(got.outcome, refused(want));
            assert_eq!(
                item_count_of(ml_store.as_ref()).await,
                before,
                "{want:?}: nothing applied"
            );
        }
    };

    // One character of the ciphertext changed.
    let mut env: serde_json::Value = serde_json::from_str(&first).unwrap();
    let ct = env["ciphertext"].as_str().unwrap().to_string();
    let flipped = if ct.ends_with('A') { "B" } else { "A" };
    env["ciphertext"] = format!("{}{flipped}", &ct[..ct.len() - 1]).into();
    check(env.to_string(), Refusal::CannotDecrypt).await;
    // The header re-addressed: the sealed header no longer matches.
    let mut env: serde_json::Value = serde_json::from_str(&first).unwrap();
    env["format"] = "taawun-exchange/2".into();
    check(env.to_string(), Refusal::NewerFormat).await;
    // A bundle for another instance (Senegal's), carried to Mali.
    check(export(&m, &sn).await, Refusal::OtherReceiver).await;
    // From an instance Mali never registered.
    register(&sn, &ml, vec![], Marking::Unclassified).await;
    let stranger = seal_payload(
        &sn.me,
        &sn.store
            .exchange_partner(ml.me.instance)
            .await
            .unwrap()
            .unwrap(),
        &Payload::Bundle(Bundle {
            format: 1,
            sender: sn.me.instance,
            receiver: ml.me.instance,
            seq: 1,
            prev: None,
            created: chrono::Utc::now(),
            entries: vec![],
            part: None,
        }),
    )
    .unwrap();
    assert_eq!(
        receive(ml.store.clone(), &ml.me, stranger.text.as_bytes())
            .await
            .unwrap()
            .outcome,
        refused(Refusal::UnknownSender)
    );

    // Out of order: 2 and 3 made, 3 arrives first.
    let items = m.store.plans(Some(c.id)).await.unwrap();
    let mut item = m.store.items(items[0].id).await.unwrap().remove(0);
    item.title = LocalizedText::new("", "Titre revu une fois", "");
    item = m.store.save_item(&Actor::system(), &item).await.unwrap();
    let second = export(&m, &ml).await;
    item.title = LocalizedText::new("", "Titre revu deux fois", "");
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    let third = export(&m, &ml).await;
    check(third.clone(), Refusal::OutOfOrder).await;
    for (text, seq) in [(first, 1), (second, 2), (third.clone(), 3)] {
        let got = receive(ml.store.clone(), &ml.me, text.as_bytes())
            .await
            .unwrap();
        assert!(
            matches!(got.outcome, Arrived::Applied { seq: s, .. } if s == seq),
            "{seq}: {:?}",
            got.outcome
        );
    }
    let there = ml.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(there.title.get(Lang::Fr), Some("Titre revu deux fois"));

    // Revoked: nothing from Morocco is accepted any more.
    let mut p = ml
        .store
        .exchange_partner(m.me.instance)
        .await
        .unwrap()
        .unwrap();
    p.revoked_at = Some(chrono::Utc::now());
    ml.store
        .save_exchange_partner(&Actor::system(), &p)
        .await
        .unwrap();
    item.title = LocalizedText::new("", "Titre revu trois fois", "");
    item.version += 1;
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    check(export(&m, &ml).await, Refusal::RevokedSender).await;
    // Each refusal is in Mali's log, under Morocco.
    let log = ml.store.exchange_log(m.me.instance, 50).await.unwrap();
    let refusals: Vec<_> = log
        .iter()
        .filter(|r| r.outcome == Outcome::Refused)
        .collect();
    assert!(refusals.len() >= 4, "{log:?}");
}

async fn item_count_of(store: &dyn Store) -> usize {
    let mut n = 0;
    for p in store.plans(None).await.unwrap() {
        n += store.items(p.id).await.unwrap().len();
    }
    n
}

#[tokio::test]
async fn mali_reports_on_its_side_and_may_not_rewrite_moroccos_records() {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    let to_morocco = register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { .. }));

    // Mali reports progress on its side of an item both lead.
    let plan = ml.store.plans(Some(c.id)).await.unwrap().remove(0);
    let item = ml
        .store
        .items(plan.id)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.leads.iter().any(|l| l.party_id == ml.party.id))
        .expect("an item Mali leads");
    let report = ProgressUpdate {
        id: new_id(),
        item_id: item.id,
        reported_on: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        party_id: ml.party.id,
        percent: 40,
        status: ItemStatus::InProgress,
        narrative: LocalizedText::new("", "Deux sessions de formation tenues à Bamako", ""),
        protection: item.protection,
        ..serde_json::from_value(serde_json::json!({
            "id": new_id(), "item_id": item.id, "reported_on": "2025-06-01",
            "party_id": ml.party.id, "percent": 0, "status": "planned",
            "narrative": {}
        }))
        .unwrap()
    };
    ml.store
        .save_progress(&Actor::system(), &report)
        .await
        .unwrap();
    let text = export(&ml, &m).await;
    let got = receive(m.store.clone(), &m.me, text.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 1, .. }),
        "{:?}",
        got.outcome
    );
    let at_morocco = m.store.progress(item.id).await.unwrap();
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    assert!(
        at_morocco
            .iter()
            .any(|p| p.id == report.id && p.party_id == ml_at_m.id)
    );
    // Both instances now hold the same items and reports: their dashboards derive the same
    // joint status and progress, item by item.
    let facts = |store: Arc<dyn Store>| async move {
        let mut all: Vec<_> = store
            .item_facts(taawun_store::FactsScope::Commission(c.id), None)
            .await
            .unwrap()
            .into_iter()
            .map(|f| (f.id, f.status, f.percent, f.sides.len()))
            .collect();
        all.sort_by_key(|x| x.0);
        all
    };
    let (here, there) = (facts(m.store.clone()).await, facts(ml.store.clone()).await);
    assert!(!here.is_empty());
    assert_eq!(here, there);
    assert!(here.iter().any(|f| f.0 == item.id));
    // What Mali sent was its own: the report, not Morocco's records it holds.
    let log = m.store.exchange_log(ml.me.instance, 10).await.unwrap();
    let applied = log
        .iter()
        .find(|r| r.direction == Direction::In && r.seq == Some(1))
        .unwrap();
    assert!(applied.entries < 5, "{} entries came back", applied.entries);

    // A bundle rewriting Morocco's item is refused, and the item stays as it was.
    let head = ml
        .store
        .exchange_head(m.me.instance, Direction::Out)
        .await
        .unwrap()
        .unwrap();
    let mut forged = item.clone();
    forged.title = LocalizedText::new("", "Titre réécrit par le partenaire", "");
    let bundle = Bundle {
        format: 1,
        sender: ml.me.instance,
        receiver: m.me.instance,
        seq: 2,
        prev: Some(head.hash),
        created: chrono::Utc::now(),
        entries: vec![Entry::Record {
            kind: "action_item".into(),
            id: forged.id,
            version: forged.version,
            record: serde_json::to_value(&forged).unwrap(),
        }],
        part: None,
    };
    let sealed = seal_payload(&ml.me, &to_morocco, &Payload::Bundle(bundle)).unwrap();
    let got = receive(m.store.clone(), &m.me, sealed.text.as_bytes())
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::NotItsRecord));
    let kept = m.store.item(item.id).await.unwrap().unwrap();
    assert_ne!(
        kept.title.get(Lang::Fr),
        Some("Titre réécrit par le partenaire")
    );
}

#[tokio::test]
async fn a_third_party_opens_and_verifies_a_bundle_with_standard_tools() {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    let text = export(&m, &ml).await;
    let env = ml.dir.path().join("bundle.taawun");
    std::fs::write(&env, &text).unwrap();
    let card = ml.dir.path().join("morocco.card.json");
    std::fs::write(&card, m.card().to_json()).unwrap();
    let out = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/exchange_open.py"
        ))
        .arg(&env)
        .arg(ml.keys().join("instance.json"))
        .arg(&card)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "exchange_open.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen["fingerprint"], m.card().fingerprint());
    assert_eq!(seen["jws_header"]["alg"], "EdDSA");
    assert_eq!(seen["payload"]["type"], "bundle");
    assert_eq!(seen["payload"]["seq"], 1);
    assert_eq!(seen["payload"]["sender"], m.me.instance.to_string());
    let entries = seen["payload"]["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["id"] == c.id.to_string()));
    // The hash the third party computes is the one both logs chain by.
    let log = m.store.exchange_log(ml.me.instance, 1).await.unwrap();
    assert_eq!(seen["payload_sha256"], log[0].hash);

    // With Morocco's key instead of Mali's, the same file does not open.
    let wrong = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/exchange_open.py"
        ))
        .arg(&env)
        .arg(m.keys().join("instance.json"))
        .arg(&card)
        .output()
        .unwrap();
    assert!(!wrong.status.success());
}

#[tokio::test]
async fn a_fork_made_by_restoring_a_backup_is_detected_and_resolved() {
    let mut m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let first = export(&m, &ml).await;
    assert!(matches!(
        receive(ml.store.clone(), &ml.me, first.as_bytes())
            .await
            .unwrap()
            .outcome,
        Arrived::Applied { seq: 1, .. }
    ));
    // Morocco's backup, taken after bundle 1.
    let backup = m.dir.path().join("backup.db");
    taawun_store::snapshot::copy_into(
        taawun_store::snapshot::Source::File(&m.dir.path().join("taawun.db")),
        &backup,
    )
    .await
    .unwrap();

    let plan = m.store.plans(Some(c.id)).await.unwrap().remove(0);
    let mut item = m.store.items(plan.id).await.unwrap().remove(0);
    item.title = LocalizedText::new("", "Avant la restauration", "");
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    let second = export(&m, &ml).await;
    assert!(matches!(
        receive(ml.store.clone(), &ml.me, second.as_bytes())
            .await
            .unwrap()
            .outcome,
        Arrived::Applied { seq: 2, .. }
    ));

    // Morocco restores its backup: bundle 2 is forgotten, and its next bundle reuses seq 2.
    m.store.shut_down().await.unwrap();
    let db = m.dir.path().join("taawun.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    std::fs::copy(&backup, &db).unwrap();
    m.store = open_store(&m.dir).await;
    item.title = LocalizedText::new("", "Après la restauration", "");
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    let forked = export(&m, &ml).await;
    let got = receive(ml.store.clone(), &ml.me, forked.as_bytes())
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::Fork));
    let there = ml.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(
        there.title.get(Lang::Fr),
        Some("Avant la restauration"),
        "nothing applied"
    );

    // Mali's signed receipt tells Morocco where its chain stands; Morocco resumes after it.
    let receipt = got.receipt.unwrap();
    let back = receive(m.store.clone(), &m.me, receipt.as_bytes())
        .await
        .unwrap();
    assert_eq!(
        back.outcome,
        Arrived::Receipt {
            of_seq: 2,
            applied: false
        }
    );
    let resumed =
        taawun_app::exchange::sync::resume(m.store.clone(), &Actor::system(), ml.me.instance)
            .await
            .unwrap();
    assert_eq!(resumed.map(|(seq, _)| seq), Some(2));
    let third = export(&m, &ml).await;
    let got = receive(ml.store.clone(), &ml.me, third.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 3, .. }),
        "{:?}",
        got.outcome
    );
    let there = ml.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(there.title.get(Lang::Fr), Some("Après la restauration"));
    // A bundle replayed from before the fork is still refused, never applied again.
    let old = receive(ml.store.clone(), &ml.me, first.as_bytes())
        .await
        .unwrap();
    assert_eq!(old.outcome, Arrived::AlreadyApplied { seq: 1 });
}

fn user(party: Id, role: Role, name: &str) -> User {
    User {
        person_id: None,
        id: new_id(),
        username: name.into(),
        display_name: name.into(),
        party_id: party,
        organisation_id: None,
        role,
        clearance: Marking::Restricted,
        commission_ids: vec![],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    }
}

#[tokio::test]
async fn mali_confirms_the_persons_it_already_held_and_nothing_is_merged_without_it() {
    use taawun_app::exchange::admin::decide_match;
    let (m, ml, c) = joined().await;
    // The two Malian persons Morocco recorded (the head of Mali's delegation first), whom
    // Mali already holds under its own ids.
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let mut delegates = Vec::new();
    for p in m.store.people(None).await.unwrap() {
        if p.party_id == ml_at_m.id {
            let sits = !m.store.sessions_of_person(p.id).await.unwrap().is_empty();
            delegates.push((!sits, p));
        }
    }
    delegates.sort_by_key(|(absent, _)| *absent);
    assert_eq!(delegates.len(), 2, "the demo's two Malian persons");
    assert!(!delegates[0].0, "one sits in Mali's delegation");
    let delegates: Vec<Person> = delegates.into_iter().map(|(_, p)| p).collect();
    let mut held = Vec::new();
    for theirs in delegates.iter().take(2) {
        let mut ours = theirs.clone();
        ours.id = new_id();
        ours.party_id = ml.party.id;
        ours.rank_id = None;
        ours.organisation_id = None;
        ours.version = 0;
        held.push((
            theirs.id,
            ml.store
                .save_person(&Actor::system(), &ours)
                .await
                .unwrap()
                .id,
        ));
    }
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { .. }),
        "{:?}",
        got.outcome
    );

    // Nothing merged on its own: Morocco's records of them arrived as Morocco's, and wait.
    let pending = ml.store.exchange_candidates(true).await.unwrap();
    for (theirs, ours) in &held {
        assert!(ml.store.person(*theirs).await.unwrap().is_some());
        assert!(ml.store.sessions_of_person(*ours).await.unwrap().is_empty());
        assert!(
            pending
                .iter()
                .any(|c| c.theirs == *theirs && c.ours == *ours),
            "{pending:?}"
        );
    }

    // A reader may not decide; the secretariat confirms one and declines nothing else.
    let reader = user(ml.party.id, Role::Reader, "lecteur");
    let (theirs, ours) = held[0];
    assert!(
        decide_match(ml.store.clone(), &reader, m.me.instance, theirs, ours, true)
            .await
            .is_err()
    );
    let secretariat = user(ml.party.id, Role::Secretariat, "secretariat");
    let rewritten = decide_match(
        ml.store.clone(),
        &secretariat,
        m.me.instance,
        theirs,
        ours,
        true,
    )
    .await
    .unwrap()
    .expect("a pending candidate");
    assert!(rewritten > 0);
    assert!(!ml.store.sessions_of_person(ours).await.unwrap().is_empty());
    assert!(
        ml.store
            .sessions_of_person(theirs)
            .await
            .unwrap()
            .is_empty()
    );
    // Decided once: asking again finds nothing pending.
    assert_eq!(
        decide_match(
            ml.store.clone(),
            &secretariat,
            m.me.instance,
            theirs,
            ours,
            true
        )
        .await
        .unwrap(),
        None
    );
    let (theirs2, ours2) = held[1];
    decide_match(
        ml.store.clone(),
        &secretariat,
        m.me.instance,
        theirs2,
        ours2,
        true,
    )
    .await
    .unwrap()
    .unwrap();

    // Morocco records the 2nd session with the same delegation: its bundle names Morocco's
    // ids, and Mali reads them as its own persons.
    let first = m.store.sessions(Some(c.id)).await.unwrap().remove(0);
    let mut second = first.clone();
    second.id = new_id();
    second.ordinal = first.ordinal + 1;
    second.start_on = first.start_on + chrono::Days::new(365);
    second.end_on = first.end_on + chrono::Days::new(365);
    second.minutes = Default::default();
    second.version = 0;
    let second = m
        .store
        .save_session(&Actor::system(), &second)
        .await
        .unwrap();
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 2, .. }),
        "{:?}",
        got.outcome
    );
    let sessions: Vec<Id> = ml
        .store
        .sessions_of_person(ours)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert!(sessions.contains(&second.id), "{sessions:?}");
    assert!(
        ml.store
            .sessions_of_person(theirs)
            .await
            .unwrap()
            .is_empty()
    );
}

/// A Malian organisation of Mali's own, for Mali to name as its lead body.
async fn malian_body(ml: &Side, acronym: &str) -> Organisation {
    let o = Organisation {
        id: new_id(),
        party_id: ml.party.id,
        parent_id: None,
        name: LocalizedText::new("", &format!("Direction {acronym}"), ""),
        acronym: Some(acronym.into()),
        protection: Default::default(),
        version: 0,
    };
    ml.store
        .save_organisation(&Actor::system(), &o)
        .await
        .unwrap()
}

#[tokio::test]
async fn mali_changes_its_own_side_and_a_clash_waits_for_the_secretariat() {
    let m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    let to_morocco = register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { seq: 1, .. }));
    let plan = ml.store.plans(Some(c.id)).await.unwrap().remove(0);
    let both: Vec<ActionItem> = ml
        .store
        .items(plan.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.leads.iter().any(|l| l.party_id == ml.party.id))
        .collect();
    assert!(both.len() >= 2, "items Mali leads");
    let (mut one, mut two) = (both[0].clone(), both[1].clone());

    // Morocco's secretariat names another Malian body on item two, on its own instance.
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let mut two_at_m = m.store.item(two.id).await.unwrap().unwrap();
    let other_body = m
        .store
        .organisations(Some(ml_at_m.id))
        .await
        .unwrap()
        .into_iter()
        .find(|o| !two_at_m.leads.iter().any(|l| l.organisation_id == o.id))
        .expect("another Malian body at Morocco");
    for l in two_at_m
        .leads
        .iter_mut()
        .filter(|l| l.party_id == ml_at_m.id)
    {
        l.organisation_id = other_body.id;
    }
    let two_at_m = m
        .store
        .save_item(&Actor::system(), &two_at_m)
        .await
        .unwrap();

    // Mali names bodies of its own on both items: its side, its part.
    let (b1, b2) = (malian_body(&ml, "DGF").await, malian_body(&ml, "DCI").await);
    for (item, body) in [(&mut one, &b1), (&mut two, &b2)] {
        for l in item.leads.iter_mut().filter(|l| l.party_id == ml.party.id) {
            l.organisation_id = body.id;
        }
        *item = ml.store.save_item(&Actor::system(), item).await.unwrap();
    }
    let got = receive(m.store.clone(), &m.me, export(&ml, &m).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 1, .. }),
        "{:?}",
        got.outcome
    );
    // Item one: Morocco had left Mali's side as Mali last saw it, so Mali's choice holds.
    let one_at_m = m.store.item(one.id).await.unwrap().unwrap();
    let side = |i: &ActionItem, p: Id| {
        i.leads
            .iter()
            .find(|l| l.party_id == p)
            .map(|l| l.organisation_id)
    };
    assert_eq!(side(&one_at_m, ml_at_m.id), Some(b1.id));
    // Item two: both changed Mali's side; nothing applied, both versions queued.
    let kept = m.store.item(two.id).await.unwrap().unwrap();
    assert_eq!(side(&kept, ml_at_m.id), Some(other_body.id));
    assert_eq!(kept.version, two_at_m.version);
    let conflicts = m.store.exchange_conflicts(true).await.unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let clash = &conflicts[0];
    assert_eq!(clash.record_id, two.id);
    assert_eq!(
        clash.ours,
        taawun_core::exchange::lead_part(&two_at_m, ml_at_m.id)
    );
    // The secretariat takes Mali's version; the conflict keeps both.
    assert!(
        m.store
            .exchange_resolve(&Actor::system(), ml_at_m.id, clash.id, true)
            .await
            .unwrap()
    );
    let resolved = m.store.item(two.id).await.unwrap().unwrap();
    assert_eq!(side(&resolved, ml_at_m.id), Some(b2.id));
    assert!(m.store.exchange_conflicts(true).await.unwrap().is_empty());
    let all = m.store.exchange_conflicts(false).await.unwrap();
    assert_eq!(all[0].state, "theirs");
    assert_eq!(
        all[0].ours, clash.ours,
        "Morocco's version is still on record"
    );

    // A change to Morocco's own side, sent as Mali's part, is refused with nothing applied.
    let head = ml
        .store
        .exchange_head(m.me.instance, Direction::Out)
        .await
        .unwrap()
        .unwrap();
    let ma_at_ml = party_of(ml.store.as_ref(), "MA").await;
    let forged = Entry::Parts {
        kind: "action_item".into(),
        id: one.id,
        part: taawun_core::exchange::Part::Lead(Some(Lead {
            party_id: ma_at_ml.id,
            organisation_id: b1.id,
        })),
    };
    let bundle = Bundle {
        format: 1,
        sender: ml.me.instance,
        receiver: m.me.instance,
        seq: 2,
        prev: Some(head.hash),
        created: chrono::Utc::now(),
        entries: vec![forged],
        part: None,
    };
    let sealed = seal_payload(&ml.me, &to_morocco, &Payload::Bundle(bundle)).unwrap();
    let got = receive(m.store.clone(), &m.me, sealed.text.as_bytes())
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::NotItsRecord));
    let still = m.store.item(one.id).await.unwrap().unwrap();
    assert_eq!(still, one_at_m);
}

#[tokio::test]
async fn a_new_key_takes_effect_once_confirmed_and_the_old_one_then_stops() {
    use taawun_app::exchange::admin::accept_key;
    let mut m = morocco().await;
    let ml = other("ML", "Bamako").await;
    let c = joint_commission(&m).await;
    register(&m, &ml, vec![c.id], Marking::Restricted).await;
    register(&ml, &m, vec![c.id], Marking::Restricted).await;
    let first = export(&m, &ml).await;

    // Morocco announces new keys, signed by its current one.
    let keys = m.keys();
    let party = m.party.clone();
    let announcement = m.me.rotate(&keys, &party).unwrap();
    let new_fp = serde_json::from_str::<taawun_app::exchange::card::Announcement>(&announcement)
        .unwrap()
        .new_card
        .fingerprint();
    // A fingerprint other than the one read out, or an announcement not signed by the
    // registered key, changes nothing.
    assert!(
        accept_key(
            ml.store.clone(),
            &Actor::system(),
            &announcement,
            "0000 0000"
        )
        .await
        .is_err()
    );
    let mut forged: serde_json::Value = serde_json::from_str(&announcement).unwrap();
    let sig = forged["signature"].as_str().unwrap().to_string();
    forged["signature"] = format!(
        "{}{}",
        if sig.starts_with('A') { "B" } else { "A" },
        &sig[1..]
    )
    .into();
    assert!(
        accept_key(
            ml.store.clone(),
            &Actor::system(),
            &forged.to_string(),
            &new_fp
        )
        .await
        .is_err()
    );
    let before = ml
        .store
        .exchange_partner(m.me.instance)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(before.fingerprint, new_fp);
    let accepted = accept_key(ml.store.clone(), &Actor::system(), &announcement, &new_fp)
        .await
        .unwrap();
    assert_eq!(accepted.fingerprint, new_fp);

    // Bundle 1, signed by the old key before Morocco switched, is still accepted.
    let got = receive(ml.store.clone(), &ml.me, first.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 1, .. }),
        "{:?}",
        got.outcome
    );
    // Mali now encrypts to Morocco's new key, which Morocco opens before it switched.
    let back = receive(m.store.clone(), &m.me, got.receipt.unwrap().as_bytes())
        .await
        .unwrap();
    assert_eq!(
        back.outcome,
        Arrived::Receipt {
            of_seq: 1,
            applied: true
        }
    );

    // Morocco switches; its next bundle, signed by the new key, is accepted, and from then
    // on the old key is not.
    let old = Identity::load(&keys).unwrap();
    m.me.activate(&keys).unwrap();
    let reloaded = Identity::load(&keys).unwrap();
    assert_eq!(taawun_app::exchange::inbox::own(&reloaded), new_fp);
    let plan = m.store.plans(Some(c.id)).await.unwrap().remove(0);
    let mut item = m.store.items(plan.id).await.unwrap().remove(0);
    item.title = LocalizedText::new("", "Après le changement de clé", "");
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    let second = export(&m, &ml).await;
    let got = receive(ml.store.clone(), &ml.me, second.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 2, .. }),
        "{:?}",
        got.outcome
    );
    let p = ml
        .store
        .exchange_partner(m.me.instance)
        .await
        .unwrap()
        .unwrap();
    assert!(p.previous_sign_key.is_none(), "the old key is forgotten");
    let head = m
        .store
        .exchange_head(ml.me.instance, Direction::Out)
        .await
        .unwrap()
        .unwrap();
    let to_mali = m
        .store
        .exchange_partner(ml.me.instance)
        .await
        .unwrap()
        .unwrap();
    let late = seal_payload(
        &old,
        &to_mali,
        &Payload::Bundle(Bundle {
            format: 1,
            sender: m.me.instance,
            receiver: ml.me.instance,
            seq: 3,
            prev: Some(head.hash),
            created: chrono::Utc::now(),
            entries: vec![],
            part: None,
        }),
    )
    .unwrap();
    let got = receive(ml.store.clone(), &ml.me, late.text.as_bytes())
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::UnknownSender));
}

#[tokio::test]
async fn asking_the_other_side_travels_to_its_instance_and_its_report_answers() {
    use taawun_app::ask::{Asked, request_update};
    let (m, ml, c) = joined().await;
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let plan = m.store.plans(Some(c.id)).await.unwrap().remove(0);
    let item = m
        .store
        .items(plan.id)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.leads.iter().any(|l| l.party_id == ml_at_m.id))
        .unwrap();
    // Mali's editor, on Mali's instance.
    let mut editor = user(ml.party.id, Role::PartyEditor, "redacteur.ml");
    editor = ml.store.save_user(&Actor::system(), &editor).await.unwrap();
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { seq: 1, .. }));
    assert_eq!(ml.store.unread_notifications(editor.id).await.unwrap(), 0);

    // Morocco's secretariat asks Mali's side: Mali runs its own instance, so the request
    // goes there.
    let mut secretary = user(m.party.id, Role::Secretariat, "secretariat.ma");
    secretary.commission_ids = vec![c.id];
    let v = Visible::new(m.store.clone(), secretary.principal());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let asked = request_update(
        &m.store,
        &v,
        &Actor::user(&secretary),
        item.id,
        ml_at_m.id,
        today,
    )
    .await
    .unwrap();
    assert_eq!(asked, Asked::Forwarded);
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 2, .. }),
        "{:?}",
        got.outcome
    );
    assert_eq!(ml.store.unread_notifications(editor.id).await.unwrap(), 1);
    let open = m.store.exchange_asks(ml.me.instance).await.unwrap();
    assert_eq!(open.len(), 1);
    assert!(open[0].seq.is_some() && open[0].answered_at.is_none());

    // Mali's report is the answer.
    let report: ProgressUpdate = serde_json::from_value(serde_json::json!({
        "id": new_id(), "item_id": item.id, "reported_on": "2026-03-05",
        "party_id": ml.party.id, "percent": 60, "status": "in_progress",
        "narrative": {"fr": "Formation achevée à Koulikoro"}
    }))
    .unwrap();
    ml.store
        .save_progress(&Actor::system(), &report)
        .await
        .unwrap();
    let got = receive(m.store.clone(), &m.me, export(&ml, &m).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { .. }),
        "{:?}",
        got.outcome
    );
    let answered = m.store.exchange_asks(ml.me.instance).await.unwrap();
    assert!(answered[0].answered_at.is_some());
}

#[tokio::test]
async fn a_change_too_large_for_one_bundle_goes_as_parts_applied_in_order() {
    let (m, ml, c) = joined().await;
    let parts = outbox::export_capped(
        m.store.clone(),
        &m.me,
        &Actor::system(),
        ml.me.instance,
        4_000,
    )
    .await
    .unwrap();
    assert!(parts.len() > 2, "{} parts", parts.len());
    for p in &parts {
        // Base64 of the JWS of the entries, and the envelope around it: near the cap.
        assert!(p.text.len() < 4 * 4_000, "a part stays near the cap");
    }
    // The last part first: refused, nothing applied.
    let last = parts.last().unwrap();
    let got = receive(ml.store.clone(), &ml.me, last.text.as_bytes())
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::OutOfOrder));
    assert!(ml.store.commission(c.id).await.unwrap().is_none());
    // In order, each part in its own transaction; once all are in, Mali holds what one
    // bundle would have brought.
    let mut records = 0;
    for (n, p) in parts.iter().enumerate() {
        let got = receive(ml.store.clone(), &ml.me, p.text.as_bytes())
            .await
            .unwrap();
        let Arrived::Applied { seq, records: r } = got.outcome else {
            panic!("part {n}: {:?}", got.outcome);
        };
        assert_eq!(seq, n as i64 + 1);
        records += r;
    }
    assert!(ml.store.commission(c.id).await.unwrap().is_some());
    let log = ml.store.exchange_log(m.me.instance, 100).await.unwrap();
    let count = parts.len();
    assert!(
        log.iter()
            .any(|r| r.detail.as_deref() == Some(&format!("part {count}/{count}")))
    );
    // The same selection as one bundle, for comparison.
    let whole = other("ML", "Bamako").await;
    register(&m, &whole, vec![c.id], Marking::Restricted).await;
    register(&whole, &m, vec![c.id], Marking::Restricted).await;
    let got = receive(
        whole.store.clone(),
        &whole.me,
        export(&m, &whole).await.as_bytes(),
    )
    .await
    .unwrap();
    let Arrived::Applied { records: all, .. } = got.outcome else {
        panic!("{:?}", got.outcome);
    };
    assert_eq!(records, all);
    assert_eq!(item_count(&ml).await, item_count(&whole).await);
}

#[tokio::test]
async fn a_record_reclassified_after_it_was_sent_is_withdrawn_at_the_partner() {
    let (m, ml, c) = joined().await;
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { seq: 1, .. }));
    let plan = m.store.plans(Some(c.id)).await.unwrap().remove(0);
    let mut item = m.store.items(plan.id).await.unwrap().remove(0);
    let reader = Principal {
        user_id: Some(new_id()),
        role: Role::Reader,
        party_id: Some(ml.party.id),
        clearance: Marking::Restricted,
        commissions: vec![],
    };
    assert!(
        Visible::new(ml.store.clone(), reader.clone())
            .item(item.id)
            .await
            .unwrap()
            .is_some()
    );

    // Morocco marks it Secret: it can no longer be sent, and the next bundle withdraws it.
    item.protection.marking = Marking::Secret;
    m.store.save_item(&Actor::system(), &item).await.unwrap();
    let text = export(&m, &ml).await;
    let got = receive(ml.store.clone(), &ml.me, text.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { seq: 2, .. }),
        "{:?}",
        got.outcome
    );
    // Mali's readers no longer see it; the record stays (it cannot be unsent), hidden.
    assert!(
        Visible::new(ml.store.clone(), reader)
            .item(item.id)
            .await
            .unwrap()
            .is_none()
    );
    let kept = ml.store.item(item.id).await.unwrap().expect("kept, hidden");
    assert_eq!(kept.protection.releasability, Releasability::OriginatorOnly);
    // Withdrawn once: nothing more to send.
    assert!(nothing_to_send(&m, &ml).await);
}

#[tokio::test]
async fn a_partners_record_is_shown_with_its_origin_and_only_this_sides_part_changes_here() {
    let (m, ml, c) = joined().await;
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { .. }));
    let mut secretary = user(ml.party.id, Role::Secretariat, "sec-bamako");
    secretary.commission_ids = vec![c.id];
    let as_secretary = Actor::user(&secretary);
    let s = ml
        .store
        .sessions(Some(c.id))
        .await
        .unwrap()
        .into_iter()
        .find(|s| {
            s.delegations
                .iter()
                .any(|d| d.party_id == ml.party.id && !d.members.is_empty())
        })
        .expect("a session with Mali's delegation");

    // Its page names where it comes from; Morocco's own record names nothing.
    let v = Visible::new(ml.store.clone(), secretary.principal());
    assert_eq!(
        v.origin(RecordKind::Session, s.id)
            .await
            .unwrap()
            .as_deref(),
        Some("Rabat")
    );
    let at_m = Visible::new(
        m.store.clone(),
        user(m.party.id, Role::Administrator, "a").principal(),
    );
    assert_eq!(at_m.origin(RecordKind::Session, s.id).await.unwrap(), None);

    // Morocco's part of its own session cannot be changed here: refused with the rule,
    // nothing written.
    let mut moved = s.clone();
    moved.place = LocalizedText::new("", "Ségou", "");
    let err = ml
        .store
        .save_session(&as_secretary, &moved)
        .await
        .unwrap_err();
    match err {
        taawun_store::StoreError::Invalid(e) => {
            assert_eq!(e.0[0].rule, rules::Rule::PartnersRecord, "{e:?}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        ml.store.session(s.id).await.unwrap().unwrap().version,
        s.version
    );

    // Mali's own delegation is Mali's to change.
    let mut ours = s.clone();
    let d = ours
        .delegations
        .iter_mut()
        .find(|d| d.party_id == ml.party.id)
        .unwrap();
    d.members[0].precedence += 1;
    ml.store.save_session(&as_secretary, &ours).await.unwrap();

    // On an item, Mali's lead body is Mali's; the title is Morocco's.
    let plan = ml.store.plans(Some(c.id)).await.unwrap().remove(0);
    let item = ml
        .store
        .items(plan.id)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.leads.iter().any(|l| l.party_id == ml.party.id))
        .unwrap();
    let mut retitled = item.clone();
    retitled.title = LocalizedText::new("", "Autre intitulé", "");
    let err = ml
        .store
        .save_item(&as_secretary, &retitled)
        .await
        .unwrap_err();
    assert!(
        matches!(err, taawun_store::StoreError::Invalid(_)),
        "{err:?}"
    );
    let body = malian_body(&ml, "DGRE").await;
    let mut led = item.clone();
    for l in led.leads.iter_mut().filter(|l| l.party_id == ml.party.id) {
        l.organisation_id = body.id;
    }
    ml.store.save_item(&as_secretary, &led).await.unwrap();
}

#[tokio::test]
async fn a_records_files_travel_as_sealed_blobs_named_by_their_hash() {
    use taawun_app::exchange::inbox::{BlobDir, NoBlobs, receive_file, receive_with};
    use taawun_core::attachment::{FileType, Purpose};
    use taawun_store::{FileSlot, NewFile};
    let (m, ml, c) = joined().await;
    let session = m.store.sessions(Some(c.id)).await.unwrap().remove(0);
    let content = b"%PDF-1.7 communique conjoint: texte en clair".to_vec();
    let file = m
        .store
        .attach_file(
            &Actor::system(),
            NewFile {
                record: RecordKind::Session,
                record_id: session.id,
                slot: FileSlot::New(Purpose::Communique),
                name: "communique.pdf".into(),
                file_type: FileType::Pdf,
                content: content.clone(),
            },
        )
        .await
        .unwrap();
    // A file of a record Mali may not see never leaves, not even by its name.
    let secret = item_marked(
        &m,
        &c,
        "MA-S-1",
        Protection {
            marking: Marking::Secret,
            ..Protection::default()
        },
    )
    .await;
    let hidden = m
        .store
        .attach_file(
            &Actor::system(),
            NewFile {
                record: RecordKind::ActionItem,
                record_id: secret.id,
                slot: FileSlot::New(Purpose::Supporting),
                name: "secret.pdf".into(),
                file_type: FileType::Pdf,
                content: b"%PDF-1.7 secret annex".to_vec(),
            },
        )
        .await
        .unwrap();

    let mut parts = outbox::export(m.store.clone(), &m.me, &Actor::system(), ml.me.instance)
        .await
        .unwrap();
    let sealed = parts.remove(0);
    assert!(sealed.files.contains(&file.sha256), "{:?}", sealed.files);
    assert!(!sealed.files.contains(&hidden.sha256));
    assert!(
        outbox::blob(m.store.clone(), &m.me, ml.me.instance, &hidden.sha256)
            .await
            .unwrap()
            .is_none()
    );
    let blob = outbox::blob(m.store.clone(), &m.me, ml.me.instance, &file.sha256)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !blob.contains("communique conjoint"),
        "the blob is ciphertext"
    );

    // Without its file, the bundle is refused whole; with another content under the
    // file's name, too.
    let got = receive_with(ml.store.clone(), &ml.me, sealed.text.as_bytes(), &NoBlobs)
        .await
        .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::MissingFile));
    assert!(ml.store.session(session.id).await.unwrap().is_none());
    let dir = tempfile::tempdir().unwrap();
    let other = outbox::blob(m.store.clone(), &m.me, ml.me.instance, &sealed.files[0])
        .await
        .unwrap()
        .unwrap();
    let wrong_name = if sealed.files[0] == file.sha256 {
        // Any blob of this export that is not this file's, else a truncated one.
        other[..other.len() / 2].to_string()
    } else {
        other
    };
    std::fs::write(dir.path().join(&file.sha256), wrong_name).unwrap();
    let got = receive_with(
        ml.store.clone(),
        &ml.me,
        sealed.text.as_bytes(),
        &BlobDir(dir.path().to_path_buf()),
    )
    .await
    .unwrap();
    assert_eq!(got.outcome, Arrived::Refused(Refusal::MissingFile));

    // Carried beside the bundle, it is applied with it: the same name, content and hash.
    for sha in &sealed.files {
        let b = outbox::blob(m.store.clone(), &m.me, ml.me.instance, sha)
            .await
            .unwrap()
            .unwrap();
        std::fs::write(dir.path().join(sha), b).unwrap();
    }
    let got = receive_with(
        ml.store.clone(),
        &ml.me,
        sealed.text.as_bytes(),
        &BlobDir(dir.path().to_path_buf()),
    )
    .await
    .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { .. }),
        "{:?}",
        got.outcome
    );
    let held = ml
        .store
        .attachments_of(RecordKind::Session, &[session.id])
        .await
        .unwrap();
    let copy = held
        .iter()
        .find(|a| a.id == file.id)
        .expect("the file at Mali");
    assert_eq!(
        (copy.sha256.as_str(), copy.name.as_str()),
        (file.sha256.as_str(), "communique.pdf")
    );
    assert_eq!(
        ml.store.attachment_content(file.id).await.unwrap().unwrap(),
        content
    );
    assert!(
        ml.store
            .attachments_of(RecordKind::ActionItem, &[secret.id])
            .await
            .unwrap()
            .is_empty()
    );

    // Sent once: the next bundle does not name it again; a new version goes as one file,
    // downloaded from the page as one file that carries its blob.
    let next = m
        .store
        .attach_file(
            &Actor::system(),
            NewFile {
                record: RecordKind::Session,
                record_id: session.id,
                slot: FileSlot::Replaces(file.file_id),
                name: "communique-v2.pdf".into(),
                file_type: FileType::Pdf,
                content: b"%PDF-1.7 communique v2".to_vec(),
            },
        )
        .await
        .unwrap();
    let sealed = outbox::export(m.store.clone(), &m.me, &Actor::system(), ml.me.instance)
        .await
        .unwrap();
    assert_eq!(sealed.len(), 1);
    assert_eq!(sealed[0].files, vec![next.sha256.clone()]);
    let one = outbox::as_one_file(m.store.clone(), &m.me, ml.me.instance, &sealed)
        .await
        .unwrap();
    let got = receive_file(ml.store.clone(), &ml.me, one.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got[0].outcome, Arrived::Applied { .. }),
        "{:?}",
        got[0].outcome
    );
    assert_eq!(
        ml.store.attachment_content(next.id).await.unwrap().unwrap(),
        b"%PDF-1.7 communique v2".to_vec()
    );
}

#[tokio::test]
async fn a_clash_resolved_our_way_reaches_the_partner_and_both_then_hold_the_same() {
    let (m, ml, c) = joined().await;
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { .. }));
    let plan = ml.store.plans(Some(c.id)).await.unwrap().remove(0);
    let mut item = ml
        .store
        .items(plan.id)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.leads.iter().any(|l| l.party_id == ml.party.id))
        .unwrap();
    let side = |i: &ActionItem, p: Id| {
        i.leads
            .iter()
            .find(|l| l.party_id == p)
            .map(|l| l.organisation_id)
    };
    // Morocco names another Malian body on Mali's side; Mali names one of its own.
    let ml_at_m = party_of(m.store.as_ref(), "ML").await;
    let mut at_m = m.store.item(item.id).await.unwrap().unwrap();
    let chosen = m
        .store
        .organisations(Some(ml_at_m.id))
        .await
        .unwrap()
        .into_iter()
        .find(|o| side(&at_m, ml_at_m.id) != Some(o.id))
        .unwrap();
    for l in at_m.leads.iter_mut().filter(|l| l.party_id == ml_at_m.id) {
        l.organisation_id = chosen.id;
    }
    m.store.save_item(&Actor::system(), &at_m).await.unwrap();
    let own = malian_body(&ml, "DGPC").await;
    for l in item.leads.iter_mut().filter(|l| l.party_id == ml.party.id) {
        l.organisation_id = own.id;
    }
    ml.store.save_item(&Actor::system(), &item).await.unwrap();
    let got = receive(m.store.clone(), &m.me, export(&ml, &m).await.as_bytes())
        .await
        .unwrap();
    assert!(matches!(got.outcome, Arrived::Applied { .. }));
    let clash = m.store.exchange_conflicts(true).await.unwrap().remove(0);

    // Morocco's secretariat keeps Morocco's version; the next bundle tells Mali.
    assert!(
        m.store
            .exchange_resolve(&Actor::system(), ml_at_m.id, clash.id, false)
            .await
            .unwrap()
    );
    let got = receive(ml.store.clone(), &ml.me, export(&m, &ml).await.as_bytes())
        .await
        .unwrap();
    assert!(
        matches!(got.outcome, Arrived::Applied { .. }),
        "{:?}",
        got.outcome
    );
    let now_ml = ml.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(
        side(&now_ml, ml.party.id),
        Some(chosen.id),
        "Mali took the decision"
    );
    let now_m = m.store.item(item.id).await.unwrap().unwrap();
    assert_eq!(side(&now_m, ml_at_m.id), Some(chosen.id));

    // Mali does not send its old version back: no new clash, nothing changes at Morocco.
    let back = outbox::export(ml.store.clone(), &ml.me, &Actor::system(), m.me.instance)
        .await
        .unwrap();
    for b in &back {
        let got = receive(m.store.clone(), &m.me, b.text.as_bytes())
            .await
            .unwrap();
        assert!(
            matches!(got.outcome, Arrived::Applied { .. }),
            "{:?}",
            got.outcome
        );
    }
    assert!(m.store.exchange_conflicts(true).await.unwrap().is_empty());
    assert_eq!(
        side(&m.store.item(item.id).await.unwrap().unwrap(), ml_at_m.id),
        Some(chosen.id)
    );
    // Told once: the following bundle carries no resolution again.
    assert!(nothing_to_send(&m, &ml).await);
}

#[tokio::test]
async fn two_imports_of_one_bundle_at_once_apply_it_once_and_say_so() {
    let (m, ml, _) = joined().await;
    let text = export(&m, &ml).await;
    let (a, b) = tokio::join!(
        receive(ml.store.clone(), &ml.me, text.as_bytes()),
        receive(ml.store.clone(), &ml.me, text.as_bytes()),
    );
    let mut outcomes = vec![a.unwrap().outcome, b.unwrap().outcome];
    outcomes.sort_by_key(|o| matches!(o, Arrived::AlreadyApplied { .. }));
    assert!(
        matches!(
            outcomes.as_slice(),
            [
                Arrived::Applied { seq: 1, .. },
                Arrived::AlreadyApplied { seq: 1 }
            ]
        ),
        "{outcomes:?}"
    );
    let log = ml.store.exchange_log(m.me.instance, 10).await.unwrap();
    assert_eq!(
        log.iter()
            .filter(|r| r.direction == Direction::In && r.outcome == Outcome::Applied)
            .count(),
        1,
        "{log:?}"
    );
    assert!(
        log.iter().all(|r| r.outcome != Outcome::Refused),
        "no refusal logged: {log:?}"
    );
}
