//! Taawun's domain: the records of the cooperation chain, localized text, and the rules
//! that every write must satisfy. Pure data and functions: no IO, no SQL, no HTTP.

pub mod access;
pub mod adoption;
pub mod agreement;
pub mod attachment;
pub mod commission;
pub mod exchange;
pub mod followup;
pub mod id;
pub mod import;
pub mod lang;
pub mod minutes;
pub mod next_session;
pub mod party;
pub mod plan;
pub mod record_kind;
pub mod rules;
pub mod search;
pub mod sheet;
pub mod text;
pub mod user;

pub use access::{
    Action, Denied, FileAction, Grant, Kind, Marking, Principal, Protection, Releasability, Role,
    Target, decide, decide_files, decide_grant, decide_protection,
};
pub use agreement::{Agreement, AgreementKind, AgreementLink, Clause, Lifecycle, LinkKind};
pub use commission::{
    AgendaItem, Commission, Decision, Delegation, DelegationMember, DelegationRole, Session,
    SideEvent, SideEventKind, Statement, StatementOccasion,
};
pub use id::{Id, new_id};
pub use lang::Lang;
pub use party::{Organisation, Party, PartyKind, Person, Rank};
pub use plan::{
    ActionItem, ActionPlan, Activity, ActivityKind, Area, Direction, Indicator, ItemStatus, Lead,
    Participation, ProgressUpdate,
};
pub use record_kind::{Kinded, RecordKind};
pub use rules::{RuleError, RuleErrors};
pub use text::LocalizedText;
pub use user::User;
