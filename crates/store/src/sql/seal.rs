//! Sealing the audit rows a transaction appended, just before it commits. Every writer
//! holds the engine's write lock (`d::begin_write`), so rows are chained in commit order:
//! each unsealed row, in the order it was appended, takes its place after the head.

use super::{d, script::Script};
use crate::StoreResult;
use crate::chain::{self, AuditHead, ChainRow};
use sqlx::Transaction;

/// Seals this transaction's audit rows, then commits. Every transaction that may append an
/// audit row ends here.
pub(in super::super) async fn seal_and_commit(mut tx: Transaction<'_, d::Db>) -> StoreResult<()> {
    seal(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives every unsealed row, in the order it was appended, its place after the head.
pub(in super::super) async fn seal(conn: &mut d::Conn) -> StoreResult<()> {
    let rows = sqlx::query(&format!(
        "select {} from audit_log where {}",
        chain::CHAIN_COLUMNS,
        d::UNSEALED
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

pub(in super::super) fn chain_row(row: &d::DbRow) -> StoreResult<ChainRow> {
    Ok(sqlx::FromRow::from_row(row)?)
}

pub(in super::super) async fn head_of(conn: &mut d::Conn) -> StoreResult<AuditHead> {
    let last = sqlx::query_as(chain::HEAD_QUERY)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(AuditHead::from_last(last))
}
