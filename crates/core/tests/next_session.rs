//! The next session's rules, as tables: the ordinal follows the highest held (gaps are not
//! filled), and the host alternates away from the latest session's host, whatever order
//! the sessions are listed in.

mod common;

use common::*;
use taawun_core::next_session::{Held, next_host, next_ordinal};
use taawun_core::{Id, Session};

/// A case: why, the commission's parties, the sessions held, the expected host.
type HostCase = (&'static str, &'static [Id], Vec<Held>, Option<Id>);

fn held(ordinal: u32, start: (i32, u32, u32), host: Id) -> Held {
    Held {
        ordinal,
        start_on: day(start.0, start.1, start.2),
        host_party_id: host,
    }
}

#[test]
fn the_ordinal_follows_the_highest_held() {
    let cases: [(&str, Vec<Held>, u32); 4] = [
        ("none held: the 1st", vec![], 1),
        ("one held", vec![held(1, (2025, 2, 17), PARTY_B)], 2),
        (
            "listed in any order",
            vec![
                held(2, (2026, 3, 1), PARTY_A),
                held(3, (2027, 3, 1), PARTY_B),
                held(1, (2025, 2, 17), PARTY_B),
            ],
            4,
        ),
        (
            "a gap stays a gap",
            vec![
                held(1, (2025, 2, 17), PARTY_B),
                held(5, (2026, 3, 1), PARTY_A),
            ],
            6,
        ),
    ];
    for (why, h, want) in cases {
        assert_eq!(next_ordinal(&h), want, "{why}");
    }
}

#[test]
fn the_host_alternates_away_from_the_latest_host() {
    const BOTH: &[Id] = &[PARTY_A, PARTY_B];
    let cases: [HostCase; 7] = [
        ("none held: the first party", BOTH, vec![], Some(PARTY_A)),
        (
            "after B, A",
            BOTH,
            vec![held(1, (2025, 2, 17), PARTY_B)],
            Some(PARTY_A),
        ),
        (
            "after A, B",
            BOTH,
            vec![held(1, (2025, 2, 17), PARTY_A)],
            Some(PARTY_B),
        ),
        (
            "the latest by date decides, not the list's order",
            BOTH,
            vec![
                held(1, (2025, 2, 17), PARTY_B),
                held(2, (2026, 2, 17), PARTY_A),
            ],
            Some(PARTY_B),
        ),
        (
            "on the same day, the higher ordinal is the latest",
            BOTH,
            vec![
                held(3, (2026, 2, 17), PARTY_B),
                held(2, (2026, 2, 17), PARTY_A),
            ],
            Some(PARTY_A),
        ),
        (
            "a one-party commission hosts again",
            &[PARTY_A],
            vec![held(1, (2025, 2, 17), PARTY_A)],
            Some(PARTY_A),
        ),
        ("no parties, nothing held: nobody", &[], vec![], None),
    ];
    for (why, parties, h, want) in cases {
        assert_eq!(next_host(parties, &h), want, "{why}");
    }
}

#[test]
fn a_session_gives_what_the_rules_read() {
    let s: Session = session();
    let h = Held::from(&s);
    assert_eq!(
        (h.ordinal, h.start_on, h.host_party_id),
        (s.ordinal, s.start_on, s.host_party_id)
    );
}
