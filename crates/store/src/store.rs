//! The `Store` trait: everything the rest of Taawun may ask of the database.

use crate::exchange::{
    ApplyRefusal, Arrival, Ask, Candidate, Conflict, Direction, LogRow, Partner,
};
use crate::{AuditHead, CalendarFeed, FactsFilter, FactsScope, StoreResult};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use taawun_core::followup::{ItemFacts, Notification, Reminder};
use taawun_core::*;

/// Who performs a write; recorded in the audit log. With a `principal`, the write path asks
/// `core::access::decide` before writing; without one, the writer is trusted system code
/// (demo loading, the command line) and no permission is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub principal: Option<Principal>,
    /// When the write happens, for trusted code that replays a history (`taawun generate`):
    /// its audit rows then carry this time, and ids derived from it and from their content,
    /// instead of the clock's and random ones, so the same data set gives the same rows on
    /// any day. `None` (every user's write): the clock.
    pub at: Option<DateTime<Utc>>,
}

impl Actor {
    /// Trusted system code acting under `name`: no permission check.
    pub fn new(name: impl Into<String>) -> Self {
        Actor {
            name: name.into(),
            principal: None,
            at: None,
        }
    }
    /// Writes made by the system itself (demo loading, migrations).
    pub fn system() -> Self {
        Actor::new("system")
    }
    /// A signed-in user: audited under their username, checked against their role.
    pub fn user(user: &User) -> Self {
        Actor {
            name: user.username.clone(),
            principal: Some(user.principal()),
            at: None,
        }
    }
    /// The same actor writing at `at` (see `Actor::at`); the clock is not asked.
    pub fn dated(self, at: DateTime<Utc>) -> Self {
        Actor {
            at: Some(at),
            ..self
        }
    }
}

/// A user's secrets, kept apart from the `User` record so they never reach an audit row, an
/// export or a page. Hashing is the caller's job: the store keeps what it is given.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// Argon2 PHC string; empty when no password was ever set (login impossible).
    pub password_hash: String,
    /// TOTP secret (base32), when a second factor is enrolled.
    pub totp_secret: Option<String>,
    /// Hex SHA-256 of each unused recovery code.
    pub recovery_hashes: Vec<String>,
}

impl std::fmt::Debug for Credentials {
    // Never print secrets, even in a debug log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("password_set", &!self.password_hash.is_empty())
            .field("totp", &self.totp_secret.is_some())
            .field("recovery_codes", &self.recovery_hashes.len())
            .finish()
    }
}

/// One search result: the record's kind and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub entity: RecordKind,
    pub id: Id,
}

/// One row of the audit log: who changed which record when, and its state before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// `create`, `update`, or an account event: `set_password`, `set_second_factor`,
    /// `use_recovery_code`, `create_calendar_feed`, `revoke_calendar_feed` (whose
    /// before/after hold the user record, never a secret).
    pub action: String,
    /// The kind of the record; a stored row naming no known kind is `StoreError::Corrupt`.
    pub entity: RecordKind,
    pub entity_id: Id,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The audit row of an event that is not a save: the secretariat asked a side's lead body
/// for news of an item (`after` names the party asked). Shown in the item's history as is.
pub const REQUEST_UPDATE: &str = "request_update";

/// The user setting naming the Arabic usage their pages write dates in (`fmt::date_in`).
pub const ARABIC_DATES_KEY: &str = "arabic_dates";

/// What the header of every page of a user reads, in one round trip (`Store::header_of`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderRow {
    /// Their party's stored record (unfiltered: `Visible::header` decides).
    pub party: Option<Party>,
    /// Their unread notifications, plainly counted.
    pub unread: u32,
    /// Their `ARABIC_DATES_KEY` setting, if they made one.
    pub arabic_dates: Option<String>,
}

/// One row of the recent changes: an audit row without its documents. `position` orders
/// rows (newest highest) and is where the next, older page starts.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub position: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: RecordKind,
    pub entity_id: Id,
}

