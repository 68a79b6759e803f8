//! The audit chain on PostgreSQL: its head, and `taawun check`'s full verification, by the
//! same code as on SQLite (`crate::chain`).

use super::PgStore;
use crate::StoreResult;
use crate::chain::{self, AuditHead, CHAIN_COLUMNS, ChainRow, HEAD_QUERY};

impl PgStore {
    /// The head of the audit chain, as a backup manifest records it.
    pub async fn audit_head(&self) -> StoreResult<AuditHead> {
        let last = sqlx::query_as(HEAD_QUERY)
            .fetch_optional(&self.pool)
            .await?;
        Ok(AuditHead::from_last(last))
    }

    /// The audit chain and, when given, the saved head: one line per problem, none when
    /// the log proves itself. (PostgreSQL checks its own pages; the schema was checked
    /// when the store opened.)
    pub async fn check(&self, expect: Option<&AuditHead>) -> StoreResult<Vec<String>> {
        // Rows not sealed yet last, by id: PostgreSQL keeps no insertion order.
        let rows: Vec<ChainRow> = sqlx::query_as(&format!(
            "select {CHAIN_COLUMNS} from audit_log order by seq is null, seq, id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(chain::verify(&rows, expect))
    }
}
