//! Action item rules: lead bodies of the plan's parties and of the party they lead for, one
//! lead per side, the full status transition matrix, indicators, and progress updates
//! (percent within 0–100, reported by a lead party).

mod common;

use common::*;
use taawun_core::rules::{self, Rule, Rule::*};
use taawun_core::{ItemStatus, Lead, ProgressUpdate};

#[test]
fn leads() {
    run(
        "item leads",
        &ItemCtx::valid(),
        ItemCtx::check,
        &[
            (
                "a sub-organisation leads",
                |c| c.item.leads[0].organisation_id = ORG_A2,
                vec![],
            ),
            (
                "one side only",
                |c| {
                    c.item.leads.pop();
                },
                vec![("leads", MissingSide)],
            ),
            (
                "no lead yet",
                |c| c.item.leads.clear(),
                vec![("leads", MissingSide)],
            ),
            (
                "organisation of the other party",
                |c| c.item.leads[0].organisation_id = ORG_B,
                vec![("leads.0.organisation_id", LeadNotOfPlanParty)],
            ),
            (
                "organisation of an outside party",
                |c| c.item.leads[1].organisation_id = ORG_OUT,
                vec![("leads.1.organisation_id", LeadNotOfPlanParty)],
            ),
            (
                "leading for an outside party",
                |c| {
                    c.item.leads[1] = Lead {
                        party_id: PARTY_OUT,
                        organisation_id: ORG_OUT,
                    }
                },
                vec![
                    ("leads.1.organisation_id", LeadNotOfPlanParty),
                    ("leads", MissingSide),
                ],
            ),
            (
                "organisation not found",
                |c| c.item.leads[0].organisation_id = NOBODY,
                vec![("leads.0.organisation_id", Unknown)],
            ),
            (
                "two leads for one side",
                |c| {
                    c.item.leads.push(Lead {
                        party_id: PARTY_A,
                        organisation_id: ORG_A2,
                    })
                },
                vec![("leads.2.party_id", DuplicateSide)],
            ),
            (
                "same lead twice",
                |c| c.item.leads[1] = c.item.leads[0].clone(),
                vec![("leads.1.party_id", DuplicateSide), ("leads", MissingSide)],
            ),
            (
                "plan parties unknown",
                |c| c.plan_parties.clear(),
                vec![
                    ("leads.0.organisation_id", LeadNotOfPlanParty),
                    ("leads.1.organisation_id", LeadNotOfPlanParty),
                ],
            ),
        ],
    );
}

#[test]
fn indicator() {
    run(
        "item indicator",
        &ItemCtx::valid(),
        ItemCtx::check,
        &[
            ("no indicator", |c| c.item.indicator = None, vec![]),
            (
                "negative baseline",
                |c| c.item.indicator.as_mut().unwrap().baseline = -3.5,
                vec![],
            ),
            (
                "baseline not a number",
                |c| c.item.indicator.as_mut().unwrap().baseline = f64::NAN,
                vec![("indicator.baseline", Unknown)],
            ),
            (
                "infinite target",
                |c| c.item.indicator.as_mut().unwrap().target = f64::INFINITY,
                vec![("indicator.target", Unknown)],
            ),
            (
                "unnamed",
                |c| c.item.indicator.as_mut().unwrap().name = text(" ", "", ""),
                vec![("indicator.name", Required)],
            ),
        ],
    );
}

/// Allowed moves, by hand: rows are `from`, columns `to`, in the order of `ItemStatus::ALL`
/// (planned, in progress, on hold, done, cancelled). The joint status follows the sides, so
/// it moves freely; only cancelling is the secretariat's, and it is final.
const STATUS_MOVES: [[bool; 5]; 5] = [
    //  planned  in_prog  on_hold  done   cancelled
    [true, true, true, true, true],     // planned
    [true, true, true, true, true],     // in progress
    [true, true, true, true, true],     // on hold
    [true, true, true, true, false],    // done: not cancelled once done
    [false, false, false, false, true], // cancelled: final
];

