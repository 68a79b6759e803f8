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
    /// Items already asked about (`at_risk`): whether each is at risk today.
    at_risk: HashMap<Id, bool>,
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
            at_risk: HashMap::new(),
        }
    }

    /// Which of `items` are at risk on `today` (`Visible::items_at_risk`), asking the store
    /// only about those not asked yet: a page that lists its items in several tables asks
    /// once, for all of them, ahead of the first.
    pub async fn at_risk(
        &mut self,
        items: &[taawun_core::ActionItem],
        today: chrono::NaiveDate,
    ) -> StoreResult<std::collections::HashSet<Id>> {
        let missing: Vec<taawun_core::ActionItem> = items
            .iter()
            .filter(|i| !self.at_risk.contains_key(&i.id))
            .cloned()
            .collect();
        if !missing.is_empty() {
            let found = self.v.items_at_risk(&missing, today).await?;
            for i in &missing {
                self.at_risk.insert(i.id, found.contains(&i.id));
            }
        }
        Ok(items
            .iter()
            .filter(|i| self.at_risk.get(&i.id).copied().unwrap_or(false))
            .map(|i| i.id)
            .collect())
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
