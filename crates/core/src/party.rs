//! Parties (states, international organisations), their organisations, ranks and people.

use crate::{id::Id, text::LocalizedText};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    State,
    InternationalOrganisation,
}

/// A state or an international organisation taking part in a commission or agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: Id,
    pub kind: PartyKind,
    /// ISO 3166-1 alpha-2 code, required for states (`MA`, `ML`).
    pub iso_code: Option<String>,
    /// Formal name ("Kingdom of Morocco").
    pub name: LocalizedText,
    /// Short name used in tables and headings ("Morocco").
    pub short_name: LocalizedText,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

/// A ministry, general staff, inspectorate, school… belonging to one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: Id,
    pub party_id: Id,
    pub parent_id: Option<Id>,
    pub name: LocalizedText,
    pub acronym: Option<String>,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

/// A rank of a party's forces with its NATO code (OF-1…OF-10, OR-1…OR-9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rank {
    pub id: Id,
    pub party_id: Id,
    pub nato_code: String,
    pub label: LocalizedText,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

/// A person, with the name kept in Arabic and in Latin script; `aliases` holds other
/// spellings met in sources (Massaoulé / Massaoule, Mahamadou / Mohamed) so they can be found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    pub party_id: Id,
    pub name_ar: String,
    pub name_latin: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub rank_id: Option<Id>,
    pub function: LocalizedText,
    pub organisation_id: Option<Id>,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

impl Person {
    /// Whether a written name is one of this person's spellings (case and accents ignored).
    pub fn answers_to(&self, name: &str) -> bool {
        let wanted = fold(name);
        std::iter::once(self.name_ar.as_str())
            .chain(std::iter::once(self.name_latin.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
            .any(|n| fold(n) == wanted)
    }
}

/// Case- and accent-insensitive form of a Latin-script name; Arabic passes through with
/// whitespace collapsed.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            for lower in c.to_lowercase() {
                out.push(fold_latin(lower));
            }
        }
    }
    out
}

/// The base letter of a lowercase accented Latin letter (`é` → `e`); others unchanged.
/// Covers French, Spanish and Portuguese spellings met in names of both parties' people.
pub fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_match() {
        let p = Person {
            id: crate::new_id(),
            party_id: crate::new_id(),
            name_ar: "محمد ماسولي ساماكي".into(),
            name_latin: "Mahamadou Massaoulé Samaké".into(),
            aliases: vec!["Mohamed Massaoulé Samaké".into()],
            rank_id: None,
            function: LocalizedText::default(),
            organisation_id: None,
            protection: Default::default(),
            version: 0,
        };
        assert!(p.answers_to("mahamadou massaoule samake"));
        assert!(p.answers_to("MOHAMED  MASSAOULÉ SAMAKÉ"));
        assert!(p.answers_to("محمد  ماسولي ساماكي"));
        assert!(!p.answers_to("Sadiq Samaké"));
    }
}
