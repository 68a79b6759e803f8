//! `taawun check` through the real binary on real files (issue 11, part 6): a copy of a
//! demo database is damaged behind Taawun's back the way someone with write access to the
//! file could, and the command names the first broken row, exits non-zero, and catches a
//! cut tail or a consistently rewritten chain only against a head saved earlier.

mod common;

use common::{in_dir, text};
use sqlx::{Connection, SqliteConnection};
use std::sync::OnceLock;
use taawun_store::chain::{ChainRow, GENESIS, link_hash};

/// The demo, loaded once; each test damages a copy of it.
fn demo() -> &'static tempfile::TempDir {
    static DEMO: OnceLock<tempfile::TempDir> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = in_dir(&dir, &["demo"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        dir
    })
}

fn copy() -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(demo().path()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.path().join(entry.file_name())).unwrap();
    }
    to
}

async fn exec(dir: &tempfile::TempDir, sql: &str) {
    let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
}

/// `taawun check`: its exit status, stdout and stderr.
fn check(dir: &tempfile::TempDir, extra: &[&str]) -> (bool, String, String) {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let out = in_dir(dir, &args);
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

/// The head `taawun check` prints on a sound database.
fn head(dir: &tempfile::TempDir) -> String {
    let (ok, stdout, stderr) = check(dir, &[]);
    assert!(ok, "{stderr}");
    let line = stdout.lines().find_map(|l| l.strip_prefix("audit head: "));
    line.expect("a head line").to_string()
}

#[test]
fn a_sound_database_passes_and_shows_its_head() {
    let dir = copy();
    let (ok, stdout, stderr) = check(&dir, &[]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("audit log proves itself"), "{stdout}");
    let head = head(&dir);
    let (seq, hash) = head.split_once(':').unwrap();
    assert!(
        seq.parse::<i64>().unwrap() > 10,
        "the demo writes many rows"
    );
    assert_eq!(hash.len(), 64);
    let (ok, _, stderr) = check(&dir, &["--expect-head", &head]);
    assert!(ok, "{stderr}");
}

#[tokio::test]
async fn an_edited_row_is_named() {
    let dir = copy();
    exec(
        &dir,
        "update audit_log set after = '{\"forged\":1}' where seq = 5",
    )
    .await;
    let (ok, _, stderr) = check(&dir, &[]);
    assert!(!ok);
    let first = stderr.lines().next().unwrap();
    assert!(first.starts_with("taawun: audit row 5 ("), "{stderr}");
    assert!(first.contains("edited out of band"), "{stderr}");
    assert!(stderr.contains("1 problem(s) found"), "{stderr}");
}

#[tokio::test]
async fn a_deleted_row_is_named() {
    let dir = copy();
    exec(&dir, "delete from audit_log where seq = 7").await;
    let (ok, _, stderr) = check(&dir, &[]);
    assert!(!ok);
    assert!(
        stderr.starts_with("taawun: audit row 7 is missing"),
        "{stderr}"
    );
}

#[tokio::test]
async fn an_inserted_row_is_named() {
    let dir = copy();
    exec(
        &dir,
        "insert into audit_log (id, at, actor, action, entity, entity_id, before, after)
         select 'forged-row', at, 'mallory', action, entity, entity_id, before, after
         from audit_log where seq = 3",
    )
    .await;
    let (ok, _, stderr) = check(&dir, &[]);
    assert!(!ok);
    assert!(stderr.contains("forged-row"), "{stderr}");
    assert!(stderr.contains("inserted out of band"), "{stderr}");
}

#[tokio::test]
async fn a_cut_tail_is_caught_only_with_the_saved_head() {
    let dir = copy();
    let saved = head(&dir);
    let seq: i64 = saved.split_once(':').unwrap().0.parse().unwrap();
    exec(
        &dir,
        &format!("delete from audit_log where seq > {}", seq - 3),
    )
    .await;
    let (ok, _, stderr) = check(&dir, &[]);
    assert!(ok, "without a saved head a cut tail looks whole: {stderr}");
    let (ok, _, stderr) = check(&dir, &["--expect-head", &saved]);
    assert!(!ok);
    assert!(stderr.contains("tail was cut"), "{stderr}");
}

#[tokio::test]
async fn a_consistently_rewritten_chain_is_caught_only_with_the_saved_head() {
    let dir = copy();
    let saved = head(&dir);
    exec(&dir, "update audit_log set actor = 'mallory' where seq = 2").await;
    rechain(&dir).await;
    let (ok, _, stderr) = check(&dir, &[]);
    assert!(ok, "a recomputed chain verifies on its own: {stderr}");
    let (ok, _, stderr) = check(&dir, &["--expect-head", &saved]);
    assert!(!ok);
    assert!(stderr.contains("the chain was rewritten"), "{stderr}");
}

#[test]
fn a_malformed_head_or_a_missing_database_is_one_clear_line() {
    let dir = copy();
    let (ok, _, stderr) = check(&dir, &["--expect-head", "yesterday"]);
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("is not an audit head"), "{stderr}");

    let empty = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = check(&empty, &[]);
    assert!(!ok);
    assert!(stderr.contains("no database at"), "{stderr}");
    assert!(
        !empty.path().join("taawun.db").exists(),
        "check creates nothing"
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

/// What someone with write access to the file can do: recompute every hash in order.
async fn rechain(dir: &tempfile::TempDir) {
    let url = format!("sqlite://{}", dir.path().join("taawun.db").display());
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    let rows: Vec<Stored> = sqlx::query_as(
        "select id, at, actor, action, entity, entity_id, before, after
         from audit_log order by seq",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut prev = GENESIS.to_string();
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
        sqlx::query("update audit_log set prev_hash = ?, hash = ? where id = ?")
            .bind(&prev)
            .bind(&hash)
            .bind(&id)
            .execute(&mut conn)
            .await
            .unwrap();
        prev = hash;
    }
    conn.close().await.unwrap();
}
