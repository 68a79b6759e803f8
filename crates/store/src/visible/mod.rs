//! `Visible`: the store as one reader may see it. It mirrors every read of the `Store`
//! trait (same names, same arguments) and returns only the records `core::access::decide`
//! lets the reader view, a child being hidden whenever a record above it is. References
//! inside a returned record that point at hidden records are removed (see `redact`), and the
//! highest marking among everything returned is tracked for the page's banner.
//!
//! One `Visible` serves one request: it caches the parents and answers it looked up, so a
//! list of items does not read the same plan once per item.

mod changes;
pub use changes::ChangesPage;
mod files;
mod followup;
mod history;
mod notices;
mod reads;
mod redact;

use crate::{
    Store, StoreResult, Stored,
    scope::{Parents, Scope, Scoped},
};
use std::any::Any;
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

/// Records read by id so far (as stored, before any redaction; each an `Option<R>`, `None`
/// for an id the store does not hold), and visibility answers given so far, by id. Ids are
/// unique across kinds, so one map serves them all.
#[derive(Default)]
struct Cache {
    stored: HashMap<Id, Arc<dyn Any + Send + Sync>>,
    seen: HashMap<Id, bool>,
}

/// The record types of `Stored`, with their kinds.
macro_rules! each_stored {
    ($m:ident) => {
        $m!(
            Party: Party,
            Organisation: Organisation,
            Rank: Rank,
            Person: Person,
            Area: Area,
            Agreement: Agreement,
            Clause: Clause,
            Commission: Commission,
            Session: Session,
            ActionPlan: ActionPlan,
            ActionItem: ActionItem,
            ProgressUpdate: ProgressUpdate,
            Activity: Activity
        )
    };
}

impl Cache {
    fn get<R: Clone + 'static>(&self, id: Id) -> Option<Option<R>> {
        self.stored.get(&id)?.downcast_ref::<Option<R>>().cloned()
    }

    /// Keeps a record read ahead; returns its id.
    fn put(&mut self, record: Stored) -> Id {
        macro_rules! put {
            ($($variant:ident: $t:ty),*) => {
                match record {
                    $(Stored::$variant(r) => {
                        let id = r.id;
                        self.stored.insert(id, Arc::new(Some(r)));
                        id
                    })*
                }
            };
        }
        each_stored!(put)
    }

    /// Remembers that the store holds no record of `kind` with this id.
    fn put_missing(&mut self, kind: RecordKind, id: Id) {
        macro_rules! missing {
            ($($variant:ident: $t:ty),*) => {
                match kind {
                    $(RecordKind::$variant => {
                        self.stored.insert(id, Arc::new(None::<$t>));
                    })*
                    RecordKind::User => {}
                }
            };
        }
        each_stored!(missing)
    }
}

/// The record `id` as stored, read once per `Visible`: a page naming the same person, plan
/// or commission in every row (and the visibility decisions about them) reads it once.
async fn stored_once<R, F>(cache: &Mutex<Cache>, id: Id, read: F) -> StoreResult<Option<R>>
where
    R: Clone + Send + Sync + 'static,
    F: Future<Output = StoreResult<Option<R>>>,
{
    let hit = cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get::<R>(id);
    if let Some(found) = hit {
        return Ok(found);
    }
    let found = read.await?;
    cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .stored
        .insert(id, Arc::new(found.clone()));
    Ok(found)
}

