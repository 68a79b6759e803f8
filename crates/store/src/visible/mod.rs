//! `Visible`: the store as one reader may see it. It mirrors every read of the `Store`
//! trait (same names, same arguments) and returns only the records `core::access::decide`
//! lets the reader view, a child being hidden whenever a record above it is. References
//! inside a returned record that point at hidden records are removed (see `redact`), and the
//! highest marking among everything returned is tracked for the page's banner.
//!
//! One `Visible` serves one request: it caches the parents and answers it looked up, so a
//! list of items does not read the same plan once per item.

mod followup;
mod history;
mod notices;
mod reads;
mod redact;

use crate::{
    Store, StoreResult,
    scope::{Parents, Scope, Scoped},
};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use taawun_core::*;

pub struct Visible {
    store: Arc<dyn Store>,
    who: Principal,
    highest: Mutex<Marking>,
    /// Whether any record returned so far is releasable to its originating party only.
    originator_only: AtomicBool,
    cache: Mutex<Cache>,
}

/// Parents read so far, and visibility answers given so far, by id.
#[derive(Default)]
struct Cache {
    agreements: HashMap<Id, Option<Agreement>>,
    commissions: HashMap<Id, Option<Commission>>,
    plans: HashMap<Id, Option<ActionPlan>>,
    items: HashMap<Id, Option<ActionItem>>,
    seen: HashMap<Id, bool>,
}

/// A record type `Visible` returns: its scope decides visibility, its protection feeds the
/// marking banner, and `redact` removes references to hidden records.
pub(crate) trait Shown: Scoped + Sized + Send + Sync + 'static {
    fn protection(&self) -> Protection;
    fn redact(self, _: &Visible) -> impl Future<Output = StoreResult<Self>> + Send {
        async move { Ok(self) }
    }
}

/// Types with no reference worth hiding inside: shown as stored. The others are in `redact`.
macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Shown for $t {
            fn protection(&self) -> Protection {
                self.protection
            }
        }
    )*};
}

plain!(Party, Rank, Area, ProgressUpdate);

impl Shown for User {
    fn protection(&self) -> Protection {
        Protection::default()
    }
}

impl Visible {
    pub fn new(store: Arc<dyn Store>, who: Principal) -> Self {
        Visible {
            store,
            who,
            highest: Mutex::new(Marking::Unclassified),
            originator_only: AtomicBool::new(false),
            cache: Mutex::new(Cache::default()),
        }
    }

    /// The reader.
    pub fn principal(&self) -> &Principal {
        &self.who
    }