#[test]
fn status_transition_matrix() {
    let mut failures = Vec::new();
    for (r, from) in ItemStatus::ALL.into_iter().enumerate() {
        for (k, to) in ItemStatus::ALL.into_iter().enumerate() {
            let mut c = ItemCtx::valid();
            c.previous.as_mut().unwrap().status = from;
            c.item.status = to;
            if to == ItemStatus::Cancelled {
                c.item.cancel_reason = text("", "Sans objet", "");
            }
            let want: Vec<(String, Rule)> = if STATUS_MOVES[r][k] {
                vec![]
            } else {
                vec![("status".into(), StatusTransition { from, to })]
            };
            let got = found(c.check());
            if got != want || rules::status_allows(from, to) != STATUS_MOVES[r][k] {
                failures.push(format!("{from:?} → {to:?}: expected {want:?}, got {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "item status moves:\n{}",
        failures.join("\n")
    );
}

#[test]
fn new_item_may_start_in_any_status() {
    for status in ItemStatus::ALL {
        let mut c = ItemCtx::valid();
        (c.previous, c.item.status) = (None, status);
        if status == ItemStatus::Cancelled {
            c.item.cancel_reason = text("", "Sans objet", "");
        }
        assert_eq!(found(c.check()), vec![], "new item {status:?}");
    }
}

#[test]
fn cancel_reason() {
    run(
        "item cancellation",
        &ItemCtx::valid(),
        ItemCtx::check,
        &[
            (
                "cancelled with a reason",
                |c| {
                    c.item.status = ItemStatus::Cancelled;
                    c.item.cancel_reason = text("", "Remplacée par l'action 2.3", "");
                },
                vec![],
            ),
            (
                "cancelled without a reason",
                |c| c.item.status = ItemStatus::Cancelled,
                vec![("cancel_reason", Required)],
            ),
            (
                "cancelled with a blank reason",
                |c| {
                    c.item.status = ItemStatus::Cancelled;
                    c.item.cancel_reason = whitespace();
                },
                vec![("cancel_reason", Required)],
            ),
            (
                "a reason on an item not cancelled",
                |c| c.item.cancel_reason = text("", "Budget", ""),
                vec![("cancel_reason", OnlyWhenCancelled)],
            ),
            (
                "cancelled with an overlong reason",
                |c| {
                    c.item.status = ItemStatus::Cancelled;
                    c.item.cancel_reason = long_text(rules::MAX_TEXT + 1);
                },
                vec![(
                    "cancel_reason",
                    TooLong {
                        max: rules::MAX_TEXT,
                    },
                )],
            ),
            (
                "a done item is not cancelled",
                |c| {
                    c.previous.as_mut().unwrap().status = ItemStatus::Done;
                    c.item.status = ItemStatus::Cancelled;
                    c.item.cancel_reason = text("", "Budget", "");
                },
                vec![(
                    "status",
                    StatusTransition {
                        from: ItemStatus::Done,
                        to: ItemStatus::Cancelled,
                    },
                )],
            ),
        ],
    );
}

#[derive(Clone)]
struct ProgressCtx {
    update: ProgressUpdate,
    item: taawun_core::ActionItem,
}

#[test]
fn progress_updates() {
    run(
        "progress",
        &ProgressCtx {
            update: progress(),
            item: item(),
        },
        |c| rules::check_progress(&c.update, &c.item),
        &[
            (
                "0 percent",
                |c: &mut ProgressCtx| c.update.percent = 0,
                vec![],
            ),
            ("100 percent", |c| c.update.percent = 100, vec![]),
            (
                "101 percent",
                |c| c.update.percent = 101,
                vec![("percent", PercentOutOfRange)],
            ),
            (
                "255 percent",
                |c| c.update.percent = u8::MAX,
                vec![("percent", PercentOutOfRange)],
            ),
            (
                "reported by the other lead party",
                |c| c.update.party_id = PARTY_A,
                vec![],
            ),
            (
                "reported by an outside party",
                |c| c.update.party_id = PARTY_OUT,
                vec![("party_id", NotALeadParty)],
            ),
            (
                "party not leading this item",
                |c| {
                    c.item.leads.pop();
                },
                vec![("party_id", NotALeadParty)],
            ),
            (
                "item without leads",
                |c| c.item.leads.clear(),
                vec![("party_id", NotALeadParty)],
            ),
            (
                "a side reports on hold",
                |c| c.update.status = ItemStatus::OnHold,
                vec![],
            ),
            (
                "a side reports done",
                |c| c.update.status = ItemStatus::Done,
                vec![],
            ),
            (
                "a side reports the item cancelled",
                |c| c.update.status = ItemStatus::Cancelled,
                vec![("status", CancelledBySecretariat)],
            ),
            (
                "no measured value",
                |c| c.update.indicator_actual = None,
                vec![],
            ),
            (
                "measured value not a number",
                |c| c.update.indicator_actual = Some(f64::NAN),
                vec![("indicator_actual", Unknown)],
            ),
            (
                "measured value infinite",
                |c| c.update.indicator_actual = Some(f64::NEG_INFINITY),
                vec![("indicator_actual", Unknown)],
            ),
        ],
    );
}
