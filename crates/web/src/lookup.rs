//! The reader's view of the store for one request, and a cache over it of the records pages
//! name in passing (parties, people, ranks, organisations, areas), so a page that mentions
//! the same person five times reads it once. Everything goes through `Visible`: a hidden
//! record is absent here exactly as an unknown one is.

use std::collections::HashMap;
use taawun_core::{Area, Id, Organisation, Party, Person, Principal, Rank};
use taawun_store::{StoreResult, Visible};

use crate::{AppState, ctx::Ctx};

/// The store as the request's principal may see it. One per request: it also records the
/// highest marking read, for the page's banner. Pages, forms and documents take their
/// `Visible` from here and nowhere else; the few reads made as another principal (a
/// calendar feed's owner, the demo's example officer) build theirs where they say so.
pub fn reader(state: &AppState, ctx: &Ctx) -> Visible {
    reader_of(state, ctx.principal())
}

/// The same, for the principal `auth::gate` has just recognised, before the request's
/// context exists (it counts the header's unread notifications).
pub fn reader_of(state: &AppState, principal: &Principal) -> Visible {
    Visible::new(state.store.clone(), principal.clone())
}

pub struct Lookup<'a> {
    v: &'a Visible,
    parties: HashMap<Id, Option<Party>>,
    people: HashMap<Id, Option<Person>>,
    ranks: HashMap<Id, Option<Rank>>,
    organisations: HashMap<Id, Option<Organisation>>,
    areas: HashMap<Id, Option<Area>>,
}

/// Reads `id` through the cache, or through `Visible` on first use.
macro_rules! cached {
    ($self:ident, $map:ident, $read:ident, $id:expr) => {{
        let id = $id;
        if let Some(hit) = $self.$map.get(&id) {
            return Ok(hit.clone());
        }
        let found = $self.v.$read(id).await?;
        $self.$map.insert(id, found.clone());
        Ok(found)
    }};
}

impl<'a> Lookup<'a> {
    pub fn new(v: &'a Visible) -> Self {
        Lookup {
            v,
            parties: HashMap::new(),
            people: HashMap::new(),
            ranks: HashMap::new(),
            organisations: HashMap::new(),
            areas: HashMap::new(),
        }
    }

    pub async fn party(&mut self, id: Id) -> StoreResult<Option<Party>> {
        cached!(self, parties, party, id)
    }

    pub async fn person(&mut self, id: Id) -> StoreResult<Option<Person>> {
        cached!(self, people, person, id)
    }

    pub async fn rank(&mut self, id: Id) -> StoreResult<Option<Rank>> {
        cached!(self, ranks, rank, id)
    }

    pub async fn organisation(&mut self, id: Id) -> StoreResult<Option<Organisation>> {
        cached!(self, organisations, organisation, id)
    }

    pub async fn area(&mut self, id: Id) -> StoreResult<Option<Area>> {
        cached!(self, areas, area, id)
    }
}
