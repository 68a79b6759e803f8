//! What an envelope carries, once opened and verified: a bundle of records, or a receipt.
//! Both name their sender and receiver inside the signature, so an envelope re-addressed
//! on its way is caught even though its header is only bound as HPKE's `aad`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use taawun_core::Id;

/// The payload format this instance writes and the newest it reads.
pub const PAYLOAD_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Payload {
    Bundle(Bundle),
    Receipt(Receipt),
}

/// Record versions the partner may see and has not been sent, placed in the sender's
/// chain to this receiver: `seq` counts from 1, `prev` is the hash of bundle `seq - 1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub sender: Id,
    pub receiver: Id,
    pub seq: i64,
    pub prev: Option<String>,
    pub created: DateTime<Utc>,
    pub entries: Vec<Entry>,
    /// Part `i` of `n` when a change too large for one bundle went as `n` bundles in a row;
    /// each is applied on its own, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry {
    /// A record as the partner's reader sees it (`Visible`), at its origin's version.
    Record {
        kind: String,
        id: Id,
        version: i64,
        record: serde_json::Value,
    },
    /// A record sent earlier that the partner may no longer see (reclassified): asks the
    /// partner to hide it. It cannot be unsent.
    Withdraw { kind: String, id: Id },
    /// A request for news of the receiver's side of an item (`app::ask`): its editors are
    /// notified there; their progress report is the answer.
    Ask {
        id: Id,
        item: Id,
        party: Id,
        asked_by: String,
        asked_on: chrono::NaiveDate,
    },
    /// The sender's own part of a record the receiver originated (its delegation on a
    /// session, its lead body on an item: `core::exchange::Part`), as the sender now has it.
    Parts {
        kind: String,
        id: Id,
        part: taawun_core::exchange::Part,
    },
    /// The sender's secretariat kept its own version of the receiver's part of one of the
    /// sender's records, when both had changed it (a conflict resolved "ours"): the
    /// receiver takes `part` as its part, if its part is still `over` (the version that
    /// clashed), so both instances hold the same.
    Resolved {
        kind: String,
        id: Id,
        part: taawun_core::exchange::Part,
        over: taawun_core::exchange::Part,
    },
    /// A version of a file attached to one of the sender's records. Its content travels
    /// apart, as a blob sealed like a bundle and named by the SHA-256 given here
    /// (`outbox::blob`): carried beside the bundle file, or fetched over HTTPS.
    File {
        attachment: taawun_core::attachment::Attachment,
    },
}

/// The receiver's signed answer to one bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub format: u32,
    pub sender: Id,
    pub receiver: Id,
    pub of_seq: i64,
    /// The hash of the bundle it answers.
    pub of_hash: String,
    pub applied: bool,
    /// Why it was refused (a `Refusal` key).
    pub reason: Option<String>,
    pub created: DateTime<Utc>,
    /// The last bundle of the sender's chain the receiver applied (seq and hash): where a
    /// sender that restored a backup resumes its chain after a fork.
    #[serde(default)]
    pub last_applied: Option<(i64, String)>,
}

impl Payload {
    pub fn format(&self) -> u32 {
        match self {
            Payload::Bundle(b) => b.format,
            Payload::Receipt(r) => r.format,
        }
    }
    pub fn ends(&self) -> (Id, Id) {
        match self {
            Payload::Bundle(b) => (b.sender, b.receiver),
            Payload::Receipt(r) => (r.sender, r.receiver),
        }
    }
}

/// A payload's hash, by which the next bundle names it: SHA-256 of its bytes as signed, hex.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
