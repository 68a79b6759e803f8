//! A head of delegation's adoption of the minutes on their own party's instance (issue 16,
//! "minutes adopted by both parties"). Paper originals stay what the heads sign at the
//! table; this is the statement each side's instance signs afterwards, naming the version,
//! the SHA-256 of its canonical text (RFC 8785), the person and the time. It lives in the
//! party's delegation on the session, so it is that party's part of the record: it travels
//! to the partner with the delegation, and only its own side may add it.
//!
//! What the store checks (`check_adoptions`): an adoption is never changed or removed; it
//! names this session and a version that was adopted, with that version's hash; once per
//! version and delegation. Who may adopt (the head, signed in as themselves with a second
//! factor, on their party's instance) and whether the signature is the delegation's party's
//! are checked where the keys are (`taawun_app::exchange::adoption`): the party and person
//! ids in a statement are the signing instance's, which a receiving instance maps to its own.

use crate::rules::{Rule, RuleErrors};
use crate::{Id, Session};
use serde::{Deserialize, Serialize};

/// The statement's format tag; a reader refuses a statement of another format.
pub const ADOPTION_FORMAT: &str = "taawun-adoption/1";

/// What the instance signs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptionStatement {
    pub format: String,
    /// The instance that signed, and the party it speaks for.
    pub instance: Id,
    pub party: Id,
    pub session: Id,
    /// The adopted version of the minutes, and the hex SHA-256 of its canonical text.
    pub version: u32,
    pub sha256: String,
    /// The head of delegation who adopted, and their name as the registry held it then.
    pub person: Id,
    pub name_latin: String,
    pub name_ar: String,
    /// The account they were signed in with (with a second factor).
    pub user: String,
    /// RFC 3339, UTC, to the second.
    pub at: String,
}

impl AdoptionStatement {
    /// The bytes signed: the statement's RFC 8785 JSON.
    pub fn canonical_json(&self) -> String {
        // Strings, numbers and ids always serialize.
        serde_jcs::to_string(self).unwrap_or_default()
    }
}

/// A signed statement, as kept in the delegation and printed on the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    pub statement: AdoptionStatement,
    /// The signing instance's Ed25519 public key, base64url without padding.
    pub key: String,
    /// That instance's card fingerprint when it signed (what partners compared).
    pub fingerprint: String,
    /// Ed25519 over `statement.canonical_json()`, base64url without padding.
    pub signature: String,
}

/// The adoptions' rules on a session save, given the stored session (`None` on creation).
pub fn check_adoptions(new: &Session, previous: Option<&Session>, e: &mut RuleErrors) {
    let old_of = |party: Id| {
        previous
            .and_then(|p| p.delegations.iter().find(|d| d.party_id == party))
            .map_or(&[][..], |d| &d.adoptions[..])
    };
    for (n, d) in new.delegations.iter().enumerate() {
        let old = old_of(d.party_id);
        let field = format!("delegations.{n}.adoptions");
        if d.adoptions.len() < old.len() || d.adoptions[..old.len()] != *old {
            e.push(&field, Rule::MinutesAdopted);
            continue;
        }
        for (i, a) in d.adoptions.iter().enumerate().skip(old.len()) {
            let st = &a.statement;
            let version_ok = new
                .minutes
                .adopted_version(st.version)
                .is_some_and(|v| v.sha256 == st.sha256);
            let first = !d.adoptions[..i]
                .iter()
                .any(|b| b.statement.version == st.version);
            if st.format != ADOPTION_FORMAT || st.session != new.id || !version_ok || !first {
                e.push(&field, Rule::MinutesAdoption);
            }
        }
    }
    // A delegation that held adoptions cannot go away with them.
    if let Some(p) = previous {
        for d in p.delegations.iter().filter(|d| !d.adoptions.is_empty()) {
            if !new.delegations.iter().any(|x| x.party_id == d.party_id) {
                e.push("delegations", Rule::MinutesAdopted);
            }
        }
    }
}
