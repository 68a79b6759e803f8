//! `taawun remind --once` as cron runs it, and `user add --email --language`: a pass on a
//! fixed day records the demo's overdue items for an administrator, a second records
//! nothing new, no SMTP means no mail and no error; mistakes are refused plainly.

use std::process::{Command, Output, Stdio};
use taawun_core::Lang;
use taawun_store::{SqliteStore, Store};

fn taawun() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    for var in [
        "TAAWUN_DATA_DIR",
        "TAAWUN_DATABASE_URL",
        "TAAWUN_PASSWORD",
        "TAAWUN_SMTP_URL",
        "TAAWUN_MAIL_FROM",
        "TAAWUN_PUBLIC_URL",
        "TAAWUN_REMIND_WITHIN",
        "TAAWUN_REMIND_EVERY",
    ] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn in_dir(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    let mut c = taawun();
    c.args(args);
    c.args(["--data-dir", dir.path().to_str().unwrap()]);
    c.env("TAAWUN_PASSWORD", "correct horse battery");
    c.stdin(Stdio::null()).output().unwrap()
}

#[tokio::test]
async fn one_pass_records_reminders_once_and_sends_no_mail_without_smtp() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let add = [
        "user",
        "add",
        "--username",
        "admin",
        "--display-name",
        "Admin",
        "--party",
        "MA",
        "--role",
        "administrator",
        "--email",
        "admin@example.ma",
        "--language",
        "ar",
    ];
    let out = in_dir(&dir, &add);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let once = ["remind", "--once", "--today", "2026-12-01"];
    let out = in_dir(&dir, &once);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("2 new notifications, 0 e-mails sent"),
        "{said}"
    );
    let out = in_dir(&dir, &once);
    assert!(text(&out.stdout).contains("0 new notifications"));

    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let admin = store.user_by_name("admin").await.unwrap().unwrap();
    assert_eq!(admin.email.as_deref(), Some("admin@example.ma"));
    assert_eq!(admin.language, Some(Lang::Ar));
    assert_eq!(store.unread_notifications(admin.id).await.unwrap(), 2);
}

#[test]
fn mistakes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let out = in_dir(
        &dir,
        &["remind", "--once", "--smtp-url", "smtp://127.0.0.1:25"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--mail-from"),
        "{}",
        text(&out.stderr)
    );
    let out = in_dir(
        &dir,
        &[
            "remind",
            "--once",
            "--smtp-url",
            "smtps://relay:465",
            "--mail-from",
            "a@b.org",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("plain SMTP"),
        "{}",
        text(&out.stderr)
    );
    let bad = [
        "user",
        "add",
        "--username",
        "x1",
        "--display-name",
        "X",
        "--party",
        "MA",
        "--role",
        "reader",
        "--email",
        "not-an-address",
    ];
    let out = in_dir(&dir, &bad);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("e-mail address"),
        "{}",
        text(&out.stderr)
    );
    let out = in_dir(
        &dir,
        &[
            "user",
            "add",
            "--username",
            "x2",
            "--display-name",
            "X",
            "--party",
            "MA",
            "--role",
            "reader",
            "--language",
            "de",
        ],
    );
    assert!(
        text(&out.stderr).contains("unknown language"),
        "{}",
        text(&out.stderr)
    );
}
