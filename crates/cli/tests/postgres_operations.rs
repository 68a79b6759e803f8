//! `taawun check`, `backup` and `restore` on PostgreSQL (issue 15, part 6), through the real
//! binary and a real server: the chain proves itself there with the head SQLite had, and a
//! row changed out of band is named; a backup taken from PostgreSQL (encrypted, too)
//! restores into another PostgreSQL database and into a data directory with the same head
//! and the same tables; a database that holds rows is never restored into.

mod common;

use common::{in_dir, run, text};
use std::process::Output;
use taawun_testpg::fresh_database;

/// The demo with its first administrator, copied into a new PostgreSQL database.
fn demo_on_postgres() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = in_dir(&dir, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    common::add_admin(&dir);
    let pg = fresh_database();
    let from = format!("sqlite://{}/taawun.db", dir.path().display());
    let out = run(&["copy", "--from", &from, "--to", &pg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, pg)
}

/// The `audit head: …` line a successful command printed.
fn head(out: &Output) -> String {
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("audit head: "));
    line.unwrap_or_else(|| panic!("no audit head in {stdout}"))
        .to_string()
}

fn check(url: &str) -> Output {
    run(&["check", "--database-url", url])
}

/// Each table's line as `taawun copy` prints it (name, rows, digest), from a copy of
/// `url` into a new SQLite file.
fn tables(url: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let to = format!("sqlite://{}/copy.db", dir.path().display());
    let out = run(&["copy", "--from", url, "--to", &to]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn check_proves_the_chain_on_postgresql_and_names_a_row_changed_out_of_band() {
    let (dir, pg) = demo_on_postgres();
    assert_eq!(head(&check(&pg)), head(&in_dir(&dir, &["check"])));

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&pg).await.unwrap();
        sqlx::query("update audit_log set actor = 'someone else' where seq = 5")
            .execute(&mut conn)
            .await
            .unwrap();
    });
    let out = check(&pg);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("audit row 5")
            && text(&out.stderr).contains("edited out of band"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_postgresql_backup_restores_on_either_engine_with_the_same_head() {
    let (_dir, pg) = demo_on_postgres();
    let work = tempfile::tempdir().unwrap();
    let (key, public) = {
        use age::secrecy::ExposeSecret;
        let identity = age::x25519::Identity::generate();
        let path = work.path().join("key.txt");
        std::fs::write(&path, format!("{}\n", identity.to_string().expose_secret())).unwrap();
        (path, identity.to_public().to_string())
    };
    let file = work.path().join("taawun.backup");
    let taken = run(&[
        "backup",
        "--database-url",
        &pg,
        "--out",
        file.to_str().unwrap(),
        "--encrypt-to",
        &public,
    ]);
    let taken_head = head(&taken);
    assert!(
        text(&taken.stdout).contains("encrypted"),
        "{}",
        text(&taken.stdout)
    );
    // Ciphertext: not a tar archive, nothing of the demo readable.
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));

    let pg2 = fresh_database();
    let key = key.to_str().unwrap();
    let out = run(&[
        "restore",
        file.to_str().unwrap(),
        "--database-url",
        &pg2,
        "--identity",
        key,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(head(&check(&pg2)), taken_head);
    assert_eq!(tables(&pg2), tables(&pg));

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("restored");
    let out = run(&[
        "restore",
        file.to_str().unwrap(),
        "--data-dir",
        target.to_str().unwrap(),
        "--identity",
        key,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let restored = format!("sqlite://{}/taawun.db", target.display());
    assert_eq!(head(&check(&restored)), taken_head);

    // A database that holds rows is never restored into, and keeps what it held.
    let before = tables(&pg2);
    let out = run(&[
        "restore",
        file.to_str().unwrap(),
        "--database-url",
        &pg2,
        "--identity",
        key,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(tables(&pg2), before);
}

/// `check` of a PostgreSQL database that holds no Taawun database says so and creates
/// nothing there (a mistyped database name must not become a new, empty deployment).
#[test]
fn check_refuses_an_empty_database_and_creates_nothing() {
    let empty = fresh_database();
    let out = check(&empty);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("holds no taawun database"),
        "{}",
        text(&out.stderr)
    );
    // Still empty: a second look says the same.
    assert!(text(&check(&empty).stderr).contains("holds no taawun database"));
}
