//! The three working languages, as equals.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    /// BCP 47 code, as used in `<html lang>` and cookies.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reading direction: Arabic is the only right-to-left language of the three.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Parses a language code, tolerating region subtags and case (`fr-ML`, `AR`).
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The order in which other languages are tried when a text lacks this one.
    /// French before English for Arabic readers: both partner administrations work in French.
    pub fn fallbacks(self) -> [Lang; 2] {
        match self {
            Lang::Ar => [Lang::Fr, Lang::En],
            Lang::Fr => [Lang::En, Lang::Ar],
            Lang::En => [Lang::Fr, Lang::Ar],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_with_regions_and_case() {
        for (input, want) in [
            ("ar", Some(Lang::Ar)),
            ("ar-MA", Some(Lang::Ar)),
            ("FR_ml", Some(Lang::Fr)),
            (" en ", Some(Lang::En)),
            ("de", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(input), want, "{input:?}");
        }
    }

    #[test]
    fn only_arabic_is_rtl() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
        assert_eq!(Lang::En.dir(), "ltr");
    }
}
