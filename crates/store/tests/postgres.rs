//! The PostgreSQL store on a real server (issue 15): nodes starting at once migrate an empty
//! database once, the schema has every table, column and index of SQLite's, a newer schema
//! is refused, and a cluster that requires TLS is reached with `sslmode=verify-full` only.
//! The server is the test command's throwaway cluster (or, for TLS, one started here):
//! without one these tests fail, never skip.

use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};
use taawun_store::{PgStore, SqliteStore, Store, StoreError};
use taawun_testpg::{Cluster, create_database, fresh_database, with_database};

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn three_nodes_starting_at_once_migrate_an_empty_database_once() {
    let url = fresh_database();
    let nodes: Vec<_> = (0..3)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { PgStore::open(&url).await })
        })
        .collect();
    let mut stores = Vec::new();
    for node in nodes {
        stores.push(node.await.unwrap().expect("every node opens the database"));
    }
    let versions: Vec<i64> = sqlx::query_scalar("select version from schema_version order by 1")
        .fetch_all(stores[0].pool())
        .await
        .unwrap();
    assert_eq!(versions, (1..=PgStore::SCHEMA_VERSION).collect::<Vec<_>>());
    // A fourth node, later, finds the work done.
    PgStore::open(&url).await.unwrap();
    let count: i64 = sqlx::query_scalar("select count(*) from schema_version")
        .fetch_one(stores[0].pool())
        .await
        .unwrap();
    assert_eq!(count, PgStore::SCHEMA_VERSION);
}

#[tokio::test]
async fn a_database_written_by_a_newer_taawun_is_refused() {
    let url = fresh_database();
    let store = PgStore::open(&url).await.unwrap();
    sqlx::query("insert into schema_version values ($1, 'later')")
        .bind(PgStore::SCHEMA_VERSION + 1)
        .execute(store.pool())
        .await
        .unwrap();
    match PgStore::open(&url).await {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(
                (found, supported),
                (PgStore::SCHEMA_VERSION + 1, PgStore::SCHEMA_VERSION)
            );
        }
        other => panic!("expected the newer schema to be refused, got {other:?}"),
    }
}

/// Table → column names.
type Columns = BTreeMap<String, BTreeSet<String>>;

/// Every table and column of SQLite's schema is in PostgreSQL's, and every named index: a
/// migration added to one engine and not the other fails here. SQLite's full-text table
/// and its shadow tables have a PostgreSQL replacement of their own shape.
#[tokio::test]
async fn the_schema_has_every_table_column_and_index_of_sqlites() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&dir.path().join("t.db")).await.unwrap();
    let virtual_tables: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'",
    )
    .fetch_all(sqlite.pool())
    .await
    .unwrap();
    let rows = sqlx::query(
        "select m.name, p.name from sqlite_master m, pragma_table_info(m.name) p
         where m.type = 'table' and m.name not like 'sqlite_%'",
    )
    .fetch_all(sqlite.pool())
    .await
    .unwrap();
    let mut want = Columns::new();
    for r in rows {
        let table: String = r.get(0);
        if virtual_tables
            .iter()
            .any(|v| table == *v || table.starts_with(&format!("{v}_")))
        {
            continue;
        }
        want.entry(table).or_default().insert(r.get(1));
    }
    let want_indexes: BTreeSet<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'index' and sql is not null",
    )
    .fetch_all(sqlite.pool())
    .await
    .unwrap()
    .into_iter()
    .collect();

    let pg = PgStore::open(&fresh_database()).await.unwrap();
    let rows = sqlx::query(
        "select table_name::text, column_name::text from information_schema.columns
         where table_schema = current_schema()",
    )
    .fetch_all(pg.pool())
    .await
    .unwrap();
    let mut have = Columns::new();
    for r in rows {
        have.entry(r.get(0)).or_default().insert(r.get(1));
    }
    let have_indexes: BTreeSet<String> = sqlx::query_scalar(
        "select indexname::text from pg_indexes where schemaname = current_schema()",
    )
    .fetch_all(pg.pool())
    .await
    .unwrap()
    .into_iter()
    .collect();

    let mut missing = Vec::new();
    for (table, columns) in &want {
        match have.get(table) {
            None => missing.push(format!("table {table}")),
            Some(h) => missing.extend(columns.difference(h).map(|c| format!("{table}.{c}"))),
        }
    }
    missing.extend(
        want_indexes
            .difference(&have_indexes)
            .map(|i| format!("index {i}")),
    );
    assert!(missing.is_empty(), "missing on PostgreSQL: {missing:?}");
    assert!(
        want.len() > 20,
        "SQLite's schema read back: {} tables",
        want.len()
    );
}

