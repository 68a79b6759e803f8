//! One check function per record type. Each returns every problem found, not just the first,
//! so a form can show them all at once.

use super::{Rule, RuleErrors, lifecycle_allows, status_allows};
use crate::{
    ActionItem, ActionPlan, Activity, Agreement, Area, Clause, Commission, Id, Lifecycle,
    LocalizedText, Organisation, Party, PartyKind, Person, ProgressUpdate, Rank, Session,
};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Longest value accepted in any one language of a text field: generous for clause texts,
/// small enough that one request cannot fill the disk.
pub const MAX_TEXT: usize = 20_000;
/// Longest value of a short single-line field (names, codes, places).
pub const MAX_SHORT: usize = 500;

fn required(e: &mut RuleErrors, field: &str, t: &LocalizedText) {
    if t.is_empty() {
        e.push(field, Rule::Required);
    }
    length(e, field, t, MAX_TEXT);
}

fn length(e: &mut RuleErrors, field: &str, t: &LocalizedText, max: usize) {
    if t.values().any(|v| v.chars().count() > max) {
        e.push(field, Rule::TooLong { max });
    }
}

fn short(e: &mut RuleErrors, field: &str, s: &str) {
    if s.chars().count() > MAX_SHORT {
        e.push(field, Rule::TooLong { max: MAX_SHORT });
    }
}

fn order(e: &mut RuleErrors, field: &str, start: Option<NaiveDate>, end: Option<NaiveDate>) {
    if let (Some(s), Some(t)) = (start, end)
        && t < s
    {
        e.push(field, Rule::EndBeforeStart);
    }
}

fn distinct_parties(e: &mut RuleErrors, field: &str, ids: &[Id]) {
    let set: HashSet<&Id> = ids.iter().collect();
    if set.len() < 2 {
        e.push(field, Rule::TooFewParties);
    } else if set.len() != ids.len() {
        e.push(field, Rule::Duplicate);
    }
}

pub fn check_party(p: &Party) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "name", &p.name);
    length(&mut e, "short_name", &p.short_name, MAX_SHORT);
    let iso_ok = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
    match (&p.kind, p.iso_code.as_deref()) {
        (PartyKind::State, None) => e.push("iso_code", Rule::BadIsoCode),
        (_, Some(c)) if !iso_ok(c) => e.push("iso_code", Rule::BadIsoCode),
        _ => {}
    }
    e.into_result()
}

/// `parent` is the parent organisation when one is named.
pub fn check_organisation(
    o: &Organisation,
    parent: Option<&Organisation>,
) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "name", &o.name);
    if let Some(a) = &o.acronym {
        short(&mut e, "acronym", a);
    }
    match (o.parent_id, parent) {
        (Some(_), None) => e.push("parent_id", Rule::Unknown),
        (_, Some(p)) if p.party_id != o.party_id => {
            e.push("parent_id", Rule::OrganisationOfOtherParty)
        }
        (Some(pid), _) if pid == o.id => e.push("parent_id", Rule::Unknown),
        _ => {}
    }
    e.into_result()
}

pub fn check_rank(r: &Rank) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "label", &r.label);
    // Plain digits without a leading zero: `parse` alone would accept "OF-01" and "OF-+1".
    let grade = |n: &str| {
        (n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
            .then(|| n.parse::<u8>().ok())
            .flatten()
    };
    let code_ok = r
        .nato_code
        .strip_prefix("OF-")
        .and_then(grade)
        .is_some_and(|n| (1..=10).contains(&n))
        || r.nato_code
            .strip_prefix("OR-")
            .and_then(grade)
            .is_some_and(|n| (1..=9).contains(&n))
        || r.nato_code == "OF-D";
    if !code_ok {
        e.push("nato_code", Rule::Unknown);
    }
    e.into_result()
}

