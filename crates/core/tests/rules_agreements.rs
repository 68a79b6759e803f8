//! Agreement rules: the full lifecycle transition matrix, distinct parties, self-links,
//! reference length, and clause numbers (1 or more, not taken by another clause).

mod common;

use common::*;
use taawun_core::rules::{self, MAX_SHORT, Rule, Rule::*};
use taawun_core::{Clause, Lifecycle};

/// Allowed moves, by hand: rows are `from`, columns `to`, in the order of `Lifecycle::ALL`
/// (draft, signed, in force, expired, terminated, superseded).
const LIFECYCLE_MOVES: [[bool; 6]; 6] = [
    //  draft  signed  in_force expired terminated superseded
    [true, true, false, false, false, false],  // draft
    [false, true, true, false, true, true],    // signed: may end before entry into force
    [false, false, true, true, true, true],    // in force
    [false, false, false, true, false, false], // expired: final
    [false, false, false, false, true, false], // terminated: final
    [false, false, false, false, false, true], // superseded: final
];

#[test]
fn lifecycle_transition_matrix() {
    let mut failures = Vec::new();
    for (r, from) in Lifecycle::ALL.into_iter().enumerate() {
        for (k, to) in Lifecycle::ALL.into_iter().enumerate() {
            let mut c = AgreementCtx::valid();
            c.previous.as_mut().unwrap().status = from;
            c.agreement.status = to;
            // Every date set and in order, so that only the move itself can fail.
            c.agreement.ended_on = Some(day(2025, 1, 1));
            let want: Vec<(String, Rule)> = if LIFECYCLE_MOVES[r][k] {
                vec![]
            } else {
                vec![("status".into(), LifecycleTransition { from, to })]
            };
            let got = found(c.check());
            if got != want || rules::lifecycle_allows(from, to) != LIFECYCLE_MOVES[r][k] {
                failures.push(format!("{from:?} → {to:?}: expected {want:?}, got {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "agreement moves:\n{}",
        failures.join("\n")
    );
}

#[test]
fn agreement_parties_links_reference() {
    run(
        "agreement",
        &AgreementCtx::valid(),
        AgreementCtx::check,
        &[
            (
                "three parties",
                |c| c.agreement.party_ids.push(PARTY_OUT),
                vec![],
            ),
            (
                "one party",
                |c| c.agreement.party_ids = vec![PARTY_A],
                vec![("party_ids", TooFewParties)],
            ),
            (
                "no party",
                |c| c.agreement.party_ids.clear(),
                vec![("party_ids", TooFewParties)],
            ),
            (
                "one party twice",
                |c| c.agreement.party_ids = vec![PARTY_B, PARTY_B],
                vec![("party_ids", TooFewParties)],
            ),
            (
                "a party twice among others",
                |c| c.agreement.party_ids.push(PARTY_B),
                vec![("party_ids", Duplicate)],
            ),
            ("no link", |c| c.agreement.links.clear(), vec![]),
            (
                "links to itself",
                |c| c.agreement.links[0].target_id = c.agreement.id,
                vec![("links", Unknown)],
            ),
            ("no reference", |c| c.agreement.reference = None, vec![]),
            (
                "reference at the limit",
                |c| c.agreement.reference = Some("٧".repeat(MAX_SHORT)),
                vec![],
            ),
            (
                "reference too long",
                |c| c.agreement.reference = Some("7".repeat(MAX_SHORT + 1)),
                vec![("reference", TooLong { max: MAX_SHORT })],
            ),
        ],
    );
}

#[derive(Clone)]
struct ClauseCtx {
    clause: Clause,
    taken: Vec<u32>,
}

#[test]
fn clause_numbers() {
    run(
        "clause number",
        &ClauseCtx {
            clause: clause(),
            taken: vec![1, 2],
        },
        |c| rules::check_clause(&c.clause, &c.taken),
        &[
            (
                "first clause",
                |c: &mut ClauseCtx| (c.clause.number, c.taken) = (1, vec![]),
                vec![],
            ),
            ("gap in numbering", |c| c.clause.number = 9, vec![]),
            (
                "zero",
                |c| c.clause.number = 0,
                vec![("number", NotPositive)],
            ),
            (
                "zero while 0 is listed as taken",
                |c| (c.clause.number, c.taken) = (0, vec![0]),
                vec![("number", NotPositive)],
            ),
            (
                "number of another clause",
                |c| c.clause.number = 2,
                vec![("number", Duplicate)],
            ),
            (
                "heading too long",
                |c| c.clause.heading = long_text(MAX_SHORT + 1),
                vec![("heading", TooLong { max: MAX_SHORT })],
            ),
        ],
    );
}
