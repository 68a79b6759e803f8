//! `taawun check`: is this database whole, and does its audit log prove itself? Runs
//! SQLite's `integrity_check` (PostgreSQL checks its own pages), verifies the audit chain, and with `--expect-head` compares
//! the head saved earlier (a backup manifest's, or one an administrator wrote down), which
//! alone catches a cut tail or a chain recomputed by someone who could write the file.

use crate::args::CheckArgs;
use crate::db::DB_FILE;
use taawun_store::{AuditHead, PgStore, SqliteStore};

pub async fn run(a: CheckArgs) -> Result<(), String> {
    let expect = a
        .expect_head
        .as_deref()
        .map(str::parse::<AuditHead>)
        .transpose()?;
    let cannot = |e: taawun_store::StoreError| format!("cannot check {}: {e}", a.db.describe());
    let (problems, head) = match &a.db.database_url {
        Some(url) if crate::db::is_postgres(url) => {
            let store = PgStore::open_existing(url)
                .await
                .map_err(|e| format!("cannot open {}: {e}", a.db.describe()))?;
            let problems = store.check(expect.as_ref()).await.map_err(cannot)?;
            (problems, store.audit_head().await.map_err(cannot)?)
        }
        _ => {
            let store = open(&a).await?;
            let problems = store.check(expect.as_ref()).await.map_err(cannot)?;
            (problems, store.audit_head().await.map_err(cannot)?)
        }
    };
    if problems.is_empty() {
        println!(
            "ok: {} is intact and its audit log proves itself",
            a.db.describe()
        );
        println!("audit head: {head}");
        return Ok(());
    }
    // One line each, the first broken row first; the exit status says it failed.
    for p in &problems {
        eprintln!("taawun: {p}");
    }
    Err(format!(
        "{} problem(s) found in {}",
        problems.len(),
        a.db.describe()
    ))
}

/// The database to check, which must already exist: checking never creates one.
async fn open(a: &CheckArgs) -> Result<SqliteStore, String> {
    let opened = match &a.db.database_url {
        Some(url) if url.starts_with("sqlite:") => SqliteStore::open_url(url).await,
        Some(url) => {
            return Err(format!(
                "`taawun check` reads sqlite: and postgres: URLs only, not {url:?}"
            ));
        }
        None => {
            let path = a.db.data_dir.join(DB_FILE);
            if !path.is_file() {
                return Err(format!("no database at {}", path.display()));
            }
            SqliteStore::open(&path).await
        }
    };
    opened.map_err(|e| format!("cannot open {}: {e}", a.db.describe()))
}
