//! The audit chain, apart from any engine: how a row is hashed, what a head is, and how a
//! log is verified. Each row carries `seq` (its place, from 1), `prev_hash` (the hash of
//! row `seq - 1`, or 64 zeros for the first) and `hash`, the SHA-256 of the RFC 8785 text
//! of its content together with `seq` and `prev_hash`. Editing a row breaks its hash;
//! deleting one leaves a gap in `seq`; inserting one breaks the link of the row after it.
//! A cut tail or a consistently recomputed chain is caught only by a head saved elsewhere.
//!
//! One chain, sealed in commit order under SQLite's single write lock. Several writer
//! processes later would each keep a chain of their own (a `chain` column beside `seq`)
//! and publish a signed head joining the heads of all chains, so none waits on another.

use crate::jcs;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::fmt;

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The last sealed row of a log: its place and its hash. Written `seq:hash`; an empty log's
/// head is `0:` followed by the genesis hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    pub seq: i64,
    pub hash: String,
}

/// The query of the head: the last sealed row's place and hash, if any (the same on both
/// engines).
pub(crate) const HEAD_QUERY: &str =
    "select seq, hash from audit_log where seq > 0 order by seq desc limit 1";

impl AuditHead {
    /// The head from `HEAD_QUERY`'s row; an empty log's when there is none.
    pub(crate) fn from_last(last: Option<(i64, Option<String>)>) -> AuditHead {
        match last {
            Some((seq, hash)) => AuditHead {
                seq,
                hash: hash.unwrap_or_default(),
            },
            None => AuditHead {
                seq: 0,
                hash: GENESIS.to_string(),
            },
        }
    }
}

impl fmt::Display for AuditHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

impl std::str::FromStr for AuditHead {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "{s:?} is not an audit head: expected NUMBER:SHA256 as `taawun check` prints it"
            )
        };
        let (seq, hash) = s.trim().split_once(':').ok_or_else(bad)?;
        let seq: i64 = seq.parse().map_err(|_| bad())?;
        let hex = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        if seq < 0 || !hex {
            return Err(bad());
        }
        Ok(AuditHead {
            seq,
            hash: hash.to_ascii_lowercase(),
        })
    }
}

/// One audit row as stored, text columns as they are.
#[derive(Debug, Clone)]
pub struct ChainRow {
    pub id: String,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: String,
    pub seq: Option<i64>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

/// The columns a `ChainRow` is read from, in its order.
pub(crate) const CHAIN_COLUMNS: &str =
    "id, at, actor, action, entity, entity_id, before, after, seq, prev_hash, hash";

/// Read from either engine's row by column name: the chain is verified by the same code
/// whichever engine holds it.
impl<'r, R> sqlx::FromRow<'r, R> for ChainRow
where
    R: sqlx::Row,
    &'r str: sqlx::ColumnIndex<R>,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(ChainRow {
            id: row.try_get("id")?,
            at: row.try_get("at")?,
            actor: row.try_get("actor")?,
            action: row.try_get("action")?,
            entity: row.try_get("entity")?,
            entity_id: row.try_get("entity_id")?,
            before: row.try_get("before")?,
            after: row.try_get("after")?,
            seq: row.try_get("seq")?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
        })
    }
}

/// A stored document as a JSON value, so that an engine that re-encodes JSON hashes it the
/// same; text that is not JSON (only an out-of-band edit makes such) is hashed as a string.
fn document(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
}

/// The hash of `row` at place `seq` after `prev_hash`.
pub fn link_hash(row: &ChainRow, seq: i64, prev_hash: &str) -> String {
    let content = json!({
        "id": row.id,
        "at": row.at,
        "actor": row.actor,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "before": row.before.as_deref().map(document),
        "after": document(&row.after),
        "seq": seq,
        "prev_hash": prev_hash,
    });
    let digest = Sha256::digest(jcs::canonical(&content).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks `rows` (sealed ones in `seq` order, then unsealed ones) and, when given, a head
/// saved earlier. Returns one line per problem, the first broken row first; empty when the
/// log proves itself.
pub fn verify(rows: &[ChainRow], expect: Option<&AuditHead>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut prev = GENESIS.to_string();
    let mut next = 1;
    let mut hashes = Vec::new();
    for row in rows {
        let (Some(seq), Some(prev_hash), Some(hash)) = (row.seq, &row.prev_hash, &row.hash) else {
            problems.push(format!(
                "audit row {} (at {}) carries no seal: it was inserted out of band",
                row.id, row.at
            ));
            continue;
        };
        if seq != next {
            problems.push(format!(
                "audit row {next} is missing (the log goes on at row {seq}, {}): rows were deleted out of band",
                row.id
            ));
        } else if *prev_hash != prev {
            problems.push(format!(
                "audit row {seq} ({}) does not follow row {}: a row was inserted or deleted out of band",
                row.id,
                seq - 1
            ));
        } else if link_hash(row, seq, prev_hash) != *hash {
            problems.push(format!(
                "audit row {seq} ({}) was edited out of band: its content no longer matches its hash",
                row.id
            ));
        }
        prev = hash.clone();
        next = seq + 1;
        hashes.push((seq, hash.clone()));
    }
    if let Some(expect) = expect {
        let last = hashes.last().map_or(0, |(seq, _)| *seq);
        match hashes.iter().find(|(seq, _)| *seq == expect.seq) {
            _ if expect.seq == 0 => {}
            None if expect.seq > last => problems.push(format!(
                "the audit log ends at row {last} but the saved head is row {}: its tail was cut",
                expect.seq
            )),
            None => problems.push(format!(
                "the audit log has no row {} though the saved head names it: rows were deleted",
                expect.seq
            )),
            Some((_, hash)) if *hash != expect.hash => problems.push(format!(
                "audit row {} does not hash as the saved head says: the chain was rewritten",
                expect.seq
            )),
            Some(_) => {}
        }
    }
    problems
}
