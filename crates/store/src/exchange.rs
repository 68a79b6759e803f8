//! What the store keeps of the exchange with partner instances (issue 16): the partners an
//! administrator registered, the log of every bundle and receipt sent or received, the
//! instance each received record came from, and what was last sent of each record. The
//! cryptography and the bundle format are `app::exchange`'s; the store only keeps rows and
//! applies a verified bundle's records through the one write path.

use crate::Write;
use chrono::{DateTime, Utc};
use taawun_core::{Id, Marking, RecordKind};

/// A partner instance, as registered from its card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub instance_id: Id,
    /// The local party the partner speaks for.
    pub party_id: Id,
    pub name: String,
    /// Raw public keys, base64url without padding: Ed25519 (signatures) and X25519 (what
    /// is encrypted to it).
    pub sign_key: String,
    pub receive_key: String,
    /// The card's fingerprint, compared out of band before registration.
    pub fingerprint: String,
    pub url: Option<String>,
    /// The commissions shared with the partner.
    pub commissions: Vec<Id>,
    /// The highest marking agreed for the exchange.
    pub clearance: Marking,
    pub revoked_at: Option<DateTime<Utc>>,
    pub registered_at: DateTime<Utc>,
    /// The card as registered (JSON), kept so that the log can be checked again later.
    pub card: String,
    /// The signing key (and its card's fingerprint) the partner used before announcing its
    /// current one: still accepted until the partner's first bundle signed by the new one.
    pub previous_sign_key: Option<String>,
    pub previous_fingerprint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Out,
    In,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }
    fn parse(key: &str) -> Option<Direction> {
        [Direction::Out, Direction::In]
            .into_iter()
            .find(|d| d.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Bundle,
    Receipt,
}

impl LogKind {
    pub fn key(self) -> &'static str {
        match self {
            LogKind::Bundle => "bundle",
            LogKind::Receipt => "receipt",
        }
    }
    fn parse(key: &str) -> Option<LogKind> {
        [LogKind::Bundle, LogKind::Receipt]
            .into_iter()
            .find(|d| d.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    Applied,
    Refused,
    /// A sent bundle whose signed receipt came back.
    Acknowledged,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Applied => "applied",
            Outcome::Refused => "refused",
            Outcome::Acknowledged => "acknowledged",
        }
    }
    fn parse(key: &str) -> Option<Outcome> {
        [
            Outcome::Sent,
            Outcome::Applied,
            Outcome::Refused,
            Outcome::Acknowledged,
        ]
        .into_iter()
        .find(|d| d.key() == key)
    }
}

/// One bundle or receipt in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    pub id: Id,
    pub partner: Id,
    pub direction: Direction,
    pub kind: LogKind,
    /// A bundle's place in its direction's chain; `None` for receipts and for a refused
    /// bundle whose content could not be read.
    pub seq: Option<i64>,
    /// SHA-256 (hex) of the signed payload, or of the file when it could not be opened.
    pub hash: String,
    pub prev: Option<String>,
    pub created_at: DateTime<Utc>,
    pub logged_at: DateTime<Utc>,
    pub outcome: Outcome,
    /// Fingerprint of the key that signed it.
    pub key: Option<String>,
    pub entries: i64,
    pub detail: Option<String>,
}

/// A record a verified bundle carries, ready for the write path: `write` holds it with
/// the partner's ids already replaced by the local ones they were matched to.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub kind: RecordKind,
    pub id: Id,
    /// The record's version at its origin.
    pub origin_version: i64,
    pub write: Write,
}

/// What `Store::exchange_apply` is asked to do with one verified bundle.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// The log row to write (outcome `Applied`): its seq and prev must continue the
    /// partner's inbound chain, which the store checks again inside the transaction.
    pub log: LogRow,
    pub records: Vec<Incoming>,
    /// Records of the partner this instance holds under its own ids (kind, theirs, ours),
    /// kept so that later bundles naming them are read the same way.
    pub matches: Vec<(RecordKind, Id, Id)>,
    /// The partner's registry records (kind, theirs, ours) that look like local ones, for
    /// a secretariat user to confirm or decline: recorded, never merged on their own.
    pub candidates: Vec<(RecordKind, Id, Id)>,
    /// The partner's changes to its own part of records of ours.
    pub parts: Vec<PartChange>,
    /// The partner's requests for news of this side of items.
    pub asks: Vec<Ask>,
    /// This instance's party: its own part of a partner's record, changed here and not
    /// yet sent, is kept when the partner's new version of the record arrives.
    pub own_party: Id,
    /// Records the partner asked to hide (reclassified after they were sent): removed
    /// from the origin binding's reach by marking them withdrawn.
    pub withdrawn: Vec<Id>,
    /// The partner's secretariat's decisions on this side's part of the partner's records
    /// (conflicts resolved its way): each applied where this side's part is still the one
    /// that clashed.
    pub resolutions: Vec<Resolution>,
    /// Files attached to the partner's records, each with its content (fetched as a blob
    /// named by its SHA-256 and checked against it).
    pub files: Vec<(taawun_core::attachment::Attachment, Vec<u8>)>,
}

/// A conflict on this side's part of a partner's record, resolved by the partner's
/// secretariat in favour of the partner's version (`part`), over this side's (`over`).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub kind: RecordKind,
    pub id: Id,
    pub part: taawun_core::exchange::Part,
    pub over: taawun_core::exchange::Part,
}

/// Why the store refused to apply a bundle; nothing of it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// The bundle does not continue the inbound chain: `expected` is the next seq.
    OutOfOrder { expected: i64, got: i64 },
    /// The bundle's `prev` is not the hash of the last bundle applied.
    BrokenChain,
    /// A record held here that another instance (or this one) originated.
    NotItsRecord { id: Id },
    /// A record above the clearance agreed with the partner.
    AboveClearance { id: Id },
}

pub(crate) fn parse_direction(text: &str) -> Option<Direction> {
    Direction::parse(text)
}
pub(crate) fn parse_kind(text: &str) -> Option<LogKind> {
    LogKind::parse(text)
}
pub(crate) fn parse_outcome(text: &str) -> Option<Outcome> {
    Outcome::parse(text)
}

/// A partner's registry record that may be one this instance holds (see `Arrival`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub partner: Id,
    pub kind: RecordKind,
    pub theirs: Id,
    pub ours: Id,
    pub state: String,
    pub found_at: DateTime<Utc>,
}

/// A partner's change to its own part of a record of ours (`core::exchange::Part`).
#[derive(Debug, Clone)]
pub struct PartChange {
    pub kind: RecordKind,
    pub id: Id,
    pub part: taawun_core::exchange::Part,
}

/// A partner's change that met one of ours (see `PartChange`), with both versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: Id,
    pub partner: Id,
    pub kind: RecordKind,
    pub record_id: Id,
    pub base: Option<taawun_core::exchange::Part>,
    pub ours: taawun_core::exchange::Part,
    pub theirs: taawun_core::exchange::Part,
    pub state: String,
    pub found_at: DateTime<Utc>,
}

/// A request for news of an item's side, sent to or received from the partner whose party
/// leads that side (see `app::ask`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub id: Id,
    pub partner: Id,
    pub direction: Direction,
    pub item_id: Id,
    pub party_id: Id,
    pub asked_by: String,
    pub asked_on: chrono::NaiveDate,
    pub seq: Option<i64>,
    pub answered_at: Option<DateTime<Utc>>,
}