/// A record type `Visible` returns: its scope decides visibility, its protection feeds the
/// marking banner, and `redact` removes references to hidden records.
pub(crate) trait Shown: Scoped + Sized + Send + Sync + 'static {
    fn protection(&self) -> Protection;
    /// The records deciding about this one reads (its parents) and those `redact` asks
    /// about (`can_see_id`): fetched ahead for a whole list (`Visible::prefetch`).
    fn refs(&self, _out: &mut Vec<(RecordKind, Id)>) {}
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

    /// The record `id` as stored, read through this reader's cache (see `stored_once`).
    async fn stored<R, F>(&self, id: Id, read: F) -> StoreResult<Option<R>>
    where
        R: Clone + Send + Sync + 'static,
        F: Future<Output = StoreResult<Option<R>>>,
    {
        stored_once(&self.cache, id, read).await
    }

    /// Reads ahead, into this reader's cache, the records `wanted` names (and the parents
    /// deciding about them needs): one query per kind and round, instead of one per record
    /// as a page or list then asks for them one by one. Reads nothing the cache holds, and
    /// shows nothing: what the reader may see is still decided on each later read.
    pub async fn prefetch(&self, wanted: Vec<(RecordKind, Id)>) -> StoreResult<()> {
        let mut wanted = wanted;
        // Item → plan → commission is the longest chain of parents.
        for _round in 0..4 {
            let mut by_kind: std::collections::BTreeMap<RecordKind, Vec<Id>> = Default::default();
            {
                let cache = self.cache();
                for (kind, id) in wanted.drain(..) {
                    if kind != RecordKind::User && !cache.stored.contains_key(&id) {
                        let ids = by_kind.entry(kind).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
            }
            if by_kind.is_empty() {
                return Ok(());
            }
            let by_kind: Vec<(RecordKind, Vec<Id>)> = by_kind.into_iter().collect();
            let found = self.store.by_ids_of_kinds(&by_kind).await?;
            let mut cache = self.cache();
            let mut missing: std::collections::HashMap<Id, RecordKind> = by_kind
                .into_iter()
                .flat_map(|(kind, ids)| ids.into_iter().map(move |id| (id, kind)))
                .collect();
            for record in found {
                wanted.extend(record.parents());
                missing.remove(&cache.put(record));
            }
            for (id, kind) in missing {
                cache.put_missing(kind, id);
            }
        }
        Ok(())
    }

    /// `prefetch` of records of one type, then of what showing them reads (`Shown::refs`).
    async fn prefetch_shown<R: Shown + Clone>(&self, ids: &[Id]) -> StoreResult<()> {
        self.prefetch_shown_all(ids.iter().map(|id| (R::KIND, *id)).collect())
            .await
    }

    /// Reads ahead records of `kind` a page is about to show, with what showing them reads
    /// (their parents, and for a person their rank and organisation, for an agreement its
    /// signatories…): see `prefetch`.
    pub async fn prefetch_shown_of(&self, kind: RecordKind, ids: &[Id]) -> StoreResult<()> {
        self.prefetch_shown_all(ids.iter().map(|id| (kind, *id)).collect())
            .await
    }

    /// The same for records of several kinds (search hits): their reads are shared, one
    /// query per kind and round whatever the mix.
    pub(crate) async fn prefetch_shown_all(
        &self,
        records: Vec<(RecordKind, Id)>,
    ) -> StoreResult<()> {
        self.prefetch(records.clone()).await?;
        let mut wanted = Vec::new();
        {
            let cache = self.cache();
            for (kind, id) in records {
                macro_rules! refs {
                    ($($variant:ident: $t:ty),*) => {
                        match kind {
                            $(RecordKind::$variant => {
                                if let Some(Some(r)) = cache.get::<$t>(id) {
                                    r.refs(&mut wanted);
                                }
                            })*
                            RecordKind::User => {}
                        }
                    };
                }
                each_stored!(refs)
            }
        }
        self.prefetch(wanted).await
    }

    /// Whether the reader may see the record (and everything above it).
    async fn sees<R: Shown>(&self, record: &R) -> StoreResult<bool> {
        Ok(self.scope(record).await?.visible_to(&self.who))
    }

    /// The records the reader may see, in order, as they are stored.
    async fn select<R: Shown>(&self, records: Vec<R>) -> StoreResult<Vec<R>> {
        // One record's references are read ahead too: a session names its delegations'
        // members, an item its bodies, clauses and sessions, each otherwise read alone.
        let mut wanted = Vec::new();
        for r in &records {
            r.refs(&mut wanted);
        }
        if wanted.len() > 1 {
            self.prefetch(wanted).await?;
        }
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

    /// The scope of the record of kind `entity` with this id; `None` when there is no such
    /// record.
    pub async fn scope_of(&self, entity: RecordKind, id: Id) -> StoreResult<Option<Scope>> {
        let s = &*self.store;
        macro_rules! of {
            ($read:ident) => {
                match stored_once(&self.cache, id, s.$read(id)).await? {
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
    ($name:ident, $t:ty) => {
        async fn $name(&mut self, id: Id) -> StoreResult<Option<$t>> {
            stored_once(self.cache, id, self.store.$name(id)).await
        }
    };
}

impl Parents for CachedParents<'_> {
    cached!(agreement, Agreement);
    cached!(commission, Commission);
    cached!(plan, ActionPlan);
    cached!(item, ActionItem);
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
