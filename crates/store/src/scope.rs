//! Where a record sits for the permission decision: the `Target` `core::access::decide` is
//! asked about, and the protection of every record above it (a clause's agreement, an item's
//! plan and commission). The mapping is written once and used by both the write path (with
//! parents read inside the transaction) and `Visible` (with parents read through the trait).

use crate::StoreResult;
use std::future::Future;
use taawun_core::*;

/// A record's place for permission purposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub target: Target,
    /// Protection of each record above this one: if any is hidden, so is this one.
    pub above: Vec<Protection>,
}

impl Scope {
    fn alone(target: Target) -> Self {
        Scope {
            target,
            above: vec![],
        }
    }

    /// `decide` for the record, answering `Hidden` when a record above it is hidden:
    /// a child of something you may not see does not exist for you either.
    pub fn decide(&self, who: &Principal, action: Action) -> Result<(), Denied> {
        if self.above.iter().any(|p| !who.may_see(p)) {
            return Err(Denied::Hidden);
        }
        decide(who, action, &self.target)
    }

    pub fn visible_to(&self, who: &Principal) -> bool {
        self.decide(who, Action::View).is_ok()
    }
}

/// The parent records a scope needs. Implemented over the write transaction and over the
/// `Store` trait (with a cache), so both see the same mapping.
pub(crate) trait Parents: Send {
    fn agreement(&mut self, id: Id) -> impl Future<Output = StoreResult<Option<Agreement>>> + Send;
    fn commission(
        &mut self,
        id: Id,
    ) -> impl Future<Output = StoreResult<Option<Commission>>> + Send;
    fn plan(&mut self, id: Id) -> impl Future<Output = StoreResult<Option<ActionPlan>>> + Send;
    fn item(&mut self, id: Id) -> impl Future<Output = StoreResult<Option<ActionItem>>> + Send;
}

/// A record type whose scope can be computed. A dangling parent id yields a scope without
/// that parent: the write path then refuses on permission or reports the unknown field.
pub(crate) trait Scoped: Kinded {
    fn scope<P: Parents>(&self, parents: &mut P)
    -> impl Future<Output = StoreResult<Scope>> + Send;
    /// An action this write takes beyond creating or editing, which must be allowed too
    /// (cancelling an item). `previous` is the stored record.
    fn also_decides(&self, _previous: Option<&Self>) -> Option<Action> {
        None
    }
}

/// The permission target of a record of type `R`, before its protection and place: its
/// category is the one `RecordKind::access` gives `R`'s kind.
fn target<R: Kinded>() -> Target {
    Target::new(R::KIND.access())
}

/// The types whose scope is their own protection alone (the vocabularies and the registry).
macro_rules! standalone {
    ($($t:ty),*) => {$(
        impl Scoped for $t {
            async fn scope<P: Parents>(&self, _: &mut P) -> StoreResult<Scope> {
                Ok(Scope::alone(target::<Self>().protected(self.protection)))
            }
        }
    )*};
}

standalone!(Party, Rank, Area, Organisation, Person);

impl Scoped for Commission {
    async fn scope<P: Parents>(&self, _: &mut P) -> StoreResult<Scope> {
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(Some(self.id));
        Ok(Scope::alone(target))
    }
}

impl Scoped for Agreement {
    async fn scope<P: Parents>(&self, _: &mut P) -> StoreResult<Scope> {
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(self.commission_id);
        Ok(Scope::alone(target))
    }
}

impl Scoped for Clause {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let agreement = parents.agreement(self.agreement_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(agreement.as_ref().and_then(|a| a.commission_id));
        Ok(Scope {
            target,
            above: agreement.map(|a| a.protection).into_iter().collect(),
        })
    }
}

/// The commission's protection, when it exists, as the one record above.
async fn under_commission<P: Parents>(parents: &mut P, id: Id) -> StoreResult<Vec<Protection>> {
    let commission = parents.commission(id).await?;
    Ok(commission.map(|c| c.protection).into_iter().collect())
}

impl Scoped for Session {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(Some(self.commission_id));
        let above = under_commission(parents, self.commission_id).await?;
        Ok(Scope { target, above })
    }
}

impl Scoped for ActionPlan {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(Some(self.commission_id));
        let above = under_commission(parents, self.commission_id).await?;
        Ok(Scope { target, above })
    }
}

/// What an item hands down to its progress and activities: its commission, lead parties,
/// and the protections of itself and everything above it.
struct ItemChain {
    commission_id: Option<Id>,
    lead_parties: Vec<Id>,
    above: Vec<Protection>,
}

async fn plan_chain<P: Parents>(
    parents: &mut P,
    plan_id: Id,
) -> StoreResult<(Option<Id>, Vec<Protection>)> {
    let Some(plan) = parents.plan(plan_id).await? else {
        return Ok((None, vec![]));
    };
    let mut above = vec![plan.protection];
    above.extend(under_commission(parents, plan.commission_id).await?);
    Ok((Some(plan.commission_id), above))
}

async fn item_chain<P: Parents>(parents: &mut P, item_id: Id) -> StoreResult<ItemChain> {
    let Some(item) = parents.item(item_id).await? else {
        return Ok(ItemChain {
            commission_id: None,
            lead_parties: vec![],
            above: vec![],
        });
    };
    let (commission_id, mut above) = plan_chain(parents, item.plan_id).await?;
    above.insert(0, item.protection);
    Ok(ItemChain {
        commission_id,
        lead_parties: item.leads.iter().map(|l| l.party_id).collect(),
        above,
    })
}

impl Scoped for ActionItem {
    fn also_decides(&self, previous: Option<&Self>) -> Option<Action> {
        let cancelling = self.status == ItemStatus::Cancelled
            && previous.is_none_or(|p| p.status != ItemStatus::Cancelled);
        cancelling.then_some(Action::Cancel)
    }
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let (commission_id, above) = plan_chain(parents, self.plan_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(commission_id)
            .led_by(self.leads.iter().map(|l| l.party_id).collect());
        Ok(Scope { target, above })
    }
}

impl Scoped for ProgressUpdate {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let chain = item_chain(parents, self.item_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(chain.commission_id)
            .led_by(chain.lead_parties)
            .reported_by(self.party_id);
        Ok(Scope {
            target,
            above: chain.above,
        })
    }
}

impl Scoped for Activity {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let target = target::<Self>().protected(self.protection);
        let Some(item_id) = self.item_id else {
            return Ok(Scope::alone(target));
        };
        let chain = item_chain(parents, item_id).await?;
        Ok(Scope {
            target: target
                .in_commission(chain.commission_id)
                .led_by(chain.lead_parties),
            above: chain.above,
        })
    }
}

impl Scoped for User {
    async fn scope<P: Parents>(&self, _: &mut P) -> StoreResult<Scope> {
        Ok(Scope::alone(target::<Self>()))
    }
}
