//! The rules every record must satisfy before it is written. Each rule that fails yields a
//! `RuleError` naming the field and what is wrong, as data; its sentences in Arabic, French
//! and English are in the catalogues of `taawun-i18n`.
//! Rules that need other records (a session needs its commission) take them as arguments:
//! the store loads them inside the write transaction, so checks and write see the same data.

mod checks;

pub use checks::*;

use crate::{ItemStatus, Lifecycle};
use std::fmt;

/// What went wrong, independent of language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A localized text needs at least one language.
    Required,
    /// Text longer than the field allows.
    TooLong {
        max: usize,
    },
    /// Text shorter than the field needs (passwords).
    TooShort {
        min: usize,
    },
    /// An end date before its start date.
    EndBeforeStart,
    /// A due date before the start date.
    DueBeforeStart,
    /// A date that must follow another one (in force after signature…).
    DateBefore {
        other: &'static str,
    },
    /// The date a status needs is missing.
    DateMissing,
    PercentOutOfRange,
    /// The number must be 1 or more.
    NotPositive,
    /// Ordinal already used by another session of this commission.
    OrdinalTaken,
    /// A number (clause, decision) used twice.
    Duplicate,
    /// Fewer than two distinct parties.
    TooFewParties,
    /// A delegation member who belongs to another party than the delegation.
    MemberOfOtherParty,
    /// A party that is not one of the commission's.
    PartyNotInCommission,
    /// A lead organisation that does not belong to the party it leads for, or a party
    /// outside the plan's commission.
    LeadNotOfPlanParty,
    /// Two lead bodies (or co-chairs) for the same side.
    DuplicateSide,
    /// A party of the plan has no lead body: every item is led on each side.
    MissingSide,
    /// More than one head for a delegation.
    TwoHeads,
    /// Organisation of another party than expected.
    OrganisationOfOtherParty,
    /// ISO 3166 code missing or malformed.
    BadIsoCode,
    LifecycleTransition {
        from: Lifecycle,
        to: Lifecycle,
    },
    StatusTransition {
        from: ItemStatus,
        to: ItemStatus,
    },
    /// The reporting party does not lead the item.
    NotALeadParty,
    /// A value that only goes with the cancelled status (the reason for cancelling).
    OnlyWhenCancelled,
    /// A side reported the item cancelled: cancelling is the secretariat's decision.
    CancelledBySecretariat,
    /// A reference to a record that does not exist.
    Unknown,
    /// A change to adopted minutes: their versions are kept as signed, and the session they
    /// were made from changes only in a new version.
    MinutesAdopted,
    /// Minutes marked adopted without the scan of the originals both heads signed.
    MinutesScanMissing,
    /// A head of delegation's adoption that does not fit the minutes: for another session,
    /// for a version not adopted or with another hash, or a second one for a version.
    MinutesAdoption,
    /// A local change to a record a partner instance originated, beyond this side's own part.
    PartnersRecord,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Path of the field in the record, e.g. `end_on` or `delegations.0.members.1.person_id`.
    pub field: String,
    pub rule: Rule,
}

impl RuleError {
    pub fn new(field: impl Into<String>, rule: Rule) -> Self {
        RuleError {
            field: field.into(),
            rule,
        }
    }
}

/// All the rule errors of one record; empty means the record may be written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl RuleErrors {
    pub fn push(&mut self, field: impl Into<String>, rule: Rule) {
        self.0.push(RuleError::new(field, rule));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn into_result(self) -> Result<(), RuleErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
    /// Whether some error concerns this field.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }
}

/// For logs and wrapped errors: each field path and its rule, e.g. `end_on: EndBeforeStart`.
/// Readers get sentences from `taawun-i18n` (`RuleErrors::message(lang)` there).
impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {:?}", e.field, e.rule))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for RuleErrors {}

/// Lifecycle moves an agreement may make; staying put is always allowed.
pub fn lifecycle_allows(from: Lifecycle, to: Lifecycle) -> bool {
    use Lifecycle::*;
    from == to
        || matches!(
            (from, to),
            (Draft, Signed)
                | (Signed, InForce)
                | (Signed, Terminated)
                | (Signed, Superseded)
                | (InForce, Expired)
                | (InForce, Terminated)
                | (InForce, Superseded)
        )
}

/// Status moves an action item may make; staying put is always allowed. The joint status
/// follows the sides' reports (`followup::joint_status`), so it may move freely among
/// planned, in progress, on hold and done. The secretariat cancels an open item; a done
/// item is not cancelled, and cancelled is final.
pub fn status_allows(from: ItemStatus, to: ItemStatus) -> bool {
    use ItemStatus::*;
    match (from, to) {
        _ if from == to => true,
        (Cancelled, _) => false,
        (Done, Cancelled) => false,
        _ => true,
    }
}
