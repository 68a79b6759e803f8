//! `taawun generate` through the real binary (issue 12, part 1): the small profile's
//! counts, markings, accounts, audit chain and search terms; the same seed giving the same
//! rows and another seed others; the batched path writing exactly the rows the ordinary
//! saves write one by one; a database holding anything refused and left as it was.

mod common;

use common::{in_dir, run, text};
use sqlx::{Connection, Row, SqliteConnection};
use std::collections::BTreeMap;
use std::process::Output;
use std::sync::{Arc, OnceLock};
use taawun_core::{Marking, Role};
use taawun_store::{SqliteStore, Store, Visible};

const PASSWORD: &str = "taawun-generated";

fn generate(dir: &tempfile::TempDir, extra: &[&str]) -> Output {
    let mut args = vec!["generate", "--profile", "small"];
    args.extend_from_slice(extra);
    in_dir(dir, &args)
}

/// The small profile with seed 1, generated once; tests only read it.
fn small() -> &'static tempfile::TempDir {
    static SMALL: OnceLock<tempfile::TempDir> = OnceLock::new();
    SMALL.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let started = std::time::Instant::now();
        let out = generate(&dir, &[]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        eprintln!("small profile generated in {:?}", started.elapsed());
        let summary = text(&out.stdout);
        assert_eq!(summary.lines().count(), 1, "{summary}");
        assert!(summary.contains("500 items"), "{summary}");
        dir
    })
}

async fn connect(dir: &tempfile::TempDir) -> SqliteConnection {
    let url = format!(
        "sqlite://{}?mode=ro",
        dir.path().join("taawun.db").display()
    );
    SqliteConnection::connect(&url).await.unwrap()
}

async fn count(conn: &mut SqliteConnection, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(conn).await.unwrap()
}

/// Tables whose rows are not the data set: the migration runner's bookkeeping (when each
/// migration ran) and the full-text index's b-tree segments, whose layout depends on
/// where transactions end (the index's rows are compared through `search_index` itself).
fn bookkeeping(table: &str) -> bool {
    table == "schema_version"
        || table.starts_with("sqlite_")
        || table == "search_index_data"
        || table == "search_index_idx"
}

/// Every row of every table, each as the text SQLite quotes it with, in rowid order
/// (sorted for a table without rowids).
async fn rows(dir: &tempfile::TempDir) -> BTreeMap<String, Vec<String>> {
    let mut conn = connect(dir).await;
    let tables: Vec<String> =
        sqlx::query_scalar("select name from sqlite_master where type = 'table' order by name")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    let mut all = BTreeMap::new();
    for table in tables.into_iter().filter(|t| !bookkeeping(t)) {
        let columns: Vec<String> = sqlx::query(&format!("pragma table_info(\"{table}\")"))
            .fetch_all(&mut conn)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<String, _>("name"))
            .collect();
        let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
        let row = quoted.join(" || '|' || ");
        let by_rowid = format!("select rowid || ':' || {row} from \"{table}\" order by rowid");
        let texts = match sqlx::query_scalar::<_, String>(&by_rowid)
            .fetch_all(&mut conn)
            .await
        {
            Ok(texts) => texts,
            Err(_) => {
                let plain = format!("select {row} from \"{table}\"");
                let mut texts: Vec<String> = sqlx::query_scalar(&plain)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
                texts.sort();
                texts
            }
        };
        all.insert(table, texts);
    }
    all
}

/// The first table whose rows differ, for a readable failure.
fn first_difference(
    a: &BTreeMap<String, Vec<String>>,
    b: &BTreeMap<String, Vec<String>>,
) -> Option<String> {
    if a.keys().ne(b.keys()) {
        return Some(format!("tables differ: {:?} / {:?}", a.keys(), b.keys()));
    }
    for (table, rows) in a {
        let other = &b[table];
        if rows.len() != other.len() {
            return Some(format!("{table}: {} rows / {}", rows.len(), other.len()));
        }
        if let Some((x, y)) = rows.iter().zip(other).find(|(x, y)| x != y) {
            return Some(format!("{table}:\n  {x}\n  {y}"));
        }
    }
    None
}

