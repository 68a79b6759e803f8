//! Issue 10, finding 9: work per reader is bounded. Through the real router, on a database
//! big enough that an export takes a while: a reader who starts three exports (or three
//! PDFs) at once gets the 429 page in their language for the excess, with Retry-After;
//! another reader is not affected; once the jobs finish the reader may start again; and a
//! finished job is evicted after the keep time (the jobs' clock is the test's).

mod common;

use axum::Router;
use chrono::{TimeDelta, Utc};
use common::browser::{Browser, add_user, location};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use taawun_core::Role;
use taawun_store::{SqliteStore, Store};
use taawun_web::jobs::JobsConfig;
use taawun_web::{AppState, app};

const PASSWORD: &str = "correct horse battery";

struct World {
    app: Router,
    store: Arc<dyn Store>,
    clock: Arc<AtomicI64>,
    _dir: tempfile::TempDir,
}

/// A closed instance over a generated data set of `items` action items, its jobs on a clock
/// the test moves (seconds after a fixed start), answering at once with the job's page.
async fn world(items: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    taawun_store::bench::generate(&store, items, items)
        .await
        .unwrap();
    let store: Arc<dyn Store> = Arc::new(store);
    let clock = Arc::new(AtomicI64::new(0));
    let c = clock.clone();
    let start = Utc::now();
    let now = Arc::new(move || start + TimeDelta::seconds(c.load(Ordering::SeqCst)));
    let config = JobsConfig {
        wait: Duration::ZERO,
        ..JobsConfig::default()
    };
    let state = AppState::new(store.clone(), false).with_jobs(config, Some(now));
    World {
        app: app(state),
        store,
        clock,
        _dir: dir,
    }
}

async fn signed_in(w: &World, name: &str, lang: &str) -> Browser {
    add_user(&w.store, name, Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&w.app);
    b.cookies.insert("lang".into(), lang.into());
    assert_eq!(b.login(name, PASSWORD).await.status, 303);
    b
}

/// Starts every `uri` at once with the browser's cookies; the answers in order.
async fn at_once(app: &Router, b: &Browser, uris: &[&str]) -> Vec<common::Reply> {
    let tasks: Vec<_> = uris
        .iter()
        .map(|uri| {
            let mut twin = Browser::new(app);
            twin.cookies = b.cookies.clone();
            let uri = uri.to_string();
            tokio::spawn(async move { twin.get(&uri).await })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

/// Follows a job's page until it is finished; the page's last body.
async fn until_finished(b: &mut Browser, page: &str) -> String {
    for _ in 0..1500 {
        let body = b.get(page).await.body;
        if !body.contains("http-equiv=\"refresh\"") {
            return body;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{page} never finished");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reader_runs_two_exports_at_once_and_is_told_to_wait_for_the_third() {
    let w = world(4_000).await;
    let mut amina = signed_in(&w, "amina", "fr").await;
    let uris = [
        "/export/items.xlsx",
        "/export/progress.xlsx",
        "/export/items.csv",
    ];
    let replies = at_once(&w.app, &amina, &uris).await;
    let started: Vec<&common::Reply> = replies.iter().filter(|r| r.status == 303).collect();
    let refused: Vec<&common::Reply> = replies.iter().filter(|r| r.status == 429).collect();
    assert_eq!(
        (started.len(), refused.len()),
        (2, 1),
        "{:?}",
        replies.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    let r = refused[0];
    assert!(
        r.body
            .contains("Deux exports, imports ou documents PDF sont déjà en préparation"),
        "{}",
        r.body
    );
    assert_eq!(r.headers["retry-after"], "10");

    // Another reader is not affected.
    let mut omar = signed_in(&w, "omar", "en").await;
    let other = omar.get("/export/people.csv").await;
    assert_ne!(other.status, 429, "{}", other.body);

    // Once hers are finished, she may start again.
    for s in &started {
        let page = location(s).to_string();
        assert!(page.starts_with("/jobs/"), "{page}");
        until_finished(&mut amina, &page).await;
    }
    let again = amina.get("/export/items.csv").await;
    assert_eq!(again.status, 303, "{}", again.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pdfs_typeset_inline_count_against_the_same_limit() {
    let w = world(600).await;
    let mut amina = signed_in(&w, "amina", "ar").await;
    // A status report of a whole commission, three times at once.
    let commission = w.store.commissions().await.unwrap()[0].id;
    let uri = format!("/commissions/{commission}/report.pdf");
    let replies = at_once(&w.app, &amina, &[&uri, &uri, &uri, &uri]).await;
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 429),
        "{statuses:?}"
    );
    let ok = statuses.iter().filter(|s| **s == 200).count();
    assert!(
        (1..=2).contains(&ok),
        "at most two typeset at once: {statuses:?}"
    );
    let refused = replies
        .iter()
        .find(|r| r.status == 429)
        .expect("one refused");
    assert!(
        refused.body.contains("مستندين بصيغة PDF"),
        "{}",
        refused.body
    );
    // Their places were given back: one more at a time works.
    assert_eq!(amina.get(&uri).await.status, 200);
}

#[tokio::test]
async fn a_finished_job_is_evicted_after_the_keep_time() {
    let w = world(50).await;
    let mut amina = signed_in(&w, "amina", "en").await;
    let start = amina.get("/export/items.csv").await;
    assert_eq!(start.status, 303);
    let page = location(&start).to_string();
    let body = until_finished(&mut amina, &page).await;
    assert!(body.contains(&format!("{page}/file")), "{body}");
    // Kept for 15 minutes…
    w.clock.store(14 * 60, Ordering::SeqCst);
    assert_eq!(amina.get(&page).await.status, 200);
    assert_eq!(amina.get(&format!("{page}/file")).await.status, 200);
    // …then gone: the page and the file are unknown, like any other id.
    w.clock.store(15 * 60 + 1, Ordering::SeqCst);
    assert_eq!(amina.get(&page).await.status, 404);
    assert_eq!(amina.get(&format!("{page}/file")).await.status, 404);
}
