//! The store suite against SQLite, plus what only the SQLite backend has: its file,
//! pragmas and schema versioning. Every case gets a fresh database file in a temp dir.

#[macro_use]
mod suite;

use std::path::Path;
use taawun_store::{SqliteStore, Store, StoreError};

async fn fresh() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .expect("open a new database");
    (dir, store)
}

/// One `#[tokio::test]` per suite case, each on its own database.
macro_rules! suite_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let (_dir, store) = fresh().await;
                suite::$case(&store).await;
            }
        )*
    };
}

/// The counters' cases, given this store's counters (`tests/postgres.rs` runs them on
/// PostgreSQL).
macro_rules! counters_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let (_dir, store) = fresh().await;
                suite::$case(store.counters()).await;
            }
        )*
    };
}

/// The suite's `Visible` cases, which take the store as an `Arc`.
macro_rules! shared_cases {
    ($($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let (_dir, store) = fresh().await;
                suite::$case(std::sync::Arc::new(store)).await;
            }
        )*
    };
}

every_case!(suite_cases, counters_cases, shared_cases);

/// A pragma's value as the text SQLite shows for it.
async fn pragma(store: &SqliteStore, name: &str) -> String {
    use sqlx::{Row, ValueRef};
    let row = sqlx::query(&format!("pragma {name}"))
        .fetch_one(store.pool())
        .await
        .unwrap();
    match row.try_get_raw(0).unwrap().type_info().to_string().as_str() {
        "INTEGER" => row.get::<i64, _>(0).to_string(),
        _ => row.get::<String, _>(0),
    }
}

#[tokio::test]
async fn wal_journal_and_foreign_keys_are_on() {
    let (_dir, store) = fresh().await;
    assert_eq!(pragma(&store, "journal_mode").await, "wal");
    assert_eq!(pragma(&store, "foreign_keys").await, "1");
    // FULL (2) by default: an acknowledged commit survives a power loss (issue 11, finding 5).
    assert_eq!(pragma(&store, "synchronous").await, "2");
    assert_eq!(pragma(&store, "busy_timeout").await, "5000");
}

#[tokio::test]
async fn normal_durability_is_chosen_explicitly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open_with(&path, taawun_store::Durability::Normal)
        .await
        .unwrap();
    // NORMAL is 1: a crash of the process loses nothing, a power loss the last commits.
    assert_eq!(pragma(&store, "synchronous").await, "1");
}

#[tokio::test]
async fn reopening_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = suite::fixtures::world(&store).await;
    store.close().await;

    let again = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        again.session(w.session.id).await.unwrap(),
        Some(w.session.clone())
    );
    assert_eq!(
        again.sessions_of_person(w.mouhib.id).await.unwrap().len(),
        1
    );
    assert_eq!(again.audit_of(w.mou.id).await.unwrap().len(), 1);
    assert!(!again.is_empty().await.unwrap());
    // Each migration ran once, not once per opening.
    let versions: Vec<i64> =
        sqlx::query_scalar("select version from schema_version order by version")
            .fetch_all(again.pool())
            .await
            .unwrap();
    let expected: Vec<i64> = (1..=SqliteStore::SCHEMA_VERSION).collect();
    assert_eq!(versions, expected);
}

#[tokio::test]
async fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let newer = SqliteStore::SCHEMA_VERSION + 1;
    sqlx::query("insert into schema_version (version, applied_at) values (?, 'later')")
        .bind(newer)
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;

    match SqliteStore::open(&path).await {
        Err(e @ StoreError::NewerSchema { found, supported }) => {
            assert_eq!((found, supported), (newer, SqliteStore::SCHEMA_VERSION));
            assert!(e.to_string().contains("upgrade taawun"), "{e}");
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[tokio::test]
async fn a_missing_directory_is_a_clear_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("taawun.db");
    match SqliteStore::open(&path).await {
        Err(StoreError::Open(msg)) => {
            assert!(msg.contains("no-such-dir"), "{msg}");
            assert!(msg.contains("does not exist"), "{msg}");
        }
        other => panic!("expected an Open error, got {other:?}"),
    }
    assert!(!path.exists());
    // A directory where the file should be.
    match SqliteStore::open(dir.path()).await {
        Err(StoreError::Open(msg)) => assert!(msg.contains("directory"), "{msg}"),
        other => panic!("expected an Open error, got {other:?}"),
    }
}

#[tokio::test]
async fn opens_by_url_and_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("by-url.db");
    let url = format!("sqlite://{}", path.display());
    let store = SqliteStore::open_url(&url).await.unwrap();
    assert!(store.is_empty().await.unwrap());
    assert!(Path::new(&path).exists(), "the file is created");

    let memory = SqliteStore::open_url("sqlite::memory:").await.unwrap();
    let w = suite::fixtures::world(&memory).await;
    assert_eq!(memory.parties().await.unwrap().len(), 2);
    assert_eq!(memory.session(w.session.id).await.unwrap(), Some(w.session));

    match SqliteStore::open_url("postgres://localhost/taawun").await {
        Err(StoreError::Open(msg)) => assert!(msg.contains("postgres://"), "{msg}"),
        other => panic!("expected an Open error, got {other:?}"),
    }
}

