//! Localized text: every human-readable field holds up to three values (ar, fr, en).
//! At least one is required; readers see their language or a marked fallback.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A value picked for a reader: the text, the language it is actually in, and whether
/// it is a fallback (so the page can mark it and set `lang` on the element).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub fallback: bool,
}

impl LocalizedText {
    pub fn new(ar: &str, fr: &str, en: &str) -> Self {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
        LocalizedText {
            ar: some(ar),
            fr: some(fr),
            en: some(en),
        }
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        let v = match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        };
        v.as_deref().filter(|s| !s.trim().is_empty())
    }

    pub fn set(&mut self, lang: Lang, value: Option<String>) {
        let slot = match lang {
            Lang::Ar => &mut self.ar,
            Lang::Fr => &mut self.fr,
            Lang::En => &mut self.en,
        };
        *slot = value.filter(|s| !s.trim().is_empty());
    }

    /// True when no language holds any non-blank text.
    pub fn is_empty(&self) -> bool {
        Lang::ALL.iter().all(|l| self.get(*l).is_none())
    }

    /// The reader's language if present, else the first fallback that is.
    pub fn pick(&self, lang: Lang) -> Option<Picked<'_>> {
        if let Some(text) = self.get(lang) {
            return Some(Picked {
                text,
                lang,
                fallback: false,
            });
        }
        lang.fallbacks().into_iter().find_map(|l| {
            self.get(l).map(|text| Picked {
                text,
                lang: l,
                fallback: true,
            })
        })
    }

    /// Plain string for the reader's language, with fallback; empty when nothing is set.
    pub fn show(&self, lang: Lang) -> &str {
        self.pick(lang).map(|p| p.text).unwrap_or("")
    }

    /// All present values, for search and matching across languages.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        Lang::ALL.into_iter().filter_map(|l| self.get(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_own_language_then_marked_fallback() {
        let t = LocalizedText::new("", "Formation militaire", "Military training");
        assert!(!t.pick(Lang::Fr).unwrap().fallback);
        let ar = t.pick(Lang::Ar).unwrap();
        assert_eq!(
            (ar.text, ar.lang, ar.fallback),
            ("Formation militaire", Lang::Fr, true)
        );
        let only_ar = LocalizedText::new("تدريب", "", "");
        let en = only_ar.pick(Lang::En).unwrap();
        assert_eq!((en.text, en.lang, en.fallback), ("تدريب", Lang::Ar, true));
    }

    #[test]
    fn blank_values_count_as_missing() {
        let t = LocalizedText {
            ar: Some("   ".into()),
            fr: None,
            en: Some(String::new()),
        };
        assert!(t.is_empty());
        assert_eq!(t.pick(Lang::Ar), None);
        assert_eq!(t.show(Lang::En), "");
    }

    #[test]
    fn serialises_only_present_languages() {
        let t = LocalizedText::new("مالي", "Mali", "");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"ar":"مالي","fr":"Mali"}"#
        );
    }
}
