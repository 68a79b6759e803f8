//! The exchange page (issue 16, part 8): administrators and the secretariat see this
//! instance's fingerprint, its partners with theirs and the log with what each bundle's
//! verification found; the secretariat confirms a partner's record is one held here;
//! administrators download a bundle and import a partner's file, and get the receipt to
//! carry back. Readers and party editors are refused; a visitor meets the login page.

mod common;

use common::browser::{Browser, add_user};
use common::instance_with;
use std::sync::Arc;
use taawun_app::exchange::Identity;
use taawun_app::exchange::outbox;
use taawun_core::*;
use taawun_store::{Actor, SqliteStore, Store};

const PASSWORD: &str = "correct horse battery";

async fn logged_in(d: &common::Demo, name: &str, role: Role) -> Browser {
    add_user(&d.store, name, role, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.cookies.insert("lang".into(), "en".into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b
}

/// A partner instance (Mali's) with its own store, registered at the demo instance.
struct Other {
    _dir: tempfile::TempDir,
    store: Arc<dyn Store>,
    me: Identity,
}

async fn mali(d: &common::Demo, host: &Identity) -> Other {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(&dir.path().join("taawun.db"))
            .await
            .unwrap(),
    );
    let mut ids = Vec::new();
    for (code, name) in [("ML", "Mali"), ("MA", "Maroc")] {
        let p = Party {
            id: new_id(),
            kind: PartyKind::State,
            iso_code: Some(code.into()),
            name: LocalizedText::new("", name, ""),
            short_name: LocalizedText::new("", name, ""),
            protection: Default::default(),
            version: 0,
        };
        ids.push(store.save_party(&Actor::system(), &p).await.unwrap().id);
    }
    let me = Identity::create(&dir.path().join("keys"), ids[0], "Bamako", None).unwrap();
    let parties = d.store.parties().await.unwrap();
    let party = |iso: &str| {
        parties
            .iter()
            .find(|p| p.iso_code.as_deref() == Some(iso))
            .unwrap()
            .clone()
    };
    let commission = common::commission_with(d.store.as_ref(), "ML").await;
    let card = me.card(&party("ML"));
    let partner = |card: &taawun_app::exchange::Card, party: Id| {
        card.partner(party, vec![commission], Marking::Restricted, None)
    };
    d.store
        .save_exchange_partner(&Actor::system(), &partner(&card, party("ML").id))
        .await
        .unwrap();
    let host_card = host.card(&party("MA"));
    store
        .save_exchange_partner(&Actor::system(), &partner(&host_card, ids[1]))
        .await
        .unwrap();
    Other {
        _dir: dir,
        store,
        me,
    }
}

#[tokio::test]
async fn administrators_run_the_exchange_from_the_page_and_others_are_kept_out() {
    let keys = tempfile::tempdir().unwrap();
    let host = Arc::new(Identity::create(keys.path(), new_id(), "Rabat", None).unwrap());
    let state_identity = host.clone();
    let d = instance_with(false, move |s| s.with_exchange(Some(state_identity))).await;
    let ml = mali(&d, &host).await;

    // A visitor meets the login page; a reader and a party editor are refused.
    let r = common::send(&d.app, "/exchange", &[]).await;
    assert_eq!(r.status, 303);
    for (name, role) in [("reader", Role::Reader), ("editor", Role::PartyEditor)] {
        let mut b = logged_in(&d, name, role).await;
        assert_eq!(b.get("/exchange").await.status, 403, "{role:?}");
        let r = b
            .post(
                "/exchange/partners/00000000-0000-0000-0000-000000000000/bundle",
                &[],
            )
            .await;
        assert_eq!(r.status, 403, "{role:?}");
    }

    // The administrator sees this instance's and Mali's fingerprints, and downloads the
    // next bundle for Mali.
    let mut admin = logged_in(&d, "chief", Role::Administrator).await;
    let r = admin.get("/exchange").await;
    assert_eq!(r.status, 200);
    let host_fp = taawun_app::exchange::inbox::own(&host);
    assert!(r.body.contains(&host_fp), "{}", r.body);
    assert!(r.body.contains("Bamako"));
    let download = admin
        .post(
            &format!("/exchange/partners/{}/bundle", ml.me.instance),
            &[],
        )
        .await;
    assert_eq!(download.status, 200, "{}", download.body);
    assert!(
        download
            .headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("attachment"))
    );
    // Mali applies it, and its receipt comes back through the page.
    let got = taawun_app::exchange::inbox::receive(ml.store.clone(), &ml.me, &download.bytes)
        .await
        .unwrap();
    assert!(
        matches!(
            got.outcome,
            taawun_app::exchange::inbox::Arrived::Applied { seq: 1, .. }
        ),
        "{:?}",
        got.outcome
    );
    let receipt = got.receipt.unwrap();
    let r = admin
        .upload("/exchange/import", "taawun.receipt", receipt.as_bytes())
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Receipt recorded"), "{}", r.body);
    let r = admin.get("/exchange").await;
    assert!(r.body.contains("Acknowledged by the partner"), "{}", r.body);

    // Mali's first bundle (its own parties, named in what it holds) with one byte changed
    // is refused, said in the reader's language.
    let sealed = outbox::export(ml.store.clone(), &ml.me, &Actor::system(), host.instance)
        .await
        .unwrap()
        .pop()
        .expect("Mali's parties at least");
    let mut env: serde_json::Value = serde_json::from_str(&sealed.text).unwrap();
    let ct = env["ciphertext"].as_str().unwrap().to_string();
    env["ciphertext"] = format!(
        "{}{}",
        if ct.starts_with('A') { "B" } else { "A" },
        &ct[1..]
    )
    .into();
    let r = admin
        .upload("/exchange/import", "x.bundle", env.to_string().as_bytes())
        .await;
    assert!(
        r.body.contains("cannot be opened with this instance"),
        "{}",
        r.body
    );
    // The untouched file is applied, and its receipt offered for download.
    let r = admin
        .upload("/exchange/import", "x.bundle", sealed.text.as_bytes())
        .await;
    assert!(r.body.contains("Bundle 1 applied"), "{}", r.body);
    assert!(r.body.contains("/exchange/receipt"));

    // An item Mali records in the joint plan arrives as Mali's: its page here says where it
    // comes from, in each language.
    let plan = ml.store.plans(None).await.unwrap().remove(0);
    let mut item = ml.store.items(plan.id).await.unwrap().remove(0);
    item.id = new_id();
    item.code = "ML-9".into();
    item.version = 0;
    ml.store.save_item(&Actor::system(), &item).await.unwrap();
    let second = outbox::export(ml.store.clone(), &ml.me, &Actor::system(), host.instance)
        .await
        .unwrap()
        .pop()
        .unwrap();
    let r = admin
        .upload("/exchange/import", "y.bundle", second.text.as_bytes())
        .await;
    assert!(r.body.contains("Bundle 2 applied"), "{}", r.body);
    let page = admin.get(&format!("/items/{}", item.id)).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Recorded on the instance of Bamako"),
        "{}",
        page.body
    );
    admin.cookies.insert("lang".into(), "ar".into());
    let page = admin.get(&format!("/items/{}", item.id)).await;
    assert!(page.body.contains("مسجّل على منصة Bamako"), "{}", page.body);
    admin.cookies.insert("lang".into(), "en".into());
    // Morocco's own items say nothing of the kind.
    let own = admin.get(&format!("/items/{}", d.ids.item)).await;
    assert!(!own.body.contains("Recorded on the instance of"));

    // The secretariat sees the page, but neither downloads nor imports.
    let mut sec = logged_in(&d, "secretary", Role::Secretariat).await;
    let r = sec.get("/exchange").await;
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("/exchange/import"));
    assert!(r.body.contains("Changes that clash"), "{}", r.body);
    // A conflict that is not open (here: none) is said to be decided already.
    let r = sec
        .post(
            "/exchange/conflicts",
            &[
                ("conflict", "00000000-0000-0000-0000-000000000000"),
                ("keep", "theirs"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("already decided"), "{}", r.body);
    let r = sec
        .post(
            &format!("/exchange/partners/{}/bundle", ml.me.instance),
            &[],
        )
        .await;
    assert_eq!(r.status, 403);
}
