//! A cache over a reader's `Visible` of the records pages and documents name in passing
//! (parties, people, ranks, organisations, areas), so a page or a table that mentions the
//! same person five times reads it once. Everything goes through `Visible`: a hidden record
//! is absent here exactly as an unknown one is.

use std::collections::HashMap;
use taawun_core::{Area, Id, Organisation, Party, Person, Rank, RecordKind};
use taawun_store::{StoreResult, Visible};

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

    /// Reads ahead, in one query per kind, the records a page is about to name one by one
    /// (see `Visible::prefetch`).
    pub async fn prefetch(&self, wanted: Vec<(RecordKind, Id)>) -> StoreResult<()> {
        self.v.prefetch(wanted).await
    }

    /// Reads ahead people, with their ranks and organisations.
    pub async fn prefetch_people(&self, ids: &[Id]) -> StoreResult<()> {
        self.v.prefetch_shown_of(RecordKind::Person, ids).await
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
