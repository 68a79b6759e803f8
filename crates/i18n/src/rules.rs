//! Rule messages: a `core` `RuleError` (a field path and what is wrong with it) worded from
//! the catalogue in the reader's language, naming the field the way the reader calls it.

use crate::catalogue::{format, message};
use crate::{FluentArgs, FluentValue};
use taawun_core::Lang;
use taawun_core::rules::{Rule, RuleError, RuleErrors};

/// Field names that have a `field-{name}` label in the catalogue: every field the rules
/// report and the forms can get wrong. Other names are shown as they are.
pub const FIELD_NAMES: [&str; 61] = [
    "minutes",
    "preamble",
    "conclusions",
    "next_session",
    "original_langs",
    "name",
    "short_name",
    "iso_code",
    "acronym",
    "parent_id",
    "label",
    "nato_code",
    "name_ar",
    "name_latin",
    "aliases",
    "function",
    "organisation_id",
    "rank_id",
    "code",
    "title",
    "summary",
    "renewal_terms",
    "party_ids",
    "party_id",
    "reference",
    "status",
    "signed_on",
    "in_force_on",
    "ended_on",
    "links",
    "text",
    "heading",
    "number",
    "mandate",
    "co_chair_ids",
    "place",
    "ordinal",
    "start_on",
    "end_on",
    "due_on",
    "host_party_id",
    "members",
    "person_id",
    "description",
    "percent",
    "narrative",
    "baseline",
    "target",
    "indicator_actual",
    "cancel_reason",
    "item_ids",
    "notice_months",
    "email",
    "direction",
    "leads",
    "display_name",
    "username",
    "password",
    "originator",
    "origin",
    "adoptions",
];

/// Label of a field for a reader. Paths such as `delegations.0.members.1.person_id` are named
/// by their last meaningful segment, with the position appended so the reader can find it.
pub fn field_label(field: &str, lang: Lang) -> String {
    let parts: Vec<&str> = field.split('.').collect();
    let name = parts
        .iter()
        .rev()
        .find(|p| p.parse::<usize>().is_err())
        .copied()
        .unwrap_or(field);
    let position = parts.iter().rev().find_map(|p| p.parse::<usize>().ok());
    // An unknown field keeps its technical name rather than vanishing from the message.
    let label = if FIELD_NAMES.contains(&name) {
        message(lang, &format!("field-{name}"))
    } else {
        name.to_string()
    };
    match position {
        Some(n) => format!("{label} ({})", n + 1),
        None => label,
    }
}

/// The catalogue key of a rule's message. Exhaustive: a new `Rule` does not compile until it
/// is given a key (and the locale test then asks for the key in every catalogue).
pub fn rule_key(rule: &Rule) -> &'static str {
    match rule {
        Rule::Required => "rule-required",
        Rule::TooLong { .. } => "rule-too-long",
        Rule::TooShort { .. } => "rule-too-short",
        Rule::EndBeforeStart => "rule-end-before-start",
        Rule::DueBeforeStart => "rule-due-before-start",
        Rule::DateBefore { .. } => "rule-date-before",
        Rule::DateMissing => "rule-date-missing",
        Rule::PercentOutOfRange => "rule-percent-out-of-range",
        Rule::NotPositive => "rule-not-positive",
        Rule::OrdinalTaken => "rule-ordinal-taken",
        Rule::Duplicate => "rule-duplicate",
        Rule::TooFewParties => "rule-too-few-parties",
        Rule::MemberOfOtherParty => "rule-member-of-other-party",
        Rule::PartyNotInCommission => "rule-party-not-in-commission",
        Rule::LeadNotOfPlanParty => "rule-lead-not-of-plan-party",
        Rule::DuplicateSide => "rule-duplicate-side",
        Rule::MissingSide => "rule-missing-side",
        Rule::TwoHeads => "rule-two-heads",
        Rule::OrganisationOfOtherParty => "rule-organisation-of-other-party",
        Rule::BadIsoCode => "rule-bad-iso-code",
        Rule::LifecycleTransition { .. } | Rule::StatusTransition { .. } => "rule-transition",
        Rule::NotALeadParty => "rule-not-a-lead-party",
        Rule::OnlyWhenCancelled => "rule-only-when-cancelled",
        Rule::CancelledBySecretariat => "rule-cancelled-by-secretariat",
        Rule::Unknown => "rule-unknown",
        Rule::MinutesAdopted => "rule-minutes-adopted",
        Rule::MinutesScanMissing => "rule-minutes-scan-missing",
        Rule::MinutesAdoption => "rule-minutes-adoption",
        Rule::PartnersRecord => "rule-partners-record",
    }
}

/// A sentence for a reader: `RuleError::message`, `RuleErrors::message`,
/// `SheetError::message`. Bring it into scope with `use taawun_i18n::Wording;`.
pub trait Wording {
    fn message(&self, lang: Lang) -> String;
}

impl Wording for RuleError {
    /// The message for a reader, naming the field in the reader's language.
    fn message(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        args.set("field", field_label(&self.field, lang));
        match &self.rule {
            // Numbers, so the catalogue picks the plural form (Fluent writes them ungrouped).
            Rule::TooLong { max } => args.set("max", FluentValue::from(*max)),
            Rule::TooShort { min } => args.set("min", FluentValue::from(*min)),
            Rule::DateBefore { other } => args.set("other", field_label(other, lang)),
            Rule::LifecycleTransition { from, to } => {
                args.set("from", state(from.key(), lang));
                args.set("to", state(to.key(), lang));
            }
            Rule::StatusTransition { from, to } => {
                args.set("from", state(from.key(), lang));
                args.set("to", state(to.key(), lang));
            }
            _ => {}
        }
        format(lang, rule_key(&self.rule), Some(&args))
    }
}

impl Wording for RuleErrors {
    /// Every message of the record, in order, joined by "; " (one line for a terminal).
    fn message(&self, lang: Lang) -> String {
        let parts: Vec<String> = self.0.iter().map(|e| e.message(lang)).collect();
        parts.join("; ")
    }
}

/// An agreement's lifecycle or an item's status as a transition message names it.
fn state(key: &str, lang: Lang) -> String {
    message(lang, &format!("rule-state-{key}"))
}
