//! Permission inside the write transaction: the record's scope is computed from parents read
//! in the same transaction as the write, so the decision and the write see the same data.

use super::{read, record::Record};
use crate::{
    StoreError, StoreResult,
    scope::{Parents, Scoped},
};
use sqlx::SqliteConnection;
use taawun_core::*;

/// Parents read inside the write transaction.
pub(super) struct TxParents<'c>(pub &'c mut SqliteConnection);

impl Parents for TxParents<'_> {
    async fn agreement(&mut self, id: Id) -> StoreResult<Option<Agreement>> {
        read::by_id(&mut *self.0, id).await
    }
    async fn commission(&mut self, id: Id) -> StoreResult<Option<Commission>> {
        read::by_id(&mut *self.0, id).await
    }
    async fn plan(&mut self, id: Id) -> StoreResult<Option<ActionPlan>> {
        read::by_id(&mut *self.0, id).await
    }
    async fn item(&mut self, id: Id) -> StoreResult<Option<ActionItem>> {
        read::by_id(&mut *self.0, id).await
    }
}

/// Decides a save for `who`. The stored record is checked first: one the principal may not
/// see is `NotFound` (it does not exist for them), one they may not edit is `Forbidden`, so
/// nobody moves a record out of someone else's scope. Then the record as it would be
/// written: they must be allowed to create or edit it there, and still see it, and to take
/// any further action the write makes (cancelling an item).
pub(super) async fn guard<R: Record + Scoped>(
    conn: &mut SqliteConnection,
    who: &Principal,
    record: &R,
    previous: Option<&R>,
) -> StoreResult<()> {
    let forbidden = || StoreError::Forbidden { kind: R::KIND };
    if let Some(prev) = previous {
        let scope = prev.scope(&mut TxParents(conn)).await?;
        if scope.decide(who, Action::View) == Err(Denied::Hidden) {
            return Err(StoreError::NotFound {
                kind: R::KIND,
                id: prev.id().to_string(),
            });
        }
        scope.decide(who, Action::Edit).map_err(|_| forbidden())?;
    }
    let action = if previous.is_some() {
        Action::Edit
    } else {
        Action::Create
    };
    let scope = record.scope(&mut TxParents(conn)).await?;
    scope.decide(who, action).map_err(|_| forbidden())?;
    match record.also_decides(previous) {
        Some(extra) => scope.decide(who, extra).map_err(|_| forbidden()),
        None => Ok(()),
    }
}
