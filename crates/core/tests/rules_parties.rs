//! Rules of parties and their people: ISO codes of states, organisations' parents, NATO rank
//! codes, people's organisation and rank, commission parties and co-chairs, area codes.

mod common;

use common::*;
use taawun_core::rules::{self, MAX_SHORT, Rule::*};
use taawun_core::{Area, Commission, Organisation, Party, PartyKind, Person, Rank};

#[test]
fn party_iso_code() {
    run(
        "party iso code",
        &party(PARTY_A, Some("MA"), "Maroc"),
        rules::check_party,
        &[
            (
                "other valid code",
                |p: &mut Party| p.iso_code = Some("ML".into()),
                vec![],
            ),
            (
                "state without code",
                |p| p.iso_code = None,
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "empty code",
                |p| p.iso_code = Some(String::new()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "lower case",
                |p| p.iso_code = Some("ma".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "mixed case",
                |p| p.iso_code = Some("Ma".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "alpha-3",
                |p| p.iso_code = Some("MAR".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "one letter",
                |p| p.iso_code = Some("M".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "digit",
                |p| p.iso_code = Some("M1".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "padded",
                |p| p.iso_code = Some(" MA".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "non-ASCII capitals",
                |p| p.iso_code = Some("MÂ".into()),
                vec![("iso_code", BadIsoCode)],
            ),
            (
                "organisation without code",
                |p| {
                    p.kind = PartyKind::InternationalOrganisation;
                    p.iso_code = None;
                },
                vec![],
            ),
            (
                "organisation with a well-formed code",
                |p| {
                    p.kind = PartyKind::InternationalOrganisation;
                    p.iso_code = Some("EU".into());
                },
                vec![],
            ),
            (
                "organisation with a malformed code",
                |p| {
                    p.kind = PartyKind::InternationalOrganisation;
                    p.iso_code = Some("eu".into());
                },
                vec![("iso_code", BadIsoCode)],
            ),
        ],
    );
}

#[derive(Clone)]
struct OrgCtx {
    org: Organisation,
    parent: Option<Organisation>,
}

#[test]
fn organisation_parent() {
    run(
        "organisation parent",
        &OrgCtx {
            org: organisation(ORG_A2, PARTY_A, Some(ORG_A)),
            parent: Some(organisation(ORG_A, PARTY_A, None)),
        },
        |c| rules::check_organisation(&c.org, c.parent.as_ref()),
        &[
            (
                "no parent",
                |c: &mut OrgCtx| (c.org.parent_id, c.parent) = (None, None),
                vec![],
            ),
            (
                "parent not found",
                |c| c.parent = None,
                vec![("parent_id", Unknown)],
            ),
            (
                "parent of another party",
                |c| {
                    c.org.parent_id = Some(ORG_B);
                    c.parent = Some(organisation(ORG_B, PARTY_B, None));
                },
                vec![("parent_id", OrganisationOfOtherParty)],
            ),
            (
                "its own parent",
                |c| {
                    c.org.parent_id = Some(ORG_A2);
                    c.parent = Some(organisation(ORG_A2, PARTY_A, None));
                },
                vec![("parent_id", Unknown)],
            ),
            (
                "its own parent, not loaded",
                |c| {
                    c.org.parent_id = Some(ORG_A2);
                    c.parent = None;
                },
                vec![("parent_id", Unknown)],
            ),
            ("no acronym", |c| c.org.acronym = None, vec![]),
            (
                "acronym at the limit",
                |c| c.org.acronym = Some("ع".repeat(MAX_SHORT)),
                vec![],
            ),
            (
                "acronym too long",
                |c| c.org.acronym = Some("A".repeat(MAX_SHORT + 1)),
                vec![("acronym", TooLong { max: MAX_SHORT })],
            ),
        ],
    );
}

#[test]
fn rank_nato_code() {
    let valid = rank(RANK_A, PARTY_A, "OF-5");
    let check = |code: &str| {
        let mut r = valid.clone();
        r.nato_code = code.into();
        found(rules::check_rank(&r))
    };
    let good = (1..=10)
        .map(|n| format!("OF-{n}"))
        .chain((1..=9).map(|n| format!("OR-{n}")));
    let bad = [
        "OF-11", "OF-0", "OR-0", "OR-10", "XX", "", "OF-", "OF", "of-1", "or-3", "OF1", "OF 1",
        "OF-1 ", " OF-1", "OF-01", "OR-09", "OF-+1", "OF--1", "OF-1.0", "OF-256", "OR-D", "OF-DD",
    ];
    let table = good
        .chain(["OF-D".to_string()])
        .map(|code| (code, vec![]))
        .chain(bad.map(|code| (code.to_string(), vec![("nato_code".to_string(), Unknown)])));
    let mut failures = Vec::new();
    for (code, want) in table {
        let got = check(&code);
        if got != want {
            failures.push(format!("{code:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "NATO codes:\n{}", failures.join("\n"));
    let mut unlabelled = valid.clone();
    unlabelled.label = blank();
    assert_eq!(
        found(rules::check_rank(&unlabelled)),
        vec![("label".to_string(), Required)]
    );
}

#[derive(Clone)]
struct PersonCtx {
    person: Person,
    organisation: Option<Organisation>,
    rank: Option<Rank>,
}

#[test]
fn person_names_organisation_and_rank() {
    let mut p = person(PERSON_A1, PARTY_A);
    (p.organisation_id, p.rank_id) = (Some(ORG_A), Some(RANK_A));
    run(
        "person",
        &PersonCtx {
            person: p,
            organisation: Some(organisation(ORG_A, PARTY_A, None)),
            rank: Some(rank(RANK_A, PARTY_A, "OF-6")),
        },
        |c| rules::check_person(&c.person, c.organisation.as_ref(), c.rank.as_ref()),
        &[
            (
                "Arabic name only",
                |c: &mut PersonCtx| c.person.name_latin.clear(),
                vec![],
            ),
            ("Latin name only", |c| c.person.name_ar.clear(), vec![]),
            (
                "no name",
                |c| (c.person.name_ar, c.person.name_latin) = (String::new(), String::new()),
                vec![("name_latin", Required)],
            ),
            (
                "blank names",
                |c| (c.person.name_ar, c.person.name_latin) = (" ".into(), "\t\n".into()),
                vec![("name_latin", Required)],
            ),
            (
                "Arabic name too long",
                |c| c.person.name_ar = "م".repeat(MAX_SHORT + 1),
                vec![("name_ar", TooLong { max: MAX_SHORT })],
            ),
            (
                "Latin name at the limit",
                |c| c.person.name_latin = "é".repeat(MAX_SHORT),
                vec![],
            ),
            (
                "Latin name too long",
                |c| c.person.name_latin = "a".repeat(MAX_SHORT + 1),
                vec![("name_latin", TooLong { max: MAX_SHORT })],
            ),
            (
                "second alias too long",
                |c| c.person.aliases.push("a".repeat(MAX_SHORT + 1)),
                vec![("aliases.1", TooLong { max: MAX_SHORT })],
            ),
            (
                "function too long",
                |c| c.person.function = long_text(MAX_SHORT + 1),
                vec![("function", TooLong { max: MAX_SHORT })],
            ),
            (
                "no organisation",
                |c| (c.person.organisation_id, c.organisation) = (None, None),
                vec![],
            ),
            (
                "organisation not found",
                |c| c.organisation = None,
                vec![("organisation_id", Unknown)],
            ),
            (
                "organisation of another party",
                |c| {
                    c.person.organisation_id = Some(ORG_B);
                    c.organisation = Some(organisation(ORG_B, PARTY_B, None));
                },
                vec![("organisation_id", OrganisationOfOtherParty)],
            ),
            (
                "no rank",
                |c| (c.person.rank_id, c.rank) = (None, None),
                vec![],
            ),
            (
                "rank not found",
                |c| c.rank = None,
                vec![("rank_id", Unknown)],
            ),
            (
                "rank of another party",
                |c| {
                    c.person.rank_id = Some(RANK_B);
                    c.rank = Some(rank(RANK_B, PARTY_B, "OF-6"));
                },
                vec![("rank_id", OrganisationOfOtherParty)],
            ),
        ],
    );
}

#[derive(Clone)]
struct CommissionCtx {
    commission: Commission,
    co_chairs: Vec<Person>,
}

#[test]
fn commission_parties_and_co_chairs() {
    run(
        "commission",
        &CommissionCtx {
            commission: commission(),
            co_chairs: people(),
        },
        |c| rules::check_commission(&c.commission, &c.co_chairs),
        &[
            (
                "three parties",
                |c: &mut CommissionCtx| c.commission.party_ids.push(PARTY_OUT),
                vec![],
            ),
            (
                "no co-chair yet",
                |c| c.commission.co_chair_ids.clear(),
                vec![],
            ),
            (
                "no party",
                |c| c.commission.party_ids.clear(),
                vec![
                    ("party_ids", TooFewParties),
                    ("co_chair_ids.0", PartyNotInCommission),
                    ("co_chair_ids.1", PartyNotInCommission),
                ],
            ),
            (
                "one party",
                |c| c.commission.party_ids = vec![PARTY_A],
                vec![
                    ("party_ids", TooFewParties),
                    ("co_chair_ids.1", PartyNotInCommission),
                ],
            ),
            (
                "one party twice",
                |c| c.commission.party_ids = vec![PARTY_A, PARTY_A],
                vec![
                    ("party_ids", TooFewParties),
                    ("co_chair_ids.1", PartyNotInCommission),
                ],
            ),
            (
                "a party twice among others",
                |c| c.commission.party_ids.push(PARTY_A),
                vec![("party_ids", Duplicate)],
            ),
            (
                "co-chair not found",
                |c| c.commission.co_chair_ids[1] = NOBODY,
                vec![("co_chair_ids.1", Unknown)],
            ),
            (
                "co-chair of an outside party",
                |c| c.commission.co_chair_ids[0] = PERSON_OUT,
                vec![("co_chair_ids.0", PartyNotInCommission)],
            ),
            (
                "two co-chairs of one party",
                |c| c.commission.co_chair_ids[1] = PERSON_A2,
                vec![("co_chair_ids.1", DuplicateSide)],
            ),
            (
                "the same co-chair twice",
                |c| c.commission.co_chair_ids[1] = PERSON_A1,
                vec![("co_chair_ids.1", DuplicateSide)],
            ),
        ],
    );
}

#[test]
fn area_code_format() {
    run(
        "area code",
        &area(),
        rules::check_area,
        &[
            (
                "one word",
                |a: &mut Area| a.code = "training".into(),
                vec![],
            ),
            ("digits and dash", |a| a.code = "cyber-2".into(), vec![]),
            ("40 characters", |a| a.code = "a".repeat(40), vec![]),
            (
                "41 characters",
                |a| a.code = "a".repeat(41),
                vec![("code", Unknown)],
            ),
            ("empty", |a| a.code.clear(), vec![("code", Unknown)]),
            (
                "capital letter",
                |a| a.code = "Training".into(),
                vec![("code", Unknown)],
            ),
            (
                "space",
                |a| a.code = "military training".into(),
                vec![("code", Unknown)],
            ),
            (
                "accent",
                |a| a.code = "défense".into(),
                vec![("code", Unknown)],
            ),
            (
                "Arabic",
                |a| a.code = "تكوين".into(),
                vec![("code", Unknown)],
            ),
            ("dot", |a| a.code = "a.b".into(), vec![("code", Unknown)]),
            ("slash", |a| a.code = "a/b".into(), vec![("code", Unknown)]),
        ],
    );
}
