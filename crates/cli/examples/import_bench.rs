//! Times a whole import of a 10,000-row action plan, from the .xlsx bytes to the committed
//! rows, as `taawun import` and the web import do it: read the sheet, load what rows are
//! checked against, guess the mapping, check every row, save all rows in one transaction.
//!
//! `cargo run --release -p taawun --example import_bench [rows] [runs]`

use std::sync::Arc;
use std::time::Instant;
use taawun_app::import::{ImportWorld, prepared};
use taawun_core::import::Field;
use taawun_core::{Lang, Marking, Role, User, new_id};
use taawun_docs::{Column, ColumnKind, ReadLimits, Table, Value, read_sheet, xlsx};
use taawun_i18n::{FieldLabel, guess_mapping};
use taawun_store::{Actor, SqliteStore, Store, Visible};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let mut times = Vec::new();
    for run in 0..runs {
        let dir = tempfile::tempdir().expect("tempdir");
        let store: Arc<dyn Store> = Arc::new(
            SqliteStore::open(&dir.path().join("taawun.db"))
                .await
                .expect("open"),
        );
        taawun_store::demo::load(&*store).await.expect("demo");
        let commission = store.commissions().await.unwrap()[0].clone();
        let mut plan = store.plans(Some(commission.id)).await.unwrap()[0].clone();
        // A fresh plan, so every run imports into the same empty place.
        plan.id = new_id();
        plan.version = 0;
        let plan = store.save_plan(&Actor::system(), &plan).await.unwrap();
        let user = store
            .save_user(
                &Actor::system(),
                &User {
                    person_id: None,
                    id: new_id(),
                    username: "secretariat.bench".into(),
                    display_name: "Secretariat (bench)".into(),
                    party_id: commission.party_ids[0],
                    organisation_id: None,
                    role: Role::Secretariat,
                    clearance: Marking::Secret,
                    commission_ids: vec![commission.id],
                    active: true,
                    totp_enabled: false,
                    email: None,
                    language: Some(Lang::Fr),
                    version: 0,
                },
            )
            .await
            .unwrap();
        let bytes = sheet(&*store, &commission.party_ids, rows).await;

        let started = Instant::now();
        let lap = |from: Instant| from.elapsed().as_secs_f64() * 1e3;
        let read = read_sheet(&bytes, "plan.xlsx", &ReadLimits::default()).expect("reads");
        let t_read = lap(started);
        let t = Instant::now();
        let v = Visible::new(store.clone(), user.principal());
        let world = ImportWorld::load(&v, plan.id).await.unwrap().expect("plan");
        let mapping = guess_mapping(&read.headers, &world.parties, None);
        let preview = prepared(&world, &read, &mapping, &user);
        assert!(
            preview.is_clean(),
            "{:?}",
            &preview.problems[..preview.problems.len().min(3)]
        );
        let t_check = lap(t);
        let t = Instant::now();
        let saved = store
            .save_items(&Actor::user(&user), &preview.items, &|_| {})
            .await
            .expect("commits");
        let t_save = lap(t);
        let ms = lap(started);
        assert_eq!(saved.len(), rows);
        println!(
            "run {}: {rows} rows ({} KB .xlsx) imported in {ms:.0} ms (read {t_read:.0}, check {t_check:.0}, save {t_save:.0})",
            run + 1,
            bytes.len() / 1024
        );
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "import of {rows} rows: median {:.0} ms, max {:.0} ms over {runs} runs",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}

/// A plan as a ministry would send it: the importer's French headers, one row per item.
async fn sheet(store: &dyn Store, party_ids: &[taawun_core::Id], rows: usize) -> Vec<u8> {
    let mut parties = Vec::new();
    for p in party_ids {
        parties.push(store.party(*p).await.unwrap().unwrap());
    }
    let areas = store.areas().await.unwrap();
    let mut leads = Vec::new();
    for p in &parties {
        leads.push(store.organisations(Some(p.id)).await.unwrap());
    }
    let mut fields = vec![
        Field::Code,
        Field::Title(Lang::Fr),
        Field::Title(Lang::Ar),
        Field::Area,
    ];
    fields.extend(parties.iter().map(|p| Field::Lead(p.id)));
    fields.extend([Field::StartOn, Field::DueOn]);
    let columns = fields
        .iter()
        .map(|f| Column {
            header: f.label(Lang::Fr, &parties),
            kind: if matches!(f, Field::StartOn | Field::DueOn) {
                ColumnKind::Date
            } else {
                ColumnKind::Text
            },
        })
        .collect();
    let day = |n: usize| {
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n as u64 % 300)
    };
    let text = |s: String| Value::Text(s);
    let table = Table {
        name: "Plan".into(),
        rtl: false,
        columns,
        rows: (0..rows)
            .map(|n| {
                let mut r = vec![
                    text(format!("B-{n:05}")),
                    text(format!("Stage de formation conjoint n° {n} (exemple)")),
                    text(format!("دورة تكوينية مشتركة رقم {n} (مثال)")),
                    text(areas[n % areas.len()].name.fr.clone().unwrap_or_default()),
                ];
                for orgs in &leads {
                    r.push(text(
                        orgs[n % orgs.len()].name.fr.clone().unwrap_or_default(),
                    ));
                }
                r.push(Value::Date(day(n)));
                r.push(Value::Date(day(n) + chrono::Days::new(90)));
                r
            })
            .collect(),
    };
    xlsx(&table).expect("xlsx")
}
