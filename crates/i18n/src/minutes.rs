//! The wording of minutes: ordinals in words, state names with the article each language
//! needs ("du Royaume du Maroc", "de la République du Mali", "للجنة"), dates in prose and
//! the closing formula. The sentences are in the catalogues; the grammar around the names
//! they hold is here.

use chrono::{Datelike, NaiveDate};
use taawun_core::Lang;

use crate::{fmt, message, message_args, message_count};

/// "1re session", "2e session" (the abbreviations French typography uses, not the long
/// forms), "1st session", "الدورة الأولى". French and English come from the catalogue's
/// `session-ordinal`, so the minutes and the pages write a session's number one way;
/// Arabic spells the ordinal out up to 99.
pub fn session_ordinal(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fr | Lang::En => message_count(lang, "session-ordinal", n as usize),
        Lang::Ar => match arabic_feminine_ordinal(n) {
            Some(word) => format!("الدورة {word}"),
            None => format!("الدورة {n}"),
        },
    }
}

/// The feminine ordinal (a session, دورة, is feminine) in words, up to 99.
fn arabic_feminine_ordinal(n: u32) -> Option<String> {
    const ALONE: [&str; 11] = [
        "",
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
    ];
    // In compounds, the first is الحادية, not الأولى.
    const UNITS: [&str; 10] = [
        "",
        "الحادية",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
    ];
    const TENS: [&str; 10] = [
        "",
        "",
        "العشرون",
        "الثلاثون",
        "الأربعون",
        "الخمسون",
        "الستون",
        "السبعون",
        "الثمانون",
        "التسعون",
    ];
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    Some(match n {
        1..=10 => ALONE[n as usize].to_string(),
        11..=19 => format!("{} عشرة", UNITS[units]),
        20..=99 if units == 0 => TENS[tens].to_string(),
        21..=99 => format!("{} و{}", UNITS[units], TENS[tens]),
        _ => return None,
    })
}

/// How a French name takes its article: by its first word, since formal names of states
/// and bodies start with their head noun ("Royaume", "République", "Commission").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Article {
    Le,
    La,
    Elided,
    Les,
}

fn french_article(name: &str) -> Article {
    let first = name.split([' ', '-']).next().unwrap_or("").to_lowercase();
    const PLURAL: [&str; 8] = [
        "états",
        "émirats",
        "pays",
        "comores",
        "seychelles",
        "maldives",
        "philippines",
        "îles",
    ];
    const FEMININE: [&str; 10] = [
        "république",
        "principauté",
        "fédération",
        "confédération",
        "union",
        "commission",
        "haute",
        "communauté",
        "organisation",
        "jamahiriya",
    ];
    // Country names in -e are feminine, but for these (and head nouns that are masculine).
    const MASCULINE_IN_E: [&str; 7] = [
        "royaume",
        "comité",
        "mexique",
        "cambodge",
        "mozambique",
        "zimbabwe",
        "belize",
    ];
    let starts_with_vowel = first
        .chars()
        .next()
        .is_some_and(|c| "aeiouyéèêëîïôâàûù".contains(c));
    if PLURAL.contains(&first.as_str()) && (first != "pays" || name.contains("Pays-Bas")) {
        Article::Les
    } else if starts_with_vowel {
        Article::Elided
    } else if FEMININE.contains(&first.as_str())
        || (first.ends_with('e') && !MASCULINE_IN_E.contains(&first.as_str()))
    {
        Article::La
    } else {
        Article::Le
    }
}

/// "le Royaume du Maroc", "la République du Mali", "l'État de Libye", "les Émirats…".
pub fn fr_the(name: &str) -> String {
    let name = name.trim();
    match french_article(name) {
        Article::Le => format!("le {name}"),
        Article::La => format!("la {name}"),
        Article::Elided => format!("l'{name}"),
        Article::Les => format!("les {name}"),
    }
}

/// "du Royaume du Maroc", "de la République du Mali", "de l'État…", "des Émirats…".
pub fn fr_of(name: &str) -> String {
    let name = name.trim();
    match french_article(name) {
        Article::Le => format!("du {name}"),
        Article::La => format!("de la {name}"),
        Article::Elided => format!("de l'{name}"),
        Article::Les => format!("des {name}"),
    }
}