#[tokio::test]
async fn upgrading_indexes_records_written_before_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = suite::fixtures::world(&store).await;
    // Back to a version-1 database holding the world: what 0003 and 0002 created is undone.
    undo_followup(&store).await;
    sqlx::raw_sql(
        "drop table search_index; drop table search_keys; drop table login_sessions;
         drop table credentials; drop table users; delete from schema_version where version = 2;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    )
    .execute(store.pool())
    .await
    .unwrap();
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    let hits = upgraded.search("inspection generale", 10).await.unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].entity.key(), hits[0].id),
        ("organisation", w.far.id)
    );
    let hits = upgraded.search("المملكة المغربية", 10).await.unwrap();
    assert_eq!(hits[0].id, w.morocco.id);
    // The audit log kept its rows through the rebuild that widened its actions.
    assert_eq!(upgraded.audit_of(w.session.id).await.unwrap().len(), 1);
    // Rows written before the audit chain were sealed on upgrade, so the log verifies
    // (issue 11, part 6).
    assert_eq!(upgraded.check(None).await.unwrap(), Vec::<String>::new());
    let rows: i64 = sqlx::query_scalar("select count(*) from audit_log")
        .fetch_one(upgraded.pool())
        .await
        .unwrap();
    assert!(rows > 1);
    assert_eq!(upgraded.audit_head().await.unwrap().seq, rows);
}

/// Takes a database back to version 19: the search index of 0020 (with the names'
/// skeletons) gives way to the one 0002 made, whose rows held only the normalised body,
/// and the titles table is dropped; 0021 is forgotten (its rebuild of the audit log and
/// its index run again unharmed), and so is 0022 (the sides' positions, taken again from
/// the rowids).
async fn undo_search_names(store: &SqliteStore) {
    sqlx::raw_sql(
        "drop table search_titles; drop table search_index;
         create virtual table search_index using fts5 (entity unindexed, id unindexed, body);
         insert into search_index (rowid, entity, id, body)
             select key, entity, id, 'stale' from search_keys;
         alter table item_sides drop column position;
         drop table job_states; drop table totp_steps;
         delete from schema_version where version in (20, 21, 22, 23);
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    )
    .execute(store.pool())
    .await
    .unwrap();
}

#[tokio::test]
async fn upgrading_indexes_names_and_titles() {
    use taawun_core::*;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = suite::fixtures::world(&store).await;
    let a = suite::fixtures::actor();
    let mut diarra = suite::fixtures::person(&w.mali, None, "");
    diarra.name_ar = "بوبكر ديارا".into();
    let diarra = store.save_person(&a, &diarra).await.unwrap();
    let mut codes = Vec::new();
    for code in ["S2.10", "S2.11", "S2.1", "S2.12"] {
        codes.push(store.save_item(&a, &w.item(code)).await.unwrap().id);
    }
    undo_search_names(&store).await;
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    assert!(upgraded.search("stale", 10).await.unwrap().is_empty());
    let hits = upgraded.search("Boubacar Diarra", 10).await.unwrap();
    assert_eq!(
        hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![diarra.id]
    );
    let hits = upgraded.search("S2.1", 10).await.unwrap();
    assert_eq!(hits.len(), 4);
    assert_eq!(hits[0].id, codes[2]);
    // Writes after the upgrade keep the new index.
    let mut renamed = w.item("S2.13");
    renamed.title = LocalizedText::new("", "Formation Ouattara", "");
    upgraded.save_item(&a, &renamed).await.unwrap();
    assert_eq!(
        upgraded.search("واتارا", 10).await.unwrap().len(),
        0,
        "items have no name keys"
    );
    assert_eq!(
        upgraded.search("S2.13", 10).await.unwrap()[0].id,
        renamed.id
    );
}

