//! What `--durability full` costs against `normal` on many small commits (issue 11, finding
//! 5): 1,000 progress reports posted one by one through the real router, by a logged-in
//! party editor with the form's CSRF token, each one its own transaction with its audit row.
//! An import is one commit and would hide the cost of flushing every commit.
//!
//! `cargo run --release -p taawun-web --example durability_bench [reports]`
//! (the database goes to a temporary directory; set TMPDIR to measure another disk).

#[path = "../tests/common/mod.rs"]
mod common;

use common::browser::{Browser, add_user};
use std::sync::Arc;
use std::time::Instant;
use taawun_core::{Marking, Role};
use taawun_store::{Actor, Durability, SqliteStore, Store};
use taawun_web::{AppState, app};

#[tokio::main]
async fn main() {
    let reports: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let full = run(Durability::Full, reports).await;
    let normal = run(Durability::Normal, reports).await;
    let per = |secs: f64| secs * 1e3 / reports as f64;
    println!(
        "{reports} progress reports, one commit each: FULL {full:.2} s ({:.2} ms each), NORMAL {normal:.2} s ({:.2} ms each), FULL/NORMAL = {:.2}",
        per(full),
        per(normal),
        full / normal
    );
}

/// Seconds taken to post `reports` progress reports at `durability`.
async fn run(durability: Durability, reports: usize) -> f64 {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), durability)
        .await
        .expect("open");
    let store: Arc<dyn Store> = Arc::new(store);
    taawun_store::demo::load(&*store).await.expect("demo");
    let commission = common::commission_with(&*store, "ML").await;
    let plan = store.plans(Some(commission)).await.unwrap()[0].id;
    let item = store.items(plan).await.unwrap()[0].clone();
    let side = item.leads[0].party_id;

    // A party editor of the item's first lead, who reports for their own side.
    let mut user = add_user(
        &store,
        "bench.editor",
        Role::PartyEditor,
        "bench password 1",
    )
    .await;
    user.party_id = side;
    user.clearance = Marking::Secret;
    user.commission_ids = vec![commission];
    store.save_user(&Actor::system(), &user).await.unwrap();
    let router = app(AppState::new(store.clone(), false));
    let mut b = Browser::new(&router);
    let login = b.login("bench.editor", "bench password 1").await;
    assert_eq!(login.status, 303, "login: {}", login.body);

    let uri = format!("/items/{}/progress/new", item.id);
    let side = side.to_string();
    // The form once, for its CSRF token (the session's, valid for every post).
    let form = b.get(&uri).await;
    assert_eq!(form.status, 200, "form: {}", form.body);
    let started = Instant::now();
    for n in 0..reports {
        let percent = (n % 100).to_string();
        let r = b
            .post(
                &uri,
                &[
                    ("version", "0"),
                    ("reported_on", "2026-04-01"),
                    ("party_id", &side),
                    ("percent", &percent),
                    ("status", "in_progress"),
                    ("narrative.fr", "Étape franchie"),
                    ("protection.marking", "unclassified"),
                    ("protection.releasability", "all_parties"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "report {n}: {}", r.body);
    }
    let took = started.elapsed().as_secs_f64();
    let saved = store.progress(item.id).await.unwrap().len();
    assert!(saved >= reports, "{saved} reports saved of {reports}");
    store.shut_down().await.expect("close");
    took
}
