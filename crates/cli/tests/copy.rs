//! `taawun copy` through the real binary (issue 15, part 4): the demo and the small
//! generated set go from SQLite to PostgreSQL and back, with the same table lines (rows
//! and digest) both ways; the copy back opens, proves its audit chain with the same head,
//! and lists the same commissions. A second copy into the same database is refused.

mod common;

use common::{in_dir, run, text};
use taawun_testpg::fresh_database;

fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/taawun.db", dir.path().display())
}

/// `taawun copy`, which must succeed; its table lines.
fn copy(from: &str, to: &str) -> String {
    let out = run(&["copy", "--from", from, "--to", to]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("every table's row count and content digest"));
    text(&out.stdout)
}

/// The line of `table` in a copy's output: `table\trows\tsha256:…`.
fn line<'a>(lines: &'a str, table: &str) -> &'a str {
    lines
        .lines()
        .find(|l| l.split('\t').next() == Some(table))
        .unwrap_or_else(|| panic!("no line for {table} in {lines}"))
}

fn round_trip(first: &tempfile::TempDir) {
    let pg = fresh_database();
    let there = copy(&sqlite_url(first), &pg);
    let last = tempfile::tempdir().unwrap();
    let back = copy(&pg, &sqlite_url(&last));
    assert_eq!(there, back, "the same tables, rows and digests both ways");
    for table in [
        "action_items",
        "audit_log",
        "users",
        "credentials",
        "progress_updates",
    ] {
        let rows: u64 = line(&there, table)
            .split('\t')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert!(rows > 0, "{table}: {}", line(&there, table));
    }

    // The copy back is a deployment: its audit log proves itself with the same head, and
    // it lists the same commissions.
    let check = |dir: &tempfile::TempDir| {
        let out = in_dir(dir, &["check"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let head = stdout.lines().find(|l| l.starts_with("audit head: "));
        head.expect("an audit head").to_string()
    };
    assert_eq!(check(first), check(&last));
    let list = |dir: &tempfile::TempDir| text(&in_dir(dir, &["commissions"]).stdout);
    assert_eq!(list(first), list(&last));
    assert!(!list(&last).is_empty());

    // Into the same PostgreSQL database again: refused, exit status non-zero.
    let again = run(&["copy", "--from", &sqlite_url(first), "--to", &pg]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("not empty"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn the_demo_goes_to_postgresql_and_back_with_equal_digests() {
    let first = tempfile::tempdir().unwrap();
    let out = in_dir(&first, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The demo has no account: its first administrator, as an operator creates one.
    common::add_admin(&first);
    round_trip(&first);
}

#[test]
fn the_small_generated_set_goes_to_postgresql_and_back_with_equal_digests() {
    let first = tempfile::tempdir().unwrap();
    let out = in_dir(&first, &["generate", "--profile", "small"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    round_trip(&first);
}
