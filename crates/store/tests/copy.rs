//! `copy` between the engines (issue 15, part 4), on a real SQLite file and a real
//! PostgreSQL server: a deployment goes to PostgreSQL and back with every table's count and
//! digest equal, and what a person uses comes back whole — the attached file byte for byte,
//! the login session, the calendar feed, the setting, the audit chain with its head, search.
//! A target that holds anything is refused and left as it was.

// Only the fixtures are used here, not the whole suite.
#[allow(dead_code, unused_imports)]
mod suite;

use chrono::{Duration, Utc};
use suite::fixtures::*;
use taawun_core::attachment::{FileType, Purpose};
use taawun_core::*;
use taawun_store::copy::{TableCopy, copy, digests};
use taawun_store::{ARABIC_DATES_KEY, Actor, FileSlot, NewFile, SqliteStore, Store};
use taawun_testpg::fresh_database;

const MINUTES: &[u8] = b"%PDF-1.7\n% the signed minutes of the 1st session\n%%EOF\n";

/// A small deployment: the fixtures' commission with an item, a secretariat officer, the signed minutes
/// attached, a login session, a calendar feed and a setting. Returns the attachment's id.
async fn deployment(path: &std::path::Path) -> Id {
    let store = SqliteStore::open(path).await.unwrap();
    let w = world(&store).await;
    let officer = account(
        &store,
        "officer",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[w.commission.id],
    )
    .await;
    store.save_item(&actor(), &w.item("1.1")).await.unwrap();
    let file = store
        .attach_file(
            &Actor::user(&officer),
            NewFile {
                record: RecordKind::Session,
                record_id: w.session.id,
                slot: FileSlot::New(Purpose::SignedMinutes),
                name: "محضر الدورة الأولى.pdf".into(),
                file_type: FileType::Pdf,
                content: MINUTES.to_vec(),
            },
        )
        .await
        .unwrap();
    store
        .login_session_save(
            "session-1",
            "{\"user\":\"officer\"}",
            Utc::now() + Duration::days(1),
        )
        .await
        .unwrap();
    store
        .create_calendar_feed(
            &Actor::user(&officer),
            officer.id,
            Some(w.commission.id),
            "feed-hash",
        )
        .await
        .unwrap();
    store
        .set_user_setting(officer.id, ARABIC_DATES_KEY, "generic")
        .await
        .unwrap();
    store.close().await;
    file.id
}

fn url(path: &std::path::Path) -> String {
    format!("sqlite://{}", path.display())
}

fn rows(copied: &[TableCopy], table: &str) -> u64 {
    copied.iter().find(|t| t.table == table).unwrap().rows
}

#[tokio::test]
async fn a_deployment_goes_to_postgresql_and_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (first, last) = (dir.path().join("first.db"), dir.path().join("last.db"));
    let file = deployment(&first).await;
    let pg = fresh_database();

    let there = copy(&url(&first), &pg, |_| {}).await.unwrap();
    let back = copy(&pg, &url(&last), |_| {}).await.unwrap();
    assert_eq!(there, back, "the same rows went out and came back");
    assert_eq!(there, digests(&url(&first)).await.unwrap());
    for table in [
        "commissions",
        "sessions",
        "audit_log",
        "users",
        "login_sessions",
        "calendar_feeds",
        "user_settings",
        "attachments",
        "blobs",
        "search_index",
        "tally_items",
    ] {
        assert!(rows(&there, table) > 0, "{table} was copied empty");
    }

    let before = SqliteStore::open(&first).await.unwrap();
    let after = SqliteStore::open(&last).await.unwrap();
    assert_eq!(
        after.attachment_content(file).await.unwrap().as_deref(),
        Some(MINUTES)
    );
    assert!(
        after
            .login_session_load("session-1")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        after
            .calendar_feed_by_token("feed-hash")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        after.check(None).await.unwrap().is_empty(),
        "the audit chain proves itself"
    );
    assert_eq!(
        after.audit_head().await.unwrap().to_string(),
        before.audit_head().await.unwrap().to_string()
    );
    let ids =
        |hits: Vec<taawun_store::SearchHit>| hits.into_iter().map(|h| h.id).collect::<Vec<_>>();
    assert_eq!(
        ids(after.search("مالي", 20).await.unwrap()),
        ids(before.search("مالي", 20).await.unwrap())
    );
    assert!(!after.search("مالي", 20).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_target_that_holds_rows_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.db");
    deployment(&first).await;
    let pg = fresh_database();
    copy(&url(&first), &pg, |_| {}).await.unwrap();

    let pg_before = digests(&pg).await.unwrap();
    let err = copy(&url(&first), &pg, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(digests(&pg).await.unwrap(), pg_before);

    let sqlite_before = digests(&url(&first)).await.unwrap();
    let err = copy(&pg, &url(&first), |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(digests(&url(&first)).await.unwrap(), sqlite_before);
}

#[tokio::test]
async fn a_url_of_another_kind_is_named_in_the_refusal() {
    let err = copy("mysql://db/taawun", "sqlite:///tmp/never.db", |_| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("mysql://db/taawun"), "{err}");
    assert!(!std::path::Path::new("/tmp/never.db").exists());
}

/// A source whose rows refer to a row it does not hold (a file damaged with its foreign
/// keys off): the copy fails when the target's keys come back, and the target keeps
/// nothing of it — one transaction — so a later copy into it still finds it empty.
#[tokio::test]
async fn a_source_with_a_dangling_reference_leaves_the_target_empty() {
    let dir = tempfile::tempdir().unwrap();
    let (damaged, clean) = (dir.path().join("damaged.db"), dir.path().join("clean.db"));
    deployment(&damaged).await;
    deployment(&clean).await;
    let store = SqliteStore::open(&damaged).await.unwrap();
    let mut conn = store.pool().acquire().await.unwrap();
    sqlx::raw_sql(
        "pragma foreign_keys = off;
         update item_leads set organisation_id = 'no-such-organisation';
         pragma foreign_keys = on;",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    drop(conn);
    store.close().await;

    let pg = fresh_database();
    let err = copy(&url(&damaged), &pg, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("item_leads"), "{err}");
    assert!(err.to_string().contains("nothing was copied"), "{err}");
    assert!(digests(&pg).await.unwrap().iter().all(|t| t.rows == 0));
    copy(&url(&clean), &pg, |_| {}).await.unwrap();
}

/// A source that is not a Taawun database — a mistyped file name, an empty PostgreSQL
/// database — is refused, and nothing is created at it: no file, no tables.
#[tokio::test]
async fn a_source_that_is_not_a_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("mistyped.db");
    let pg = fresh_database();
    let err = copy(&url(&missing), &pg, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("no database at"), "{err}");
    assert!(!missing.exists());

    let empty = fresh_database();
    let err = copy(&empty, &url(&dir.path().join("out.db")), |_| {})
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("holds no taawun database"),
        "{err}"
    );
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(&empty).await.unwrap();
    let tables: i64 = sqlx::query_scalar(
        "select count(*) from information_schema.tables where table_schema = current_schema()",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(tables, 0, "the empty database was left empty");
}
