//! PostgreSQL's forward-only migrations. Each runs in the one transaction that holds a
//! transaction-scoped advisory lock: nodes that start at once on an empty database queue
//! on the lock, the first migrates, the others find the work done. PostgreSQL's DDL is
//! transactional, so a failed migration leaves nothing behind.

use crate::{StoreError, StoreResult};
use sqlx::PgPool;

/// Migrations in order; a migration's version is its position, counting from 1.
/// Never edit a released migration: add a new file instead.
/// Each is `'static` text (made once when generated): the migration's future must not hold
/// a borrow of a local, or it cannot be spawned.
const MIGRATIONS: [fn() -> &'static str; 5] = [
    || include_str!("../../migrations/postgres/0001_schema.sql"),
    || {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(|| {
            format!(
                "{}\ncreate index search_index_words on search_index using gin ({});\n{}",
                include_str!("../../migrations/postgres/0002_store.sql"),
                super::dialect::SEARCH_VECTOR,
                super::sql::tallies::triggers()
            )
        })
    },
    || include_str!("../../migrations/postgres/0003_shared_work.sql"),
    || {
        static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        TEXT.get_or_init(|| {
            format!(
                "alter table search_index add column {} tsvector generated always as ({}) stored;\n{}",
                super::dialect::SEARCH_WORDS,
                super::dialect::SEARCH_VECTOR,
                include_str!("../../migrations/postgres/0004_read_paths.sql"),
            )
        })
    },
    || include_str!("../../migrations/postgres/0005_exchange.sql"),
];

pub(super) const LATEST: i64 = MIGRATIONS.len() as i64;

/// The advisory lock's key: any constant the deployment's other users of advisory locks
/// are unlikely to pick ("taawun" in ASCII).
const LOCK: i64 = 0x7461_6177_756e;

/// Brings the database up to `LATEST`, or refuses it if it is already newer.
pub(super) async fn run(pool: &PgPool) -> StoreResult<()> {
    let mut tx = pool.begin().await?;
    // A plain `&mut PgConnection`: borrowing through the transaction at each call makes the
    // future's `Send` depend on a lifetime, and then it cannot be spawned.
    let tx_conn: &mut sqlx::PgConnection = &mut tx;
    sqlx::query("select pg_advisory_xact_lock($1)")
        .bind(LOCK)
        .execute(&mut *tx_conn)
        .await?;
    // Created under the lock: two `create table if not exists` racing each other can both
    // try to create it, and one fails.
    sqlx::query(
        "create table if not exists schema_version (
             version bigint primary key,
             applied_at text collate \"C\" not null
         )",
    )
    .execute(&mut *tx_conn)
    .await?;
    let found: i64 = sqlx::query_scalar("select coalesce(max(version), 0) from schema_version")
        .fetch_one(&mut *tx_conn)
        .await?;
    if found > LATEST {
        return Err(StoreError::NewerSchema {
            found,
            supported: LATEST,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = index as i64 + 1;
        sqlx::Executor::execute(&mut *tx_conn, sql()).await?;
        sqlx::query("insert into schema_version (version, applied_at) values ($1, $2)")
            .bind(version)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx_conn)
            .await?;
        tracing::info!(version, "applied postgresql migration");
    }
    tx.commit().await?;
    Ok(())
}