/// Takes a database back to version 14: the dashboards' tallies of 0015 (tables, views and
/// the triggers that keep them) are dropped.
/// Takes a database back to version 15: the agreements' deadline columns of 0016 are dropped,
/// and 0017 and 0018 forgotten (they only build indexes, which running them again does);
/// the attachments of 0019 are dropped (its rebuild of the audit log runs again unharmed).
async fn undo_deadlines(store: &SqliteStore) {
    undo_search_names(store).await;
    sqlx::raw_sql(
        "drop table attachments; drop table blobs; delete from schema_version where version = 19;
         delete from schema_version where version in (17, 18);
         drop index agreements_enters_on; drop index agreements_expires_on;
         drop index agreements_notice_on;
         alter table agreements drop column enters_on;
         alter table agreements drop column expires_on;
         alter table agreements drop column notice_on;
         delete from schema_version where version = 16;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    )
    .execute(store.pool())
    .await
    .unwrap();
}

async fn undo_tallies(store: &SqliteStore) {
    undo_deadlines(store).await;
    let triggers: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'trigger' and name like 'tally_%'",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert!(triggers.len() > 5, "{triggers:?}");
    let mut sql: String = triggers
        .iter()
        .map(|t| format!("drop trigger {t};"))
        .collect();
    sql.push_str(
        "drop view tally_viewers; drop view tally_scopes; drop view tally_days;
         drop table tally_items; drop table tally_sides; drop table tally_dates;
         delete from schema_version where version = 15;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    );
    sqlx::raw_sql(&sql).execute(store.pool()).await.unwrap();
}

/// Takes a database back to version 9: the tallies of 0015, the threshold dates of 0010,
/// the agreement links of 0011 and the list indexes of 0012 to 0014 are dropped.
async fn undo_thresholds(store: &SqliteStore) {
    undo_tallies(store).await;
    sqlx::raw_sql(
        "drop index action_items_due_order; drop index action_items_commission_due_order;
         drop index action_items_agreement_due_order; drop index action_items_overdue;
         drop index action_items_at_risk;
         alter table action_items drop column overdue_from;
         alter table action_items drop column at_risk_from;
         delete from schema_version where version = 10;
         drop table agreement_links; delete from schema_version where version = 11;
         drop index commissions_order; drop index sessions_order; drop index agreements_order;
         drop index action_items_open_order;
         delete from schema_version where version = 12;
         delete from schema_version where version = 13;
         drop index action_items_scope; drop index action_items_unscoped;
         delete from schema_version where version = 14;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    )
    .execute(store.pool())
    .await
    .unwrap();
}

