//! Opening the configured database, with errors a person can act on.

use crate::args::DbArgs;
use std::sync::Arc;
use taawun_store::{PgStore, SqliteStore, Store};

/// File name of the embedded database inside the data directory.
pub const DB_FILE: &str = "taawun.db";

pub async fn open(args: &DbArgs) -> Result<Arc<dyn Store>, String> {
    let store = match &args.database_url {
        Some(url) if url.starts_with("sqlite:") => {
            SqliteStore::open_url_with(url, args.durability).await
        }
        Some(url) if is_postgres(url) => {
            // Durability is the server's own business on PostgreSQL (synchronous_commit).
            let store = PgStore::open(url).await.map_err(|e| e.to_string())?;
            return Ok(Arc::new(store));
        }
        Some(url) => {
            return Err(format!(
                "unsupported database URL {:?}: expected sqlite:… or postgres://…",
                taawun_store::redact_url(url)
            ));
        }
        None => {
            let dir = &args.data_dir;
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot use data directory {}: {e}", dir.display()))?;
            check_writable(dir)?;
            SqliteStore::open_with(&dir.join(DB_FILE), args.durability).await
        }
    };
    let store = store.map_err(|e| e.to_string())?;
    Ok(Arc::new(store))
}

/// Whether `url` names a PostgreSQL database.
pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// Probes the directory so that a read-only or foreign-owned one is reported plainly
/// instead of as an SQLite error later.
fn check_writable(dir: &std::path::Path) -> Result<(), String> {
    let probe = dir.join(".taawun-write-test");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                format!(
                    "taawun may not write in the data directory {} ({e}): check its owner and permissions",
                    dir.display()
                )
            }
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => format!(
                "the disk holding the data directory {} is full ({e}): free some space and start again",
                dir.display()
            ),
            _ => format!("cannot write in data directory {}: {e}", dir.display()),
        })
}

/// Loads the demo when the database is empty; returns whether it did.
pub async fn load_demo_if_empty(store: &dyn Store) -> Result<bool, String> {
    if !store.is_empty().await.map_err(|e| e.to_string())? {
        return Ok(false);
    }
    taawun_store::demo::load(store)
        .await
        .map_err(|e| format!("loading the demo failed: {e}"))?;
    Ok(true)
}

/// The active user a command acts as (`--as`), and the language it speaks to them in:
/// `--lang` when given, else the user's own, else French.
pub async fn acting_user(
    store: &dyn Store,
    name: &str,
    lang: Option<&str>,
) -> Result<(taawun_core::User, taawun_core::Lang), String> {
    use taawun_core::Lang;
    let user = store
        .user_by_name(name)
        .await
        .map_err(|e| e.to_string())?
        .filter(|u| u.active)
        .ok_or_else(|| format!("no active user named {name:?}"))?;
    let lang = match lang {
        Some(code) => Lang::parse(code)
            .ok_or_else(|| format!("unknown language {code:?}: use ar, fr or en"))?,
        None => user.language.unwrap_or(Lang::Fr),
    };
    Ok((user, lang))
}
