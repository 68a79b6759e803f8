//! Dates and numbers for the reader's locale, through ICU4X.
//!
//! Arabic uses `ar-MA-u-nu-latn` by default: Latin digits, because both partner
//! administrations (Morocco, Mali) write Latin digits in their Arabic documents, and the
//! month names of Moroccan usage (شتنبر، غشت، ماي…) as CLDR gives them for Morocco. An
//! installation of another region names its own (`set_arabic_region`, `--arabic-region`):
//! the names always come from CLDR through ICU4X, never from a list kept here. English uses
//! `en-GB` so dates read day-month-year ("17 February 2025") like the French and Arabic ones.

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_locale_core::subtags::{Region, region};
use icu_locale_core::{Locale, locale};
use std::sync::OnceLock;
use taawun_core::Lang;

/// The region whose Arabic usage dates follow; `None`: CLDR's generic Arabic.
static ARABIC_REGION: OnceLock<Option<Region>> = OnceLock::new();

/// The region Arabic dates follow in this process, set once at start-up (before any date is
/// formatted: the formatters read it when built): a region code (`MA`, `DZ`, `EG`…), or
/// `none` for CLDR's generic Arabic. Unset, Morocco's usage. An unknown code is refused.
pub fn set_arabic_region(code: &str) -> Result<(), String> {
    let region = match code.trim() {
        "" | "none" => None,
        c => Some(
            c.parse::<Region>()
                .map_err(|_| format!("{c:?} is no region code (e.g. MA, DZ, EG, or none)"))?,
        ),
    };
    ARABIC_REGION
        .set(region)
        .map_err(|_| "the Arabic region is already set".to_string())
}

fn arabic_locale() -> Locale {
    let mut loc = locale!("ar-u-nu-latn");
    loc.id.region = *ARABIC_REGION.get_or_init(|| Some(region!("MA")));
    loc
}

pub fn icu_locale(lang: Lang) -> Locale {
    match lang {
        Lang::Ar => arabic_locale(),
        Lang::Fr => locale!("fr"),
        Lang::En => locale!("en-GB"),
    }
}

type DateFormatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

struct Formatters {
    date: Option<DateFormatter>,
    decimal: Option<DecimalFormatter>,
}

impl Formatters {
    fn new(lang: Lang) -> Self {
        Formatters::at(&icu_locale(lang), lang)
    }

    fn at(loc: &Locale, lang: Lang) -> Self {
        let date = DateFormatter::try_new(loc.into(), YMD::long())
            .map_err(|e| tracing::error!(lang = lang.code(), ?e, "no date formatter"))
            .ok();
        let decimal = DecimalFormatter::try_new(loc.into(), Default::default())
            .map_err(|e| tracing::error!(lang = lang.code(), ?e, "no number formatter"))
            .ok();
        Formatters { date, decimal }
    }
}

// ICU4X data payloads are not `Sync` without its `sync` feature, so each worker thread keeps
// its own three formatters (built once per thread, from data compiled into the binary).
thread_local! {
    static FORMATTERS: [Formatters; 3] =
        [Formatters::new(Lang::Ar), Formatters::new(Lang::Fr), Formatters::new(Lang::En)];
    /// Arabic formatters of the regions readers chose (`date_in`), built on first use.
    static REGIONAL: std::cell::RefCell<std::collections::HashMap<Option<Region>, Formatters>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn with<R>(lang: Lang, f: impl FnOnce(&Formatters) -> R) -> R {
    let i = match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    };
    FORMATTERS.with(|all| f(&all[i]))
}

/// A calendar date in long form: "17 février 2025", "17 February 2025", "17 فبراير 2025".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    with(lang, |f| long_date(f, lang, d))
}

/// The Arabic usages a reader may choose their dates in (`date_in`), whatever the
/// installation's: Morocco's month names (شتنبر، غشت) or CLDR's generic Arabic (`none`: the
/// Mashriq's, سبتمبر، أغسطس), as the two parties' officers read them.
pub const ARABIC_REGIONS: [&str; 2] = ["MA", "none"];