/// Takes a database back to version 8: the effective-protection columns, their indexes and
/// the scope parties of 0009 are dropped.
async fn undo_visibility(store: &SqliteStore) {
    undo_thresholds(store).await;
    let indexes: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'index' and sql like '%eff_%'",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let mut sql: String = indexes.iter().map(|i| format!("drop index {i};")).collect();
    let tables = [
        "parties",
        "organisations",
        "ranks",
        "people",
        "areas",
        "commissions",
        "sessions",
        "agreements",
        "clauses",
        "action_plans",
        "action_items",
        "progress_updates",
        "activities",
    ];
    for t in tables {
        for c in ["eff_marking", "eff_all", "eff_scope", "eff_originator"] {
            sql.push_str(&format!("alter table {t} drop column {c};"));
        }
    }
    sql.push_str(
        "drop table scope_parties; delete from schema_version where version = 9;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    );
    sqlx::raw_sql(&sql).execute(store.pool()).await.unwrap();
}

/// Takes a database back to version 2: what 0009, 0006, 0005, 0004 and 0003 added is dropped
/// (the audit log keeps the wider set of actions 0005 allows; the rows are the same).
async fn undo_followup(store: &SqliteStore) {
    undo_visibility(store).await;
    let columns = [
        "start_on",
        "percent",
        "last_report",
        "commission_id",
        "agreement_id",
        "marking",
        "releasability",
        "originator",
        "facts_seq",
    ];
    let mut sql = String::from(
        "drop index audit_log_seq; drop index audit_log_unsealed;
         alter table audit_log drop column seq; alter table audit_log drop column prev_hash;
         alter table audit_log drop column hash;
         drop table login_attempts; drop table jobs;
         drop table calendar_feeds; drop table user_settings;
         delete from schema_version where version >= 5;
         drop table notifications; delete from schema_version where version = 4;
         drop index action_items_commission; drop index action_items_agreement;
         drop index action_items_facts_seq; drop index progress_updates_reported;
         drop table item_sides; delete from schema_version where version = 3;
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    );
    for c in columns {
        sql.push_str(&format!("alter table action_items drop column {c};"));
    }
    sqlx::raw_sql(&sql).execute(store.pool()).await.unwrap();
}

#[tokio::test]
async fn upgrading_derives_the_follow_up_of_items_written_before_it() {
    use taawun_core::followup::figures;
    use taawun_core::*;
    use taawun_store::FactsScope;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = suite::fixtures::world(&store).await;
    let a = suite::fixtures::actor();
    let mut item = w.item("1.1");
    item.start_on = Some(suite::fixtures::date(2025, 3, 1));
    let item = store.save_item(&a, &item).await.unwrap();
    let report = suite::fixtures::progress(&item, &w.mali, suite::fixtures::date(2025, 5, 1), 40);
    store.save_progress(&a, &report).await.unwrap();
    undo_followup(&store).await;
    // Before 0003 the status was typed by hand: say someone had marked it done.
    let stored = store.item(item.id).await.unwrap().unwrap();
    let typed = ActionItem {
        status: ItemStatus::Done,
        ..stored.clone()
    };
    sqlx::query("update action_items set status = 'done', doc = ? where id = ?")
        .bind(serde_json::to_string(&typed).unwrap())
        .bind(item.id.to_string())
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    let now = upgraded.item(item.id).await.unwrap().unwrap();
    assert_eq!(
        now.status,
        ItemStatus::InProgress,
        "only Mali reported, in progress"
    );
    assert_eq!(now.version, stored.version + 1);
    let audit = upgraded.audit_of(item.id).await.unwrap();
    let last = audit.last().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str()),
        ("system", "update")
    );
    let facts = upgraded.item_facts(FactsScope::All, None).await.unwrap();
    assert_eq!(facts.len(), 1);
    let f = &facts[0];
    assert_eq!(
        (f.commission_id, f.agreement_id),
        (w.commission.id, Some(w.mou.id))
    );
    assert_eq!((f.status, f.percent), (ItemStatus::InProgress, 20));
    assert_eq!(f.start_on, item.start_on);
    let sides: Vec<(Id, ItemStatus, u8)> = f
        .sides
        .iter()
        .map(|s| (s.party_id, s.status, s.percent))
        .collect();
    assert_eq!(
        sides,
        vec![
            (w.morocco.id, ItemStatus::Planned, 0),
            (w.mali.id, ItemStatus::InProgress, 40),
        ]
    );
    let today = suite::fixtures::date(2025, 6, 1);
    assert_eq!(figures(&facts, today, &Default::default()).open, 1);
}

/// A database written before 0009 gets its records' effective protection on upgrade: a
/// Malian reader cleared Restricted then selects, in SQL, the items `Visible` shows them —
/// not the Secret one, nor those of a plan released to Morocco only.
#[tokio::test]
async fn upgrading_fills_the_effective_protection_of_records_written_before_it() {
    use suite::fixtures::{actor, marked, originator_only, world};
    use taawun_core::*;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = world(&store).await;
    let a = actor();
    let open = store.save_item(&a, &w.item("1.1")).await.unwrap();
    let mut secret = w.item("1.2");
    secret.protection = marked(Marking::Secret);
    store.save_item(&a, &secret).await.unwrap();
    let mut ma_plan = suite::fixtures::plan(&w.commission);
    ma_plan.protection = originator_only(&w.morocco);
    let ma_plan = store.save_plan(&a, &ma_plan).await.unwrap();
    let ma_item = suite::fixtures::item(&ma_plan, "M.1", &w.training, &[&w.far, &w.fama]);
    store.save_item(&a, &ma_item).await.unwrap();
    undo_visibility(&store).await;
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    let reader = Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(w.mali.id),
        clearance: Marking::Restricted,
        commissions: vec![],
    };
    let p = taawun_store::visibility::predicate(&reader, "i");
    let sql = format!("select i.id from action_items i where {}", p.sql);
    let seen: Vec<(String,)> = p
        .bind(sqlx::query_as(&sql))
        .fetch_all(upgraded.pool())
        .await
        .unwrap();
    assert_eq!(seen, vec![(open.id.to_string(),)]);
}

