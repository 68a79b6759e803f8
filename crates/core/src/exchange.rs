//! What each party owns of a record the other party's instance originated (issue 16):
//! its own side. On a session, its delegation; on an action item, its lead body. A partner
//! may send a change to its own part only; everything else is the originator's. Progress
//! reports are records of their own, owned by the party that reports.

use crate::{ActionItem, Id, Lead, Session, commission::Delegation};
use serde::{Deserialize, Serialize};

/// One party's part of a record; `None` inside: the party has none (no delegation listed,
/// no lead body named).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Delegation(Option<Delegation>),
    Lead(Option<Lead>),
}

impl Part {
    /// The party the part belongs to, when it names one.
    pub fn party(&self) -> Option<Id> {
        match self {
            Part::Delegation(d) => d.as_ref().map(|d| d.party_id),
            Part::Lead(l) => l.as_ref().map(|l| l.party_id),
        }
    }
}

/// `party`'s delegation in `s`.
pub fn delegation_part(s: &Session, party: Id) -> Part {
    Part::Delegation(s.delegations.iter().find(|d| d.party_id == party).cloned())
}

/// `party`'s lead body on `i`.
pub fn lead_part(i: &ActionItem, party: Id) -> Part {
    Part::Lead(i.leads.iter().find(|l| l.party_id == party).cloned())
}

/// `s` with `party`'s delegation replaced by `part` (kept in its place, added last, or
/// removed); `false` when the part is not a delegation of `party`.
pub fn set_delegation(s: &mut Session, party: Id, part: &Part) -> bool {
    let Part::Delegation(d) = part else {
        return false;
    };
    if d.as_ref().is_some_and(|d| d.party_id != party) {
        return false;
    }
    let at = s.delegations.iter().position(|x| x.party_id == party);
    match (at, d) {
        (Some(i), Some(d)) => s.delegations[i] = d.clone(),
        (Some(i), None) => {
            s.delegations.remove(i);
        }
        (None, Some(d)) => s.delegations.push(d.clone()),
        (None, None) => {}
    }
    true
}

/// `i` with `party`'s lead body replaced by `part`; `false` when the part is not a lead of
/// `party`.
pub fn set_lead(i: &mut ActionItem, party: Id, part: &Part) -> bool {
    let Part::Lead(l) = part else {
        return false;
    };
    if l.as_ref().is_some_and(|l| l.party_id != party) {
        return false;
    }
    let at = i.leads.iter().position(|x| x.party_id == party);
    match (at, l) {
        (Some(n), Some(l)) => i.leads[n] = l.clone(),
        (Some(n), None) => {
            i.leads.remove(n);
        }
        (None, Some(l)) => i.leads.push(l.clone()),
        (None, None) => {}
    }
    true
}