/// `organisation` is the person's organisation when one is named.
pub fn check_person(
    p: &Person,
    organisation: Option<&Organisation>,
    rank: Option<&Rank>,
) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    if p.name_ar.trim().is_empty() && p.name_latin.trim().is_empty() {
        e.push("name_latin", Rule::Required);
    }
    short(&mut e, "name_ar", &p.name_ar);
    short(&mut e, "name_latin", &p.name_latin);
    for (i, a) in p.aliases.iter().enumerate() {
        short(&mut e, &format!("aliases.{i}"), a);
    }
    length(&mut e, "function", &p.function, MAX_SHORT);
    match (p.organisation_id, organisation) {
        (Some(_), None) => e.push("organisation_id", Rule::Unknown),
        (_, Some(o)) if o.party_id != p.party_id => {
            e.push("organisation_id", Rule::OrganisationOfOtherParty)
        }
        _ => {}
    }
    match (p.rank_id, rank) {
        (Some(_), None) => e.push("rank_id", Rule::Unknown),
        (_, Some(r)) if r.party_id != p.party_id => {
            e.push("rank_id", Rule::OrganisationOfOtherParty)
        }
        _ => {}
    }
    e.into_result()
}

pub fn check_area(a: &Area) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "name", &a.name);
    let code_ok = !a.code.is_empty()
        && a.code.len() <= 40
        && a.code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !code_ok {
        e.push("code", Rule::Unknown);
    }
    e.into_result()
}

/// `previous` is the stored version when the agreement is being updated.
pub fn check_agreement(a: &Agreement, previous: Option<&Agreement>) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "title", &a.title);
    length(&mut e, "summary", &a.summary, MAX_TEXT);
    length(&mut e, "renewal_terms", &a.renewal_terms, MAX_TEXT);
    distinct_parties(&mut e, "party_ids", &a.party_ids);
    if let Some(r) = &a.reference {
        short(&mut e, "reference", r);
    }
    if let Some(prev) = previous
        && !lifecycle_allows(prev.status, a.status)
    {
        e.push(
            "status",
            Rule::LifecycleTransition {
                from: prev.status,
                to: a.status,
            },
        );
    }
    if a.status != Lifecycle::Draft && a.signed_on.is_none() {
        e.push("signed_on", Rule::DateMissing);
    }
    let in_force_needed = matches!(a.status, Lifecycle::InForce | Lifecycle::Expired);
    if in_force_needed && a.in_force_on.is_none() {
        e.push("in_force_on", Rule::DateMissing);
    }
    if a.status.is_ended() && a.ended_on.is_none() {
        e.push("ended_on", Rule::DateMissing);
    }
    if let (Some(s), Some(f)) = (a.signed_on, a.in_force_on)
        && f < s
    {
        e.push("in_force_on", Rule::DateBefore { other: "signed_on" });
    }
    if let Some(end) = a.ended_on {
        match (a.in_force_on, a.signed_on) {
            (Some(f), _) if end < f => e.push(
                "ended_on",
                Rule::DateBefore {
                    other: "in_force_on",
                },
            ),
            (None, Some(s)) if end < s => {
                e.push("ended_on", Rule::DateBefore { other: "signed_on" })
            }
            _ => {}
        }
    }
    if a.links.iter().any(|l| l.target_id == a.id) {
        e.push("links", Rule::Unknown);
    }
    e.into_result()
}

/// `numbers_taken` are the numbers of the agreement's other clauses.
pub fn check_clause(c: &Clause, numbers_taken: &[u32]) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "text", &c.text);
    length(&mut e, "heading", &c.heading, MAX_SHORT);
    if c.number == 0 {
        e.push("number", Rule::NotPositive);
    } else if numbers_taken.contains(&c.number) {
        e.push("number", Rule::Duplicate);
    }
    e.into_result()
}

pub fn check_commission(c: &Commission, co_chairs: &[Person]) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "name", &c.name);
    length(&mut e, "mandate", &c.mandate, MAX_TEXT);
    distinct_parties(&mut e, "party_ids", &c.party_ids);
    let mut sides = HashSet::new();
    for (i, id) in c.co_chair_ids.iter().enumerate() {
        match co_chairs.iter().find(|p| p.id == *id) {
            None => e.push(format!("co_chair_ids.{i}"), Rule::Unknown),
            Some(p) if !c.party_ids.contains(&p.party_id) => {
                e.push(format!("co_chair_ids.{i}"), Rule::PartyNotInCommission)
            }
            // One co-chair per party: the commission is chaired jointly, side by side.
            Some(p) if !sides.insert(p.party_id) => {
                e.push(format!("co_chair_ids.{i}"), Rule::DuplicateSide)
            }
            _ => {}
        }
    }
    e.into_result()
}

