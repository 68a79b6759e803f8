//! PostgreSQL backend, for deployments that run several Taawun nodes on a server their IT
//! already operates. The store itself is the shared `sql/`, compiled here for PostgreSQL;
//! the submodules here are PostgreSQL's own: migrations under a cluster-wide lock, the
//! audit chain's verification, the counters of login attempts and jobs across nodes, and
//! the dialect the shared code asks for.

mod chain;
mod dialect;
mod migrate;
#[path = "sql/mod.rs"]
#[allow(clippy::duplicate_mod)] // once per engine, on purpose: see sql/mod.rs
mod sql;

/// The store the shared code (`sql/`) is compiled for in this module.
type Engine = PgStore;

/// A PostgreSQL store. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct PgStore {
    /// Whether each party is few scopes' (see `sql::windows::narrow`).
    reaches: sql::Reaches,
    pool: sqlx::PgPool,
}

impl PgStore {
    /// The highest schema version this build knows; a database at a higher one is refused.
    /// PostgreSQL's migrations are numbered on their own: the first creates the schema the
    /// SQLite migrations reach at their version 22.
    pub const SCHEMA_VERSION: i64 = migrate::LATEST;

    /// Connects to `url` (`postgres://user@host/db`, with `sslmode` and `sslrootcert` as
    /// libpq reads them) and migrates the database. Several nodes may open one empty
    /// database at once: the migrations run once, under an advisory lock.
    pub async fn open(url: &str) -> crate::StoreResult<PgStore> {
        let pool = connect(url).await?;
        migrate::run(&pool).await?;
        Ok(PgStore {
            pool,
            reaches: Default::default(),
        })
    }

    /// `open` for a database that must already be Taawun's (what `check`, `backup` and a
    /// copy's source read): one that holds no schema is refused and left untouched, so a
    /// mistyped URL never creates a database's tables. It is still brought up to date.
    pub async fn open_existing(url: &str) -> crate::StoreResult<PgStore> {
        let pool = connect(url).await?;
        let ours: bool = sqlx::query_scalar("select to_regclass('schema_version') is not null")
            .fetch_one(&pool)
            .await?;
        if !ours {
            pool.close().await;
            return Err(crate::StoreError::Open(format!(
                "{} holds no taawun database (no schema_version table)",
                redact(url)
            )));
        }
        migrate::run(&pool).await?;
        Ok(PgStore {
            pool,
            reaches: Default::default(),
        })
    }

    /// The connection pool, for the store's own tests.
    #[cfg(feature = "testing")]
    pub fn pool(&self) -> &sqlx::PgPool {
        &self.pool
    }

    /// The connection pool, for `copy`, which moves whole tables.
    pub(crate) fn raw_pool(&self) -> &sqlx::PgPool {
        &self.pool
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// `Store::shut_down`: nothing to checkpoint, the server keeps its own log.
    async fn close_cleanly(&self) -> crate::StoreResult<()> {
        self.pool.close().await;
        Ok(())
    }
}

async fn connect(url: &str) -> crate::StoreResult<sqlx::PgPool> {
    let failed = |e: sqlx::Error| crate::StoreError::Open(format!("{}: {e}", redact(url)));
    let options: sqlx::postgres::PgConnectOptions = url.parse().map_err(failed)?;
    // No JIT compilation and no parallel workers: the pages' statements run in a
    // millisecond or two, and the planner prices a walk that stops after one page as the
    // whole walk, which can pass the thresholds where it compiles the statement (30 ms) or
    // starts worker processes for it (5 ms each time, for a partner's item list of 1 ms).
    // Many requests at once already keep every core busy.
    // Plans are made once per statement and connection, not at each execution: a page
    // runs a dozen or two small statements whose best plan does not depend on the values
    // (a record by id, a list of ids, a window of a small table), and planning each anew
    // cost as much as running it. The reads whose plan does depend on them (search, the
    // item lists, dashboard figures) run in read transactions that plan anew
    // (`dialect::begin_read`).
    let options = options.options([
        ("jit", "off"),
        ("max_parallel_workers_per_gather", "0"),
        ("plan_cache_mode", "force_generic_plan"),
    ]);
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(16)
        .connect_with(options)
        .await
        .map_err(failed)
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if s + 3 < at => {
            let userinfo = &url[s + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_never_reaches_a_message() {
        assert_eq!(
            super::redact("postgres://taawun:s3cret@db:5432/taawun"),
            "postgres://taawun:***@db:5432/taawun"
        );
        assert_eq!(
            super::redact("postgres://taawun@db/taawun"),
            "postgres://taawun@db/taawun"
        );
    }
}