#[tokio::test]
async fn the_small_profile_has_its_counts_markings_and_accounts() {
    let dir = small();
    let mut conn = connect(dir).await;
    for (table, expected) in [
        ("parties", 3),
        ("commissions", 6),
        ("sessions", 14),
        ("agreements", 12),
        ("clauses", 60),
        ("action_items", 500),
        ("progress_updates", 2_000),
        ("activities", 200),
        ("users", 40),
        ("credentials", 40),
    ] {
        let n = count(&mut conn, &format!("select count(*) from {table}")).await;
        assert_eq!(n, expected, "{table}");
    }
    // Plans of 5 to 60 items; every item has a lead on each side of its commission.
    let sizes: Vec<i64> = sqlx::query_scalar("select count(*) from action_items group by plan_id")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(sizes.iter().all(|n| (5..=60).contains(n)), "{sizes:?}");

    // Markings as a ministry has them, over every record kind a reader is filtered on.
    let union = [
        "commissions",
        "sessions",
        "agreements",
        "action_plans",
        "action_items",
        "activities",
    ]
    .map(|t| format!("select doc from {t}"))
    .join(" union all ");
    let marking = |m: &str| {
        format!(
            "select count(*) from ({union}) where json_extract(doc, '$.protection.marking') = '{m}'"
        )
    };
    let total = count(&mut conn, &format!("select count(*) from ({union})")).await as f64;
    for (m, low, high) in [
        ("unclassified", 0.60, 0.80),
        ("restricted", 0.13, 0.27),
        ("confidential", 0.04, 0.13),
        ("secret", 0.003, 0.05),
    ] {
        let share = count(&mut conn, &marking(m)).await as f64 / total;
        assert!((low..=high).contains(&share), "{m}: {share}");
    }
    let originator_only = count(
        &mut conn,
        &format!(
            "select count(*) from ({union}) \
             where json_extract(doc, '$.protection.releasability') = 'originator_only'"
        ),
    )
    .await as f64;
    assert!(
        (0.05..=0.16).contains(&(originator_only / total)),
        "{originator_only}"
    );
    // Every originator-only record names a party of its own.
    let invalid = count(
        &mut conn,
        "select count(*) from action_items i join action_plans p on p.id = i.plan_id \
         join commissions c on c.id = p.commission_id \
         where json_extract(i.doc, '$.protection.releasability') = 'originator_only' \
           and not exists (select 1 from json_each(c.doc, '$.party_ids') \
                           where value = json_extract(i.doc, '$.protection.originator'))",
    )
    .await;
    assert_eq!(invalid, 0);

    // The accounts the benchmark logs in with, and the one password all share.
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let parties = store.parties().await.unwrap();
    let iso = |id| {
        parties
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.iso_code.clone())
            .unwrap()
    };
    let admin = store.user_by_name("admin").await.unwrap().unwrap();
    assert_eq!(admin.role, Role::Administrator);
    let host = store.user_by_name("reader.host").await.unwrap().unwrap();
    let partner = store.user_by_name("reader.partner").await.unwrap().unwrap();
    for reader in [&host, &partner] {
        assert_eq!(
            (reader.role, reader.clearance),
            (Role::Reader, Marking::Restricted)
        );
        assert!(reader.active);
    }
    assert_eq!(iso(host.party_id), "MA");
    assert_ne!(iso(partner.party_id), "MA");
    let hashes: Vec<String> = sqlx::query_scalar("select distinct password_hash from credentials")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(hashes.len(), 1);
    assert!(taawun_app::accounts::verify_password(PASSWORD, &hashes[0]));

    // The partner reader shares a commission of many items with the host, and sees them.
    let store: Arc<dyn Store> = Arc::new(store);
    let as_partner = Visible::new(store.clone(), partner.principal());
    let mut seen = 0;
    for c in as_partner.commissions().await.unwrap() {
        assert!(c.party_ids.contains(&host.party_id) && c.party_ids.contains(&partner.party_id));
        for plan in as_partner.plans(Some(c.id)).await.unwrap() {
            seen += as_partner.items(plan.id).await.unwrap().len();
        }
    }
    assert!(seen >= 60, "reader.partner sees {seen} items");

    // The benchmark's three search terms, as the host's reader finds them.
    let as_host = Visible::new(store.clone(), host.principal());
    let common = as_host.search("تعاون", 5_000).await.unwrap().len();
    let rare = as_host.search("hydrographie", 5_000).await.unwrap().len();
    let name = as_host.search("محمد", 5_000).await.unwrap().len();
    assert!(common >= 100, "تعاون: {common}");
    assert_eq!(rare, 3, "hydrographie");
    assert!(name >= 3, "محمد: {name}");
    let latin = as_host.search("Mohamed", 5_000).await.unwrap().len();
    assert!(latin >= 3, "Mohamed: {latin}");

    // The audit chain proves itself.
    let out = in_dir(dir, &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[tokio::test]
async fn the_same_seed_gives_the_same_rows_and_another_seed_others() {
    let again = tempfile::tempdir().unwrap();
    let out = generate(&again, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (first, second) = (rows(small()).await, rows(&again).await);
    assert_eq!(first_difference(&first, &second), None);
    assert!(first["audit_log"].len() > 3_000);

    let other = tempfile::tempdir().unwrap();
    let out = generate(&other, &["--seed", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let third = rows(&other).await;
    for table in ["parties", "action_items", "progress_updates", "audit_log"] {
        assert_ne!(first[table], third[table], "{table}");
    }
}

#[tokio::test]
async fn the_batched_path_writes_what_saving_one_by_one_writes() {
    let one_by_one = tempfile::tempdir().unwrap();
    // Durability changes when a commit reaches the disk, not what it writes.
    let out = generate(&one_by_one, &["--one-by-one", "--durability", "normal"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (batched, single) = (rows(small()).await, rows(&one_by_one).await);
    assert_eq!(first_difference(&batched, &single), None);
    for table in ["audit_log", "search_index", "item_sides", "credentials"] {
        assert!(!batched[table].is_empty(), "{table}");
    }
}

#[tokio::test]
async fn a_database_holding_anything_is_refused_and_left_unchanged() {
    let demo = tempfile::tempdir().unwrap();
    assert!(in_dir(&demo, &["demo"]).status.success());
    // What `taawun user add` leaves on a new instance: the host party and its first
    // administrator.
    let first_admin = tempfile::tempdir().unwrap();
    let add = in_dir(
        &first_admin,
        &[
            "user",
            "add",
            "--username",
            "first",
            "--display-name",
            "First",
            "--party",
            "MA",
            "--party-name",
            "Maroc",
            "--role",
            "administrator",
            "--clearance",
            "secret",
        ],
    );
    assert!(add.status.success(), "{}", text(&add.stderr));
    for dir in [&demo, &first_admin] {
        let before = rows(dir).await;
        let out = generate(dir, &[]);
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("not empty"), "{stderr}");
        assert_eq!(first_difference(&before, &rows(dir).await), None);
    }
}

#[test]
fn help_lists_the_command_and_its_profiles() {
    let out = run(&["--help"]);
    assert!(
        text(&out.stdout)
            .lines()
            .any(|l| l.trim_start().starts_with("generate"))
    );
    let out = run(&["generate", "--help"]);
    let help = text(&out.stdout);
    assert!(
        help.contains("national") && help.contains("small"),
        "{help}"
    );
    assert!(
        !help.contains("one-by-one"),
        "the proof's flag stays hidden"
    );
}