/// A cluster that refuses TCP without TLS, with a certificate made here: the store reaches
/// it with `sslmode=verify-full` (the connection is encrypted), not without TLS, and not
/// when the certificate does not chain to the authority it is given.
#[tokio::test]
async fn a_cluster_that_requires_tls_is_reached_with_verify_full() {
    let cluster = Cluster::start_tls();
    let url = create_database(&cluster.url());
    assert!(url.contains("sslmode=verify-full"), "{url}");
    let store = PgStore::open(&url).await.expect("open over verified TLS");
    let encrypted: bool =
        sqlx::query_scalar("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert!(encrypted);
    store.close().await;

    let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    let plain = with_database(&cluster.plain_url(), name);
    let refused = PgStore::open(&plain)
        .await
        .expect_err("a connection without TLS");
    assert!(
        refused.to_string().contains("no pg_hba.conf entry"),
        "{refused}"
    );

    // The server's own certificate as the authority: it chains to nothing trusted.
    let wrong_root = url.replace(
        &cluster.tls().unwrap().ca.display().to_string(),
        &cluster.dir().join("server.crt").display().to_string(),
    );
    assert_ne!(wrong_root, url);
    PgStore::open(&wrong_root)
        .await
        .expect_err("a certificate that does not chain to the given authority");
}

// The whole store suite, each case on its own database.
#[macro_use]
mod suite;

macro_rules! suite_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = PgStore::open(&fresh_database()).await.unwrap();
                suite::$case(&store).await;
            }
        )*
    };
}

macro_rules! counters_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = PgStore::open(&fresh_database()).await.unwrap();
                suite::$case(store.counters()).await;
            }
        )*
    };
}

macro_rules! shared_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = PgStore::open(&fresh_database()).await.unwrap();
                suite::$case(std::sync::Arc::new(store)).await;
            }
        )*
    };
}

every_case!(suite_cases, counters_cases, shared_cases);

/// Two nodes on one database (two pools, as two processes would hold), forty attempts at
/// once against a limit of five: exactly five are counted.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_attempts_at_once_from_two_nodes_count_five() {
    use taawun_store::{AttemptKey, Counters};
    let url = fresh_database();
    let nodes: [std::sync::Arc<dyn Counters>; 2] = [
        PgStore::open(&url).await.unwrap().counters(),
        PgStore::open(&url).await.unwrap().counters(),
    ];
    let now = chrono::Utc::now();
    let window = std::time::Duration::from_secs(15 * 60);
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let c = nodes[i % 2].clone();
            tokio::spawn(async move {
                let keys = [
                    AttemptKey {
                        key: "account:karim".into(),
                        limit: 5,
                    },
                    AttemptKey {
                        key: "address:192.0.2.7".into(),
                        limit: 20,
                    },
                ];
                c.count_login_attempt(taawun_core::new_id(), &keys, window, now)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut counted = 0;
    for t in tasks {
        if t.await.unwrap().is_none() {
            counted += 1;
        }
    }
    assert_eq!(counted, 5);
}

/// Twenty-four jobs started at once from two nodes by three holders: no holder runs more
/// than its two, and the instance no more than its eight.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn jobs_started_at_once_from_two_nodes_stay_within_the_limits() {
    use taawun_store::{Counters, JobLimits};
    let url = fresh_database();
    let nodes: [std::sync::Arc<dyn Counters>; 2] = [
        PgStore::open(&url).await.unwrap().counters(),
        PgStore::open(&url).await.unwrap().counters(),
    ];
    let now = chrono::Utc::now();
    let tasks: Vec<_> = (0..24)
        .map(|i| {
            let c = nodes[i % 2].clone();
            let holder = format!("user{}", i % 3);
            tokio::spawn(async move {
                c.begin_job(taawun_core::new_id(), &holder, JobLimits::default(), now)
                    .await
                    .unwrap()
                    .is_ok()
            })
        })
        .collect();
    let mut started = 0;
    for t in tasks {
        started += usize::from(t.await.unwrap());
    }
    // Three holders of two each: six, under the instance's eight.
    assert_eq!(started, 6);
    for holder in ["user0", "user1", "user2"] {
        let running = nodes[0]
            .running_jobs(Some(holder), now - chrono::TimeDelta::hours(1))
            .await
            .unwrap();
        assert_eq!(running, 2, "{holder}");
    }
}

/// Two nodes on one database checking the same authenticator code at once, twenty times
/// each: it is accepted once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_code_checked_on_two_nodes_at_once_is_accepted_once() {
    let url = fresh_database();
    let nodes = [
        PgStore::open(&url).await.unwrap().counters(),
        PgStore::open(&url).await.unwrap().counters(),
    ];
    let user = taawun_core::new_id();
    let mut tries = Vec::new();
    for i in 0..40 {
        let node = nodes[i % 2].clone();
        tries.push(tokio::spawn(async move {
            node.spend_totp_step(user, 58_000_001).await.unwrap()
        }));
    }
    let mut accepted = 0;
    for t in tries {
        accepted += usize::from(t.await.unwrap());
    }
    assert_eq!(accepted, 1);
}

/// Reads dropped while they begin their transaction (a client gone, a request timed out)
/// leave no connection inside one: afterwards no session of the pool is idle in a
/// transaction, where the next request's statements would run in a stale snapshot.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reads_dropped_while_they_begin_leave_no_transaction_open() {
    let store = PgStore::open(&fresh_database()).await.unwrap();
    taawun_store::demo::load(&store).await.unwrap();
    for round in 0..1000u64 {
        let s = store.clone();
        let read = tokio::spawn(async move {
            let _ = s.search("Bamako", 10).await;
        });
        tokio::time::sleep(std::time::Duration::from_micros(round * 13 % 1500)).await;
        read.abort();
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let stuck: i64 = sqlx::query_scalar(
        "select count(*) from pg_stat_activity
         where datname = current_database() and state like 'idle in transaction%'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(stuck, 0, "connections left in a transaction");
    // And the pool still answers.
    assert!(!store.search("Bamako", 10).await.unwrap().is_empty());
}
