//! Session rules: ordinal, host and delegation parties within the commission, one delegation
//! per party, one head per delegation, members of the delegation's party, numbered decisions,
//! known speakers and side events of the commission's parties.

mod common;

use common::*;
use taawun_core::DelegationRole::{Expert, Head, Member};
use taawun_core::rules::Rule::*;
use taawun_core::{Decision, DelegationMember, Id};

fn add_member(
    c: &mut SessionCtx,
    delegation: usize,
    person_id: Id,
    role: taawun_core::DelegationRole,
) {
    c.session.delegations[delegation]
        .members
        .push(DelegationMember {
            person_id,
            role,
            precedence: 2,
        });
}

#[test]
fn ordinal_positive_and_free() {
    run(
        "session ordinal",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            ("first session", |c| c.session.ordinal = 1, vec![]),
            (
                "zero",
                |c| c.session.ordinal = 0,
                vec![("ordinal", NotPositive)],
            ),
            (
                "taken by another session",
                |c| c.ordinal_taken = true,
                vec![("ordinal", OrdinalTaken)],
            ),
            (
                "zero is reported as such even if taken",
                |c| {
                    c.session.ordinal = 0;
                    c.ordinal_taken = true;
                },
                vec![("ordinal", NotPositive)],
            ),
        ],
    );
}

#[test]
fn parties_are_the_commissions() {
    run(
        "session parties",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            (
                "hosted by the other party",
                |c| c.session.host_party_id = PARTY_B,
                vec![],
            ),
            (
                "host outside the commission",
                |c| c.session.host_party_id = PARTY_OUT,
                vec![("host_party_id", PartyNotInCommission)],
            ),
            (
                "delegation of an outside party",
                |c| {
                    c.session.delegations[1].party_id = PARTY_OUT;
                    c.session.delegations[1].members = vec![DelegationMember {
                        person_id: PERSON_OUT,
                        role: Head,
                        precedence: 1,
                    }];
                },
                vec![("delegations.1.party_id", PartyNotInCommission)],
            ),
            (
                "side event of both sides",
                |c| c.session.side_events[0].party_id = None,
                vec![],
            ),
            (
                "side event of an outside party",
                |c| c.session.side_events[0].party_id = Some(PARTY_OUT),
                vec![("side_events.0.party_id", PartyNotInCommission)],
            ),
            (
                "no delegation recorded yet",
                |c| c.session.delegations.clear(),
                vec![],
            ),
        ],
    );
}

#[test]
fn delegations() {
    run(
        "delegations",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            (
                "delegation without a head",
                |c| c.session.delegations[0].members[0].role = Member,
                vec![],
            ),
            (
                "head listed last",
                |c| c.session.delegations[1].members.reverse(),
                vec![],
            ),
            (
                "two delegations for one party",
                |c| {
                    let again = c.session.delegations[0].clone();
                    c.session.delegations.push(again);
                },
                vec![("delegations.2.party_id", DuplicateSide)],
            ),
            (
                "two heads",
                |c| c.session.delegations[1].members[1].role = Head,
                vec![("delegations.1.members", TwoHeads)],
            ),
            (
                "a member listed again as head",
                |c| add_member(c, 0, PERSON_A2, Head),
                vec![
                    ("delegations.0.members", TwoHeads),
                    ("delegations.0.members.2.person_id", Duplicate),
                ],
            ),
            (
                "member of the other commission party",
                |c| add_member(c, 0, PERSON_B2, Expert),
                vec![("delegations.0.members.2.person_id", MemberOfOtherParty)],
            ),
            (
                "member of an outside party",
                |c| c.session.delegations[1].members[1].person_id = PERSON_OUT,
                vec![("delegations.1.members.1.person_id", MemberOfOtherParty)],
            ),
            (
                "member not found",
                |c| c.session.delegations[0].members[1].person_id = NOBODY,
                vec![("delegations.0.members.1.person_id", Unknown)],
            ),
            (
                "member listed twice",
                |c| add_member(c, 1, PERSON_B2, Member),
                vec![("delegations.1.members.2.person_id", Duplicate)],
            ),
            (
                "same person in both delegations",
                |c| add_member(c, 1, PERSON_A2, Member),
                vec![("delegations.1.members.2.person_id", MemberOfOtherParty)],
            ),
        ],
    );
}

#[test]
fn decisions_statements_and_agenda() {
    run(
        "session contents",
        &SessionCtx::valid(),
        SessionCtx::check,
        &[
            (
                "decisions out of order",
                |c| c.session.decisions.reverse(),
                vec![],
            ),
            (
                "decision numbered 0",
                |c| c.session.decisions[1].number = 0,
                vec![("decisions.1.number", NotPositive)],
            ),
            (
                "decision number used twice",
                |c| c.session.decisions[1].number = 1,
                vec![("decisions.1.number", Duplicate)],
            ),
            (
                "third decision repeats the first",
                |c| {
                    let mut d: Decision = c.session.decisions[0].clone();
                    d.id = NOBODY;
                    c.session.decisions.push(d);
                },
                vec![("decisions.2.number", Duplicate)],
            ),
            (
                "speaker not found",
                |c| c.session.statements[0].person_id = NOBODY,
                vec![("statements.0.person_id", Unknown)],
            ),
            (
                "no agenda, decisions, statements or side events",
                |c| {
                    c.session.agenda.clear();
                    c.session.decisions.clear();
                    c.session.statements.clear();
                    c.session.side_events.clear();
                },
                vec![],
            ),
        ],
    );
}
