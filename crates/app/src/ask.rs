//! The secretariat asks a side's lead body for news of an action item: the editors of that
//! party who may see the item are notified (in the application now, by e-mail at the next
//! reminder pass, which the caller may wake), and the item's history records who asked whom.
//! Who may ask is `core::access` (`Action::RequestUpdate`); who is asked is decided here,
//! each through a `Visible` of their own, so nobody is told of an item they may not see.

use chrono::NaiveDate;
use std::sync::Arc;
use taawun_core::{Action, Id, RecordKind, Role};
use taawun_store::{Actor, Store, StoreError, Visible};

/// What became of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// This many editors were notified (0: none of that side may see the item).
    Notified(u64),
    /// Everyone on that side who may see the item was already asked today.
    AlreadyToday,
    /// That side runs its own instance (a registered exchange partner speaks for its
    /// party): the request travels in the next bundle, and its editors are notified there.
    Forwarded,
}

#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// No such item, or one the asker may not see: said alike.
    #[error("not found")]
    NotFound,
    /// The asker sees the item but may not ask (`Action::RequestUpdate`).
    #[error("forbidden")]
    Forbidden,
    /// The party leads no side of the item.
    #[error("not a lead party of the item")]
    NotALead,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `asker` (through `v`, their own view) asks `party`'s side of `item` for news on `today`.
pub async fn request_update(
    store: &Arc<dyn Store>,
    v: &Visible,
    asker: &Actor,
    item: Id,
    party: Id,
    today: NaiveDate,
) -> Result<Asked, AskError> {
    let Some(found) = v.item(item).await? else {
        return Err(AskError::NotFound);
    };
    let scope = v
        .scope_of(RecordKind::ActionItem, item)
        .await?
        .ok_or(AskError::NotFound)?;
    if scope.decide(v.principal(), Action::RequestUpdate).is_err() {
        return Err(AskError::Forbidden);
    }
    if !found.leads.iter().any(|l| l.party_id == party) {
        return Err(AskError::NotALead);
    }
    if let Some(partner) = store
        .exchange_partners()
        .await?
        .into_iter()
        .find(|p| p.party_id == party && p.revoked_at.is_none())
    {
        store
            .exchange_ask(&taawun_store::exchange::Ask {
                id: taawun_core::new_id(),
                partner: partner.instance_id,
                direction: taawun_store::exchange::Direction::Out,
                item_id: item,
                party_id: party,
                asked_by: asker.name.clone(),
                asked_on: today,
                seq: None,
                answered_at: None,
            })
            .await?;
        return Ok(Asked::Forwarded);
    }
    notify_side(store, asker, item, party, today).await
}

/// Notifies the editors of `party` who may see `item` that `asker` asks for news: a local
/// request, or one a partner's instance sent.
pub async fn notify_side(
    store: &Arc<dyn Store>,
    asker: &Actor,
    item: Id,
    party: Id,
    today: NaiveDate,
) -> Result<Asked, AskError> {
    let mut editors = Vec::new();
    for u in store.users().await? {
        let theirs = u.active && u.role == Role::PartyEditor && u.party_id == party;
        if theirs
            && Visible::new(Arc::clone(store), u.principal())
                .item(item)
                .await?
                .is_some()
        {
            editors.push(u.id);
        }
    }
    if editors.is_empty() {
        return Ok(Asked::Notified(0));
    }
    let added = store
        .request_update(asker, item, party, &editors, today)
        .await?;
    Ok(if added == 0 {
        Asked::AlreadyToday
    } else {
        Asked::Notified(added)
    })
}
