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
    /// a child of something you may not see does not exist for you either. The records
    /// above sit in the same commission (or agreement), so the same parties apply to them.
    pub fn decide(&self, who: &Principal, action: Action) -> Result<(), Denied> {
        if self.above.iter().any(|p| !self.target.releases(who, p)) {
            return Err(Denied::Hidden);
        }
        decide(who, action, &self.target)
    }

    /// `decide_files` for the record's files, `Hidden` when a record above it is hidden.
    pub fn decide_files(&self, who: &Principal, action: FileAction) -> Result<(), Denied> {
        if self.above.iter().any(|p| !self.target.releases(who, p)) {
            return Err(Denied::Hidden);
        }
        decide_files(who, action, &self.target)
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
    /// The action an edit of `previous` into this record is: `Edit`, unless the record
    /// knows a narrower one for this change by `who` (a head's adoption of the minutes).
    fn edit_action(&self, _previous: &Self, _who: &Principal) -> Action {
        Action::Edit
    }
    /// Whether this record differs from `previous` in nothing but `party`'s own part (its
    /// delegation on a session, its lead body on an item): all a party may change of a
    /// record a partner instance originated. Records without parts: never.
    fn only_own_part(&self, _previous: &Self, _party: Id) -> bool {
        false
    }
    /// What the record grants its holder, for the records that grant (accounts): a save
    /// must then also pass `decide_grant`.
    fn grant(&self) -> Option<Grant> {
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
            .in_commission(Some(self.id))
            .among(Some(self.party_ids.clone()));
        Ok(Scope::alone(target))
    }
}

/// The parties an agreement's records are released to: its commission's when it belongs to
/// one, else its own. (An agreement is not hidden with its commission: it stands on its own
/// protection, as it always has; only the parties come from the commission.)
async fn agreement_parties<P: Parents>(
    parents: &mut P,
    a: &Agreement,
) -> StoreResult<Option<Vec<Id>>> {
    match a.commission_id {
        Some(c) => Ok(under_commission(parents, c).await?.1),
        None => Ok(Some(a.party_ids.clone())),
    }
}

impl Scoped for Agreement {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let parties = agreement_parties(parents, self).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(self.commission_id)
            .among(parties);
        Ok(Scope::alone(target))
    }
}

impl Scoped for Clause {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let Some(agreement) = parents.agreement(self.agreement_id).await? else {
            return Ok(Scope::alone(target::<Self>().protected(self.protection)));
        };
        let parties = agreement_parties(parents, &agreement).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(agreement.commission_id)
            .among(parties);
        Ok(Scope {
            target,
            above: vec![agreement.protection],
        })
    }
}

/// The commission's protection, when it exists, as the one record above, and its parties:
/// those "releasable to all parties" reaches. A dangling id (only a write can name one, and
/// it is then refused as an unknown field) gives neither.
async fn under_commission<P: Parents>(
    parents: &mut P,
    id: Id,
) -> StoreResult<(Vec<Protection>, Option<Vec<Id>>)> {
    let commission = parents.commission(id).await?;
    let parties = commission.as_ref().map(|c| c.party_ids.clone());
    Ok((
        commission.map(|c| c.protection).into_iter().collect(),
        parties,
    ))
}

impl Scoped for Session {
    fn also_decides(&self, previous: Option<&Self>) -> Option<Action> {
        // A new session starts with fresh minutes; anything else is an adoption in disguise.
        let fresh = taawun_core::minutes::Minutes::default();
        let before = previous.map_or(&fresh, |p| &p.minutes);
        let now = &self.minutes;
        let moved = before.status != now.status
            || before.version != now.version
            || before.adopted != now.adopted;
        moved.then_some(Action::Adopt)
    }
    fn only_own_part(&self, previous: &Self, party: Id) -> bool {
        let mut rest = previous.clone();
        taawun_core::exchange::set_delegation(
            &mut rest,
            party,
            &taawun_core::exchange::delegation_part(self, party),
        );
        rest.version = self.version;
        rest == *self
    }
    fn edit_action(&self, previous: &Self, who: &Principal) -> Action {
        // Nothing changed but the adoptions of the principal's own party's delegation,
        // which only grew: a head adopting for their side.
        let Some(party) = who.party_id else {
            return Action::Edit;
        };
        let own = |s: &Session| {
            s.delegations
                .iter()
                .find(|d| d.party_id == party)
                .map(|d| d.adoptions.clone())
                .unwrap_or_default()
        };
        let (before, after) = (own(previous), own(self));
        let mut rest = self.clone();
        rest.version = previous.version;
        if let Some(d) = rest.delegations.iter_mut().find(|d| d.party_id == party) {
            d.adoptions.clone_from(&before);
        }
        if rest == *previous && after.len() > before.len() {
            Action::AdoptAsHead
        } else {
            Action::Edit
        }
    }
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let (above, parties) = under_commission(parents, self.commission_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(Some(self.commission_id))
            .among(parties);
        Ok(Scope { target, above })
    }
}