/// Reads return records as they are stored. `save_*` creates the record when its id is new
/// (its `version` must then be 0) and otherwise updates it (its `version` must equal the
/// stored one, else `StoreError::Conflict`). Each save validates with `taawun_core::rules`,
/// writes, and appends one audit row, all in one transaction; it returns the record as
/// stored, with its new version.
///
/// When the actor has a principal, each save is first decided by `core::access::decide` in
/// the same transaction: editing a record the principal may not see is `NotFound`; editing
/// one it may not change, or writing a record it could not change or see afterwards, is
/// `Forbidden`. Reads are unfiltered: pages read through `Visible`.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// Ends the store at a clean stop: the write-ahead log is merged into the database file
    /// and every connection closed. Nothing may be read or written afterwards.
    async fn shut_down(&self) -> StoreResult<()> {
        Ok(())
    }

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
    /// The ids of the agreements one of whose deadlines (`core::followup::agreement_deadlines`:
    /// entry into force, expiry, notice date) falls from `from` to `to`, both included,
    /// chosen in the query over the deadline columns the write path keeps, so that a
    /// dashboard reads those few agreements rather than every one.
    async fn agreements_with_deadlines(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<Id>>;
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

    /// The records of `kind` among `ids`, in no particular order; an id the store does not
    /// hold (or of another kind) is simply absent. Accounts (`User`) are never returned.
    /// Unfiltered: `Visible::prefetch` fills a reader's cache with them.
    async fn by_ids(&self, kind: RecordKind, ids: &[Id]) -> StoreResult<Vec<crate::Stored>>;

    /// `by_ids` of several kinds at once: one round trip to the database for a page's
    /// parents and names, where one per kind would each cost a statement.
    async fn by_ids_of_kinds(
        &self,
        wanted: &[(RecordKind, Vec<Id>)],
    ) -> StoreResult<Vec<crate::Stored>> {
        let mut out = Vec::new();
        for (kind, ids) in wanted {
            out.extend(self.by_ids(*kind, ids).await?);
        }
        Ok(out)
    }

    /// Items of a plan ordered by code.
    async fn items(&self, plan: Id) -> StoreResult<Vec<ActionItem>>;
    async fn item(&self, id: Id) -> StoreResult<Option<ActionItem>>;
    /// Items implementing any clause of an agreement.
    async fn items_for_agreement(&self, agreement: Id) -> StoreResult<Vec<ActionItem>>;
    /// Items where an organisation is a lead body.
    async fn items_led_by(&self, organisation: Id) -> StoreResult<Vec<ActionItem>>;
    /// Items not done nor cancelled, soonest due first, at most `limit`.
    async fn open_items(&self, limit: u32) -> StoreResult<Vec<ActionItem>>;
    /// The same, only items `who` may see (`visibility::predicate`), chosen by the query:
    /// a reader who sees few items does not make it read every open one.
    async fn open_items_for(&self, who: &Principal, limit: u32) -> StoreResult<Vec<ActionItem>>;
    /// Items not done nor cancelled of the commission's plans, soonest due first (undated
    /// last): what the next session's agenda carries over.
    async fn open_items_of_commission(&self, commission: Id) -> StoreResult<Vec<ActionItem>>;
    /// Saves an item. Its `status` is stored as the joint status of its sides
    /// (`core::followup::item_status`): only `Cancelled`, with a `cancel_reason`, is taken
    /// from the record; any other value is replaced.
    async fn save_item(&self, actor: &Actor, i: &ActionItem) -> StoreResult<ActionItem>;
    /// Creates every item in one transaction, each through the same write path as
    /// `save_item` (permission decided per item, version 0 required, rules, row, links,
    /// search entry, one audit row each). If any item fails, nothing is written and the
    /// error says which (`StoreError::InBatch`, index into `items`). `progress` is called
    /// with the number of items written so far, at least every 100 items and at the end.
    async fn save_items(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<Vec<ActionItem>>;

    /// As `save_items`, but an item may also be a stored one at its stored version, which is
    /// then updated through the same write path as `save_item` (a stale version is a
    /// `Conflict` naming its index, and nothing is written): an import of an exported sheet,
    /// whose rows update the items they name.
    async fn apply_items(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<Vec<ActionItem>>;

    /// Every write of `saves`, in order, each exactly as its own `save_*` (or
    /// `set_password`) would make it: the same permission, rules, rows, links, search
    /// entries, follow-up facts and audit rows, byte for byte, given dated actors
    /// (`Actor::at`). Writes are grouped into transactions of a few thousand, so a failure
    /// leaves the earlier groups written and names the write that failed
    /// (`StoreError::InBatch`, index into `saves`): for loading a data set into an empty
    /// database, not for a user's all-or-nothing batch (`save_items`). `progress` is called
    /// with the number of writes made so far after each group.
    async fn save_all(
        &self,
        saves: &[crate::Save],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<()> {
        for (index, save) in saves.iter().enumerate() {
            save.one_by_one(self)
                .await
                .map_err(|e| crate::StoreError::InBatch {
                    index,
                    source: Box::new(e),
                })?;
        }
        progress(saves.len());
        Ok(())
    }

    /// The light facts of the items in `scope`, in id order, read without decoding any
    /// document: the input of `core::followup::figures` and `carry_over`. With `only`,
    /// items outside the filter are left out (`Visible::item_facts` passes the reader's).
    async fn item_facts(
        &self,
        scope: FactsScope,
        only: Option<&FactsFilter>,
    ) -> StoreResult<Vec<ItemFacts>>;

    /// The numbers of the dashboard of `scope` on `today`, counting what `who` may see:
    /// equal to `figures(…).counts()` over those items, read from the tallies the write
    /// path keeps (the whole instance, a party) or from the scope's own items (a
    /// commission, an agreement) — never by judging every item. `Visible::item_counts` is
    /// its only caller; it checks the scope.
    async fn item_counts(
        &self,
        who: &Principal,
        scope: FactsScope,
        today: NaiveDate,
    ) -> StoreResult<crate::ItemCounts>;

    /// One window of the items in `scope` that `filter` admits on `today` and `who` may
    /// see, soonest due first (undated last), then by id — selected in the query, never by
    /// reading them all. `Visible::item_window` is its only caller; it checks the scope.
    async fn item_window(
        &self,
        who: &Principal,
        scope: FactsScope,
        filter: &taawun_core::followup::ItemFilter,
        today: NaiveDate,
        window: crate::Window,
    ) -> StoreResult<crate::ItemWindow>;

    /// One window of the commissions `who` may see, by name. `Visible` is the only caller
    /// of these windowed reads; each selects with the reader's visibility in the query.
    async fn commissions_window(
        &self,
        who: &Principal,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Commission>>;
    /// One window of the sessions `who` may see (of one commission, or all), newest first.
    async fn sessions_window(
        &self,
        who: &Principal,
        commission: Option<Id>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Session>>;
    /// One window of the agreements `who` may see (in one state, or all), as `agreements`
    /// orders them.
    async fn agreements_window(
        &self,
        who: &Principal,
        status: Option<Lifecycle>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Agreement>>;

    /// The agreements `who` may see that amend, supersede or implement `target`, by date
    /// signed. `Visible::agreements_linking_to` is its only caller.
    async fn agreements_linking_to(
        &self,
        who: &Principal,
        target: Id,
    ) -> StoreResult<Vec<Agreement>>;

    /// One window of the items of `plan` that `who` may see, in the plan's order (code,
    /// then id), selected in the query. `Visible::plan_items` is its only caller.
    async fn plan_items(
        &self,
        who: &Principal,
        plan: Id,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<ActionItem>>;

    /// The neighbours of `item` in its plan's order among the items `who` may see, and the
    /// others of its plan with the same code. `Visible::item_neighbours` is its only caller.
    async fn item_neighbours(
        &self,
        who: &Principal,
        item: &ActionItem,
    ) -> StoreResult<crate::Neighbours>;

    /// Which of `items` are at risk on `today` and not yet overdue, by their stored
    /// threshold dates (`followup::thresholds`): read by primary key, so a page asks only
    /// about the rows it shows. Unfiltered: the caller passes items it already shows.
    async fn items_at_risk(&self, items: &[Id], today: NaiveDate) -> StoreResult<Vec<Id>>;

    /// Progress updates of an item, newest first.
    async fn progress(&self, item: Id) -> StoreResult<Vec<ProgressUpdate>>;
    async fn progress_update(&self, id: Id) -> StoreResult<Option<ProgressUpdate>>;
    /// Progress updates reported on or after `since`, newest first.
    async fn progress_since(&self, since: NaiveDate) -> StoreResult<Vec<ProgressUpdate>>;
    /// Saves a progress update, then derives its item again in the same transaction: the
    /// item's sides and facts, and its joint status (a change of status is written and
    /// audited as an update of the item, under the same actor).
    async fn save_progress(&self, actor: &Actor, p: &ProgressUpdate)
    -> StoreResult<ProgressUpdate>;

    /// Activities, of one item when given, by start date.
    async fn activities(&self, item: Option<Id>) -> StoreResult<Vec<Activity>>;
    async fn activity(&self, id: Id) -> StoreResult<Option<Activity>>;
    async fn save_activity(&self, actor: &Actor, a: &Activity) -> StoreResult<Activity>;

    /// Audit rows of one record, oldest first.
    async fn audit_of(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>>;

    /// The head of the audit chain (`seq:sha256` of its last row), to be saved outside the
    /// database and compared later by `taawun check --expect-head`.
    async fn audit_head(&self) -> StoreResult<AuditHead>;

    /// Users by username.
    async fn users(&self) -> StoreResult<Vec<User>>;
    async fn user(&self, id: Id) -> StoreResult<Option<User>>;
    async fn user_by_name(&self, username: &str) -> StoreResult<Option<User>>;
    async fn save_user(&self, actor: &Actor, u: &User) -> StoreResult<User>;

    /// The user's secrets, `None` until a password or second factor is set. For the login
    /// code only; never through `Visible`.
    async fn credentials(&self, user: Id) -> StoreResult<Option<Credentials>>;
    /// `user` and `credentials` in one read: what checking a session on every request needs,
    /// in one round trip instead of two.
    async fn account(&self, user: Id) -> StoreResult<Option<(User, Option<Credentials>)>>;
    /// Stores a new password hash (PHC string). Allowed to the user themselves and to whoever
    /// may edit users. Audited as `set_password`, without the hash.
    async fn set_password(&self, actor: &Actor, user: Id, phc_hash: &str) -> StoreResult<()>;
    /// Enrols (`Some`) or removes (`None`) the TOTP secret, replaces the recovery codes, and
    /// sets `User::totp_enabled` to match, in one transaction; returns the updated user.
    /// Same permission as `set_password`; audited as `set_second_factor` without secrets.
    async fn set_second_factor(
        &self,
        actor: &Actor,
        user: Id,
        totp_secret: Option<&str>,
        recovery_hashes: &[String],
    ) -> StoreResult<User>;
    /// Spends a recovery code: removes `hash` from the user's list and returns true when it
    /// was there, atomically (a code works once even under concurrent logins). Audited as
    /// `use_recovery_code` under the user's name.
    async fn use_recovery_code(&self, user: Id, hash: &str) -> StoreResult<bool>;

    /// Records a calendar subscription of `user` (`commission` `None`: their own feed) under
    /// the SHA-256 of its token (hex, computed by the caller). Same permission as
    /// `set_password`; audited as `create_calendar_feed` on the user, without the hash.
    async fn create_calendar_feed(
        &self,
        actor: &Actor,
        user: Id,
        commission: Option<Id>,
        token_hash: &str,
    ) -> StoreResult<CalendarFeed>;
    /// The feed for a token hash; `None` when unknown or revoked, or when its user is
    /// disabled.
    async fn calendar_feed_by_token(&self, token_hash: &str) -> StoreResult<Option<CalendarFeed>>;
    /// The user's feeds, newest first, revoked ones included.
    async fn calendar_feeds(&self, user: Id) -> StoreResult<Vec<CalendarFeed>>;
    /// Revokes a feed; `Ok(false)` if it was already revoked. Same permission as
    /// `set_password`; audited as `revoke_calendar_feed` on the feed's user.
    async fn revoke_calendar_feed(&self, actor: &Actor, feed: Id) -> StoreResult<bool>;

    /// Attaches a file to a record, or a new version of one of its files (`FileSlot`):
    /// the content is kept once per SHA-256 (which the store computes), the version's row
    /// and its audit row (`attach_file` or `replace_file`, on the record, holding the
    /// metadata and never the content) are written in one transaction. Allowed where
    /// `decide_files(Attach)` allows it on the record as stored: a record the actor may not
    /// see is `NotFound`, one they may not edit `Forbidden`. The content must be 1 byte to
    /// `attachment::MAX_FILE_BYTES` (else `Invalid` on `file`); its type is the caller's to
    /// have checked by content (`taawun_app::files::check`).
    async fn attach_file(
        &self,
        actor: &Actor,
        file: crate::NewFile,
    ) -> StoreResult<taawun_core::attachment::Attachment>;
    /// Every version of every file of a record, by file then newest version first.
    /// Unfiltered: pages list them through `Visible::attachments`.
    async fn attachments(
        &self,
        kind: RecordKind,
        record: Id,
    ) -> StoreResult<Vec<taawun_core::attachment::Attachment>>;
    /// Every version of every file of each of several records of one kind (a page listing
    /// an item's progress updates or activities asks once). Unfiltered.
    async fn attachments_of(
        &self,
        kind: RecordKind,
        records: &[Id],
    ) -> StoreResult<Vec<taawun_core::attachment::Attachment>>;
    /// One version by its id. Unfiltered.
    async fn attachment(&self, id: Id) -> StoreResult<Option<taawun_core::attachment::Attachment>>;
    /// The content of one version. Unfiltered: downloads go through `Visible`.
    async fn attachment_content(&self, id: Id) -> StoreResult<Option<Vec<u8>>>;
    /// Deletes one version of a file for good — its row, and its content when no other row
    /// names the same SHA-256 — for a misfiled file. Administrators only
    /// (`decide_files(Purge)`), with a reason (else `Invalid` on `reason`). The audit row
    /// (`purge_file`, on the record) keeps who, when, why and the hash, not the content
    /// nor the name. Returns the version as it was.
    async fn purge_attachment(
        &self,
        actor: &Actor,
        id: Id,
        reason: &str,
    ) -> StoreResult<taawun_core::attachment::Attachment>;

    /// A login session's data (JSON) and expiry; `None` when unknown or expired.
    async fn login_session_load(&self, id: &str) -> StoreResult<Option<(String, DateTime<Utc>)>>;
    /// Creates or replaces a login session.
    async fn login_session_save(
        &self,
        id: &str,
        json: &str,
        expiry: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn login_session_delete(&self, id: &str) -> StoreResult<()>;
    /// Deletes expired login sessions; returns how many.
    async fn login_sessions_purge(&self) -> StoreResult<u64>;

    /// Records reminders as notifications of `user`. One already recorded (same user, kind,
    /// record and date) is left as it is, read or not: computing again is harmless.
    /// Returns how many were new. Notifications are not audited (like login sessions).
    async fn add_notifications(&self, user: Id, reminders: &[Reminder]) -> StoreResult<u64>;
    /// Asks a side for news of an item: notifies each of `users` (kind `UpdateRequested`,
    /// dated `on`) and appends the `REQUEST_UPDATE` audit row naming `party`, in one
    /// transaction. A user already asked that day is not asked twice; when nobody is new,
    /// nothing is written. Returns how many were notified.
    async fn request_update(
        &self,
        actor: &Actor,
        item: Id,
        party: Id,
        users: &[Id],
        on: NaiveDate,
    ) -> StoreResult<u64>;
    /// Audit rows newest first, at most `limit`, before `before` (a `ChangeRow::position`)
    /// when given, of one kind of record when given. Unfiltered: pages list them through
    /// `Visible::recent_changes`.
    async fn recent_changes(
        &self,
        kind: Option<RecordKind>,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<ChangeRow>>;
    /// The user's notifications, newest first (then by id), at most `limit`; unread only
    /// when asked. Unfiltered: pages list them through `Visible`.
    async fn notifications(
        &self,
        user: Id,
        unread_only: bool,
        limit: u32,
    ) -> StoreResult<Vec<Notification>>;
    /// How many of the user's notifications are unread.
    async fn unread_notifications(&self, user: Id) -> StoreResult<u32>;
    /// What the header of every page of `user` reads, in one round trip: their party's stored
    /// record (unfiltered: `Visible::header` decides whether they see it) and the plain count
    /// of their unread notifications.
    async fn header_of(&self, user: Id, party: Id) -> StoreResult<crate::HeaderRow>;
    /// Marks one notification of the user read, or all of them (`None`).
    async fn mark_notifications_read(&self, user: Id, one: Option<Id>) -> StoreResult<()>;
    /// The user's notifications neither read nor e-mailed yet, oldest first.
    async fn unmailed_notifications(&self, user: Id) -> StoreResult<Vec<Notification>>;
    /// Marks notifications e-mailed, so no later pass sends them again.
    async fn mark_notifications_emailed(&self, ids: &[Id]) -> StoreResult<()>;

    /// A setting the user's choices left (an import's column mapping…), as the JSON text
    /// it was saved with; `None` when never set.
    async fn user_setting(&self, user: Id, key: &str) -> StoreResult<Option<String>>;
    /// Creates or replaces a setting. Keys are at most 200 characters and values at most
    /// 64 KiB, else `StoreError::Invalid` (`Rule::TooLong` on `key` or `value`); an unknown
    /// user is `NotFound`. Not audited (like notifications).
    async fn set_user_setting(&self, user: Id, key: &str, value: &str) -> StoreResult<()>;

    /// Records whose text holds every word of `query` (each as a prefix), best first, at most
    /// `limit`. The query is normalised like the index (`core::search::normalise`) and can
    /// never be a syntax error. Unfiltered: pages search through `Visible`.
    async fn search(&self, query: &str, limit: u32) -> StoreResult<Vec<SearchHit>>;
    /// `search`, keeping in the query only the hits `who` may see by the effective-protection
    /// columns (`visibility::predicate` over each kind's table), so that a reader who sees
    /// few of a common word's matches does not read the others. `Visible` still decides.
    async fn search_for(
        &self,
        who: &Principal,
        query: &str,
        limit: u32,
    ) -> StoreResult<Vec<SearchHit>>;

    /// The login and job counters kept in this database, shared by every process serving
    /// it (see `Counters`).
    fn counters(&self) -> std::sync::Arc<dyn crate::Counters>;

    // The exchange with partner instances (issue 16; `crate::exchange`). Permission is the
    // caller's (`app::exchange`, administrators only); these keep rows and apply what the
    // caller verified.

    /// Every registered partner, revoked ones included, in registration order.
    async fn exchange_partners(&self) -> StoreResult<Vec<Partner>>;
    async fn exchange_partner(&self, instance: Id) -> StoreResult<Option<Partner>>;
    /// The partner instance a record came from, when it came from one (`None`: this
    /// instance's own record). Pages ask it through `Visible::origin`.
    async fn exchange_origin(&self, record: Id) -> StoreResult<Option<Id>>;
    /// Registers or updates a partner, with an audit row on its party.
    async fn save_exchange_partner(&self, actor: &Actor, p: &Partner) -> StoreResult<()>;
    /// The partner's log, newest first.
    async fn exchange_log(&self, partner: Id, limit: u32) -> StoreResult<Vec<LogRow>>;
    /// The partner's bundles logged at `seq` in `direction`: a receipt or a replay checked
    /// against the one bundle it names, not the whole log.
    async fn exchange_log_at(
        &self,
        partner: Id,
        direction: Direction,
        seq: i64,
    ) -> StoreResult<Vec<LogRow>>;
    /// The last bundle of a chain that counts (sent or acknowledged out, applied in).
    async fn exchange_head(&self, partner: Id, direction: Direction)
    -> StoreResult<Option<LogRow>>;
    /// Logs a refused bundle: a row that changes nothing else.
    async fn exchange_log_add(&self, row: &LogRow) -> StoreResult<()>;
    /// What was last sent of each record to the partner: id → digest.
    async fn exchange_sent(&self, partner: Id) -> StoreResult<HashMap<Id, String>>;
    /// The file version sent to `partner` with this content (its `exchange_sent` mark is
    /// `digest`), if one was: what a blob request may open. One indexed lookup.
    async fn exchange_sent_file(
        &self,
        partner: Id,
        sha256: &str,
        digest: &str,
    ) -> StoreResult<Option<Id>>;
    /// A bundle leaves: its log row, which must continue the outbound chain, and the
    /// digests of the records it carries, in one transaction.
    async fn exchange_record_sent(
        &self,
        actor: &Actor,
        party: Id,
        row: &LogRow,
        records: &[(Id, String, Option<String>)],
        envelope: &str,
    ) -> StoreResult<Result<(), ApplyRefusal>>;
    /// Conflicts between a partner's change to its part of a record of ours and ours,
    /// oldest first (open only, or all).
    async fn exchange_conflicts(&self, open_only: bool) -> StoreResult<Vec<Conflict>>;
    /// Resolves an open conflict: `theirs` puts the partner's part in the record, else ours
    /// stays. Both versions stay recorded. `false` when it is not open.
    async fn exchange_resolve(
        &self,
        actor: &Actor,
        party: Id,
        conflict: Id,
        theirs: bool,
    ) -> StoreResult<bool>;
    /// Records a request for news of an item's side to send to (or received from) a
    /// partner; `false` when that request was already recorded.
    async fn exchange_ask(&self, ask: &Ask) -> StoreResult<bool>;
    /// The requests to and from `partner`, oldest first.
    async fn exchange_asks(&self, partner: Id) -> StoreResult<Vec<Ask>>;
    /// The outbound requests `ids` left in bundle `seq`.
    async fn exchange_asks_sent(&self, ids: &[Id], seq: i64) -> StoreResult<()>;
    /// Each of `ids` received from a partner, as last received (JSON).
    async fn exchange_received(&self, ids: &[Id]) -> StoreResult<HashMap<Id, String>>;
    /// After a fork (the partner's signed receipt names its last applied bundle of ours):
    /// the outbound chain resumes after `seq` / `hash`, and every record is sent again.
    async fn exchange_resume(
        &self,
        actor: &Actor,
        party: Id,
        partner: Id,
        seq: i64,
        hash: &str,
    ) -> StoreResult<()>;
    /// Partners' registry records that may be local ones, oldest first (pending only, or
    /// all with their decisions).
    async fn exchange_candidates(&self, pending_only: bool) -> StoreResult<Vec<Candidate>>;
    /// Confirms or declines a pending candidate (see `Candidate`); `None` when it is not
    /// pending, else how many of the partner's records were rewritten to name ours.
    async fn exchange_decide_match(
        &self,
        actor: &Actor,
        party: Id,
        candidate: &Candidate,
        confirm: bool,
    ) -> StoreResult<Option<usize>>;
    /// The outbound bundle `seq` to `partner` as it was sealed.
    async fn exchange_envelope(&self, partner: Id, seq: i64) -> StoreResult<Option<String>>;
    /// Records the nonce of a partner's signed request: whether it is new (a replay is
    /// not). Nonces seen before `forget_before` (seconds since the epoch) are dropped.
    async fn exchange_nonce(
        &self,
        partner: Id,
        nonce: &str,
        now: i64,
        forget_before: i64,
    ) -> StoreResult<bool>;
    /// A signed receipt came back for the outbound bundle `of_seq`: logged, and that bundle
    /// acknowledged (or, refused by the partner, its records count as unsent). Whether a
    /// sent bundle of that seq was waiting for it.
    async fn exchange_receipt(&self, row: &LogRow, of_seq: i64, applied: bool)
    -> StoreResult<bool>;
    /// The partner's ids this instance holds under its own: theirs → ours.
    async fn exchange_matches(&self, partner: Id) -> StoreResult<HashMap<Id, Id>>;
    /// The origin instance and origin version of each of `ids` received from a partner.
    async fn exchange_origins(&self, ids: &[Id]) -> StoreResult<HashMap<Id, (Id, i64)>>;
    /// Applies a verified bundle in one transaction: refused, with nothing written, when it
    /// does not continue the inbound chain, carries a record above `clearance`, or rewrites
    /// a record the partner did not originate.
    async fn exchange_apply(
        &self,
        actor: &Actor,
        party: Id,
        arrival: &Arrival,
        clearance: Marking,
    ) -> StoreResult<Result<(), ApplyRefusal>>;
}
