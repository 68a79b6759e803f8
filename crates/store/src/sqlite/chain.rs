//! The audit chain on SQLite: sealing the rows a transaction appended, just before it
//! commits (under the write lock every writer takes with `begin immediate`, so rows are
//! chained in commit order), reading the head, and `taawun check`'s full verification.

use super::{SqliteStore, script::Script};
use crate::StoreResult;
use crate::chain::{self, AuditHead, ChainRow};
use sqlx::{Sqlite, SqliteConnection, Transaction};

/// Seals this transaction's audit rows, then commits. Every transaction that may append an
/// audit row ends here.
pub(super) async fn seal_and_commit(mut tx: Transaction<'_, Sqlite>) -> StoreResult<()> {
    seal(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives every unsealed row, in the order it was appended, its place after the head.
pub(super) async fn seal(conn: &mut SqliteConnection) -> StoreResult<()> {
    let rows = sqlx::query(&format!(
        "select {COLUMNS} from audit_log where seq is null order by rowid"
    ))
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(());
    }
    let head = head_of(conn).await?;
    let (mut seq, mut prev) = (head.seq, head.hash);
    let mut script = Script::default();
    for row in &rows {
        let row = chain_row(row)?;
        seq += 1;
        let hash = chain::link_hash(&row, seq, &prev);
        script.push_update_by_id(
            "audit_log",
            &[("seq", "?"), ("prev_hash", "?"), ("hash", "?")],
            [seq.into(), prev.clone().into(), hash.clone().into()],
            row.id.clone().into(),
        );
        prev = hash;
    }
    // Grouped: one statement for the whole batch, however many rows it appended.
    script.run_grouped(conn).await
}

const COLUMNS: &str = chain::CHAIN_COLUMNS;

fn chain_row(row: &sqlx::sqlite::SqliteRow) -> StoreResult<ChainRow> {
    Ok(sqlx::FromRow::from_row(row)?)
}

pub(super) async fn head_of(conn: &mut SqliteConnection) -> StoreResult<AuditHead> {
    let last = sqlx::query_as(chain::HEAD_QUERY)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(AuditHead::from_last(last))
}

impl SqliteStore {
    /// The head of the audit chain: what a backup manifest records and an administrator
    /// saves, to compare later with `taawun check --expect-head`.
    pub async fn audit_head(&self) -> StoreResult<AuditHead> {
        let mut conn = self.pool.acquire().await?;
        head_of(&mut conn).await
    }

    /// `PRAGMA integrity_check`, then the audit chain and, when given, the saved head: one
    /// line per problem, none when the database proves itself.
    pub async fn check(&self, expect: Option<&AuditHead>) -> StoreResult<Vec<String>> {
        let mut conn = self.pool.acquire().await?;
        let lines: Vec<String> = sqlx::query_scalar("pragma integrity_check")
            .fetch_all(&mut *conn)
            .await?;
        let mut problems: Vec<String> = lines
            .into_iter()
            .filter(|l| l != "ok")
            .map(|l| format!("the database file is damaged: {l}"))
            .collect();
        if !problems.is_empty() {
            // A damaged file cannot be trusted to give its rows back.
            return Ok(problems);
        }
        let rows = sqlx::query(&format!(
            "select {COLUMNS} from audit_log order by seq is null, seq, rowid"
        ))
        .fetch_all(&mut *conn)
        .await?;
        let rows = rows
            .iter()
            .map(chain_row)
            .collect::<StoreResult<Vec<_>>>()?;
        problems.extend(chain::verify(&rows, expect));
        Ok(problems)
    }
}
