//! `taawun backup` and `taawun restore` as an operator runs them: copies taken while the
//! database is being written hold every acknowledged write; a changed byte, a wrong key or
//! a non-empty target is refused with a line that names the problem.

mod common;

use common::{in_dir, run, text};
use std::path::Path;

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A data directory holding the demo.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = in_dir(&dir, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir
}

fn backup(dir: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["backup", "--out", p(out), "--data-dir", p(dir)];
    args.extend_from_slice(extra);
    run(&args)
}

fn restore(file: &Path, into: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["restore", p(file), "--data-dir", p(into)];
    args.extend_from_slice(extra);
    run(&args)
}

async fn count(db: &Path, sql: &str) -> i64 {
    use sqlx::ConnectOptions;
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db)
        .connect()
        .await
        .unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
}

#[tokio::test]
async fn a_restored_backup_holds_the_same_records_and_opens() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("taawun.backup");
    let out = backup(live.path(), &file, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("backup written"));
    // The manifest carries the audit chain's head, printed for the operator to keep.
    let stdout = text(&out.stdout);
    let head = stdout
        .lines()
        .find_map(|l| l.strip_prefix("audit head: "))
        .expect("the backup prints its audit head")
        .to_string();

    let target = work.path().join("restored");
    let out = restore(&file, &target, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for table in ["action_items", "progress_updates", "audit_log"] {
        let sql = format!("select count(*) from {table}");
        let before = count(&live.path().join("taawun.db"), &sql).await;
        assert!(before > 0, "{table} is empty in the demo");
        assert_eq!(
            count(&target.join("taawun.db"), &sql).await,
            before,
            "{table}"
        );
    }
    // The restored directory is an instance taawun opens as its own, whose audit log still
    // ends at the head the backup recorded.
    let out = run(&["init", "--data-dir", p(&target)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(&["check", "--expect-head", &head, "--data-dir", p(&target)]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // Nothing but the database is left behind: no staging copy, no partial file.
    let names: Vec<_> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with("taawun.db"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(std::fs::read_dir(work.path()).unwrap().count(), 2);
}

#[test]
fn one_changed_byte_is_refused_naming_the_file() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("b.tar");
    assert!(backup(live.path(), &file, &[]).status.success());
    let mut bytes = std::fs::read(&file).unwrap();
    // The middle of the archive is inside taawun.db (the manifest is the small first entry,
    // the tar trailer the last kilobyte).
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&file, &bytes).unwrap();

    let target = work.path().join("restored");
    let out = restore(&file, &target, &[]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("taawun.db does not match its SHA-256"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // Nothing was put in place.
    assert!(!target.join("taawun.db").exists());
}

#[test]
fn a_non_empty_directory_is_never_restored_into() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("b.tar");
    assert!(backup(live.path(), &file, &[]).status.success());
    let target = work.path().join("busy");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("notes.txt"), "keep me").unwrap();
    let out = restore(&file, &target, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is not empty"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(target.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert!(!target.join("taawun.db").exists());

    // Nor is the live instance's own directory.
    let out = restore(&file, live.path(), &[]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is not empty"));
}

fn key_pair(dir: &Path, name: &str) -> (std::path::PathBuf, String) {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    let path = dir.join(name);
    std::fs::write(&path, format!("{}\n", identity.to_string().expose_secret())).unwrap();
    (path, identity.to_public().to_string())
}

#[tokio::test]
async fn an_encrypted_backup_opens_only_with_its_identity() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let (key, public) = key_pair(work.path(), "key.txt");
    let (other_key, _) = key_pair(work.path(), "other.txt");
    let file = work.path().join("b.tar.age");
    let out = backup(live.path(), &file, &["--encrypt-to", &public]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    // No clear text of the database in the archive: neither SQLite's header nor a user name.
    let clear = String::from_utf8_lossy(&bytes);
    assert!(!clear.contains("SQLite format 3") && !clear.contains("manifest.json"));

    let out = restore(&file, &work.path().join("no-key"), &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is encrypted"),
        "{}",
        text(&out.stderr)
    );

    let wrong = work.path().join("wrong");
    let out = restore(&file, &wrong, &["--identity", p(&other_key)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("encrypted to another key"),
        "{}",
        text(&out.stderr)
    );
    assert!(!wrong.join("taawun.db").exists());

    let target = work.path().join("restored");
    let out = restore(&file, &target, &["--identity", p(&key)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sql = "select count(*) from action_items";
    assert_eq!(
        count(&target.join("taawun.db"), sql).await,
        count(&live.path().join("taawun.db"), sql).await
    );

    // A byte changed in the encrypted stream is caught too.
    let mut bytes = bytes;
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = work.path().join("t.tar.age");
    std::fs::write(&tampered, &bytes).unwrap();
    let out = restore(&tampered, &work.path().join("t"), &["--identity", p(&key)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("damaged"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_bad_recipient_or_an_existing_out_file_writes_nothing() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("b.tar");
    let out = backup(live.path(), &file, &["--encrypt-to", "age1notakey"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not an age public key"));
    assert!(!file.exists());

    std::fs::write(&file, "older backup").unwrap();
    let out = backup(live.path(), &file, &[]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "older backup");
}

#[test]
fn a_database_named_by_url_is_backed_up_and_a_missing_one_is_not_created() {
    let live = demo();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("b.tar");
    let url = format!("sqlite://{}", p(&live.path().join("taawun.db")));
    let out = run(&["backup", "--out", p(&file), "--database-url", &url]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = restore(&file, &work.path().join("r"), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A backup of nothing says so, and leaves no empty database behind.
    let empty = work.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = backup(&empty, &work.path().join("none.tar"), &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("there is no database"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    assert!(!work.path().join("none.tar").exists());
}

/// `taawun exchange card`'s fingerprint for the instance in `dir`.
fn fingerprint(dir: &Path) -> String {
    let card = dir.join("card.json");
    let out = run(&["exchange", "card", "--out", p(&card), "--data-dir", p(dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("fingerprint "))
        .expect("the card's fingerprint")
        .to_string()
}

#[tokio::test]
async fn an_encrypted_backup_carries_the_exchange_keys_and_a_plain_one_never_does() {
    let live = demo();
    let init = in_dir(
        &live,
        &["exchange", "init", "--party", "MA", "--name", "Rabat"],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    let before = fingerprint(live.path());
    let work = tempfile::tempdir().unwrap();

    // Plain: the keys stay out, and the operator is told so.
    let plain = work.path().join("plain.tar");
    let out = backup(live.path(), &plain, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("are not in this backup"),
        "{}",
        text(&out.stderr)
    );
    let bytes = std::fs::read(&plain).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("sign_secret"));
    let target = work.path().join("from-plain");
    assert!(restore(&plain, &target, &[]).status.success());
    assert!(!target.join("exchange/instance.json").exists());

    // Encrypted: restored owner-only, the same identity, the same fingerprint.
    let (key, public) = key_pair(work.path(), "key.txt");
    let sealed = work.path().join("sealed.tar.age");
    let out = backup(live.path(), &sealed, &["--encrypt-to", &public]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("are not in this backup"));
    let target = work.path().join("from-sealed");
    let out = restore(&sealed, &target, &["--identity", p(&key)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target.join("exchange/instance.json")), 0o600);
        assert_eq!(mode(&target.join("exchange")), 0o700);
    }
    assert_eq!(fingerprint(&target), before);
}
