//! The time axis of the timeline: ticks on the first day of months, quarters or years,
//! chosen so about a dozen fit, and labelled in the reader's language (month names from
//! ICU4X through `taawun_i18n::fmt`, quarters from the catalogue).

use chrono::{Datelike, Months, NaiveDate};
use taawun_core::Lang;
use taawun_i18n::{FluentArgs, FluentValue};

use crate::i18n;

pub struct Tick {
    pub day: NaiveDate,
    pub label: String,
}

/// "Feb 2025", "févr. 2025", "فبراير 2025" (`taawun_i18n::fmt::month`).
pub use taawun_i18n::fmt::month;

/// "Q3 2025", "T3 2025", "الربع 3 2025".
pub fn quarter(lang: Lang, year: i32, q: u32) -> String {
    let mut args = FluentArgs::new();
    // Strings, not numbers: Fluent would group the year's digits ("2,025").
    args.set("quarter", FluentValue::from(q.to_string()));
    args.set("year", FluentValue::from(year.to_string()));
    i18n::format(lang, "timeline-quarter", Some(&args))
}

/// A core period label ("2025-Q3", "2025-H2", "2025") in the reader's language.
pub fn period(lang: Lang, label: &str) -> String {
    let parsed = label
        .split_once("-Q")
        .and_then(|(y, q)| Some((y.parse().ok()?, q.parse().ok()?)));
    match parsed {
        Some((y, q)) => quarter(lang, y, q),
        None => label.to_string(),
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The axis for `from`–`to`: the range widened to whole steps, and its ticks. Months for a
/// span up to 8 months, quarters up to 3 years, years beyond.
pub fn axis(lang: Lang, from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate, Vec<Tick>) {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
    let step: u32 = if months <= 8 {
        1
    } else if months <= 36 {
        3
    } else {
        12
    };
    let start = first_of_month(from);
    let aligned = start.month0() % step;
    let start = start
        .checked_sub_months(Months::new(aligned))
        .unwrap_or(start);
    let mut ticks = Vec::new();
    let mut day = start;
    loop {
        let label = match step {
            1 => month(lang, day),
            3 => quarter(lang, day.year(), day.month0() / 3 + 1),
            _ => day.year().to_string(),
        };
        ticks.push(Tick { day, label });
        let Some(next) = day.checked_add_months(Months::new(step)) else {
            break;
        };
        day = next;
        if day > to {
            break;
        }
    }
    (start, day, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_are_named_in_each_language() {
        assert_eq!(month(Lang::En, d(2025, 2, 17)), "Feb 2025");
        assert!(month(Lang::Fr, d(2025, 2, 1)).contains("févr"));
        let ar = month(Lang::Ar, d(2025, 2, 1));
        assert!(ar.contains("فبراير"), "{ar}");
    }

    #[test]
    fn the_step_follows_the_span() {
        let (s, e, t) = axis(Lang::En, d(2025, 2, 17), d(2025, 6, 3));
        assert_eq!((s, e, t.len()), (d(2025, 2, 1), d(2025, 7, 1), 5));
        let (s, e, t) = axis(Lang::En, d(2025, 2, 17), d(2026, 12, 1));
        assert_eq!((s, e), (d(2025, 1, 1), d(2027, 1, 1)));
        assert_eq!(t[0].label, "Q1 2025");
        assert_eq!(t.len(), 8);
        let (_, _, t) = axis(Lang::En, d(2020, 5, 1), d(2026, 1, 1));
        assert_eq!(t[0].label, "2020");
    }

    #[test]
    fn core_periods_are_localized() {
        assert_eq!(period(Lang::En, "2025-Q3"), "Q3 2025");
        assert_eq!(period(Lang::En, "2025"), "2025");
    }
}
