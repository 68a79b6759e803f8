//! The two moves in the minutes' life. Both return the session to save; whether the move
//! is allowed (a draft to adopt, an adopted text to revise) is `check_minutes`'s to say
//! when the store saves it, so a stale form or a second click gets the rule's message.

use chrono::NaiveDate;
use taawun_core::Session;
use taawun_core::minutes::{AdoptedMinutes, MinutesStatus};

use super::Drawn;

/// The version being drafted, adopted: its text as drawn now is kept with its hash and
/// the records it came from.
pub fn adopt(s: &Session, drawn: Drawn, on: NaiveDate, by: &str) -> Session {
    let mut next = s.clone();
    let m = &mut next.minutes;
    m.adopted.push(AdoptedMinutes {
        version: m.version,
        adopted_on: on,
        adopted_by: by.to_string(),
        sha256: drawn.text.sha256(),
        text: drawn.text,
        sources: drawn.sources,
    });
    m.status = MinutesStatus::Adopted;
    next
}

/// A new draft after an adopted version: the session may change again; what was adopted
/// stays as it was signed.
pub fn revise(s: &Session) -> Session {
    let mut next = s.clone();
    next.minutes.status = MinutesStatus::Draft;
    next.minutes.version += 1;
    next
}
