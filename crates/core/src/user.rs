//! User accounts as the domain sees them: who they are, their party, role and clearance.
//! Secrets (password hash, second factor) are not part of this record; the store keeps them
//! apart so that they never travel with it (audit rows, exports, pages).

use crate::access::{Grant, Marking, Principal, Role};
use crate::id::Id;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: Id,
    /// Login name: lowercase letters, digits, `.`, `-`, `_`; unique.
    pub username: String,
    pub display_name: String,
    pub party_id: Id,
    pub organisation_id: Option<Id>,
    pub role: Role,
    pub clearance: Marking,
    /// Commissions whose work a secretariat user edits.
    #[serde(default)]
    pub commission_ids: Vec<Id>,
    /// A disabled account cannot log in; it is kept for the audit trail.
    pub active: bool,
    /// Whether a second factor (TOTP) is required at login.
    #[serde(default)]
    pub totp_enabled: bool,
    /// The registry person this account belongs to, if any: how a head of delegation,
    /// signed in as themselves, adopts the minutes for their party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Id>,
    /// Where reminders are e-mailed; none means in-app notifications only.
    #[serde(default)]
    pub email: Option<String>,
    /// The language of the user's e-mails; French when unset (both partner
    /// administrations work in French).
    #[serde(default)]
    pub language: Option<Lang>,
    #[serde(default)]
    pub version: i64,
}

impl User {
    /// The principal permission decisions are made for.
    pub fn principal(&self) -> Principal {
        Principal {
            user_id: Some(self.id),
            role: self.role,
            party_id: Some(self.party_id),
            clearance: self.clearance,
            commissions: self.commission_ids.clone(),
        }
    }

    /// What the account grants, for `access::decide_grant`.
    pub fn grant(&self) -> Grant {
        Grant {
            role: self.role,
            party_id: self.party_id,
            clearance: self.clearance,
            commissions: self.commission_ids.clone(),
        }
    }
}

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;
/// Longest password accepted: argon2 would take it, but nobody types more, and it bounds work.
pub const MAX_PASSWORD: usize = 1024;
