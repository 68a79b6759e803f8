//! The start-up check through the real binary: a database that cannot be used is refused
//! with one line naming the real problem (malformed, cut short, newer schema, permission),
//! pointing to `taawun restore`, and a non-zero exit.

mod common;

use common::{in_dir, text};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

/// `taawun init` on the directory: the same opening `serve` does, without a server.
fn init(dir: &tempfile::TempDir) -> (bool, String) {
    let out = in_dir(dir, &["init"]);
    (out.status.success(), text(&out.stderr))
}

fn refused_once(dir: &tempfile::TempDir, needle: &str) -> String {
    let (ok, err) = init(dir);
    assert!(!ok, "taawun accepted it");
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
    assert_eq!(err.trim().lines().count(), 1, "not one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A demo database with its write-ahead log merged and gone, as after a clean stop.
async fn closed_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let mut conn = sqlx_conn(&dir.path().join("taawun.db")).await;
    sqlx::query("pragma wal_checkpoint(truncate)")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("pragma journal_mode = delete")
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    dir
}

async fn sqlx_conn(path: &Path) -> sqlx::SqliteConnection {
    use sqlx::ConnectOptions;
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .unwrap()
}

#[test]
fn a_file_that_is_not_sqlite_is_called_damaged_not_a_permission_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taawun.db"), "not a database\n".repeat(500)).unwrap();
    let err = refused_once(&dir, "is damaged or is not a Taawun database");
    assert!(err.contains("SQLite's header"), "{err}");
    assert!(err.contains("taawun restore"), "{err}");
    assert!(!err.contains("permission"), "{err}");
}

#[tokio::test]
async fn a_file_cut_short_is_called_damaged() {
    let dir = closed_demo().await;
    let db = dir.path().join("taawun.db");
    let len = std::fs::metadata(&db).unwrap().len();
    // Cut at a page boundary (the header still counts the lost pages) and mid-page.
    for cut in [len / 2 / 4096 * 4096, len - 100] {
        let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.set_len(cut).unwrap();
        drop(f);
        let err = refused_once(&dir, "is damaged or is not a Taawun database");
        assert!(err.contains("cut short"), "{err}");
        assert!(err.contains("taawun restore"), "{err}");
    }
}

#[tokio::test]
async fn garbage_pages_behind_a_good_header_are_called_damaged() {
    let dir = closed_demo().await;
    let db = dir.path().join("taawun.db");
    let mut bytes = std::fs::read(&db).unwrap();
    // Keep the 100-byte header, wreck the rest of the first page: the schema lives there.
    for b in &mut bytes[100..4096] {
        *b = 0xAB;
    }
    std::fs::write(&db, &bytes).unwrap();
    let err = refused_once(&dir, "is damaged or is not a Taawun database");
    assert!(err.contains("taawun restore"), "{err}");
}

#[tokio::test]
async fn a_database_from_a_newer_taawun_is_refused_as_such() {
    let dir = closed_demo().await;
    let mut conn = sqlx_conn(&dir.path().join("taawun.db")).await;
    sqlx::query("insert into schema_version (version, applied_at) values (999, '2030-01-01')")
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    let err = refused_once(&dir, "schema is version 999, newer than this taawun");
    assert!(err.contains("taawun restore"), "{err}");
}

/// Whether this process runs as root, whom file permissions do not stop.
fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// Runs `taawun init` as a user permissions apply to. As root that is `nobody` (65534),
/// through a copy of the binary in a directory everyone may enter, since the build's own
/// target directory may sit under a private home.
fn init_as_unprivileged(data_dir: &Path) -> (bool, String) {
    let mut c;
    let _bin_dir;
    if is_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = dir.path().join("taawun");
        if std::fs::hard_link(env!("CARGO_BIN_EXE_taawun"), &bin).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_taawun"), &bin).unwrap();
        }
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        c = Command::new(&bin);
        c.uid(65534).gid(65534);
        _bin_dir = Some(dir);
    } else {
        c = Command::new(env!("CARGO_BIN_EXE_taawun"));
        _bin_dir = None;
    }
    for var in ["TAAWUN_DATA_DIR", "TAAWUN_DATABASE_URL"] {
        c.env_remove(var);
    }
    let out = c
        .env("TAAWUN_LOG", "warn")
        .args(["init", "--data-dir", data_dir.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (out.status.success(), text(&out.stderr))
}

#[tokio::test]
async fn a_read_only_directory_and_an_unreadable_file_are_called_permission_problems() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::set_permissions(outer.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    // A directory taawun may enter but not write in.
    let demo = closed_demo().await;
    let read_only = outer.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    std::fs::copy(demo.path().join("taawun.db"), read_only.join("taawun.db")).unwrap();
    std::fs::set_permissions(
        read_only.join("taawun.db"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    let (ok, err) = init_as_unprivileged(&read_only);
    assert!(!ok);
    assert!(err.contains("may not write in the data directory"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("damaged"), "{err}");

    // A directory it may write in, holding a database file it may not open.
    let closed = outer.path().join("closed-file");
    std::fs::create_dir(&closed).unwrap();
    std::fs::copy(demo.path().join("taawun.db"), closed.join("taawun.db")).unwrap();
    std::fs::set_permissions(
        closed.join("taawun.db"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o777)).unwrap();
    let (ok, err) = init_as_unprivileged(&closed);
    assert!(!ok);
    assert!(err.contains("may not read and write"), "{err}");
    assert!(
        err.contains("Permission denied") || err.contains("permission denied"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // Put the modes back so the temporary directories can be removed.
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o755)).unwrap();
}