impl Scoped for ActionPlan {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let (above, parties) = under_commission(parents, self.commission_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(Some(self.commission_id))
            .among(parties);
        Ok(Scope { target, above })
    }
}

/// Where a plan sits: its commission, that commission's parties, and the protections of the
/// plan and everything above it.
struct PlanChain {
    commission_id: Option<Id>,
    parties: Option<Vec<Id>>,
    above: Vec<Protection>,
}

/// What an item hands down to its progress and activities: its plan's chain, its lead
/// parties, and its own protection first among those above.
struct ItemChain {
    plan: PlanChain,
    lead_parties: Vec<Id>,
}

async fn plan_chain<P: Parents>(parents: &mut P, plan_id: Id) -> StoreResult<PlanChain> {
    let Some(plan) = parents.plan(plan_id).await? else {
        return Ok(PlanChain {
            commission_id: None,
            parties: None,
            above: vec![],
        });
    };
    let (commission_above, parties) = under_commission(parents, plan.commission_id).await?;
    let mut above = vec![plan.protection];
    above.extend(commission_above);
    Ok(PlanChain {
        commission_id: Some(plan.commission_id),
        parties,
        above,
    })
}

async fn item_chain<P: Parents>(parents: &mut P, item_id: Id) -> StoreResult<ItemChain> {
    let Some(item) = parents.item(item_id).await? else {
        return Ok(ItemChain {
            plan: PlanChain {
                commission_id: None,
                parties: None,
                above: vec![],
            },
            lead_parties: vec![],
        });
    };
    let mut plan = plan_chain(parents, item.plan_id).await?;
    plan.above.insert(0, item.protection);
    Ok(ItemChain {
        plan,
        lead_parties: item.leads.iter().map(|l| l.party_id).collect(),
    })
}

impl Scoped for ActionItem {
    fn only_own_part(&self, previous: &Self, party: Id) -> bool {
        let mut rest = previous.clone();
        taawun_core::exchange::set_lead(
            &mut rest,
            party,
            &taawun_core::exchange::lead_part(self, party),
        );
        rest.version = self.version;
        rest == *self
    }
    fn also_decides(&self, previous: Option<&Self>) -> Option<Action> {
        let cancelling = self.status == ItemStatus::Cancelled
            && previous.is_none_or(|p| p.status != ItemStatus::Cancelled);
        cancelling.then_some(Action::Cancel)
    }
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let chain = plan_chain(parents, self.plan_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(chain.commission_id)
            .among(chain.parties)
            .led_by(self.leads.iter().map(|l| l.party_id).collect());
        Ok(Scope {
            target,
            above: chain.above,
        })
    }
}

impl Scoped for ProgressUpdate {
    async fn scope<P: Parents>(&self, parents: &mut P) -> StoreResult<Scope> {
        let chain = item_chain(parents, self.item_id).await?;
        let target = target::<Self>()
            .protected(self.protection)
            .in_commission(chain.plan.commission_id)
            .among(chain.plan.parties)
            .led_by(chain.lead_parties)
            .reported_by(self.party_id);
        Ok(Scope {
            target,
            above: chain.plan.above,
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
                .in_commission(chain.plan.commission_id)
                .among(chain.plan.parties)
                .led_by(chain.lead_parties),
            above: chain.plan.above,
        })
    }
}

impl Scoped for User {
    fn grant(&self) -> Option<Grant> {
        Some(User::grant(self))
    }
    async fn scope<P: Parents>(&self, _: &mut P) -> StoreResult<Scope> {
        Ok(Scope::alone(target::<Self>()))
    }
}
