//! Joint commissions and their numbered sessions: delegations, agenda, decisions,
//! statements and side events.

use crate::{id::Id, text::LocalizedText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commission {
    pub id: Id,
    pub name: LocalizedText,
    pub party_ids: Vec<Id>,
    /// The co-chairs, one per party.
    pub co_chair_ids: Vec<Id>,
    pub established_on: Option<NaiveDate>,
    pub mandate: LocalizedText,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

/// One numbered meeting of a commission, as one aggregate: everything recorded at the
/// session is saved and audited together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: Id,
    pub commission_id: Id,
    /// 1 for the 1st session, 2 for the 2nd…; unique within the commission.
    pub ordinal: u32,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub host_party_id: Id,
    pub place: LocalizedText,
    pub agenda: Vec<AgendaItem>,
    pub delegations: Vec<Delegation>,
    pub decisions: Vec<Decision>,
    pub statements: Vec<Statement>,
    pub side_events: Vec<SideEvent>,
    /// What the secretariat writes for the minutes, and their adopted versions.
    #[serde(default)]
    pub minutes: crate::minutes::Minutes,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: LocalizedText,
    /// Action items discussed under this point: carried over from earlier sessions when
    /// the secretariat prepares the agenda (`followup::carry_over` proposes them).
    #[serde(default)]
    pub item_ids: Vec<Id>,
    /// What the commission agreed under this point, as the minutes record it.
    #[serde(default)]
    pub conclusions: LocalizedText,
    #[serde(default)]
    pub example: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delegation {
    pub party_id: Id,
    pub members: Vec<DelegationMember>,
    /// Its head's signed adoptions of the minutes, oldest first (`crate::adoption`); left
    /// out of the JSON while there are none, so older records keep their form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adoptions: Vec<crate::adoption::Adoption>,
}

impl Delegation {
    /// Members in protocol order: head first, then by order of precedence.
    pub fn in_protocol_order(&self) -> Vec<&DelegationMember> {
        let mut m: Vec<&DelegationMember> = self.members.iter().collect();
        m.sort_by_key(|x| (x.role.rank(), x.precedence));
        m
    }

    pub fn head(&self) -> Option<&DelegationMember> {
        self.members.iter().find(|m| m.role == DelegationRole::Head)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelegationRole {
    Head,
    CoChair,
    DeputyHead,
    Member,
    Expert,
}

impl DelegationRole {
    pub const ALL: [DelegationRole; 5] = [
        DelegationRole::Head,
        DelegationRole::CoChair,
        DelegationRole::DeputyHead,
        DelegationRole::Member,
        DelegationRole::Expert,
    ];
    pub fn key(self) -> &'static str {
        match self {
            DelegationRole::Head => "head",
            DelegationRole::CoChair => "co_chair",
            DelegationRole::DeputyHead => "deputy_head",
            DelegationRole::Member => "member",
            DelegationRole::Expert => "expert",
        }
    }
    /// Protocol rank of the role; lower comes first.
    pub fn rank(self) -> u8 {
        match self {
            DelegationRole::Head => 0,
            DelegationRole::CoChair => 1,
            DelegationRole::DeputyHead => 2,
            DelegationRole::Member => 3,
            DelegationRole::Expert => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DelegationMember {
    pub person_id: Id,
    pub role: DelegationRole,
    /// Order of precedence within the role (1 first).
    pub precedence: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: Id,
    pub number: u32,
    pub text: LocalizedText,
    pub area_id: Option<Id>,
    #[serde(default)]
    pub example: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementOccasion {
    Opening,
    Closing,
}

impl StatementOccasion {
    pub fn key(self) -> &'static str {
        match self {
            StatementOccasion::Opening => "opening",
            StatementOccasion::Closing => "closing",
        }
    }
}

/// A speech at the session, summarised in our own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub person_id: Id,
    pub occasion: StatementOccasion,
    pub on: NaiveDate,
    pub summary: LocalizedText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SideEventKind {
    Visit,
    Meeting,
    Ceremony,
    Demonstration,
}

impl SideEventKind {
    pub fn key(self) -> &'static str {
        match self {
            SideEventKind::Visit => "visit",
            SideEventKind::Meeting => "meeting",
            SideEventKind::Ceremony => "ceremony",
            SideEventKind::Demonstration => "demonstration",
        }
    }
}

/// An event on the margins of the session, such as a delegation's visit to a school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideEvent {
    pub kind: SideEventKind,
    pub on: Option<NaiveDate>,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// The delegation (party) that took part, if one side only.
    pub party_id: Option<Id>,
    pub organisation_id: Option<Id>,
}
