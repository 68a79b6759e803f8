//! The .ics feed parsed back by Python's `icalendar`, and checked line by line against
//! RFC 5545's framing rules.
mod python;

use chrono::{NaiveDate, TimeZone, Utc};
use python::python;
use taawun_docs::{Calendar, Event, When, ics};

const SESSION_AR: &str = "الدورة الأولى للجنة العسكرية المشتركة المغربية المالية في باماكو";
const SESSION_FR: &str =
    "1re session de la Commission militaire mixte maroco-malienne, Bamako; suite";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn feed() -> Calendar {
    let stamp = Utc.with_ymd_and_hms(2025, 1, 10, 8, 30, 0).unwrap();
    Calendar {
        name: "Taawun — اللجنة المشتركة".into(),
        events: vec![
            Event {
                uid: "session-0194a5c2-7f00-7000-8000-000000000001@taawun".into(),
                summary: SESSION_AR.into(),
                description: "جدول الأعمال:\n1. الافتتاح\r\n2. التدريب، والتمارين؛ \\ الختام".into(),
                location: "باماكو، مالي".into(),
                when: When::Days {
                    first: day(2025, 2, 17),
                    last: day(2025, 2, 19),
                },
                stamp,
                url: Some("https://taawun.example/sessions/1?lang=ar&x=a,b;c".into()),
            },
            Event {
                uid: "activity-0194a5c2-7f00-7000-8000-000000000002@taawun".into(),
                summary: SESSION_FR.into(),
                description: String::new(),
                location: "Bamako, Mali".into(),
                when: When::Timed {
                    start: day(2025, 2, 18).and_hms_opt(9, 30, 0).unwrap(),
                    end: day(2025, 2, 18).and_hms_opt(12, 0, 0).unwrap(),
                    tzid: "Africa/Bamako".into(),
                },
                stamp,
                url: None,
            },
            Event {
                uid: "activity-3@taawun".into(),
                summary: "Réunion préparatoire".into(),
                description: String::new(),
                location: String::new(),
                when: When::Timed {
                    start: day(2025, 3, 1).and_hms_opt(10, 0, 0).unwrap(),
                    end: day(2025, 3, 1).and_hms_opt(11, 0, 0).unwrap(),
                    tzid: "Mars/Olympus_Mons".into(),
                },
                stamp,
                url: None,
            },
        ],
    }
}

const READ_BACK: &str = r#"
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
def when(v):
    return {"type": type(v).__name__, "iso": v.isoformat(),
            "tz": None if getattr(v, "tzinfo", None) is None else str(v.tzinfo)}
print(json.dumps({
    "prodid": str(cal["PRODID"]), "version": str(cal["VERSION"]),
    "calscale": str(cal["CALSCALE"]), "method": str(cal["METHOD"]),
    "name": str(cal["X-WR-CALNAME"]),
    "timezones": [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")],
    "events": [{
        "uid": str(e["UID"]), "summary": str(e["SUMMARY"]),
        "description": str(e.get("DESCRIPTION", "")), "location": str(e.get("LOCATION", "")),
        "url": str(e.get("URL", "")),
        "start": when(e.decoded("DTSTART")), "end": when(e.decoded("DTEND")),
        "stamp": e.decoded("DTSTAMP").isoformat(),
    } for e in cal.walk("VEVENT")],
}))
"#;

#[test]
fn calendar_clients_read_every_event() {
    let got = python("icalendar", READ_BACK, ics(&feed()).as_bytes());
    assert_eq!(got["version"], "2.0");
    assert_eq!(got["calscale"], "GREGORIAN");
    assert_eq!(got["method"], "PUBLISH");
    assert!(got["prodid"].as_str().unwrap().contains("Taawun"));
    assert_eq!(got["name"], "Taawun — اللجنة المشتركة");

    let events = got["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    let uids: Vec<_> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    assert_eq!(
        uids,
        [
            "session-0194a5c2-7f00-7000-8000-000000000001@taawun",
            "activity-0194a5c2-7f00-7000-8000-000000000002@taawun",
            "activity-3@taawun"
        ]
    );
    assert_eq!(events[0]["summary"], SESSION_AR);
    assert_eq!(
        events[1]["summary"], SESSION_FR,
        "',' and ';' survive escaping"
    );
    assert_eq!(
        events[0]["description"],
        "جدول الأعمال:\n1. الافتتاح\n2. التدريب، والتمارين؛ \\ الختام"
    );
    assert_eq!(events[0]["location"], "باماكو، مالي");
    assert_eq!(
        events[0]["url"],
        "https://taawun.example/sessions/1?lang=ar&x=a,b;c"
    );
    assert_eq!(events[0]["stamp"], "2025-01-10T08:30:00+00:00");
}

#[test]
fn all_day_sessions_are_dates_with_an_exclusive_end() {
    let got = python("icalendar", READ_BACK, ics(&feed()).as_bytes());
    let session = &got["events"][0];
    assert_eq!(session["start"]["type"], "date");
    assert_eq!(session["start"]["iso"], "2025-02-17");
    assert_eq!(session["end"]["type"], "date");
    assert_eq!(
        session["end"]["iso"], "2025-02-20",
        "the 19th is the last day"
    );
}

#[test]
fn timed_events_carry_their_zone() {
    let text = ics(&feed());
    let got = python("icalendar", READ_BACK, text.as_bytes());
    assert_eq!(got["timezones"], serde_json::json!(["Africa/Bamako"]));
    let meeting = &got["events"][1];
    assert_eq!(meeting["start"]["iso"], "2025-02-18T09:30:00+00:00");
    assert_eq!(meeting["start"]["tz"], "Africa/Bamako");
    assert_eq!(meeting["end"]["iso"], "2025-02-18T12:00:00+00:00");
    // The VTIMEZONE comes before the events that refer to it.
    assert!(text.find("BEGIN:VTIMEZONE").unwrap() < text.find("BEGIN:VEVENT").unwrap());
    // An unknown zone: UTC rather than a TZID no client can resolve.
    let unknown = &got["events"][2];
    assert_eq!(unknown["start"]["iso"], "2025-03-01T10:00:00+00:00");
    assert!(!text.contains("Olympus"));
}

#[test]
fn casablanca_is_one_hour_ahead() {
    let mut c = feed();
    c.events.truncate(2);
    c.events[1].when = When::Timed {
        start: day(2025, 6, 2).and_hms_opt(9, 0, 0).unwrap(),
        end: day(2025, 6, 2).and_hms_opt(10, 0, 0).unwrap(),
        tzid: "Africa/Casablanca".into(),
    };
    let text = ics(&c);
    assert!(text.contains("TZID:Africa/Casablanca\r\n"));
    assert!(text.contains("TZOFFSETTO:+0100\r\n"));
    let got = python("icalendar", READ_BACK, text.as_bytes());
    assert_eq!(got["events"][1]["start"]["tz"], "Africa/Casablanca");
}

#[test]
fn lines_are_crlf_and_folded_at_75_octets() {
    let text = ics(&feed());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let body = text.strip_suffix("\r\n").unwrap();
    let mut folded = 0;
    for line in body.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        folded += usize::from(line.starts_with(' '));
    }
    assert!(folded >= 2, "the long Arabic and French lines were folded");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
}
