//! Texts in all three languages at once: a bilingual document needs every label, date and
//! marking in each of its languages, not only in the reader's.

use chrono::NaiveDate;
use taawun_core::LocalizedText;
use taawun_store::Visible;

use crate::{fmt, i18n};

pub use taawun_i18n::each;

/// A catalogue message in each language.
pub fn message(key: &str) -> LocalizedText {
    each(|l| i18n::message(l, key))
}

/// A date written for each language.
pub fn date(d: NaiveDate) -> LocalizedText {
    each(|l| fmt::date(l, d))
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
