//! `taawun user add` as an operator runs it: the password from the environment or standard
//! input (never an argument), the party by ISO code, and one clear line for each mistake.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use taawun_core::Role;
use taawun_store::{SqliteStore, Store};

const GOOD: &str = "correct horse battery";

fn taawun() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    for var in [
        "TAAWUN_DATA_DIR",
        "TAAWUN_DATABASE_URL",
        "TAAWUN_PASSWORD",
        "TAAWUN_DEMO",
    ] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A data directory holding the demo (parties MA and ML).
fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = taawun()
        .args(["demo", "--data-dir", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir
}

fn add(dir: &tempfile::TempDir, password: Option<&str>, extra: &[&str]) -> Output {
    let mut c = taawun();
    c.args(["user", "add", "--data-dir", dir.path().to_str().unwrap()]);
    c.args(extra);
    if let Some(p) = password {
        c.env("TAAWUN_PASSWORD", p);
    }
    c.stdin(Stdio::null()).output().unwrap()
}

const ADMIN: [&str; 8] = [
    "--username",
    "admin",
    "--display-name",
    "First Admin",
    "--party",
    "MA",
    "--role",
    "administrator",
];

fn assert_one_line_failure(out: &Output, needle: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "should fail: {err}");
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

async fn user(dir: &tempfile::TempDir, name: &str) -> Option<taawun_core::User> {
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    store.user_by_name(name).await.unwrap()
}

#[tokio::test]
async fn creates_the_first_administrator_with_a_hashed_password() {
    let dir = demo_dir();
    let out = add(&dir, Some(GOOD), &ADMIN);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("user admin created"));
    let u = user(&dir, "admin").await.expect("created");
    assert_eq!(u.role, Role::Administrator);
    assert!(u.active);
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let hash = store
        .credentials(u.id)
        .await
        .unwrap()
        .unwrap()
        .password_hash;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(taawun_app::accounts::verify_password(GOOD, &hash));

    let again = add(&dir, Some(GOOD), &ADMIN);
    assert_one_line_failure(&again, "already exists");
}

#[tokio::test]
async fn reads_the_password_from_standard_input() {
    let dir = demo_dir();
    let mut c = taawun();
    c.args(["user", "add", "--data-dir", dir.path().to_str().unwrap()]);
    c.args([
        "--username",
        "reader",
        "--display-name",
        "R",
        "--party",
        "ml",
    ]);
    c.args(["--role", "reader", "--clearance", "restricted"]);
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{GOOD}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let u = user(&dir, "reader").await.unwrap();
    assert_eq!(u.clearance, taawun_core::Marking::Restricted);
}

#[test]
fn mistakes_are_one_clear_line() {
    let dir = demo_dir();
    assert_one_line_failure(&add(&dir, Some("too short"), &ADMIN), "too short");
    let mut unknown_party = ADMIN;
    unknown_party[5] = "FR";
    assert_one_line_failure(
        &add(&dir, Some(GOOD), &unknown_party),
        "unknown party FR: known ISO codes are",
    );
    let mut bad_role = ADMIN;
    bad_role[7] = "king";
    assert_one_line_failure(&add(&dir, Some(GOOD), &bad_role), "unknown role \"king\"");
    let mut bad_name = ADMIN;
    bad_name[1] = "Not Valid";
    assert_one_line_failure(&add(&dir, Some(GOOD), &bad_name), "user refused");
    // No password anywhere: refused, not created with an empty one.
    assert_one_line_failure(&add(&dir, None, &ADMIN), "no password");
    // There is no way to pass the password as an argument.
    let mut with_flag: Vec<&str> = ADMIN.to_vec();
    with_flag.extend(["--password", GOOD]);
    let out = add(&dir, Some(GOOD), &with_flag);
    assert!(!out.status.success());
}

#[tokio::test]
async fn a_fresh_database_gets_its_party_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = add(&dir, Some(GOOD), &ADMIN);
    assert_one_line_failure(&out, "the database has no party yet");
    let mut named: Vec<&str> = ADMIN.to_vec();
    named.extend(["--party-name", "المملكة المغربية"]);
    let out = add(&dir, Some(GOOD), &named);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let u = user(&dir, "admin").await.unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let party = store.party(u.party_id).await.unwrap().unwrap();
    assert_eq!(party.iso_code.as_deref(), Some("MA"));
    assert_eq!(
        party.name.get(taawun_core::Lang::Ar),
        Some("المملكة المغربية")
    );
}

#[test]
fn serve_help_lists_the_login_options() {
    let out = taawun().args(["serve", "--help"]).output().unwrap();
    let help = text(&out.stdout);
    for needle in [
        "--public-url",
        "TAAWUN_PUBLIC_URL",
        "--secure-cookies",
        "TAAWUN_SECURE_COOKIES",
        "--idle-timeout",
        "TAAWUN_IDLE_TIMEOUT",
        "--absolute-timeout",
        "TAAWUN_ABSOLUTE_TIMEOUT",
    ] {
        assert!(help.contains(needle), "serve --help lacks {needle}");
    }
}

#[tokio::test]
async fn commissions_are_listed_and_a_user_is_given_one_by_its_name() {
    let dir = demo_dir();
    let out = taawun()
        .args(["commissions", "--data-dir", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    let line = listed
        .lines()
        .find(|l| l.contains("Commission militaire mixte maroco-malienne"))
        .unwrap_or_else(|| panic!("the Mali commission is listed: {listed}"));
    assert!(
        line.contains("اللجنة العسكرية المشتركة المغربية المالية"),
        "{line}"
    );
    let id: taawun_core::Id = line.split('\t').next().unwrap().parse().unwrap();

    // By its name, as listed, in any case and spacing.
    let officer = [
        "--username",
        "nadia",
        "--display-name",
        "Nadia",
        "--party",
        "MA",
        "--role",
        "secretariat",
        "--commission",
        "commission MILITAIRE mixte  maroco-malienne",
    ];
    let out = add(&dir, Some(GOOD), &officer);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let nadia = user(&dir, "nadia").await.expect("created");
    assert_eq!(nadia.commission_ids, vec![id]);

    // A name that fits none is refused, pointing at the list; nothing is created.
    let mut other = officer;
    other[1] = "karim";
    other[9] = "Commission qui n'existe pas";
    let out = add(&dir, Some(GOOD), &other);
    assert!(!out.status.success());
    assert_one_line_failure(&out, "taawun commissions");
    assert!(user(&dir, "karim").await.is_none());
}
