//! Check inputs that need other records beside the one checked, each with a valid value.

use super::*;
use taawun_core::rules::{self, RuleErrors};
use taawun_core::*;

/// A session with what `check_session` needs beside it.
#[derive(Clone)]
pub struct SessionCtx {
    pub session: Session,
    pub commission: Commission,
    pub people: Vec<Person>,
    pub ordinal_taken: bool,
}

impl SessionCtx {
    pub fn valid() -> Self {
        SessionCtx {
            session: session(),
            commission: commission(),
            people: people(),
            ordinal_taken: false,
        }
    }
    pub fn check(&self) -> Result<(), RuleErrors> {
        rules::check_session(
            &self.session,
            &self.commission,
            &self.people,
            self.ordinal_taken,
        )
    }
}

/// An action item with what `check_item` needs beside it.
#[derive(Clone)]
pub struct ItemCtx {
    pub item: ActionItem,
    pub previous: Option<ActionItem>,
    pub plan_parties: Vec<Id>,
    pub organisations: Vec<Organisation>,
}

impl ItemCtx {
    pub fn valid() -> Self {
        ItemCtx {
            item: item(),
            previous: Some(item()),
            plan_parties: vec![PARTY_A, PARTY_B],
            organisations: organisations(),
        }
    }
    pub fn check(&self) -> Result<(), RuleErrors> {
        rules::check_item(
            &self.item,
            self.previous.as_ref(),
            &self.plan_parties,
            &self.organisations,
        )
    }
}

/// An agreement and, when updating, its stored version.
#[derive(Clone)]
pub struct AgreementCtx {
    pub agreement: Agreement,
    pub previous: Option<Agreement>,
}

impl AgreementCtx {
    pub fn valid() -> Self {
        AgreementCtx {
            agreement: agreement(),
            previous: Some(agreement()),
        }
    }
    pub fn check(&self) -> Result<(), RuleErrors> {
        rules::check_agreement(&self.agreement, self.previous.as_ref())
    }
}
