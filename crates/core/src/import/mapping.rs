//! Which column fills which field: guessed from the headers, or remembered from a mapping
//! the user saved for sheets of the same shape.

use super::{Field, fields};
use crate::{Lang, Party, search::normalise};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One entry per sheet column: the field it fills, or `None` (the column is ignored).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping(pub Vec<Option<Field>>);

/// A mapping remembered for next time: normalised header text → field key. Stored as JSON
/// by the caller. Only mapped columns are remembered: an ignored column is simply absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedMapping(pub BTreeMap<String, String>);

impl SavedMapping {
    /// What to remember of a mapping the user confirmed. Headers are normalised
    /// (`search::normalise`), so "Intitulé FR" is found again as "INTITULE fr".
    pub fn from_mapping(headers: &[String], m: &Mapping, parties: &[Party]) -> Self {
        let entries = headers.iter().zip(&m.0).filter_map(|(h, f)| {
            let header = normalise(h);
            let field = f.as_ref()?;
            (!header.is_empty()).then(|| (header, field.key(parties)))
        });
        SavedMapping(entries.collect())
    }
}

/// Guesses a mapping: a saved entry for a header wins; else a header equal (after
/// `search::normalise`, which also folds case) to a field's label in any of the three
/// languages, or to its key. Each field is used at most once: the first column wins, and
/// saved entries are placed before any label is matched. The labels are words, so the
/// caller gives them (`taawun_i18n::guess_mapping` passes the catalogue's).
pub fn guess_mapping_with(
    headers: &[String],
    parties: &[Party],
    saved: Option<&SavedMapping>,
    label: impl Fn(&Field, Lang) -> String,
) -> Mapping {
    let headers: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut out = vec![None; headers.len()];
    let mut used = HashSet::new();

    // Saved keys are normalised again: a mapping written by hand, or saved by an older
    // normaliser, still applies.
    let remembered: HashMap<String, &str> = saved
        .map(|s| {
            s.0.iter()
                .map(|(h, k)| (normalise(h), k.as_str()))
                .collect()
        })
        .unwrap_or_default();
    for (slot, header) in out.iter_mut().zip(&headers) {
        let field = remembered
            .get(header)
            .and_then(|key| Field::from_key(key, parties));
        if let Some(f) = field
            && used.insert(f.clone())
        {
            *slot = Some(f);
        }
    }

    let names = names(parties, &label);
    for (slot, header) in out.iter_mut().zip(&headers) {
        if slot.is_some() || header.is_empty() {
            continue;
        }
        if let Some(f) = names.get(header)
            && used.insert(f.clone())
        {
            *slot = Some(f.clone());
        }
    }
    Mapping(out)
}

/// Every normalised name of every field (labels in the three languages and the key); on a
/// clash the field earlier in display order keeps the name.
fn names(parties: &[Party], label: &impl Fn(&Field, Lang) -> String) -> HashMap<String, Field> {
    let mut names = HashMap::new();
    for f in fields(parties) {
        let spellings = Lang::ALL
            .map(|l| label(&f, l))
            .into_iter()
            .chain([f.key(parties)]);
        for name in spellings {
            names.entry(normalise(&name)).or_insert_with(|| f.clone());
        }
    }
    names
}
