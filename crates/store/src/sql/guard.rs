//! Permission inside the write transaction: the record's scope is computed from parents read
//! in the same transaction as the write (`memo::Reads`), so the decision and the write see
//! the same data.

use super::{memo::Reads, record::Record};
use crate::{StoreError, StoreResult, scope::Scoped};
use taawun_core::*;

/// Decides a save for `who`. The stored record is checked first: one the principal may not
/// see is `NotFound` (it does not exist for them), one they may not edit is `Forbidden`, so
/// nobody moves a record out of someone else's scope. A save that changes the stored
/// protection (marking, releasability, originator) must pass `decide_protection` on the
/// stored record, whoever may otherwise edit it. Then the record as it would be written:
/// they must be allowed to create or edit it there, and still see it, and to take any
/// further action the write makes (cancelling an item). An account's save must pass
/// `decide_grant` (no clearance above one's own, no widening of one's own account).
pub(super) async fn guard<R: Record + Scoped>(
    reads: &mut Reads<'_, '_>,
    who: &Principal,
    record: &R,
    previous: Option<&R>,
) -> StoreResult<()> {
    let forbidden = || StoreError::Forbidden {
        kind: R::KIND.key(),
    };
    if let Some(prev) = previous {
        let scope = prev.scope(reads).await?;
        if scope.decide(who, Action::View) == Err(Denied::Hidden) {
            return Err(StoreError::NotFound {
                kind: R::KIND.key(),
                id: prev.id().to_string(),
            });
        }
        scope
            .decide(who, record.edit_action(prev, who))
            .map_err(|_| forbidden())?;
        let new = record.scope(reads).await?.target.protection;
        if new != scope.target.protection {
            decide_protection(who, &scope.target, &new).map_err(|_| forbidden())?;
        }
    }
    if let Some(grant) = record.grant() {
        let old = previous.and_then(Scoped::grant);
        decide_grant(who, record.id(), old.as_ref(), &grant).map_err(|_| forbidden())?;
    }
    if let Some(prev) = previous
        && from_partner(reads, record.id()).await?
        && !who
            .party_id
            .is_some_and(|party| record.only_own_part(prev, party))
    {
        // A partner's record is its instance's: here, only this side's own part of it.
        return Err(StoreError::Invalid(RuleErrors(vec![RuleError::new(
            "origin",
            rules::Rule::PartnersRecord,
        )])));
    }
    let action = if let Some(prev) = previous {
        record.edit_action(prev, who)
    } else {
        Action::Create
    };
    let scope = record.scope(reads).await?;
    scope.decide(who, action).map_err(|_| forbidden())?;
    match record.also_decides(previous) {
        Some(extra) => scope.decide(who, extra).map_err(|_| forbidden()),
        None => Ok(()),
    }
}

/// Whether the record with `id` came from a partner instance (the exchange bound it to its
/// origin the first time it arrived).
async fn from_partner(reads: &mut Reads<'_, '_>, id: Id) -> StoreResult<bool> {
    let found: Option<i32> = sqlx::query_scalar(&super::d::sql(
        "select 1 from exchange_origins where record_id = ?",
    ))
    .bind(id.to_string())
    .fetch_optional(reads.pending.conn().await?)
    .await?;
    Ok(found.is_some())
}
