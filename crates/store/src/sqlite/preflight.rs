//! The start-up check: before a database is used, make sure it is a whole SQLite file this
//! build can read, and say in one line what is wrong when it is not. It stays cheap however
//! large the file is: it reads the 100-byte header, compares sizes, and (after connecting)
//! touches only the schema and the first page of each table, which any start reads anyway.
//! The full `integrity_check` reads every page and belongs to an explicit check or a restore.

use crate::{StoreError, StoreResult};
use sqlx::SqlitePool;
use std::collections::HashMap;
use std::os::unix::fs::{FileExt, MetadataExt};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::{fs, path::Path};

/// The advice every refusal of a damaged file ends with.
const RESTORE_HINT: &str = "restore the last backup into an empty data directory with `taawun restore BACKUP --data-dir DIR`";

/// Looks at the file's header and size without SQLite. A missing or empty file is fine:
/// SQLite creates the database in it.
pub(super) fn check(path: &Path) -> StoreResult<()> {
    let shown = path.display();
    let len = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::Open(io_problem(&shown.to_string(), &e))),
    };
    if len == 0 {
        return Ok(());
    }
    let mut header = [0u8; 100];
    let read = read_header(path, &mut header);
    let read = read.map_err(|e| StoreError::Open(io_problem(&shown.to_string(), &e)))?;
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(malformed(
            &shown.to_string(),
            "it does not start with SQLite's header",
        ));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(malformed(
            &shown.to_string(),
            "its header names an impossible page size",
        ));
    }
    // While a write-ahead log holds pages not yet copied back, the main file may lag its own
    // header after a crash; SQLite repairs that from the log, so sizes are only compared
    // when there is no log to replay.
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    if fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false) {
        return Ok(());
    }
    if len % page_size != 0 {
        return Err(malformed(
            &shown.to_string(),
            &format!("it is cut short ({len} bytes, not a whole number of {page_size}-byte pages)"),
        ));
    }
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The page count in the header is trusted only when it was written by the same change
    // as the header (SQLite's own rule, offsets 24 and 92).
    let counted_by_this_change = header[24..28] == header[92..96];
    if counted_by_this_change && pages > 0 && pages * page_size > len {
        return Err(malformed(
            &shown.to_string(),
            &format!(
                "it is cut short ({len} bytes where its header counts {})",
                pages * page_size
            ),
        ));
    }
    Ok(())
}

/// The database files this process has read a header of, by device and inode, each kept
/// open for the life of the process. Why never closed: closing any descriptor of a file
/// drops every POSIX lock the process holds on it, those of its open SQLite connections
/// included, without SQLite knowing. Another process could then take the lock that tells
/// it it is the file's last user, and delete the write-ahead log this process still reads
/// from (a "database disk image is malformed" later, or lost commits). A process opening
/// the same database twice — a second store, a backup beside the server — must not do
/// that, so the header is read through the one descriptor kept for the file.
static KEPT: OnceLock<Mutex<HashMap<(u64, u64), fs::File>>> = OnceLock::new();

/// Reads up to `header.len()` bytes from the start of `path`, through the descriptor kept
/// for it (see `KEPT`); how many were read.
fn read_header(path: &Path, header: &mut [u8]) -> std::io::Result<usize> {
    let meta = fs::metadata(path)?;
    let key = (meta.dev(), meta.ino());
    let mut kept = KEPT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let file = match kept.entry(key) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => e.insert(fs::File::open(path)?),
    };
    let mut n = 0;
    while n < header.len() {
        match file.read_at(&mut header[n..], n as u64)? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Reads the schema and the first row of every table: a damaged page there would break the
/// first request, so it is better found now, and it costs a handful of page reads.
pub(super) async fn read_start_pages(pool: &SqlitePool, shown: &str) -> StoreResult<()> {
    let explain_here = |e: sqlx::Error| StoreError::Open(explain(shown, &e));
    let tables: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_schema where type = 'table' and sql not like 'create virtual%'",
    )
    .fetch_all(pool)
    .await
    .map_err(explain_here)?;
    for table in tables {
        let sql = format!("select 1 from \"{}\" limit 1", table.replace('"', "\"\""));
        sqlx::query(&sql)
            .fetch_optional(pool)
            .await
            .map_err(explain_here)?;
    }
    Ok(())
}

/// One line naming the real problem behind an error SQLite gave while opening `shown`.
pub(crate) fn explain(shown: &str, e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => {
            let code: i64 = db.code().and_then(|c| c.parse().ok()).unwrap_or(-1);
            // SQLite's primary result code is the low byte of the extended one.
            match code & 0xff {
                11 | 26 => malformed_text(shown, db.message()),
                3 | 8 | 14 | 23 => permission_text(shown, db.message()),
                13 => full_text(shown, db.message()),
                10 => format!(
                    "the disk holding {shown} reported an input/output error ({}): check the disk; if the file is damaged, {RESTORE_HINT}",
                    db.message()
                ),
                5 | 6 => format!(
                    "{shown} is locked by another process ({}): stop it or try again",
                    db.message()
                ),
                _ => format!("{shown}: {}", db.message()),
            }
        }
        sqlx::Error::Io(io) => io_problem(shown, io),
        other => format!("{shown}: {other}"),
    }
}

fn io_problem(shown: &str, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            permission_text(shown, &e.to_string())
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            full_text(shown, &e.to_string())
        }
        _ => format!("{shown} cannot be read ({e})"),
    }
}

fn malformed(shown: &str, why: &str) -> StoreError {
    StoreError::Open(malformed_text(shown, why))
}

fn malformed_text(shown: &str, why: &str) -> String {
    format!("{shown} is damaged or is not a Taawun database ({why}); {RESTORE_HINT}")
}

fn permission_text(shown: &str, why: &str) -> String {
    format!(
        "taawun may not read and write {shown} ({why}): check the owner and permissions of the file, its -wal and -shm files and its directory"
    )
}

fn full_text(shown: &str, why: &str) -> String {
    format!("the disk holding {shown} is full ({why}): free some space and start again")
}
