//! Action plans, their items with a lead body on each side, progress updates, activities
//! and the taxonomy of areas of cooperation.

use crate::{id::Id, text::LocalizedText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An area of cooperation (military training, exchange of expertise…); extensible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: Id,
    /// Stable short code used in imports and URLs ("training").
    pub code: String,
    pub name: LocalizedText,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

/// A joint action plan, implementing an agreement and/or a session's decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionPlan {
    pub id: Id,
    pub commission_id: Id,
    pub agreement_id: Option<Id>,
    pub session_id: Option<Id>,
    pub title: LocalizedText,
    pub start_on: Option<NaiveDate>,
    pub end_on: Option<NaiveDate>,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Planned,
    InProgress,
    OnHold,
    Done,
    Cancelled,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 5] = [
        ItemStatus::Planned,
        ItemStatus::InProgress,
        ItemStatus::OnHold,
        ItemStatus::Done,
        ItemStatus::Cancelled,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ItemStatus::Planned => "planned",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::OnHold => "on_hold",
            ItemStatus::Done => "done",
            ItemStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
    /// Open items still call for work and are carried over to the next session.
    pub fn is_open(self) -> bool {
        !matches!(self, ItemStatus::Done | ItemStatus::Cancelled)
    }
}

/// The body that leads an item on one party's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    pub party_id: Id,
    pub organisation_id: Id,
}

/// Which way an indicator improves: more trained officers is better, fewer incidents too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];
    pub fn key(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        }
    }
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub name: LocalizedText,
    pub unit: LocalizedText,
    pub baseline: f64,
    pub target: f64,
    /// Indicators recorded before directions existed counted upwards.
    #[serde(default)]
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: Id,
    pub plan_id: Id,
    /// Position in the plan as printed ("1.2").
    pub code: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub area_id: Id,
    pub clause_ids: Vec<Id>,
    /// One lead body per party of the plan's commission.
    pub leads: Vec<Lead>,
    pub start_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    /// The joint status. The store derives it from both sides' latest reports on every save
    /// (`followup::joint_status`); only `Cancelled` is set by hand, by the secretariat.
    pub status: ItemStatus,
    /// Why the secretariat cancelled the item; required with `Cancelled`, only with it.
    #[serde(default)]
    pub cancel_reason: LocalizedText,
    pub indicator: Option<Indicator>,
    #[serde(default)]
    pub example: bool,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressUpdate {
    pub id: Id,
    pub item_id: Id,
    pub reported_on: NaiveDate,
    /// The party whose side reports.
    pub party_id: Id,
    pub percent: u8,
    pub status: ItemStatus,
    pub narrative: LocalizedText,
    /// Indicator value measured at this date, if any.
    pub indicator_actual: Option<f64>,
    /// Who reported it: the name of the account that recorded it, as it read then (a
    /// report is signed by a person, not only a party). `None` for reports recorded before
    /// this was kept, imported or generated ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    #[serde(default)]
    pub example: bool,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Course,
    ExpertExchange,
    Visit,
    Exercise,
    Conference,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Course,
        ActivityKind::ExpertExchange,
        ActivityKind::Visit,
        ActivityKind::Exercise,
        ActivityKind::Conference,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Course => "course",
            ActivityKind::ExpertExchange => "expert_exchange",
            ActivityKind::Visit => "visit",
            ActivityKind::Exercise => "exercise",
            ActivityKind::Conference => "conference",
        }
    }
}

/// How many people of a party take part in an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub party_id: Id,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Id,
    pub kind: ActivityKind,
    pub title: LocalizedText,
    pub item_id: Option<Id>,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub host_party_id: Id,
    pub host_organisation_id: Option<Id>,
    pub place: LocalizedText,
    pub participants: Vec<Participation>,
    #[serde(default)]
    pub example: bool,
    /// Classification marking and releasability.
    #[serde(default)]
    pub protection: crate::access::Protection,
    #[serde(default)]
    pub version: i64,
}