/// `people` must hold every person named in the session (members, speakers);
/// `ordinal_taken` says whether another session of the commission has this ordinal.
pub fn check_session(
    s: &Session,
    commission: &Commission,
    people: &[Person],
    ordinal_taken: bool,
) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "place", &s.place);
    if s.ordinal == 0 {
        e.push("ordinal", Rule::NotPositive);
    } else if ordinal_taken {
        e.push("ordinal", Rule::OrdinalTaken);
    }
    if s.end_on < s.start_on {
        e.push("end_on", Rule::EndBeforeStart);
    }
    let in_commission = |p: &Id| commission.party_ids.contains(p);
    if !in_commission(&s.host_party_id) {
        e.push("host_party_id", Rule::PartyNotInCommission);
    }
    let person = |id: &Id| people.iter().find(|p| p.id == *id);
    let mut sides = HashSet::new();
    for (d, del) in s.delegations.iter().enumerate() {
        if !in_commission(&del.party_id) {
            e.push(
                format!("delegations.{d}.party_id"),
                Rule::PartyNotInCommission,
            );
        }
        if !sides.insert(del.party_id) {
            e.push(format!("delegations.{d}.party_id"), Rule::DuplicateSide);
        }
        let heads = del
            .members
            .iter()
            .filter(|m| m.role == crate::DelegationRole::Head)
            .count();
        if heads > 1 {
            e.push(format!("delegations.{d}.members"), Rule::TwoHeads);
        }
        let mut seen = HashSet::new();
        for (m, member) in del.members.iter().enumerate() {
            let field = format!("delegations.{d}.members.{m}.person_id");
            match person(&member.person_id) {
                None => e.push(field, Rule::Unknown),
                Some(p) if p.party_id != del.party_id => e.push(field, Rule::MemberOfOtherParty),
                Some(_) if !seen.insert(member.person_id) => e.push(field, Rule::Duplicate),
                _ => {}
            }
        }
    }
    for (i, a) in s.agenda.iter().enumerate() {
        required(&mut e, &format!("agenda.{i}.title"), &a.title);
    }
    let mut numbers = HashSet::new();
    for (i, d) in s.decisions.iter().enumerate() {
        required(&mut e, &format!("decisions.{i}.text"), &d.text);
        if d.number == 0 {
            e.push(format!("decisions.{i}.number"), Rule::NotPositive);
        } else if !numbers.insert(d.number) {
            e.push(format!("decisions.{i}.number"), Rule::Duplicate);
        }
    }
    for (i, st) in s.statements.iter().enumerate() {
        required(&mut e, &format!("statements.{i}.summary"), &st.summary);
        if person(&st.person_id).is_none() {
            e.push(format!("statements.{i}.person_id"), Rule::Unknown);
        }
    }
    for (i, ev) in s.side_events.iter().enumerate() {
        required(&mut e, &format!("side_events.{i}.title"), &ev.title);
        if let Some(p) = ev.party_id
            && !in_commission(&p)
        {
            e.push(
                format!("side_events.{i}.party_id"),
                Rule::PartyNotInCommission,
            );
        }
    }
    e.into_result()
}

pub fn check_plan(p: &ActionPlan) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "title", &p.title);
    order(&mut e, "end_on", p.start_on, p.end_on);
    e.into_result()
}