/// A database written before 0010 gets its items' threshold dates on upgrade: an item from
/// 1 January to 30 June 2025 with no report is overdue from 1 July, and at risk from 29
/// January, when its schedule expects 16 % (more than the 15-point margin over its 0 %); a
/// cancelled item crosses neither.
#[tokio::test]
async fn upgrading_fills_the_threshold_dates_of_items_written_before_it() {
    use suite::fixtures::{actor, date, world};
    use taawun_core::*;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = world(&store).await;
    let a = actor();
    let mut late = w.item("1.1");
    late.start_on = Some(date(2025, 1, 1));
    late.due_on = Some(date(2025, 6, 30));
    let late = store.save_item(&a, &late).await.unwrap();
    let mut done = w.item("1.2");
    done.due_on = Some(date(2025, 6, 30));
    let done = store.save_item(&a, &done).await.unwrap();
    let done = suite::fixtures::bring_to(&store, &w, &done, ItemStatus::Cancelled).await;
    let dates = |store: SqliteStore, id: Id| async move {
        let row: (Option<String>, Option<String>) =
            sqlx::query_as("select overdue_from, at_risk_from from action_items where id = ?")
                .bind(id.to_string())
                .fetch_one(store.pool())
                .await
                .unwrap();
        row
    };
    let written = (
        dates(store.clone(), late.id).await,
        dates(store.clone(), done.id).await,
    );
    undo_thresholds(&store).await;
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    let late_dates = dates(upgraded.clone(), late.id).await;
    assert_eq!(
        late_dates,
        (Some("2025-07-01".into()), Some("2025-01-29".into()))
    );
    let done_dates = dates(upgraded.clone(), done.id).await;
    assert_eq!(done_dates, (None, None));
    // The same as the write path gave them.
    assert_eq!((late_dates, done_dates), written);
}

/// A database written before the deadline columns gets them on upgrade, as the write path
/// would have written them: the agreement due in the window is found, the others are not.
#[tokio::test]
async fn an_upgraded_database_finds_agreements_by_their_deadlines() {
    use suite::fixtures::{actor, agreement, date, world};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = world(&store).await;
    let mut saved = Vec::new();
    for (n, start) in [date(2020, 1, 15), date(2023, 6, 30)]
        .into_iter()
        .enumerate()
    {
        let mut a = agreement(&w.morocco, &w.mali, Some(start));
        a.reference = Some(format!("U-{n}"));
        a.in_force_on = Some(start);
        a.duration_months = Some(36);
        a.notice_months = Some(6);
        saved.push(store.save_agreement(&actor(), &a).await.unwrap());
    }
    let columns = |store: SqliteStore| async move {
        let rows: Vec<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
            "select enters_on, expires_on, notice_on from agreements
             where enters_on is not null order by enters_on",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        rows
    };
    let written = columns(store.clone()).await;
    undo_deadlines(&store).await;
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    assert_eq!(columns(upgraded.clone()).await, written);
    // The second one's notice date: 30 June 2023 + 36 months - 6 months.
    let due = upgraded
        .agreements_with_deadlines(date(2025, 12, 1), date(2026, 1, 31))
        .await
        .unwrap();
    assert_eq!(due, vec![saved[1].id]);
}

