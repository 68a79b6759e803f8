//! A tiny forward-only migration runner. Each migration is one SQL file embedded in the
//! binary; `schema_version` records which ones ran, so a database opened by an older build
//! that does not know its version is refused instead of being misread.

use crate::{StoreError, StoreResult};
use sqlx::{Connection, SqlitePool};

/// Migrations in order; a migration's version is its position, counting from 1.
/// Never edit a released migration: add a new file instead.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_init.sql"),
    include_str!("../../migrations/sqlite/0002_access.sql"),
    include_str!("../../migrations/sqlite/0003_followup.sql"),
    include_str!("../../migrations/sqlite/0004_notifications.sql"),
    include_str!("../../migrations/sqlite/0005_calendar_feeds_and_settings.sql"),
    include_str!("../../migrations/sqlite/0006_login_attempts_and_jobs.sql"),
    include_str!("../../migrations/sqlite/0007_uniqueness_by_visibility.sql"),
    include_str!("../../migrations/sqlite/0008_audit_chain.sql"),
    include_str!("../../migrations/sqlite/0009_visibility.sql"),
    include_str!("../../migrations/sqlite/0010_item_thresholds.sql"),
    include_str!("../../migrations/sqlite/0011_agreement_links.sql"),
    include_str!("../../migrations/sqlite/0012_list_orders.sql"),
    include_str!("../../migrations/sqlite/0013_covering_item_orders.sql"),
    include_str!("../../migrations/sqlite/0014_item_scopes.sql"),
    include_str!("../../migrations/sqlite/0015_item_tallies.sql"),
    include_str!("../../migrations/sqlite/0016_agreement_deadlines.sql"),
    include_str!("../../migrations/sqlite/0017_covering_thresholds.sql"),
    include_str!("../../migrations/sqlite/0018_record_scopes.sql"),
    include_str!("../../migrations/sqlite/0019_attachments.sql"),
    include_str!("../../migrations/sqlite/0020_search_names_and_titles.sql"),
    include_str!("../../migrations/sqlite/0021_recent_changes.sql"),
    include_str!("../../migrations/sqlite/0022_side_positions.sql"),
    include_str!("../../migrations/sqlite/0023_shared_work.sql"),
    include_str!("../../migrations/sqlite/0024_exchange.sql"),
];

/// Migrations that rebuild tables other tables refer to (new table, copy, drop, rename):
/// they run with foreign keys off, which SQLite allows to change only outside a
/// transaction, and `foreign_key_check` must find nothing before they commit. Each is named
/// by its file name, which its first line repeats.
const REBUILDS: &[&str] = &["0007_uniqueness_by_visibility"];

/// The version that gave the search index its present form (names' skeletons, titles):
/// every record is indexed in Rust right after its SQL, in the same transaction
/// (normalising needs `core`). Version 2 created the first form, which this one replaces,
/// so records written before either are indexed here.
const SEARCH_INDEX: i64 = 20;

/// The version that added the follow-up columns: items written before it get their joint
/// status, facts and side rows derived in Rust right after its SQL (the rules are `core`'s).
const FOLLOWUP: i64 = 3;

/// The version that added the audit chain: rows written before it are sealed in Rust right
/// after its SQL, in the same transaction, so that an upgraded database verifies.
pub(super) const AUDIT_CHAIN: i64 = 8;

/// The version that added the effective-protection columns: rows written before it get
/// them in Rust right after its SQL, with the write path's own statements (`effective`).
const VISIBILITY: i64 = 9;

/// The version that added the items' threshold dates: stored items get them in Rust right
/// after its SQL (the rules are `core`'s).
const THRESHOLDS: i64 = 10;

/// The version that added the dashboards' tallies: their triggers are created in Rust right
/// after its SQL (`tallies::triggers`), which adds up the rows already stored.
const TALLIES: i64 = 15;

/// The version that added the agreements' deadline columns: stored agreements get them in
/// Rust right after its SQL (the month arithmetic is `core`'s).
const DEADLINES: i64 = 16;

pub(super) const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to `LATEST`, or refuses it if it is already newer.
pub(super) async fn run(pool: &SqlitePool) -> StoreResult<()> {
    sqlx::query(
        "create table if not exists schema_version (
             version integer primary key,
             applied_at text not null
         )",
    )
    .execute(pool)
    .await?;

    // Checked before taking the write lock so that a read-only look at a newer database
    // fails with the clear error rather than a locking one.
    refuse_newer(current(pool).await?)?;

    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        let rebuild = REBUILDS.iter().any(|name| sql.contains(name));
        let mut conn = pool.acquire().await?;
        if rebuild {
            sqlx::query("pragma foreign_keys = off")
                .execute(&mut *conn)
                .await?;
        }
        // `begin immediate` takes the write lock now: two processes opening the same new
        // file at once apply each migration exactly once, the second one seeing it done.
        let mut tx = conn.begin_with("begin immediate").await?;
        let done: i64 = sqlx::query_scalar(
            "select coalesce(max(version), 0) from schema_version where version >= ?",
        )
        .bind(version)
        .fetch_one(&mut *tx)
        .await?;
        if done >= version {
            drop(tx);
            restore_foreign_keys(&mut conn, rebuild).await?;
            continue;
        }
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        if rebuild {
            let broken: Vec<(String,)> = sqlx::query_as("pragma foreign_key_check")
                .fetch_all(&mut *tx)
                .await?;
            if !broken.is_empty() {
                return Err(StoreError::Open(format!(
                    "migration {version} would leave dangling references in {broken:?}"
                )));
            }
        }
        if version == SEARCH_INDEX {
            super::sql::search::reindex_all(&mut tx).await?;
        }
        if version == FOLLOWUP {
            super::sql::follow::backfill(&mut tx).await?;
        }
        if version == VISIBILITY {
            super::sql::effective::fill_all(&mut tx).await?;
        }
        if version == THRESHOLDS {
            super::sql::follow::fill_thresholds(&mut tx).await?;
        }
        if version == TALLIES {
            sqlx::raw_sql(&super::sql::tallies::triggers())
                .execute(&mut *tx)
                .await?;
        }
        if version == DEADLINES {
            super::sql::records::fill_deadlines(&mut tx).await?;
        }
        if version == AUDIT_CHAIN {
            super::sql::seal::seal(&mut tx).await?;
        }
        sqlx::query("insert into schema_version (version, applied_at) values (?, ?)")
            .bind(version)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        restore_foreign_keys(&mut conn, rebuild).await?;
        tracing::info!(version, "applied sqlite migration");
    }
    Ok(())
}

/// Foreign keys back on for a connection a rebuild turned them off on, before the pool
/// hands it to anyone else.
async fn restore_foreign_keys(
    conn: &mut sqlx::pool::PoolConnection<sqlx::Sqlite>,
    rebuild: bool,
) -> StoreResult<()> {
    if rebuild {
        sqlx::query("pragma foreign_keys = on")
            .execute(&mut **conn)
            .await?;
    }
    Ok(())
}

async fn current(pool: &SqlitePool) -> StoreResult<i64> {
    let v: i64 = sqlx::query_scalar("select coalesce(max(version), 0) from schema_version")
        .fetch_one(pool)
        .await?;
    Ok(v)
}

fn refuse_newer(found: i64) -> StoreResult<()> {
    if found > LATEST {
        return Err(StoreError::NewerSchema {
            found,
            supported: LATEST,
        });
    }
    Ok(())
}