/// `plan_parties` are the parties of the plan's commission; `organisations` must hold every
/// lead organisation; `previous` is the stored item when updating.
pub fn check_item(
    i: &ActionItem,
    previous: Option<&ActionItem>,
    plan_parties: &[Id],
    organisations: &[Organisation],
) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "title", &i.title);
    length(&mut e, "description", &i.description, MAX_TEXT);
    short(&mut e, "code", &i.code);
    if let (Some(s), Some(d)) = (i.start_on, i.due_on)
        && d < s
    {
        e.push("due_on", Rule::DueBeforeStart);
    }
    let mut sides = HashSet::new();
    for (n, lead) in i.leads.iter().enumerate() {
        let field = format!("leads.{n}.organisation_id");
        let org = organisations.iter().find(|o| o.id == lead.organisation_id);
        match org {
            None => e.push(field, Rule::Unknown),
            Some(o) if o.party_id != lead.party_id || !plan_parties.contains(&lead.party_id) => {
                e.push(field, Rule::LeadNotOfPlanParty)
            }
            _ => {}
        }
        if !sides.insert(lead.party_id) {
            e.push(format!("leads.{n}.party_id"), Rule::DuplicateSide);
        }
    }
    if plan_parties
        .iter()
        .any(|p| !i.leads.iter().any(|l| l.party_id == *p))
    {
        e.push("leads", Rule::MissingSide);
    }
    if let Some(prev) = previous
        && !status_allows(prev.status, i.status)
    {
        e.push(
            "status",
            Rule::StatusTransition {
                from: prev.status,
                to: i.status,
            },
        );
    }
    let cancelled = i.status == crate::ItemStatus::Cancelled;
    match (cancelled, i.cancel_reason.is_empty()) {
        (true, true) => e.push("cancel_reason", Rule::Required),
        (false, false) => e.push("cancel_reason", Rule::OnlyWhenCancelled),
        _ => length(&mut e, "cancel_reason", &i.cancel_reason, MAX_TEXT),
    }
    if let Some(ind) = &i.indicator {
        required(&mut e, "indicator.name", &ind.name);
        if !ind.baseline.is_finite() {
            e.push("indicator.baseline", Rule::Unknown);
        }
        if !ind.target.is_finite() {
            e.push("indicator.target", Rule::Unknown);
        }
    }
    e.into_result()
}

pub fn check_progress(p: &ProgressUpdate, item: &ActionItem) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    if p.percent > 100 {
        e.push("percent", Rule::PercentOutOfRange);
    }
    length(&mut e, "narrative", &p.narrative, MAX_TEXT);
    if !item.leads.iter().any(|l| l.party_id == p.party_id) {
        e.push("party_id", Rule::NotALeadParty);
    }
    if p.status == crate::ItemStatus::Cancelled {
        e.push("status", Rule::CancelledBySecretariat);
    }
    if p.indicator_actual.is_some_and(|v| !v.is_finite()) {
        e.push("indicator_actual", Rule::Unknown);
    }
    e.into_result()
}

pub fn check_activity(a: &Activity) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    required(&mut e, "title", &a.title);
    length(&mut e, "place", &a.place, MAX_SHORT);
    if a.end_on < a.start_on {
        e.push("end_on", Rule::EndBeforeStart);
    }
    e.into_result()
}

/// A record's protection: originator-only records must name the party they come from.
pub fn check_protection(p: &crate::access::Protection) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    if p.releasability == crate::access::Releasability::OriginatorOnly && p.originator.is_none() {
        e.push("protection.originator", Rule::Required);
    }
    e.into_result()
}

/// `party_organisation` is the user's organisation when one is named.
pub fn check_user(u: &crate::User, organisation: Option<&Organisation>) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    let name_ok = (2..=64).contains(&u.username.len())
        && u.username.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_')
        });
    if !name_ok {
        e.push("username", Rule::Unknown);
    }
    if u.display_name.trim().is_empty() {
        e.push("display_name", Rule::Required);
    }
    short(&mut e, "display_name", &u.display_name);
    if u.email.as_deref().is_some_and(|m| !email_ok(m)) {
        e.push("email", Rule::Unknown);
    }
    match (u.organisation_id, organisation) {
        (Some(_), None) => e.push("organisation_id", Rule::Unknown),
        (_, Some(o)) if o.party_id != u.party_id => {
            e.push("organisation_id", Rule::OrganisationOfOtherParty)
        }
        _ => {}
    }
    e.into_result()
}

/// A light check of an e-mail address: one `@` between a non-empty local part and a
/// dotted domain, no spaces or controls, at most 254 characters. Whether it reaches
/// someone only the mail server can tell; this catches typing slips.
pub fn email_ok(m: &str) -> bool {
    let Some((local, domain)) = m.split_once('@') else {
        return false;
    };
    m.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !m.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Password policy: long enough to resist guessing, short enough to bound hashing work.
pub fn check_password(password: &str) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    let n = password.chars().count();
    if n < crate::user::MIN_PASSWORD {
        e.push(
            "password",
            Rule::TooShort {
                min: crate::user::MIN_PASSWORD,
            },
        );
    } else if n > crate::user::MAX_PASSWORD {
        e.push(
            "password",
            Rule::TooLong {
                max: crate::user::MAX_PASSWORD,
            },
        );
    }
    e.into_result()
}
