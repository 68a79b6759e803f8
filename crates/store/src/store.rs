//! The `Store` trait: everything the rest of Taawun may ask of the database.

use crate::StoreResult;
use chrono::{DateTime, Utc};
use taawun_core::*;

/// Who performs a write; recorded in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
}

impl Actor {
    pub fn new(name: impl Into<String>) -> Self {
        Actor { name: name.into() }
    }
    /// Writes made by the system itself (demo loading, migrations).
    pub fn system() -> Self {
        Actor::new("system")
    }
}

/// One row of the audit log: who changed which record when, and its state before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// `create` or `update`.
    pub action: String,
    /// Record type, e.g. `session`.
    pub entity: String,
    pub entity_id: Id,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Reads return records as they are stored. `save_*` creates the record when its id is new
/// (its `version` must then be 0) and otherwise updates it (its `version` must equal the
/// stored one, else `StoreError::Conflict`). Each save validates with `taawun_core::rules`,
/// writes, and appends one audit row, all in one transaction; it returns the record as
/// stored, with its new version.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// True when no commission, agreement or party has been recorded yet.
    async fn is_empty(&self) -> StoreResult<bool>;

    async fn parties(&self) -> StoreResult<Vec<Party>>;
    async fn party(&self, id: Id) -> StoreResult<Option<Party>>;
    async fn save_party(&self, actor: &Actor, p: &Party) -> StoreResult<Party>;

    /// Organisations, of one party when given, ordered by name.
    async fn organisations(&self, party: Option<Id>) -> StoreResult<Vec<Organisation>>;
    async fn organisation(&self, id: Id) -> StoreResult<Option<Organisation>>;
    async fn save_organisation(&self, actor: &Actor, o: &Organisation)
    -> StoreResult<Organisation>;

    async fn ranks(&self) -> StoreResult<Vec<Rank>>;
    async fn rank(&self, id: Id) -> StoreResult<Option<Rank>>;
    async fn save_rank(&self, actor: &Actor, r: &Rank) -> StoreResult<Rank>;

    /// People, of one organisation when given.
    async fn people(&self, organisation: Option<Id>) -> StoreResult<Vec<Person>>;
    async fn person(&self, id: Id) -> StoreResult<Option<Person>>;
    async fn save_person(&self, actor: &Actor, p: &Person) -> StoreResult<Person>;

    async fn areas(&self) -> StoreResult<Vec<Area>>;
    async fn area(&self, id: Id) -> StoreResult<Option<Area>>;
    async fn save_area(&self, actor: &Actor, a: &Area) -> StoreResult<Area>;

    /// All agreements, most recently signed first.
    async fn agreements(&self) -> StoreResult<Vec<Agreement>>;
    async fn agreement(&self, id: Id) -> StoreResult<Option<Agreement>>;
    /// Agreements signed at a session.
    async fn agreements_of_session(&self, session: Id) -> StoreResult<Vec<Agreement>>;
    async fn save_agreement(&self, actor: &Actor, a: &Agreement) -> StoreResult<Agreement>;

    /// Clauses of an agreement by number.
    async fn clauses(&self, agreement: Id) -> StoreResult<Vec<Clause>>;
    async fn clause(&self, id: Id) -> StoreResult<Option<Clause>>;
    async fn save_clause(&self, actor: &Actor, c: &Clause) -> StoreResult<Clause>;

    async fn commissions(&self) -> StoreResult<Vec<Commission>>;
    async fn commission(&self, id: Id) -> StoreResult<Option<Commission>>;
    async fn save_commission(&self, actor: &Actor, c: &Commission) -> StoreResult<Commission>;

    /// Sessions, of one commission when given, most recent first.
    async fn sessions(&self, commission: Option<Id>) -> StoreResult<Vec<Session>>;
    async fn session(&self, id: Id) -> StoreResult<Option<Session>>;
    /// Sessions in which a person sat in a delegation, most recent first.
    async fn sessions_of_person(&self, person: Id) -> StoreResult<Vec<Session>>;
    async fn save_session(&self, actor: &Actor, s: &Session) -> StoreResult<Session>;

    /// Action plans, of one commission when given.
    async fn plans(&self, commission: Option<Id>) -> StoreResult<Vec<ActionPlan>>;
    /// Plans implementing an agreement or a session.
    async fn plans_for(&self, agreement_or_session: Id) -> StoreResult<Vec<ActionPlan>>;
    async fn plan(&self, id: Id) -> StoreResult<Option<ActionPlan>>;
    async fn save_plan(&self, actor: &Actor, p: &ActionPlan) -> StoreResult<ActionPlan>;

    /// Items of a plan ordered by code.
    async fn items(&self, plan: Id) -> StoreResult<Vec<ActionItem>>;
    async fn item(&self, id: Id) -> StoreResult<Option<ActionItem>>;
    /// Items implementing any clause of an agreement.
    async fn items_for_agreement(&self, agreement: Id) -> StoreResult<Vec<ActionItem>>;
    /// Items where an organisation is a lead body.
    async fn items_led_by(&self, organisation: Id) -> StoreResult<Vec<ActionItem>>;
    /// Items not done nor cancelled, soonest due first, at most `limit`.
    async fn open_items(&self, limit: u32) -> StoreResult<Vec<ActionItem>>;
    async fn save_item(&self, actor: &Actor, i: &ActionItem) -> StoreResult<ActionItem>;

    /// Progress updates of an item, newest first.
    async fn progress(&self, item: Id) -> StoreResult<Vec<ProgressUpdate>>;
    async fn save_progress(&self, actor: &Actor, p: &ProgressUpdate)
    -> StoreResult<ProgressUpdate>;

    /// Activities, of one item when given, by start date.
    async fn activities(&self, item: Option<Id>) -> StoreResult<Vec<Activity>>;
    async fn activity(&self, id: Id) -> StoreResult<Option<Activity>>;
    async fn save_activity(&self, actor: &Actor, a: &Activity) -> StoreResult<Activity>;

    /// Audit rows of one record, oldest first.
    async fn audit_of(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>>;
}
