//! Finding the organisation or area a cell names. The normalised names are indexed once per
//! import, so each row costs a normalisation and a hash lookup, whatever the list sizes.

use crate::{Area, Id, Organisation, search::normalise};
use std::collections::HashMap;

/// What a lead cell names, for the party of its column.
pub(super) enum OrgMatch<'a> {
    Found(&'a Organisation),
    /// The name is only that of organisations of other parties.
    OtherParty,
    Unknown,
}

pub(super) struct Lookup<'a> {
    organisations: &'a [Organisation],
    areas: &'a [Area],
    /// Normalised name, in any language, or acronym → organisations bearing it (several
    /// parties may have an "État-major général").
    org_names: HashMap<String, Vec<usize>>,
    /// Normalised code or name in any language → area.
    area_names: HashMap<String, usize>,
}

impl<'a> Lookup<'a> {
    pub fn new(organisations: &'a [Organisation], areas: &'a [Area]) -> Self {
        let mut org_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in organisations.iter().enumerate() {
            for name in o.name.values().chain(o.acronym.as_deref()) {
                let key = normalise(name);
                if key.is_empty() {
                    continue;
                }
                let bearers = org_names.entry(key).or_default();
                // An acronym equal to a name of the same organisation must not list it twice.
                if !bearers.contains(&i) {
                    bearers.push(i);
                }
            }
        }
        let mut area_names = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            for name in std::iter::once(a.code.as_str()).chain(a.name.values()) {
                let key = normalise(name);
                if !key.is_empty() {
                    // The first area keeps a name two areas share: the order is the caller's.
                    area_names.entry(key).or_insert(i);
                }
            }
        }
        Lookup {
            organisations,
            areas,
            org_names,
            area_names,
        }
    }

    /// The organisation of `party` that `value` names. When two organisations of the party
    /// bear the name, the first in the caller's list is taken.
    pub fn organisation(&self, party: Id, value: &str) -> OrgMatch<'a> {
        let Some(bearers) = self.org_names.get(&normalise(value)) else {
            return OrgMatch::Unknown;
        };
        let organisations = self.organisations;
        bearers
            .iter()
            .map(|i| &organisations[*i])
            .find(|o| o.party_id == party)
            .map_or(OrgMatch::OtherParty, OrgMatch::Found)
    }

    pub fn area(&self, value: &str) -> Option<&'a Area> {
        let areas = self.areas;
        self.area_names.get(&normalise(value)).map(|i| &areas[*i])
    }
}
