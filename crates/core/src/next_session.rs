//! Which session comes next in a commission: its ordinal and the party that hosts it.
//! Sessions are numbered 1st, 2nd… without reuse, and they alternate between the parties'
//! capitals. Pure rules over the sessions already held; `app::next_session` builds the
//! proposal from them.

use crate::{Id, Session};
use chrono::NaiveDate;

/// What the rules need of a session already held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub ordinal: u32,
    pub start_on: NaiveDate,
    pub host_party_id: Id,
}

impl From<&Session> for Held {
    fn from(s: &Session) -> Self {
        Held {
            ordinal: s.ordinal,
            start_on: s.start_on,
            host_party_id: s.host_party_id,
        }
    }
}

/// The next ordinal: one more than the highest held (a gap left by a deleted or hidden
/// session is not filled, so a number never means two sessions); 1 for the first.
pub fn next_ordinal(held: &[Held]) -> u32 {
    held.iter().map(|h| h.ordinal).max().unwrap_or(0) + 1
}

/// The next host: a party of the commission other than the host of the latest session
/// (the latest start, then the highest ordinal). When every party hosted it (a commission
/// of one party), the same host again; with nothing held, the commission's first party;
/// `None` only for a commission with no parties and no sessions.
pub fn next_host(parties: &[Id], held: &[Held]) -> Option<Id> {
    let last = held
        .iter()
        .max_by_key(|h| (h.start_on, h.ordinal))
        .map(|h| h.host_party_id);
    parties
        .iter()
        .copied()
        .find(|p| Some(*p) != last)
        .or(last)
        .or(parties.first().copied())
}