    /// The highest marking among the records returned so far (and the history documents
    /// shown): the banner the page must carry.
    pub fn highest_marking(&self) -> Marking {
        *self.highest.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether any record returned so far (or history document shown) is releasable to its
    /// originating party only: the banner then says so, next to the marking.
    pub fn originator_only(&self) -> bool {
        self.originator_only.load(Ordering::Relaxed)
    }

    fn shown(&self, p: &Protection) {
        if p.releasability == Releasability::OriginatorOnly {
            self.originator_only.store(true, Ordering::Relaxed);
        }
        let mut highest = self.highest.lock().unwrap_or_else(PoisonError::into_inner);
        *highest = (*highest).max(p.marking);
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    async fn scope<R: Scoped>(&self, record: &R) -> StoreResult<Scope> {
        record
            .scope(&mut CachedParents {
                store: &*self.store,
                cache: &self.cache,
            })
            .await
    }

    /// Whether the reader may see the record (and everything above it).
    async fn sees<R: Shown>(&self, record: &R) -> StoreResult<bool> {
        Ok(self.scope(record).await?.visible_to(&self.who))
    }

    /// The records the reader may see, in order, as they are stored.
    async fn select<R: Shown>(&self, records: Vec<R>) -> StoreResult<Vec<R>> {
        let mut kept = Vec::with_capacity(records.len());
        for r in records {
            if self.sees(&r).await? {
                kept.push(r);
            }
        }
        Ok(kept)
    }

    /// Records about to be returned: redacted, and counted for the banner.
    async fn show<R: Shown>(&self, records: Vec<R>) -> StoreResult<Vec<R>> {
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            self.shown(&r.protection());
            out.push(r.redact(self).await?);
        }
        Ok(out)
    }

    async fn keep<R: Shown>(&self, records: Vec<R>) -> StoreResult<Vec<R>> {
        let visible = self.select(records).await?;
        self.show(visible).await
    }

    async fn keep_one<R: Shown>(&self, record: Option<R>) -> StoreResult<Option<R>> {
        let kept = self.keep(record.into_iter().collect()).await?;
        Ok(kept.into_iter().next())
    }

    /// A list capped at `limit` by the store: asks for more while hidden records leave it
    /// short, so the reader gets up to `limit` records they may see.
    async fn keep_limited<R, F, Fut>(&self, limit: u32, fetch: F) -> StoreResult<Vec<R>>
    where
        R: Shown,
        F: Fn(u32) -> Fut,
        Fut: Future<Output = StoreResult<Vec<R>>>,
    {
        let mut ask = limit;
        loop {
            let got = fetch(ask).await?;
            let exhausted = got.len() < ask as usize;
            let mut visible = self.select(got).await?;
            if visible.len() >= limit as usize || exhausted || ask == u32::MAX {
                visible.truncate(limit as usize);
                return self.show(visible).await;
            }
            ask = ask.saturating_mul(4);
        }
    }

    /// The scope of the record of kind `entity` with this id; `None` when there is no such
    /// record.
    pub async fn scope_of(&self, entity: RecordKind, id: Id) -> StoreResult<Option<Scope>> {
        let s = &*self.store;
        macro_rules! of {
            ($read:ident) => {
                match s.$read(id).await? {
                    Some(r) => Some(self.scope(&r).await?),
                    None => None,
                }
            };
        }
        Ok(match entity {
            RecordKind::Party => of!(party),
            RecordKind::Organisation => of!(organisation),
            RecordKind::Rank => of!(rank),
            RecordKind::Person => of!(person),
            RecordKind::Area => of!(area),
            RecordKind::Agreement => of!(agreement),
            RecordKind::Clause => of!(clause),
            RecordKind::Commission => of!(commission),
            RecordKind::Session => of!(session),
            RecordKind::ActionPlan => of!(plan),
            RecordKind::ActionItem => of!(item),
            RecordKind::ProgressUpdate => of!(progress_update),
            RecordKind::Activity => of!(activity),
            RecordKind::User => of!(user),
        })
    }

    /// Whether the reader may see the record of kind `entity` with this id: for callers
    /// deciding whether to show a reference held by a visible record. Unknown is hidden.
    pub async fn can_see_id(&self, entity: RecordKind, id: Id) -> StoreResult<bool> {
        if let Some(seen) = self.cache().seen.get(&id) {
            return Ok(*seen);
        }
        let seen = self
            .scope_of(entity, id)
            .await?
            .is_some_and(|s| s.visible_to(&self.who));
        self.cache().seen.insert(id, seen);
        Ok(seen)
    }

    /// Whether the reader may take `action` on the record (to show or hide an edit button;
    /// the write path decides again on save).
    pub async fn allows(&self, action: Action, entity: RecordKind, id: Id) -> StoreResult<bool> {
        Ok(self
            .scope_of(entity, id)
            .await?
            .is_some_and(|s| s.decide(&self.who, action).is_ok()))
    }
}

/// Parents read through the trait, remembered in the `Visible`'s cache.
struct CachedParents<'a> {
    store: &'a dyn Store,
    cache: &'a Mutex<Cache>,
}

macro_rules! cached {
    ($name:ident, $field:ident, $t:ty, $read:ident) => {
        async fn $name(&mut self, id: Id) -> StoreResult<Option<$t>> {
            let hit = {
                let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
                cache.$field.get(&id).cloned()
            };
            if let Some(found) = hit {
                return Ok(found);
            }
            let found = self.store.$read(id).await?;
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            cache.$field.insert(id, found.clone());
            Ok(found)
        }
    };
}

impl Parents for CachedParents<'_> {
    cached!(agreement, agreements, Agreement, agreement);
    cached!(commission, commissions, Commission, commission);
    cached!(plan, plans, ActionPlan, plan);
    cached!(item, items, ActionItem, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages await these inside axum handlers, whose futures must be `Send`.
    #[allow(dead_code)]
    fn futures_are_send(v: &Visible) {
        fn send<T: Send>(_: T) {}
        send(v.session(new_id()));
        send(v.items(new_id()));
        send(v.open_items(10));
        send(v.search("x", 10));
        send(v.audit_of(new_id()));
        send(v.audit_head());
        send(v.can_see_id(RecordKind::Person, new_id()));
    }
}
