//! Agreements (MoU, agreement, protocol, roadmap, convention), their lifecycle and clauses.

use crate::{id::Id, text::LocalizedText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    Mou,
    Agreement,
    Protocol,
    Roadmap,
    Convention,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 5] = [
        AgreementKind::Mou,
        AgreementKind::Agreement,
        AgreementKind::Protocol,
        AgreementKind::Roadmap,
        AgreementKind::Convention,
    ];
    pub fn key(self) -> &'static str {
        match self {
            AgreementKind::Mou => "mou",
            AgreementKind::Agreement => "agreement",
            AgreementKind::Protocol => "protocol",
            AgreementKind::Roadmap => "roadmap",
            AgreementKind::Convention => "convention",
        }
    }
}

/// Where an agreement stands: draft → signed → in force → expired / terminated / superseded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Draft,
    Signed,
    InForce,
    Expired,
    Terminated,
    Superseded,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 6] = [
        Lifecycle::Draft,
        Lifecycle::Signed,
        Lifecycle::InForce,
        Lifecycle::Expired,
        Lifecycle::Terminated,
        Lifecycle::Superseded,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Lifecycle::Draft => "draft",
            Lifecycle::Signed => "signed",
            Lifecycle::InForce => "in_force",
            Lifecycle::Expired => "expired",
            Lifecycle::Terminated => "terminated",
            Lifecycle::Superseded => "superseded",
        }
    }
    /// Whether the agreement has ended (no longer produces obligations).
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            Lifecycle::Expired | Lifecycle::Terminated | Lifecycle::Superseded
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: Id,
    pub kind: AgreementKind,
    /// Reference number given by the parties' registries, if any.
    pub reference: Option<String>,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub party_ids: Vec<Id>,
    pub status: Lifecycle,
    pub signed_on: Option<NaiveDate>,
    pub signed_place: LocalizedText,
    /// People who signed, one or more per party.
    pub signatory_ids: Vec<Id>,
    /// The joint commission that follows the agreement up, if any; its secretariat edits it.
    #[serde(default)]
    pub commission_id: Option<Id>,
    /// The session at which it was signed, when signed at a commission session.
    pub session_id: Option<Id>,
    pub in_force_on: Option<NaiveDate>,
    /// Date it expired, was terminated or was superseded.
    pub ended_on: Option<NaiveDate>,
    /// Initial duration; `None` for open-ended agreements.
    pub duration_months: Option<u32>,
    /// Renewal terms (tacit renewal, notice period…).
    pub renewal_terms: LocalizedText,
    /// Months before expiry by which a party must give notice (of non-renewal or
    /// denunciation); the reminder of `followup::agreement_deadlines` falls then.
    #[serde(default)]
    pub notice_months: Option<u32>,
    pub links: Vec<AgreementLink>,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Amends,
    Supersedes,
    Implements,
}

impl LinkKind {
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Amends => "amends",
            LinkKind::Supersedes => "supersedes",
            LinkKind::Implements => "implements",
        }
    }
}

/// This agreement amends / supersedes / implements `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementLink {
    pub kind: LinkKind,
    pub target_id: Id,
}

/// A numbered article of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    pub id: Id,
    pub agreement_id: Id,
    pub number: u32,
    pub heading: LocalizedText,
    pub text: LocalizedText,
    pub area_ids: Vec<Id>,
    /// Invented for demonstration, not taken from a source.
    #[serde(default)]
    pub example: bool,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}