/// "the Kingdom of Morocco", but "Mali": English puts "the" before a formal name.
pub fn en_the(name: &str) -> String {
    let name = name.trim();
    const FORMAL: [&str; 16] = [
        "kingdom",
        "republic",
        "state",
        "states",
        "united",
        "sultanate",
        "principality",
        "federal",
        "federation",
        "islamic",
        "people's",
        "democratic",
        "arab",
        "union",
        "commission",
        "joint",
    ];
    let first = name.split(' ').next().unwrap_or("").to_lowercase();
    if first == "the" {
        name.to_string()
    } else if FORMAL.contains(&first.as_str()) || name.to_lowercase().contains("commission") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The name after the preposition لـ ("for, of"), joined to it: the article's alif drops
/// ("اللجنة" → "للجنة", "المملكة" → "للمملكة"); "جمهورية مالي" → "لجمهورية مالي".
pub fn ar_for(name: &str) -> String {
    let name = name.trim();
    match name.strip_prefix("ال") {
        // Three lams are written two: لـ + اللجنة → للجنة.
        Some(rest) if rest.starts_with('ل') => format!("ل{rest}"),
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{name}"),
    }
}

/// A rank as a title before a name: Arabic gives it the article ("العميد"), as protocol
/// writes it; French and English use it as stored.
pub fn rank_title(lang: Lang, rank: &str) -> String {
    let rank = rank.trim();
    if lang == Lang::Ar && !rank.is_empty() && !rank.starts_with("ال") {
        format!("ال{rank}")
    } else {
        rank.to_string()
    }
}

/// When a meeting took place, in a sentence: "du 17 au 19 février 2025", "من 17 إلى 19
/// فبراير 2025", "from 17 to 19 February 2025"; "le 19 février 2025" for one day.
pub fn dates_in_prose(lang: Lang, first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        return message_args(
            lang,
            "minutes-dates-day",
            &[("day", &fmt::date(lang, first))],
        );
    }
    let to = fmt::date(lang, last);
    let from = if (first.year(), first.month()) == (last.year(), last.month()) {
        match (lang, first.day()) {
            (Lang::Fr, 1) => "1er".to_string(),
            (_, d) => d.to_string(),
        }
    } else {
        fmt::date(lang, first)
    };
    message_args(lang, "minutes-dates-span", &[("from", &from), ("to", &to)])
}

/// The languages of the originals for the closing formula, with what it says of their
/// authority: "en langues arabe et française, les deux textes faisant également foi".
pub fn originals(lang: Lang, langs: &[Lang]) -> String {
    let adj = |l: &Lang| message(lang, &format!("minutes-lang-{}", l.code()));
    match langs {
        [] => String::new(),
        [a] => message_args(lang, "minutes-originals-one", &[("a", &adj(a))]),
        [a, b] => message_args(
            lang,
            "minutes-originals-two",
            &[("a", &adj(a)), ("b", &adj(b))],
        ),
        [a, b, c, ..] => message_args(
            lang,
            "minutes-originals-three",
            &[("a", &adj(a)), ("b", &adj(b)), ("c", &adj(c))],
        ),
    }
}

/// The closing formula: where, when, how many originals, in which languages.
pub fn closing(lang: Lang, place: &str, on: NaiveDate, langs: &[Lang]) -> String {
    message_args(
        lang,
        "minutes-closing",
        &[
            ("place", place.trim()),
            ("date", &fmt::date(lang, on)),
            ("originals", &originals(lang, langs)),
        ],
    )
}

/// A state's name as the sentence `key` needs it, passed as `party`: French with "de" and
/// its article, English with "the" where it takes one, Arabic as it is.
pub fn with_party(lang: Lang, key: &str, party: &str) -> String {
    let party = match lang {
        Lang::Fr => fr_of(party),
        Lang::En => en_the(party),
        Lang::Ar => party.trim().to_string(),
    };
    message_args(lang, key, &[("party", &party)])
}

/// "Entre le Royaume du Maroc et la République du Mali".
pub fn between(lang: Lang, first: &str, second: &str) -> String {
    let (a, b) = match lang {
        Lang::Fr => (fr_the(first), fr_the(second)),
        Lang::En => (en_the(first), en_the(second)),
        Lang::Ar => (first.trim().to_string(), second.trim().to_string()),
    };
    message_args(lang, "minutes-between", &[("first", &a), ("second", &b)])
}

/// The preamble's first sentence: at whose invitation, which session of which commission,
/// where and when.
pub fn preamble(
    lang: Lang,
    host: &str,
    ordinal: u32,
    commission: &str,
    place: &str,
    dates: (NaiveDate, NaiveDate),
) -> String {
    let (host, commission) = match lang {
        Lang::Fr => (fr_of(host), fr_of(commission)),
        Lang::En => (en_the(host), en_the(commission)),
        Lang::Ar => (host.trim().to_string(), ar_for(commission)),
    };
    message_args(
        lang,
        "minutes-preamble",
        &[
            ("host", &host),
            ("ordinal", &session_ordinal(lang, ordinal)),
            ("commission", &commission),
            ("place", place.trim()),
            ("dates", &dates_in_prose(lang, dates.0, dates.1)),
        ],
    )
}
