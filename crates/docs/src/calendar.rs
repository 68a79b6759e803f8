//! Sessions and activities as an iCalendar (RFC 5545) feed that calendar clients subscribe
//! to: stable UIDs so an updated session replaces itself, all-day spans, and timed events in
//! the host country's zone.

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::{CalendarDateTime, Component, EventLike, Property};

#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub name: String,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable unique id (caller passes e.g. "session-<uuid>@taawun"), so clients update instead of duplicating.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub when: When,
    /// Last modification, UTC (DTSTAMP).
    pub stamp: chrono::DateTime<chrono::Utc>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum When {
    /// All-day span, end inclusive (written as DTEND = last day + 1, VALUE=DATE).
    Days { first: NaiveDate, last: NaiveDate },
    /// Timed event in an IANA zone, e.g. "Africa/Bamako" (written with TZID and a VTIMEZONE
    /// component for that zone; a zone outside `ZONES` is written in UTC instead).
    Timed {
        start: NaiveDateTime,
        end: NaiveDateTime,
        tzid: String,
    },
}

/// A zone this crate can describe in a VTIMEZONE: IANA name, UTC offset, abbreviation.
/// Only zones without daylight saving, so one STANDARD rule is the whole truth.
/// Africa/Casablanca is kept at UTC+1 all year: Morocco's switch to UTC+0 during Ramadan is
/// not modelled, so times there during Ramadan read one hour off.
const ZONES: &[(&str, &str, &str)] = &[
    ("Africa/Abidjan", "+0000", "GMT"),
    ("Africa/Algiers", "+0100", "CET"),
    ("Africa/Bamako", "+0000", "GMT"),
    ("Africa/Casablanca", "+0100", "+01"),
    ("Africa/Dakar", "+0000", "GMT"),
    ("Africa/Niamey", "+0100", "WAT"),
    ("Africa/Nouakchott", "+0000", "GMT"),
    ("Africa/Ouagadougou", "+0000", "GMT"),
    ("Africa/Tunis", "+0100", "CET"),
];

fn zone(tzid: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    ZONES.iter().find(|(name, _, _)| *name == tzid)
}

/// The calendar as an .ics text: CRLF line ends, lines folded at 75 octets on character
/// boundaries, text escaped (all by the `icalendar` crate), plus our VTIMEZONE components.
pub fn ics(c: &Calendar) -> String {
    let mut cal = icalendar::Calendar::empty();
    cal.append_property(Property::new("PRODID", "-//Taawun//Joint commissions//EN"))
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&clean(&c.name));

    let mut zones_used: Vec<&str> = Vec::new();
    for e in &c.events {
        let mut event = icalendar::Event::new();
        event
            .uid(&clean(&e.uid))
            .summary(&clean(&e.summary))
            .timestamp(e.stamp);
        if !e.description.trim().is_empty() {
            event.description(&clean(&e.description));
        }
        if !e.location.trim().is_empty() {
            event.location(&clean(&e.location));
        }
        if let Some(url) = e.url.as_deref().filter(|u| !u.trim().is_empty()) {
            event.url(&clean(url));
        }
        match &e.when {
            When::Days { first, last } => {
                // DTEND is exclusive in iCalendar; ours is the last day of the span.
                let last = (*last).max(*first);
                let end = last.succ_opt().unwrap_or(last);
                event.starts(*first).ends(end);
            }
            When::Timed { start, end, tzid } => match zone(tzid) {
                Some((name, _, _)) => {
                    if !zones_used.contains(name) {
                        zones_used.push(name);
                    }
                    let at = |date_time: NaiveDateTime| CalendarDateTime::WithTimezone {
                        date_time,
                        tzid: name.to_string(),
                    };
                    event.starts(at(*start)).ends(at(*end));
                }
                // Without a VTIMEZONE a TZID is a guess for clients; UTC is at least defined.
                None => {
                    event.starts(start.and_utc()).ends(end.and_utc());
                }
            },
        }
        cal.push(event.done());
    }

    let mut out = cal.to_string();
    if !zones_used.is_empty() {
        // The crate has no public VTIMEZONE builder; RFC 5545 wants them before the events
        // that use them, so they go in front of the first VEVENT.
        let timezones: String = zones_used
            .iter()
            .filter_map(|z| zone(z))
            .map(vtimezone)
            .collect();
        let at = out.find("BEGIN:VEVENT\r\n").unwrap_or(out.len());
        out.insert_str(at, &timezones);
    }
    out
}

/// One fixed-offset zone: a single STANDARD rule since 1970.
fn vtimezone((name, offset, abbreviation): &(&str, &str, &str)) -> String {
    [
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{name}"),
        "BEGIN:STANDARD".to_string(),
        "DTSTART:19700101T000000".to_string(),
        format!("TZOFFSETFROM:{offset}"),
        format!("TZOFFSETTO:{offset}"),
        format!("TZNAME:{abbreviation}"),
        "END:STANDARD".to_string(),
        "END:VTIMEZONE".to_string(),
    ]
    .iter()
    .map(|line| format!("{line}\r\n"))
    .collect()
}

/// Text the crate can escape safely: it escapes `\n` but not a bare `\r`, and other control
/// characters are not allowed in iCalendar text at all.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_newlines_and_drops_other_controls() {
        assert_eq!(clean("a\r\nb\rc\u{7}d\te"), "a\nb\ncd\te");
    }

    #[test]
    fn every_zone_is_a_fixed_offset() {
        for (name, offset, _) in ZONES {
            assert!(name.contains('/'), "{name}");
            assert!(matches!(*offset, "+0000" | "+0100"), "{name} {offset}");
        }
        assert!(
            zone("Europe/Paris").is_none(),
            "zones with DST are not in the table"
        );
    }
}
