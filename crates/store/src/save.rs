//! A write named as data, so that many can be handed to the store at once
//! (`Store::save_all`): a whole generated data set goes through the one write path in a few
//! hundred transactions instead of a few hundred thousand.

use crate::{Actor, Store, StoreResult};
use taawun_core::*;

/// One write and who makes it.
#[derive(Debug, Clone)]
pub struct Save {
    pub actor: Actor,
    pub write: Write,
}

/// What a `Save` writes: a record of any kind, through its `save_*`, or a user's password
/// hash, through `set_password` (an account event, not a record).
#[derive(Debug, Clone)]
pub enum Write {
    Party(Party),
    Organisation(Organisation),
    Rank(Rank),
    Person(Person),
    Area(Area),
    Agreement(Agreement),
    Clause(Clause),
    Commission(Commission),
    Session(Session),
    Plan(ActionPlan),
    Item(ActionItem),
    Progress(ProgressUpdate),
    Activity(Activity),
    User(User),
    Password { user: Id, phc_hash: String },
}

impl Save {
    pub fn new(actor: &Actor, write: Write) -> Self {
        Save {
            actor: actor.clone(),
            write,
        }
    }

    /// This write alone, through the ordinary `save_*` call (its own transaction): what
    /// `save_all` must be indistinguishable from, and what a backend without a batched path
    /// does for each write.
    pub async fn one_by_one(&self, store: &(impl Store + ?Sized)) -> StoreResult<()> {
        let a = &self.actor;
        match &self.write {
            Write::Party(r) => store.save_party(a, r).await.map(drop),
            Write::Organisation(r) => store.save_organisation(a, r).await.map(drop),
            Write::Rank(r) => store.save_rank(a, r).await.map(drop),
            Write::Person(r) => store.save_person(a, r).await.map(drop),
            Write::Area(r) => store.save_area(a, r).await.map(drop),
            Write::Agreement(r) => store.save_agreement(a, r).await.map(drop),
            Write::Clause(r) => store.save_clause(a, r).await.map(drop),
            Write::Commission(r) => store.save_commission(a, r).await.map(drop),
            Write::Session(r) => store.save_session(a, r).await.map(drop),
            Write::Plan(r) => store.save_plan(a, r).await.map(drop),
            Write::Item(r) => store.save_item(a, r).await.map(drop),
            Write::Progress(r) => store.save_progress(a, r).await.map(drop),
            Write::Activity(r) => store.save_activity(a, r).await.map(drop),
            Write::User(r) => store.save_user(a, r).await.map(drop),
            Write::Password { user, phc_hash } => store.set_password(a, *user, phc_hash).await,
        }
    }
}

/// The record variants of `Write`, with their kinds: what a bundle from a partner instance
/// may carry (never a user or a password).
macro_rules! exchanged {
    ($m:ident) => {
        $m!(
            Party: Party,
            Organisation: Organisation,
            Rank: Rank,
            Person: Person,
            Area: Area,
            Agreement: Agreement,
            Clause: Clause,
            Commission: Commission,
            Session: Session,
            ActionPlan: Plan,
            ActionItem: Item,
            ProgressUpdate: Progress,
            Activity: Activity
        )
    };
}

impl Write {
    /// A record of `kind` from its JSON document; `Ok(None)` for a kind that never travels
    /// between instances (users).
    pub fn from_document(
        kind: RecordKind,
        doc: serde_json::Value,
    ) -> Result<Option<Write>, serde_json::Error> {
        macro_rules! decode {
            ($($k:ident: $v:ident),*) => {
                match kind {
                    $(RecordKind::$k => Ok(Some(Write::$v(serde_json::from_value(doc)?))),)*
                    RecordKind::User => Ok(None),
                }
            };
        }
        exchanged!(decode)
    }

    /// The record's protection; `None` for users and passwords.
    pub fn protection(&self) -> Option<Protection> {
        macro_rules! get {
            ($($k:ident: $v:ident),*) => {
                match self {
                    $(Write::$v(r) => Some(r.protection),)*
                    Write::User(_) | Write::Password { .. } => None,
                }
            };
        }
        exchanged!(get)
    }

    /// Sets the record's version: the local one a received record is saved at.
    pub fn set_version(&mut self, version: i64) {
        macro_rules! set {
            ($($k:ident: $v:ident),*) => {
                match self {
                    $(Write::$v(r) => r.version = version,)*
                    Write::User(r) => r.version = version,
                    Write::Password { .. } => {}
                }
            };
        }
        exchanged!(set)
    }

    /// Sets the record's protection (users carry none).
    pub fn set_protection(&mut self, protection: Protection) {
        macro_rules! set {
            ($($k:ident: $v:ident),*) => {
                match self {
                    $(Write::$v(r) => r.protection = protection,)*
                    Write::User(_) | Write::Password { .. } => {}
                }
            };
        }
        exchanged!(set)
    }

    /// `party`'s own part of the record (`core::exchange`): a session's delegation, an
    /// item's lead body; `None` for other kinds.
    pub fn part(&self, party: Id) -> Option<taawun_core::exchange::Part> {
        match self {
            Write::Session(s) => Some(taawun_core::exchange::delegation_part(s, party)),
            Write::Item(i) => Some(taawun_core::exchange::lead_part(i, party)),
            _ => None,
        }
    }

    /// Replaces `party`'s own part; `false` when `part` is not one of this record's parts
    /// for `party`.
    pub fn set_part(&mut self, party: Id, part: &taawun_core::exchange::Part) -> bool {
        match self {
            Write::Session(s) => taawun_core::exchange::set_delegation(s, party, part),
            Write::Item(i) => taawun_core::exchange::set_lead(i, party, part),
            _ => false,
        }
    }
}
