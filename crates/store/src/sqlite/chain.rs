//! The audit chain on SQLite: reading the head and `taawun check`'s full verification
//! (sealing is the shared `sql/seal.rs`).

use super::{
    SqliteStore,
    sql::seal::{chain_row, head_of},
};
use crate::StoreResult;
use crate::chain::{self, AuditHead};

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
            "select {} from audit_log order by seq is null, seq, rowid",
            chain::CHAIN_COLUMNS
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
