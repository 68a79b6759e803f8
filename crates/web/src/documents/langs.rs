//! Texts in all three languages at once: a bilingual document needs every label, date and
//! marking in each of its languages, not only in the reader's.

use chrono::NaiveDate;
use taawun_core::{Lang, LocalizedText, Person};
use taawun_store::Visible;

use crate::{fmt, i18n};

/// A text made by `f` in each language.
pub fn each(f: impl Fn(Lang) -> String) -> LocalizedText {
    LocalizedText {
        ar: Some(f(Lang::Ar)),
        fr: Some(f(Lang::Fr)),
        en: Some(f(Lang::En)),
    }
}

/// A catalogue message in each language.
pub fn message(key: &str) -> LocalizedText {
    each(|l| i18n::message(l, key))
}

/// A date written for each language.
pub fn date(d: NaiveDate) -> LocalizedText {
    each(|l| fmt::date(l, d))
}

/// A date span ("17 – 19 February 2025"), or one date.
pub fn span(first: NaiveDate, last: NaiveDate) -> LocalizedText {
    if first == last {
        return date(first);
    }
    each(|l| format!("{} – {}", fmt::date(l, first), fmt::date(l, last)))
}

/// A person's name: the Arabic spelling for Arabic, the Latin one otherwise, each falling
/// back to the other when only one is recorded.
pub fn person(p: &Person) -> LocalizedText {
    let pick = |first: &str, second: &str| {
        if first.trim().is_empty() {
            second
        } else {
            first
        }
        .trim()
        .to_string()
    };
    LocalizedText {
        ar: Some(pick(&p.name_ar, &p.name_latin)),
        fr: Some(pick(&p.name_latin, &p.name_ar)),
        en: Some(pick(&p.name_latin, &p.name_ar)),
    }
}

/// The marking of everything read through `v` so far, as the page banner would say it,
/// in each language (an originator-only record names the reader's party, the only one that
/// can see it). Call it after the document's last read.
pub fn marking(v: &Visible, ctx: &crate::ctx::Ctx) -> LocalizedText {
    let reader_party = ctx.who.party.as_ref().map(|p| &p.short_name);
    let m = v.highest_marking();
    let originator = v.originator_only();
    each(|l| {
        let label = i18n::message(l, &format!("marking-{}", m.key()));
        match (originator, reader_party) {
            (true, Some(p)) => {
                let release = i18n::message_with(l, "releasable-originator", "party", p.show(l));
                format!("{label} · {release}")
            }
            _ => label,
        }
    })
}
