//! The words of the rules: every `Rule` has a message in Arabic, French and English that
//! names the field in the reader's language, and nested paths are named with a position.

use taawun_core::rules::{Rule, RuleError, RuleErrors};
use taawun_core::{ItemStatus, Lang, Lifecycle};
use taawun_i18n::{Wording, field_label};

/// Position of each variant; exhaustive, so a new `Rule` fails to compile here until it is
/// given a sample below.
fn variant(r: &Rule) -> usize {
    match r {
        Rule::Required => 0,
        Rule::TooLong { .. } => 1,
        Rule::EndBeforeStart => 2,
        Rule::DueBeforeStart => 3,
        Rule::DateBefore { .. } => 4,
        Rule::DateMissing => 5,
        Rule::PercentOutOfRange => 6,
        Rule::NotPositive => 7,
        Rule::OrdinalTaken => 8,
        Rule::Duplicate => 9,
        Rule::TooFewParties => 10,
        Rule::MemberOfOtherParty => 11,
        Rule::PartyNotInCommission => 12,
        Rule::LeadNotOfPlanParty => 13,
        Rule::DuplicateSide => 14,
        Rule::TwoHeads => 15,
        Rule::OrganisationOfOtherParty => 16,
        Rule::BadIsoCode => 17,
        Rule::LifecycleTransition { .. } => 18,
        Rule::StatusTransition { .. } => 19,
        Rule::NotALeadParty => 20,
        Rule::Unknown => 21,
        Rule::MissingSide => 22,
        Rule::TooShort { .. } => 23,
        Rule::OnlyWhenCancelled => 24,
        Rule::CancelledBySecretariat => 25,
        Rule::MinutesAdopted => 26,
        Rule::MinutesScanMissing => 27,
        Rule::MinutesAdoption => 28,
        Rule::PartnersRecord => 29,
    }
}
const VARIANTS: usize = 30;

