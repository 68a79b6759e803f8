//! The audit chain on real database files (issue 11, part 6): every write seals its rows,
//! and an edit, deletion or insertion made behind the store's back is named by `check`; a
//! cut tail or a consistently rewritten chain only by a head saved before.

// Only the fixtures are used here, not the whole suite.
#[allow(dead_code, unused_imports)]
mod suite;

use taawun_store::chain::{ChainRow, link_hash};
use taawun_store::{AuditHead, SqliteStore, Store};

async fn written() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    suite::fixtures::world(&store).await;
    (dir, store)
}

async fn exec(store: &SqliteStore, sql: &str) {
    sqlx::raw_sql(sql).execute(store.pool()).await.unwrap();
}

#[tokio::test]
async fn every_write_is_sealed_and_the_log_verifies() {
    let (_dir, store) = written().await;
    let rows: i64 = sqlx::query_scalar("select count(*) from audit_log where seq is not null")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(rows > 5, "the world writes several rows");
    let head = store.audit_head().await.unwrap();
    assert_eq!(head.seq, rows);
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
    assert_eq!(
        store.check(Some(&head)).await.unwrap(),
        Vec::<String>::new()
    );
    // The head round-trips through its text.
    assert_eq!(head.to_string().parse::<AuditHead>().unwrap(), head);
}

#[tokio::test]
async fn an_edited_row_is_named() {
    let (_dir, store) = written().await;
    exec(
        &store,
        "update audit_log set actor = 'mallory' where seq = 3",
    )
    .await;
    let problems = store.check(None).await.unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("audit row 3 ("), "{problems:?}");
    assert!(problems[0].contains("edited"), "{problems:?}");
}

#[tokio::test]
async fn a_deleted_row_is_named() {
    let (_dir, store) = written().await;
    exec(&store, "delete from audit_log where seq = 2").await;
    let problems = store.check(None).await.unwrap();
    assert!(
        problems[0].starts_with("audit row 2 is missing"),
        "{problems:?}"
    );
}

#[tokio::test]
async fn an_inserted_row_is_named_sealed_or_not() {
    let (_dir, store) = written().await;
    exec(
        &store,
        "insert into audit_log (id, at, actor, action, entity, entity_id, before, after)
         select 'forged', at, actor, action, entity, entity_id, before, after
         from audit_log where seq = 1",
    )
    .await;
    let problems = store.check(None).await.unwrap();
    assert!(
        problems[0].contains("forged") && problems[0].contains("no seal"),
        "{problems:?}"
    );

    // A forger who fills the columns in, with a made-up hash, is caught too.
    exec(
        &store,
        "update audit_log set seq = (select max(seq) + 1 from audit_log),
         prev_hash = (select hash from audit_log order by seq desc limit 1), hash = 'x'
         where id = 'forged'",
    )
    .await;
    let problems = store.check(None).await.unwrap();
    assert!(problems[0].contains("(forged) was edited"), "{problems:?}");
}

#[tokio::test]
async fn a_cut_tail_is_caught_only_by_the_saved_head() {
    let (_dir, store) = written().await;
    let head = store.audit_head().await.unwrap();
    exec(
        &store,
        &format!("delete from audit_log where seq >= {}", head.seq - 1),
    )
    .await;
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
    let problems = store.check(Some(&head)).await.unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("tail was cut"), "{problems:?}");
}

#[tokio::test]
async fn a_consistently_rewritten_chain_is_caught_only_by_the_saved_head() {
    let (_dir, store) = written().await;
    let head = store.audit_head().await.unwrap();
    exec(
        &store,
        "update audit_log set actor = 'mallory' where seq = 2",
    )
    .await;
    rechain(&store).await;
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
    let problems = store.check(Some(&head)).await.unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("rewritten"), "{problems:?}");
}

#[tokio::test]
async fn writes_after_a_check_keep_extending_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let w = suite::fixtures::world(&store).await;
    let head = store.audit_head().await.unwrap();
    let mut morocco = w.morocco.clone();
    morocco.iso_code = Some("MA".into());
    store
        .save_party(&suite::fixtures::actor(), &morocco)
        .await
        .unwrap();
    let later = store.audit_head().await.unwrap();
    assert!(later.seq > head.seq);
    // A head saved earlier still verifies: the chain grew past it.
    assert_eq!(
        store.check(Some(&head)).await.unwrap(),
        Vec::<String>::new()
    );
}

/// An audit row's text columns, as stored.
type Stored = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

/// What someone with write access to the file can do: recompute every hash.
async fn rechain(store: &SqliteStore) {
    let rows: Vec<Stored> = sqlx::query_as(
        "select id, at, actor, action, entity, entity_id, before, after
             from audit_log order by seq",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let mut prev = taawun_store::chain::GENESIS.to_string();
    for (n, (id, at, actor, action, entity, entity_id, before, after)) in
        rows.into_iter().enumerate()
    {
        let seq = n as i64 + 1;
        let row = ChainRow {
            id: id.clone(),
            at,
            actor,
            action,
            entity,
            entity_id,
            before,
            after,
            seq: None,
            prev_hash: None,
            hash: None,
        };
        let hash = link_hash(&row, seq, &prev);
        sqlx::query("update audit_log set seq = ?, prev_hash = ?, hash = ? where id = ?")
            .bind(seq)
            .bind(&prev)
            .bind(&hash)
            .bind(&id)
            .execute(store.pool())
            .await
            .unwrap();
        prev = hash;
    }
}

/// Two stores on one file, as two processes would be, writing at once: each row is sealed
/// once, in commit order, and the chain has no gap and no fork.
#[tokio::test]
async fn concurrent_writers_from_two_processes_keep_one_unbroken_chain() {
    use suite::fixtures::{actor, organisation, party};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let one = SqliteStore::open(&path).await.unwrap();
    let two = SqliteStore::open(&path).await.unwrap();
    let mali = one
        .save_party(&actor(), &party("ML", "مالي", "Mali"))
        .await
        .unwrap();
    let mut writers = Vec::new();
    for n in 0..40 {
        let store = if n % 2 == 0 { one.clone() } else { two.clone() };
        let org = organisation(&mali, &format!("Direction {n}"));
        writers.push(tokio::spawn(async move {
            store.save_organisation(&actor(), &org).await.unwrap();
        }));
    }
    for w in writers {
        w.await.unwrap();
    }
    let rows: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(one.pool())
        .await
        .unwrap();
    assert_eq!(rows, 41);
    assert_eq!(two.audit_head().await.unwrap().seq, 41);
    assert_eq!(one.check(None).await.unwrap(), Vec::<String>::new());
}