/// `date` for a reader who chose the Arabic usage of `region` (one of `ARABIC_REGIONS`);
/// no choice, an unknown one or another language: the installation's (`date`).
pub fn date_in(lang: Lang, region: Option<&str>, d: NaiveDate) -> String {
    let chosen = match region {
        Some(code) if lang == Lang::Ar && ARABIC_REGIONS.contains(&code) => code,
        _ => return date(lang, d),
    };
    let region = match chosen {
        "none" => None,
        c => c.parse::<Region>().ok(),
    };
    REGIONAL.with(|cache| {
        let mut cache = cache.borrow_mut();
        let f = cache.entry(region).or_insert_with(|| {
            let mut loc = locale!("ar-u-nu-latn");
            loc.id.region = region;
            Formatters::at(&loc, lang)
        });
        long_date(f, lang, d)
    })
}

fn long_date(f: &Formatters, lang: Lang, d: NaiveDate) -> String {
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    let formatted = Date::try_new_gregorian(d.year(), month, day)
        .ok()
        .and_then(|g| f.date.as_ref().map(|fmt| fmt.format(&g).to_string()));
    // ISO form if ICU cannot help: still unambiguous in every language.
    let formatted = formatted.unwrap_or_else(|| d.format("%Y-%m-%d").to_string());
    // French writes the first day of a month as an ordinal ("1er décembre"); ICU does not.
    match formatted.strip_prefix("1 ") {
        Some(rest) if lang == Lang::Fr && day == 1 => format!("1er {rest}"),
        _ => formatted,
    }
}

/// A number with the locale's separators ("1 234,5" in French); at most two decimals.
pub fn number(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    let rounded = (value * 100.0).round() / 100.0;
    let plain = format!("{rounded}");
    match plain.parse::<Decimal>() {
        Ok(dec) => with(lang, |f| match &f.decimal {
            Some(fmt) => fmt.format(&dec).to_string(),
            None => plain.clone(),
        }),
        Err(_) => plain,
    }
}

/// An integer count with the locale's grouping.
pub fn integer(lang: Lang, value: u64) -> String {
    let dec = Decimal::from(value);
    with(lang, |f| match &f.decimal {
        Some(fmt) => fmt.format(&dec).to_string(),
        None => value.to_string(),
    })
}

/// Left-to-right isolate (U+2066) and its end (U+2069): a Latin run inside Arabic text
/// (a number with its sign, a file extension, an ISO date) keeps its own order instead of
/// taking the paragraph's ("%15", "xlsx.", "15-03-2026").
pub const LRI: char = '\u{2066}';
pub const PDI: char = '\u{2069}';

/// `text` isolated left-to-right when `lang` is Arabic; as it is otherwise.
pub fn ltr(lang: Lang, text: &str) -> String {
    if lang == Lang::Ar {
        format!("{LRI}{text}{PDI}")
    } else {
        text.to_string()
    }
}

/// A percentage, `value` in hundredths ("15" for 15 %), the one form pages, PDFs, mails and
/// the status report all use: "15\u{202f}%" in French (a narrow no-break space, as French
/// typography wants), "15%" in English, and in Arabic "15%" too, with the Latin percent
/// sign that CLDR gives Arabic written in Latin digits (the Arabic sign ٪ goes with
/// Arabic-Indic digits), isolated left-to-right so that a right-to-left line cannot show
/// it as "%15". At most two decimals, in the locale's form ("48,8\u{202f}%").
pub fn percent(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    let n = number(lang, value);
    match lang {
        Lang::Fr => format!("{n}\u{202f}%"),
        Lang::En => format!("{n}%"),
        Lang::Ar => ltr(lang, &format!("{n}%")),
    }
}

