//! Jobs belong to whoever started them, carry their progress by phase, are waited on for a
//! moment before a front end shows their progress instead, count against their holder's
//! limit until they finish, and are evicted once kept long enough.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use taawun_app::jobs::{Holder, Jobs, JobsConfig, Outcome, Phase, StartError};
use taawun_core::new_id;
use taawun_store::{Busy, SqliteStore, Store};

async fn jobs(dir: &tempfile::TempDir) -> (Jobs, Arc<AtomicI64>) {
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let config = JobsConfig {
        wait: Duration::from_millis(50),
        ..JobsConfig::default()
    };
    // A clock the test moves by hand, in seconds after a fixed start.
    let offset = Arc::new(AtomicI64::new(0));
    let o = offset.clone();
    let start = DateTime::<Utc>::from_timestamp(1_750_000_000, 0).unwrap();
    let now = Arc::new(move || start + TimeDelta::seconds(o.load(Ordering::SeqCst)));
    (Jobs::new(store.counters(), config).with_clock(now), offset)
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
    assert!(jobs.get(id, Some(alice)).is_some());
    assert!(jobs.get(id, Some(bob)).is_none());
    assert!(jobs.get(id, None).is_none());

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
    assert!(jobs.get(*first, amina.owner).is_some());
    clock.store(15 * 60, Ordering::SeqCst);
    jobs.sweep().await;
    assert!(jobs.get(*first, amina.owner).is_none());
    assert_eq!(jobs.held(), 1, "only the running one is left");
    assert!(jobs.get(again, amina.owner).is_some());
}
