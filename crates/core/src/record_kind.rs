//! The kinds of record Taawun keeps, as one enum: the audit log, the search index, history,
//! permission checks by id and the pages describing a record all name records by kind, and
//! naming them by a typed value makes an unknown kind impossible rather than silently hidden.

use crate::access::Kind;
use crate::{
    ActionItem, ActionPlan, Activity, Agreement, Area, Clause, Commission, Organisation, Party,
    Person, ProgressUpdate, Rank, Session, User,
};
use std::fmt;

/// One kind of stored record. `key` is the text the database holds (audit rows, search
/// entries, notification targets) and the history page's path segment: it never changes,
/// so stored data needs no migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Party,
    Organisation,
    Rank,
    Person,
    Area,
    Agreement,
    Clause,
    Commission,
    Session,
    ActionPlan,
    ActionItem,
    ProgressUpdate,
    Activity,
    User,
}

impl RecordKind {
    pub const ALL: [RecordKind; 14] = [
        RecordKind::Party,
        RecordKind::Organisation,
        RecordKind::Rank,
        RecordKind::Person,
        RecordKind::Area,
        RecordKind::Agreement,
        RecordKind::Clause,
        RecordKind::Commission,
        RecordKind::Session,
        RecordKind::ActionPlan,
        RecordKind::ActionItem,
        RecordKind::ProgressUpdate,
        RecordKind::Activity,
        RecordKind::User,
    ];

    /// The stored name (`session`, `action_item`…).
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Party => "party",
            RecordKind::Organisation => "organisation",
            RecordKind::Rank => "rank",
            RecordKind::Person => "person",
            RecordKind::Area => "area",
            RecordKind::Agreement => "agreement",
            RecordKind::Clause => "clause",
            RecordKind::Commission => "commission",
            RecordKind::Session => "session",
            RecordKind::ActionPlan => "action_plan",
            RecordKind::ActionItem => "action_item",
            RecordKind::ProgressUpdate => "progress_update",
            RecordKind::Activity => "activity",
            RecordKind::User => "user",
        }
    }

    /// The kind stored as `key`; `None` for anything else (the caller decides whether that
    /// is a 404 or corrupt data).
    pub fn parse(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The permission category `core::access::decide` applies to records of this kind.
    pub fn access(self) -> Kind {
        match self {
            RecordKind::Party | RecordKind::Area => Kind::Taxonomy,
            // Ranks are registry: the secretariat adds the rank a delegate holds as it
            // records the delegation, as it adds the person.
            RecordKind::Organisation | RecordKind::Person | RecordKind::Rank => Kind::Registry,
            RecordKind::Commission => Kind::Commission,
            RecordKind::Agreement => Kind::Agreement,
            RecordKind::Clause | RecordKind::Session | RecordKind::ActionPlan => {
                Kind::CommissionWork
            }
            RecordKind::ActionItem => Kind::ActionItem,
            RecordKind::ProgressUpdate => Kind::ProgressUpdate,
            RecordKind::Activity => Kind::Activity,
            RecordKind::User => Kind::User,
        }
    }
}

impl fmt::Display for RecordKind {
    /// The key, so a path or a message names the kind as the database does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A record type and its kind, so generic code (the write path, forms) names the kind of
/// `R` as `R::KIND` rather than by a string beside the type.
pub trait Kinded {
    const KIND: RecordKind;
}

macro_rules! kinded {
    ($($t:ty => $kind:ident),* $(,)?) => {$(
        impl Kinded for $t {
            const KIND: RecordKind = RecordKind::$kind;
        }
    )*};
}

kinded!(
    Party => Party,
    Organisation => Organisation,
    Rank => Rank,
    Person => Person,
    Area => Area,
    Agreement => Agreement,
    Clause => Clause,
    Commission => Commission,
    Session => Session,
    ActionPlan => ActionPlan,
    ActionItem => ActionItem,
    ProgressUpdate => ProgressUpdate,
    Activity => Activity,
    User => User,
);

// Kept as its key, the text the database already holds for a kind (adopted minutes list
// the records they were made from).
impl serde::Serialize for RecordKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> serde::Deserialize<'de> for RecordKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        RecordKind::parse(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown record kind {key:?}")))
    }
}