type MonthFormatter = FixedCalendarDateTimeFormatter<Gregorian, YM>;

// Like the formatters above: ICU4X data is not `Sync`, so one set per worker thread.
thread_local! {
    static MONTHS: [Option<MonthFormatter>; 3] = Lang::ALL.map(|l| {
        // Arabic's medium form is numeric ("02/2025"); its long month names are short.
        let length = if l == Lang::Ar { YM::long() } else { YM::medium() };
        MonthFormatter::try_new((&icu_locale(l)).into(), length)
            .map_err(|e| tracing::error!(lang = l.code(), ?e, "no month formatter"))
            .ok()
    });
}

/// "Feb 2025", "févr. 2025", "فبراير 2025"; ISO year-month if ICU cannot help.
pub fn month(lang: Lang, d: NaiveDate) -> String {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let m = u8::try_from(d.month()).unwrap_or(1);
    Date::try_new_gregorian(d.year(), m, 1)
        .ok()
        .and_then(|g| MONTHS.with(|all| all[i].as_ref().map(|f| f.format(&g).to_string())))
        .unwrap_or_else(|| d.format("%Y-%m").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_may_read_arabic_dates_in_moroccan_or_generic_usage() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        assert!(date_in(Lang::Ar, Some("MA"), d).contains("شتنبر"));
        let generic = date_in(Lang::Ar, Some("none"), d);
        assert!(generic.contains("سبتمبر"), "{generic}");
        // No choice, an unknown one, or another language: the installation's (Morocco).
        assert_eq!(date_in(Lang::Ar, None, d), date(Lang::Ar, d));
        assert_eq!(date_in(Lang::Ar, Some("XX"), d), date(Lang::Ar, d));
        assert_eq!(date_in(Lang::Fr, Some("none"), d), "30 septembre 2025");
    }

    #[test]
    fn long_dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 17).unwrap();
        assert_eq!(date(Lang::Fr, d), "17 février 2025");
        assert_eq!(date(Lang::En, d), "17 February 2025");
        let ar = date(Lang::Ar, d);
        assert!(
            ar.contains("فبراير") && ar.contains("17") && ar.contains("2025"),
            "{ar}"
        );
    }

    #[test]
    fn arabic_months_are_those_of_moroccan_usage_from_cldr() {
        let on = |m| date(Lang::Ar, NaiveDate::from_ymd_opt(2026, m, 15).unwrap());
        for (m, name) in [
            (5, "ماي"),
            (7, "يوليوز"),
            (8, "غشت"),
            (9, "شتنبر"),
            (11, "نونبر"),
            (12, "دجنبر"),
        ] {
            assert!(on(m).contains(name), "month {m}: {}", on(m));
        }
        assert!(!on(9).contains("سبتمبر") && !on(8).contains("أغسطس"));
        assert_eq!(on(9), "15 شتنبر 2026");
        assert!(month(Lang::Ar, NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()).contains("غشت"));
    }

    #[test]
    fn numbers_use_locale_separators_and_latin_digits() {
        assert_eq!(number(Lang::En, 1234.5), "1,234.5");
        assert_eq!(number(Lang::Fr, 1234.5), "1\u{202f}234,5");
        assert!(number(Lang::Ar, 1234.5).starts_with('1'));
        assert_eq!(number(Lang::En, f64::NAN), "—");
        assert_eq!(integer(Lang::En, 12000), "12,000");
    }

    #[test]
    fn one_percent_form_per_language() {
        assert_eq!(percent(Lang::Fr, 15.0), "15\u{202f}%");
        assert_eq!(percent(Lang::En, 15.0), "15%");
        assert_eq!(percent(Lang::Ar, 15.0), "\u{2066}15%\u{2069}");
        assert_eq!(percent(Lang::Fr, 48.8), "48,8\u{202f}%");
        assert_eq!(percent(Lang::En, f64::NAN), "—");
    }
}
