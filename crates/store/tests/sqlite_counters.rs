//! The counters under concurrency, as several Taawun processes would use them: two
//! `SqliteStore`s opened on one database file (two pools, like two processes), dozens of
//! attempts at once, and the limits still hold exactly. Also: the attempts table is pruned.

use chrono::{TimeDelta, Utc};
use std::sync::Arc;
use std::time::Duration;
use taawun_core::new_id;
use taawun_store::{AttemptKey, Busy, Counters, JobLimits, SqliteStore, Store};

const WINDOW: Duration = Duration::from_secs(15 * 60);

async fn two_processes() -> (tempfile::TempDir, SqliteStore, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let a = SqliteStore::open(&path).await.unwrap();
    let b = SqliteStore::open(&path).await.unwrap();
    (dir, a, b)
}

#[tokio::test]
async fn forty_attempts_at_once_from_two_processes_count_five() {
    let (_dir, a, b) = two_processes().await;
    let sides: [Arc<dyn Counters>; 2] = [a.counters(), b.counters()];
    let now = Utc::now();
    let mut tasks = Vec::new();
    for i in 0..40 {
        let c = sides[i % 2].clone();
        tasks.push(tokio::spawn(async move {
            let keys = [AttemptKey {
                key: "account:karim".into(),
                limit: 5,
            }];
            c.count_login_attempt(new_id(), &keys, WINDOW, now)
                .await
                .unwrap()
        }));
    }
    let mut counted = 0;
    for t in tasks {
        if t.await.unwrap().is_none() {
            counted += 1;
        }
    }
    assert_eq!(counted, 5);
}

#[tokio::test]
async fn jobs_started_at_once_from_two_processes_stay_within_the_limits() {
    let (_dir, a, b) = two_processes().await;
    let sides: [Arc<dyn Counters>; 2] = [a.counters(), b.counters()];
    let now = Utc::now();
    let mut tasks = Vec::new();
    for i in 0..24 {
        let c = sides[i % 2].clone();
        // Three holders, eight tries each.
        let holder = format!("user{}", i % 3);
        tasks.push(tokio::spawn(async move {
            c.begin_job(new_id(), &holder, JobLimits::default(), now)
                .await
                .unwrap()
        }));
    }
    let mut started = 0;
    let mut per_holder = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(()) => started += 1,
            Err(Busy::Holder) => per_holder += 1,
            Err(Busy::Instance) => {}
        }
    }
    assert_eq!(started, 6, "two per holder");
    assert_eq!(per_holder, 18);
    let running = a
        .counters()
        .running_jobs(None, now - TimeDelta::hours(1))
        .await
        .unwrap();
    assert_eq!(running, 6);
}

#[tokio::test]
async fn attempts_older_than_the_window_are_deleted() {
    let (_dir, a, _b) = two_processes().await;
    let c = a.counters();
    let t0 = Utc::now() - TimeDelta::hours(1);
    // A flood of invented usernames.
    for i in 0..300 {
        let keys = [AttemptKey {
            key: format!("account:invented{i}"),
            limit: 5,
        }];
        c.count_login_attempt(new_id(), &keys, WINDOW, t0)
            .await
            .unwrap();
    }
    let rows = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from login_attempts")
            .fetch_one(a.pool())
            .await
            .unwrap()
    };
    assert_eq!(rows().await, 300);
    let keys = [AttemptKey {
        key: "account:someone".into(),
        limit: 5,
    }];
    c.count_login_attempt(new_id(), &keys, WINDOW, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        rows().await,
        1,
        "only the attempt within the window is left"
    );
}