/// The agreements pointing at one are found through `agreement_links`, kept by the write
/// path and, for a database written before 0011, filled from the documents on upgrade:
/// a Restricted Malian reader finds the one implementing the memorandum, not the Secret one
/// amending it, and an edit that drops a link drops its row.
#[tokio::test]
async fn agreements_pointing_at_one_are_found_with_the_readers_visibility() {
    use suite::fixtures::{actor, agreement, date, marked, world};
    use taawun_core::*;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = world(&store).await;
    let a = actor();
    let base = store
        .save_agreement(&a, &agreement(&w.morocco, &w.mali, Some(date(2024, 1, 10))))
        .await
        .unwrap();
    let link = |kind| AgreementLink {
        kind,
        target_id: base.id,
    };
    let mut amending = agreement(&w.morocco, &w.mali, Some(date(2025, 1, 10)));
    amending.links = vec![link(LinkKind::Amends)];
    amending.protection = marked(Marking::Secret);
    let amending = store.save_agreement(&a, &amending).await.unwrap();
    let mut implementing = agreement(&w.morocco, &w.mali, Some(date(2025, 3, 10)));
    implementing.links = vec![link(LinkKind::Implements)];
    let implementing = store.save_agreement(&a, &implementing).await.unwrap();
    let reader = |clearance| Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(w.mali.id),
        clearance,
        commissions: vec![],
    };
    let ids = |found: Vec<Agreement>| found.into_iter().map(|g| g.id).collect::<Vec<_>>();
    let low = reader(Marking::Restricted);
    let high = reader(Marking::Secret);
    assert_eq!(
        ids(store.agreements_linking_to(&low, base.id).await.unwrap()),
        vec![implementing.id]
    );
    assert_eq!(
        ids(store.agreements_linking_to(&high, base.id).await.unwrap()),
        vec![implementing.id, amending.id],
        "newest signed first"
    );
    undo_thresholds(&store).await;
    store.close().await;

    let upgraded = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        ids(upgraded
            .agreements_linking_to(&high, base.id)
            .await
            .unwrap()),
        vec![implementing.id, amending.id],
        "filled from the documents"
    );
    let mut unlinked = upgraded.agreement(implementing.id).await.unwrap().unwrap();
    unlinked.links.clear();
    upgraded.save_agreement(&a, &unlinked).await.unwrap();
    assert_eq!(
        ids(upgraded
            .agreements_linking_to(&high, base.id)
            .await
            .unwrap()),
        vec![amending.id]
    );
}

/// An item's sides keep the order of its leads in a column (0022), which the rowid kept
/// before: a database upgraded past it takes each item's order from its rows' rowids, and
/// a new save writes it. Reversed leads give reversed positions.
#[tokio::test]
async fn upgrading_gives_each_side_its_place_among_the_leads() {
    use suite::fixtures::{actor, item, world};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let w = world(&store).await;
    let a = actor();
    let ma_first = store
        .save_item(&a, &item(&w.plan, "1.1", &w.training, &[&w.far, &w.fama]))
        .await
        .unwrap();
    let ml_first = store
        .save_item(&a, &item(&w.plan, "1.2", &w.training, &[&w.fama, &w.far]))
        .await
        .unwrap();
    let positions = |store: SqliteStore| async move {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "select item_id, organisation_id, position from item_sides order by item_id, position",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        rows
    };
    let want = vec![
        (ma_first.id.to_string(), w.far.id.to_string(), 0),
        (ma_first.id.to_string(), w.fama.id.to_string(), 1),
        (ml_first.id.to_string(), w.fama.id.to_string(), 0),
        (ml_first.id.to_string(), w.far.id.to_string(), 1),
    ];
    assert_eq!(positions(store.clone()).await, want, "as saved");

    sqlx::raw_sql(
        "alter table item_sides drop column position; drop table job_states;
         drop table totp_steps; delete from schema_version where version in (22, 23);
         drop table if exists exchange_partners; drop table if exists exchange_log;
         drop table if exists exchange_origins; drop table if exists exchange_sent;
         drop table if exists exchange_matches; drop table if exists exchange_nonces;
         drop table if exists exchange_candidates; drop table if exists exchange_conflicts; drop table if exists exchange_asks;
         delete from schema_version where version = 24;",
    )
    .execute(store.pool())
    .await
    .unwrap();
    store.close().await;
    let upgraded = SqliteStore::open(&path).await.unwrap();
    assert_eq!(positions(upgraded.clone()).await, want, "as upgraded");
    // What reads the sides sees the leads' order.
    let facts = upgraded
        .item_facts(taawun_store::FactsScope::All, None)
        .await
        .unwrap();
    let sides = |id| -> Vec<_> {
        let f = facts.iter().find(|f| f.id == id).unwrap();
        f.sides.iter().map(|s| s.organisation_id).collect()
    };
    assert_eq!(sides(ma_first.id), vec![w.far.id, w.fama.id]);
    assert_eq!(sides(ml_first.id), vec![w.fama.id, w.far.id]);
}
