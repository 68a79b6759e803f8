//! `Store::save_all` on SQLite: many writes of any kind (a generated data set) through the
//! one write path, a few thousand per transaction.
//!
//! Each write is exactly what its own `save_*` does — `write::save_in` with the same
//! acceptance, or the password writes of `accounts` — and its statements go in the order it
//! adds them, never grouped: grouping would reorder statements across records of different
//! kinds (a plan's effective protection computed before its commission's row is written)
//! and give the items of a chunk one facts counter. What a transaction per group saves is
//! the rest: one `begin immediate`, one seal of the audit chain and one commit (with its
//! sync to disk) per group instead of per write, one memo for the group, so parents are
//! read once, and pending writes sent together until something must be read.
//!
//! Sealing per group gives the audit rows the same places in the chain as one commit per
//! write does: rows are sealed in the order they were appended, after the head.

use super::{
    Engine, accounts,
    memo::{Memo, Reads},
    script::Pending,
    write::{Accept, Saved, save_in},
};
use crate::{Actor, Save, StoreError, StoreResult, Write};
use taawun_core::{Id, Kinded, User};

/// Writes per transaction: large enough that commits are a small part of the time, small
/// enough that the memo and the pending writes stay a few megabytes.
const GROUP: usize = 2_000;

impl Engine {
    pub(super) async fn save_many(
        &self,
        saves: &[Save],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<()> {
        for (n, group) in saves.chunks(GROUP).enumerate() {
            let mut tx = super::d::begin_write(&self.pool).await?;
            let mut memo = Memo::default();
            let mut pending = Pending::new(&mut tx);
            for (i, save) in group.iter().enumerate() {
                write(&mut pending, &mut memo, save)
                    .await
                    .map_err(|e| StoreError::InBatch {
                        index: n * GROUP + i,
                        source: Box::new(e),
                    })?;
            }
            pending.flush().await?;
            super::seal::seal_and_commit(tx).await?;
            progress(n * GROUP + group.len());
        }
        Ok(())
    }
}

/// One write, its statements left pending.
pub(super) async fn write(
    pending: &mut Pending<'_>,
    memo: &mut Memo,
    save: &Save,
) -> StoreResult<()> {
    let a = &save.actor;
    match &save.write {
        Write::Party(r) => record(pending, memo, a, r).await,
        Write::Organisation(r) => record(pending, memo, a, r).await,
        Write::Rank(r) => record(pending, memo, a, r).await,
        Write::Person(r) => record(pending, memo, a, r).await,
        Write::Area(r) => record(pending, memo, a, r).await,
        Write::Agreement(r) => record(pending, memo, a, r).await,
        Write::Clause(r) => record(pending, memo, a, r).await,
        Write::Commission(r) => record(pending, memo, a, r).await,
        Write::Session(r) => record(pending, memo, a, r).await,
        Write::Plan(r) => record(pending, memo, a, r).await,
        Write::Item(r) => record(pending, memo, a, r).await,
        Write::Progress(r) => record(pending, memo, a, r).await,
        Write::Activity(r) => record(pending, memo, a, r).await,
        Write::User(r) => record(pending, memo, a, r).await,
        Write::Password { user, phc_hash } => password(pending, memo, a, *user, phc_hash).await,
    }
}

/// A record, as `save` takes it: new, or the stored version.
async fn record<R: Saved>(
    pending: &mut Pending<'_>,
    memo: &mut Memo,
    actor: &Actor,
    r: &R,
) -> StoreResult<()> {
    save_in(pending, memo, actor, r, Accept::NewOrCurrent)
        .await
        .map(drop)
}

/// A password, as `set_password` sets it: the user read in the transaction (through the
/// memo, which has the users this group saved), the same permission, the same rows.
async fn password(
    pending: &mut Pending<'_>,
    memo: &mut Memo,
    actor: &Actor,
    user: Id,
    phc_hash: &str,
) -> StoreResult<()> {
    let u: User = Reads::new(pending, memo)
        .record(user)
        .await?
        .ok_or(StoreError::NotFound {
            kind: User::KIND.key(),
            id: user.to_string(),
        })?;
    accounts::may_manage(actor, &u)?;
    accounts::push_password(&mut pending.writes, actor, &u, phc_hash)
}
