//! A per-request cache of the records pages name in passing (parties, people, ranks,
//! organisations, areas), so a page that mentions the same person five times reads it once.

use std::collections::HashMap;
use taawun_core::{Area, Id, Organisation, Party, Person, Rank};
use taawun_store::{Store, StoreResult};

pub struct Lookup<'a> {
    store: &'a dyn Store,
    parties: HashMap<Id, Option<Party>>,
    people: HashMap<Id, Option<Person>>,
    ranks: HashMap<Id, Option<Rank>>,
    organisations: HashMap<Id, Option<Organisation>>,
    areas: HashMap<Id, Option<Area>>,
}

/// Reads `id` through the cache, or from the store on first use.
macro_rules! cached {
    ($self:ident, $map:ident, $read:ident, $id:expr) => {{
        let id = $id;
        if let Some(hit) = $self.$map.get(&id) {
            return Ok(hit.clone());
        }
        let found = $self.store.$read(id).await?;
        $self.$map.insert(id, found.clone());
        Ok(found)
    }};
}

impl<'a> Lookup<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Lookup {
            store,
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
