//! Fifty backups taken by the real binary while two writers keep committing to the live
//! database: every backup restores, passes SQLite's integrity check (restore runs it), and
//! holds every write that was acknowledged before that backup started. A naive file copy
//! fails this: acknowledged commits still in the write-ahead log are missing from it.

mod common;

use common::{in_dir, run, text};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const BACKUPS: usize = 50;
const WRITERS: usize = 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_backups_under_writers_each_hold_every_acknowledged_write() {
    let live = tempfile::tempdir().unwrap();
    assert!(in_dir(&live, &["demo"]).status.success());
    // The writers save settings of a real account.
    let add = [
        "user",
        "add",
        "--username",
        "veille",
        "--display-name",
        "Veille",
        "--party",
        "ML",
        "--role",
        "reader",
        "--language",
        "fr",
    ];
    assert!(in_dir(&live, &add).status.success());
    let db = live.path().join("taawun.db");
    let pool = SqlitePoolOptions::new()
        .max_connections(WRITERS as u32)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(&db)
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10)),
        )
        .await
        .unwrap();
    let user: String = sqlx::query_scalar("select id from users limit 1")
        .fetch_one(&pool)
        .await
        .unwrap();

    // Keys of writes whose commit returned, in the order they were acknowledged.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (pool, user, acknowledged, stop) = (
            pool.clone(),
            user.clone(),
            acknowledged.clone(),
            stop.clone(),
        );
        writers.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let key = format!("probe-{w}-{n}");
                sqlx::query(
                    "insert into user_settings (user_id, key, value, updated_at) values (?, ?, 'x', ?)",
                )
                .bind(&user)
                .bind(&key)
                .bind(chrono::Utc::now().to_rfc3339())
                .execute(&pool)
                .await
                .unwrap();
                acknowledged.lock().unwrap().push(key);
                n += 1;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;

    let work = tempfile::tempdir().unwrap();
    let mut during = Vec::new();
    for i in 0..BACKUPS {
        // Everything acknowledged before the backup process starts must be in its copy.
        let before: Vec<String> = acknowledged.lock().unwrap().clone();
        let file = work.path().join(format!("b{i}.tar"));
        let (dbdir, f) = (live.path().to_path_buf(), file.clone());
        let out = tokio::task::spawn_blocking(move || {
            run(&[
                "backup",
                "--out",
                f.to_str().unwrap(),
                "--data-dir",
                dbdir.to_str().unwrap(),
            ])
        })
        .await
        .unwrap();
        assert!(out.status.success(), "backup {i}: {}", text(&out.stderr));
        during.push(acknowledged.lock().unwrap().len() - before.len());

        let target = work.path().join(format!("r{i}"));
        let t = target.clone();
        let out = tokio::task::spawn_blocking(move || {
            run(&[
                "restore",
                file.to_str().unwrap(),
                "--data-dir",
                t.to_str().unwrap(),
            ])
        })
        .await
        .unwrap();
        assert!(out.status.success(), "restore {i}: {}", text(&out.stderr));

        let restored = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(SqliteConnectOptions::new().filename(target.join("taawun.db")))
            .await
            .unwrap();
        let keys: HashSet<String> =
            sqlx::query_scalar("select key from user_settings where key like 'probe-%'")
                .fetch_all(&restored)
                .await
                .unwrap()
                .into_iter()
                .collect();
        restored.close().await;
        let missing: Vec<_> = before.iter().filter(|k| !keys.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "backup {i} lost {} acknowledged writes, e.g. {:?}",
            missing.len(),
            missing.first()
        );
        std::fs::remove_dir_all(&target).unwrap();
        std::fs::remove_file(work.path().join(format!("b{i}.tar"))).unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    let total = acknowledged.lock().unwrap().len();
    let busy = during.iter().filter(|n| **n > 0).count();
    println!(
        "{BACKUPS} backups restored; {total} writes acknowledged; writes landed during {busy} backups"
    );
    // The writers really ran while the copies were taken.
    assert!(
        busy >= BACKUPS / 2,
        "writes during only {busy} backups: {during:?}"
    );
}
