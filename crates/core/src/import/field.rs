//! The item fields a column can fill, and their stable keys for saved mappings.

use crate::{Id, Lang, Party};

/// What a column can fill. Leads are per party of the plan's commission (every item is led
/// on each side), so a plan of two parties has two lead fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Code,
    Title(Lang),
    Description(Lang),
    Area,
    /// The lead body on the side of this party (its id).
    Lead(Id),
    StartOn,
    DueOn,
    /// The id of an existing item of the plan, as an export writes it: the row updates that
    /// item instead of creating one.
    Id,
    /// The item's version when it was exported: a row whose item changed since is a
    /// conflict, never a silent overwrite of the newer edit.
    Version,
}

impl Field {
    /// Stable key for a saved mapping: "code", "title_ar", "description_fr", "area",
    /// "lead_<ISO code lowercased, or the party id for a party without one>", "start_on",
    /// "due_on". Keys name parties by ISO code so a mapping saved for one Morocco–Mali plan
    /// still fits another plan of the same parties.
    pub fn key(&self, parties: &[Party]) -> String {
        match self {
            Field::Code => "code".into(),
            Field::Title(l) => format!("title_{}", l.code()),
            Field::Description(l) => format!("description_{}", l.code()),
            Field::Area => "area".into(),
            Field::Lead(id) => {
                let iso = parties
                    .iter()
                    .find(|p| p.id == *id)
                    .and_then(|p| p.iso_code.as_deref());
                match iso {
                    Some(code) => format!("lead_{}", code.to_ascii_lowercase()),
                    None => format!("lead_{id}"),
                }
            }
            Field::StartOn => "start_on".into(),
            Field::DueOn => "due_on".into(),
            Field::Id => "id".into(),
            Field::Version => "version".into(),
        }
    }

    /// The field with this key among those of these parties; `None` for a key of a party
    /// that is not one of them (a mapping saved for another commission).
    pub fn from_key(key: &str, parties: &[Party]) -> Option<Field> {
        let key = key.trim();
        fields(parties).into_iter().find(|f| f.key(parties) == key)
    }

    /// The first segment of the `RuleError::field` paths `rules::check_item` gives for this
    /// field, so a problem already reported by the import is not repeated by the rules.
    pub(super) fn rule_root(&self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Title(_) => "title",
            Field::Description(_) => "description",
            Field::Area => "area_id",
            Field::Lead(_) => "leads",
            Field::StartOn => "start_on",
            Field::DueOn => "due_on",
            Field::Id => "id",
            Field::Version => "version",
        }
    }
}

/// Every field a column may be mapped to, in display order: code, titles, descriptions,
/// area, one lead per party in the commission's order, dates, then the id and version an
/// export carries.
pub fn fields(parties: &[Party]) -> Vec<Field> {
    let mut all = vec![Field::Code];
    all.extend(Lang::ALL.map(Field::Title));
    all.extend(Lang::ALL.map(Field::Description));
    all.push(Field::Area);
    all.extend(parties.iter().map(|p| Field::Lead(p.id)));
    all.extend([Field::StartOn, Field::DueOn, Field::Id, Field::Version]);
    all
}