/// One error per variant, on a field where the checks report it.
fn samples() -> Vec<RuleError> {
    let from_to = (Lifecycle::Draft, Lifecycle::Expired);
    [
        ("title", Rule::Required),
        ("short_name", Rule::TooLong { max: 500 }),
        ("end_on", Rule::EndBeforeStart),
        ("due_on", Rule::DueBeforeStart),
        ("in_force_on", Rule::DateBefore { other: "signed_on" }),
        ("signed_on", Rule::DateMissing),
        ("percent", Rule::PercentOutOfRange),
        ("ordinal", Rule::NotPositive),
        ("ordinal", Rule::OrdinalTaken),
        ("decisions.1.number", Rule::Duplicate),
        ("party_ids", Rule::TooFewParties),
        (
            "delegations.0.members.1.person_id",
            Rule::MemberOfOtherParty,
        ),
        ("host_party_id", Rule::PartyNotInCommission),
        ("leads.0.organisation_id", Rule::LeadNotOfPlanParty),
        ("leads.1.party_id", Rule::DuplicateSide),
        ("delegations.1.members", Rule::TwoHeads),
        ("parent_id", Rule::OrganisationOfOtherParty),
        ("iso_code", Rule::BadIsoCode),
        (
            "status",
            Rule::LifecycleTransition {
                from: from_to.0,
                to: from_to.1,
            },
        ),
        (
            "status",
            Rule::StatusTransition {
                from: ItemStatus::Cancelled,
                to: ItemStatus::Done,
            },
        ),
        ("party_id", Rule::NotALeadParty),
        ("nato_code", Rule::Unknown),
        ("leads", Rule::MissingSide),
        ("password", Rule::TooShort { min: 12 }),
        ("cancel_reason", Rule::OnlyWhenCancelled),
        ("status", Rule::CancelledBySecretariat),
        ("minutes", Rule::MinutesAdopted),
        ("minutes", Rule::MinutesScanMissing),
        ("delegations.0.adoptions", Rule::MinutesAdoption),
        ("origin", Rule::PartnersRecord),
    ]
    .into_iter()
    .map(|(f, r)| RuleError::new(f, r))
    .collect()
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[test]
fn samples_cover_every_rule() {
    let mut seen = [false; VARIANTS];
    for e in samples() {
        seen[variant(&e.rule)] = true;
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen[*i]).collect();
    assert!(missing.is_empty(), "rules without a sample: {missing:?}");
}

#[test]
fn every_rule_speaks_three_languages() {
    let mut failures = Vec::new();
    for e in samples() {
        let [ar, fr, en] = Lang::ALL.map(|l| e.message(l));
        let case = format!("{} {:?}", e.field, e.rule);
        for (lang, m) in Lang::ALL.into_iter().zip([&ar, &fr, &en]) {
            let label = field_label(&e.field, lang);
            if m.trim().is_empty() {
                failures.push(format!("{case}: empty {lang:?} message"));
            }
            if !m.contains(&label) {
                failures.push(format!(
                    "{case}: {lang:?} message {m:?} does not name {label:?}"
                ));
            }
            if m.contains('_') || m.contains('?') {
                failures.push(format!("{case}: {lang:?} message {m:?} shows a raw key"));
            }
            if has_arabic(m) != (lang == Lang::Ar) {
                failures.push(format!(
                    "{case}: {lang:?} message {m:?} is in the wrong script"
                ));
            }
        }
        if ar == fr || fr == en || ar == en {
            failures.push(format!(
                "{case}: same message in two languages: {ar:?} {fr:?} {en:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn labels_by_hand() {
    let table = [
        ("end_on", "تاريخ النهاية", "date de fin", "end date"),
        ("start_on", "تاريخ البداية", "date de début", "start date"),
        ("due_on", "الأجل", "échéance", "due date"),
        (
            "signed_on",
            "تاريخ التوقيع",
            "date de signature",
            "date of signature",
        ),
        (
            "in_force_on",
            "تاريخ دخول حيز التنفيذ",
            "date d'entrée en vigueur",
            "date of entry into force",
        ),
        (
            "ordinal",
            "رقم الدورة",
            "numéro de session",
            "session number",
        ),
        ("iso_code", "رمز ISO", "code ISO", "ISO code"),
        ("nato_code", "رمز الناتو", "code OTAN", "NATO code"),
        (
            "percent",
            "نسبة الإنجاز",
            "pourcentage d'avancement",
            "percent complete",
        ),
        (
            "delegations.0.members.1.person_id",
            "الشخص (2)",
            "personne (2)",
            "person (2)",
        ),
        (
            "delegations.2.members",
            "أعضاء الوفد (3)",
            "membres de la délégation (3)",
            "delegation members (3)",
        ),
        (
            "leads.0.organisation_id",
            "الهيئة (1)",
            "organisme (1)",
            "organisation (1)",
        ),
        (
            "co_chair_ids.1",
            "الرئيس المشارك (2)",
            "coprésident (2)",
            "co-chair (2)",
        ),
        ("indicator.name", "الاسم", "nom", "name"),
        ("not_a_field", "not_a_field", "not_a_field", "not_a_field"),
    ];
    let mut failures = Vec::new();
    for (field, ar, fr, en) in table {
        for (lang, want) in Lang::ALL.into_iter().zip([ar, fr, en]) {
            let got = field_label(field, lang);
            if got != want {
                failures.push(format!(
                    "{field} in {lang:?}: expected {want:?}, got {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let m = RuleError::new("end_on", Rule::EndBeforeStart).message(Lang::Ar);
    assert!(m.contains("تاريخ النهاية"), "{m}");
}

/// Every field path the checks report has a label of its own, not the technical name.
#[test]
fn every_reported_field_is_labelled() {
    let fields = [
        "name",
        "short_name",
        "iso_code",
        "acronym",
        "parent_id",
        "label",
        "nato_code",
        "name_ar",
        "name_latin",
        "aliases.0",
        "function",
        "organisation_id",
        "rank_id",
        "code",
        "title",
        "summary",
        "renewal_terms",
        "party_ids",
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
        "co_chair_ids.0",
        "place",
        "ordinal",
        "end_on",
        "host_party_id",
        "delegations.0.party_id",
        "delegations.0.members",
        "delegations.0.members.0.person_id",
        "agenda.0.title",
        "decisions.0.text",
        "decisions.0.number",
        "statements.0.summary",
        "statements.0.person_id",
        "side_events.0.title",
        "side_events.0.party_id",
        "description",
        "due_on",
        "leads.0.organisation_id",
        "leads.0.party_id",
        "indicator.name",
        "indicator.baseline",
        "indicator.target",
        "percent",
        "narrative",
        "party_id",
        "indicator_actual",
    ];
    let unlabelled: Vec<&str> = fields
        .into_iter()
        .filter(|f| !has_arabic(&field_label(f, Lang::Ar)))
        .collect();
    assert!(
        unlabelled.is_empty(),
        "fields without an Arabic label: {unlabelled:?}"
    );
}

#[test]
fn date_before_names_both_dates() {
    for (field, other) in [
        ("in_force_on", "signed_on"),
        ("ended_on", "in_force_on"),
        ("ended_on", "signed_on"),
    ] {
        let e = RuleError::new(field, Rule::DateBefore { other });
        for lang in Lang::ALL {
            let m = e.message(lang);
            for f in [field, other] {
                let label = field_label(f, lang);
                assert!(
                    m.contains(&label),
                    "{field} before {other} in {lang:?}: {m:?} lacks {label:?}"
                );
            }
        }
    }
}

/// Each move reads differently, so the status words are all distinct and all translated.
#[test]
fn transitions_name_both_statuses() {
    let mut errors: Vec<Rule> = Vec::new();
    for from in Lifecycle::ALL {
        for to in Lifecycle::ALL {
            errors.push(Rule::LifecycleTransition { from, to });
        }
    }
    for from in ItemStatus::ALL {
        for to in ItemStatus::ALL {
            errors.push(Rule::StatusTransition { from, to });
        }
    }
    for lang in Lang::ALL {
        let mut messages: Vec<String> = errors
            .iter()
            .map(|r| RuleError::new("status", r.clone()).message(lang))
            .collect();
        assert!(
            messages.iter().all(|m| !m.contains('?')),
            "{lang:?}: untranslated status"
        );
        messages.sort();
        messages.dedup();
        assert_eq!(
            messages.len(),
            errors.len(),
            "{lang:?}: two moves read the same"
        );
    }
    let en = RuleError::new(
        "status",
        Rule::LifecycleTransition {
            from: Lifecycle::Expired,
            to: Lifecycle::InForce,
        },
    );
    assert_eq!(
        en.message(Lang::En),
        "status: cannot move from “expired” to “in force”."
    );
}

/// One line of every message, as a terminal shows a refused record (`Display` of
/// `RuleErrors` in `core` names only paths and rules).
#[test]
fn errors_read_in_english_on_one_line() {
    let mut e = RuleErrors::default();
    e.push("end_on", Rule::EndBeforeStart);
    e.push("percent", Rule::PercentOutOfRange);
    assert!(e.has("percent") && !e.has("start_on"));
    assert_eq!(
        e.message(Lang::En),
        "end date: cannot be before the start date.; percent complete: must be between 0 and 100."
    );
    assert_eq!(
        e.to_string(),
        "end_on: EndBeforeStart; percent: PercentOutOfRange"
    );
    assert_eq!(RuleErrors::default().into_result(), Ok(()));
}
