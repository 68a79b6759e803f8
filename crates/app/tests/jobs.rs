//! Jobs belong to whoever started them, carry their progress by phase, are waited on for a
//! moment before a front end shows their progress instead, count against their holder's
//! limit until they finish, and are evicted once kept long enough.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use taawun_app::jobs::{Holder, Jobs, JobsConfig, Outcome, Phase, StartError};
use taawun_core::new_id;
use taawun_store::{Busy, PgStore, SqliteStore, Store};

async fn jobs(dir: &tempfile::TempDir) -> (Jobs, Arc<AtomicI64>) {
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let offset = Arc::new(AtomicI64::new(0));
    (jobs_on(&store, &offset), offset)
}

/// Jobs over `store`'s counters, on a clock the test moves by `offset` seconds.
fn jobs_on(store: &dyn Store, offset: &Arc<AtomicI64>) -> Jobs {
    let config = JobsConfig {
        wait: Duration::from_millis(50),
        ..JobsConfig::default()
    };
    // A clock the test moves by hand, in seconds after a fixed start.
    let o = offset.clone();
    let start = DateTime::<Utc>::from_timestamp(1_750_000_000, 0).unwrap();
    let now = Arc::new(move || start + TimeDelta::seconds(o.load(Ordering::SeqCst)));
    Jobs::new(store.counters(), config).with_clock(now)
}

async fn finished(job: &taawun_app::jobs::Job) {
    assert!(job.wait(Duration::from_secs(5)).await, "the job ends");
}

#[tokio::test]
async fn a_job_is_its_owners_alone_and_reports_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let (jobs, _) = jobs(&dir).await;
    let (alice, bob) = (new_id(), new_id());
    let (id, job) = jobs
        .start(&Holder::user(alice), String::from("export"))
        .await
        .unwrap();
    assert!(jobs.find(id, Some(alice)).await.is_some());
    assert!(jobs.find(id, Some(bob)).await.is_none());
    assert!(jobs.find(id, None).await.is_none());

    job.set_done(40);
    assert_eq!((job.phase(), job.progress()), (Phase::Reading, (40, 0)));
    job.writing(100);
    assert_eq!((job.phase(), job.progress()), (Phase::Writing, (0, 100)));

    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let failed = Outcome::Failed {
        message: String::new(),
    };
    jobs.run(job.clone(), id, failed, async move {
        let _ = rx.await;
        Outcome::Done {
            href: String::from("/next"),
        }
    });
    assert!(!job.wait(jobs.wait).await, "not finished yet");
    tx.send(()).unwrap();
    finished(&job).await;
    assert!(matches!(job.outcome(), Some(Outcome::Done { href }) if href == "/next"));
}

#[tokio::test]
async fn a_holder_runs_two_at_once_and_finished_jobs_are_evicted_after_the_keep_time() {
    let dir = tempfile::tempdir().unwrap();
    let (jobs, clock) = jobs(&dir).await;
    let amina = Holder::user(new_id());
    let (gate_tx, gate) = tokio::sync::watch::channel(false);
    let mut started = Vec::new();
    for _ in 0..2 {
        let (id, job) = jobs.start(&amina, String::from("export")).await.unwrap();
        let mut g = gate.clone();
        let failed = Outcome::Failed {
            message: String::new(),
        };
        jobs.run(job.clone(), id, failed, async move {
            let _ = g.wait_for(|open| *open).await;
            Outcome::Done {
                href: String::from("/"),
            }
        });
        started.push((id, job));
    }
    assert!(matches!(
        jobs.start(&amina, String::from("export")).await,
        Err(StartError::Busy(Busy::Holder))
    ));
    // Someone else is not affected; an inline slot counts like a job.
    let omar = Holder::user(new_id());
    let slot = jobs.slot(&omar).await.unwrap();
    gate_tx.send(true).unwrap();
    for (_, job) in &started {
        finished(job).await;
    }
    // Finished: the holder may start again.
    let (again, _) = jobs.start(&amina, String::from("export")).await.unwrap();
    slot.end().await;
    assert_eq!(jobs.held(), 3);

    // Kept for 15 minutes, then gone from memory, even without a new start.
    clock.store(14 * 60, Ordering::SeqCst);
    let (first, _) = &started[0];
    assert!(jobs.find(*first, amina.owner).await.is_some());
    clock.store(15 * 60, Ordering::SeqCst);
    jobs.sweep().await;
    assert!(jobs.find(*first, amina.owner).await.is_none());
    assert_eq!(jobs.held(), 1, "only the running one is left");
    assert!(jobs.find(again, amina.owner).await.is_some());
}

/// Two processes on one database (each its own store, as two nodes hold): a job started on
/// one is followed and its file downloaded on the other, by its owner alone, until it
/// expires; then neither knows it.
#[tokio::test]
async fn a_job_is_followed_and_collected_from_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let first = SqliteStore::open(&path).await.unwrap();
    let second = SqliteStore::open(&path).await.unwrap();
    followed_across(&first, &second).await;
}

/// The same with two nodes on one PostgreSQL database.
#[tokio::test]
async fn a_job_is_followed_and_collected_from_another_node_on_postgresql() {
    let url = taawun_testpg::fresh_database();
    let first = PgStore::open(&url).await.unwrap();
    let second = PgStore::open(&url).await.unwrap();
    followed_across(&first, &second).await;
}

async fn followed_across(first: &dyn Store, second: &dyn Store) {
    // One clock for both, as two machines of one deployment keep.
    let clock = Arc::new(AtomicI64::new(0));
    let (here, there) = (jobs_on(first, &clock), jobs_on(second, &clock));
    let (alice, bob) = (new_id(), new_id());
    let (id, job) = here
        .start(&Holder::user(alice), String::from("export"))
        .await
        .unwrap();
    // Known over there as soon as it starts, to its owner only.
    let seen = there
        .find(id, Some(alice))
        .await
        .expect("published at start");
    assert_eq!(seen.label, "export");
    assert!(there.find(id, Some(bob)).await.is_none());
    assert!(there.find(id, None).await.is_none());

    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let failed = Outcome::Failed {
        message: String::new(),
    };
    let file: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let sent = file.clone();
    let progress = job.clone();
    here.run(job.clone(), id, failed, async move {
        progress.writing(1000);
        progress.set_done(400);
        let _ = rx.await;
        Outcome::File {
            bytes: Arc::new(sent),
            content_type: String::from("text/csv; charset=utf-8"),
            file_name: String::from("items.csv"),
        }
    });
    // The progress reaches the other process while the work runs.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let j = there.find(id, Some(alice)).await.unwrap();
        if (j.phase(), j.progress()) == (Phase::Writing, (400, 1000)) {
            assert!(j.outcome().is_none(), "still running");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "progress not published"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tx.send(()).unwrap();
    finished(&job).await;
    let done = there.find(id, Some(alice)).await.unwrap();
    match done.outcome() {
        Some(Outcome::File {
            bytes,
            content_type,
            file_name,
        }) => {
            assert_eq!(*bytes, file, "the file, byte for byte");
            assert_eq!(
                (content_type.as_str(), file_name.as_str()),
                ("text/csv; charset=utf-8", "items.csv")
            );
        }
        _ => panic!("the file is collected over there"),
    }
    // Past the keep time, a sweep on either process forgets it on both.
    clock.store(15 * 60, Ordering::SeqCst);
    here.sweep().await;
    assert!(here.find(id, Some(alice)).await.is_none());
    assert!(there.find(id, Some(alice)).await.is_none());
}
