//! `taawun import` as an operator runs it: a file with planted errors reports each on its
//! row and saves nothing; a clean file is saved whole, with progress on stderr; a file that
//! is not a spreadsheet is one clear line.

use taawun_store::{SqliteStore, Store};

mod common;

use common::{in_dir, text};

#[tokio::test]
async fn import_checks_every_row_then_saves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let add = [
        "user",
        "add",
        "--username",
        "secretariat",
        "--display-name",
        "Secrétariat",
        "--party",
        "MA",
        "--role",
        "administrator",
    ];
    let out = in_dir(&dir, &add);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let (plan, area, ma, ml) = {
        let store = SqliteStore::open(&dir.path().join("taawun.db"))
            .await
            .unwrap();
        // The Morocco–Mali commission's plan (the demo has a Morocco–Senegal one too).
        let parties = store.parties().await.unwrap();
        let ml = parties.iter().find(|p| p.iso_code.as_deref() == Some("ML"));
        let mali = store
            .commissions()
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.party_ids.contains(&ml.unwrap().id))
            .unwrap()
            .id;
        let plan = store.plans(Some(mali)).await.unwrap()[0].id;
        let area = store.areas().await.unwrap()[0].name.fr.clone().unwrap();
        let parties = store.parties().await.unwrap();
        let org = |iso: &str| {
            parties
                .iter()
                .find(|p| p.iso_code.as_deref() == Some(iso))
                .unwrap()
                .id
        };
        let ma = store.organisations(Some(org("MA"))).await.unwrap()[0]
            .name
            .fr
            .clone()
            .unwrap();
        let ml = store.organisations(Some(org("ML"))).await.unwrap()[0]
            .name
            .fr
            .clone()
            .unwrap();
        (plan.to_string(), area, ma, ml)
    };
    let head = "Code;Titre (français);Domaine de coopération;Pilote MA;Pilote ML;Échéance";
    let bad = format!(
        "{head}\nC-1;Stage de tir (exemple);{area};{ma};{ml};30/06/2027\nC-2;Stage radio (exemple);{area};{ma};Brigade inconnue;31/02/2027\n"
    );
    let file = dir.path().join("plan.csv");
    std::fs::write(&file, bad).unwrap();
    let args = |f: &std::path::Path| {
        vec![
            "import".to_string(),
            "--plan".into(),
            plan.clone(),
            "--as".into(),
            "secretariat".into(),
            "--lang".into(),
            "fr".into(),
            "--map".into(),
            "Pilote MA=lead_ma".into(),
            "--map".into(),
            "Pilote ML=lead_ml".into(),
            f.to_str().unwrap().to_string(),
        ]
    };
    let a = args(&file);
    let out = in_dir(&dir, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    let said = text(&out.stdout);
    assert!(
        said.contains("row 3, Pilote ML:") && said.contains("Brigade inconnue"),
        "{said}"
    );
    assert!(
        said.contains("row 3, Échéance:") && said.contains("31/02/2027"),
        "{said}"
    );
    assert!(!said.contains("row 2"), "{said}");
    assert!(text(&out.stderr).contains("nothing was imported"));

    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let before = store.items(plan.parse().unwrap()).await.unwrap().len();
    drop(store);
    let good = format!(
        "{head}\nC-1;Stage de tir (exemple);{area};{ma};{ml};30/06/2027\nC-2;Stage radio (exemple);{area};{ma};{ml};31/03/2027\n"
    );
    std::fs::write(&file, good).unwrap();
    let out = in_dir(&dir, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("2 items created, 0 updated, 0 unchanged"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("importing: 2/2 rows"),
        "no progress: {}",
        text(&out.stderr)
    );
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    assert_eq!(
        store.items(plan.parse().unwrap()).await.unwrap().len(),
        before + 2
    );

    std::fs::write(&file, [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).unwrap();
    let out = in_dir(&dir, &a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"));
}
