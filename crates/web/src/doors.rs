//! The store behind the web crate and the only three doors to it (issue 10, finding 4).
//! The raw `Store` reads without any filter, so no page or form holds it: the field is
//! private to this module and nothing here hands it out.
//!
//! - `visible`: the store as one principal may see it. Pages, forms and documents take
//!   their request's from `lookup::reader`; `tests/shape.rs` keeps the other callers few.
//! - `logins`: what login and session code needs and nothing more: a user by name or id
//!   with their secrets, recovery codes, login-session rows, calendar feeds by token.
//! - `acting`: writes as one signed-in user, each decided by the store's write path for
//!   that user, plus that user's own rows (their credentials, feeds, settings,
//!   notifications). Its only read of another record is `stored`, the record as stored
//!   for an edit, which the request's `Visible` must first show the user.
//! - `exchange`: what a partner instance's signed request may ask: its signature checked,
//!   the next bundle for it (selected through the partner's `Visible` by
//!   `app::exchange::outbox`), a receipt or bundle it sends read by `app::exchange::inbox`.

use std::sync::Arc;
use taawun_app::{accounts, import, jobs::Jobs};
use taawun_core::attachment::Attachment;
use taawun_core::import::Mapping;
use taawun_core::sheet::Sheet;
use taawun_core::*;
use taawun_store::{Actor, CalendarFeed, Counters, Credentials, Store, StoreResult, Visible};

/// The store, kept behind the doors below.
#[derive(Clone)]
pub struct Doors {
    store: Arc<dyn Store>,
}

impl Doors {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Doors { store }
    }

    /// The store as `who` may see it.
    pub(crate) fn visible(&self, who: Principal) -> Visible {
        Visible::new(self.store.clone(), who)
    }

    /// The job counters of this database, shared by every process serving it.
    pub(crate) fn counters(&self) -> Arc<dyn Counters> {
        self.store.counters()
    }

    /// The door of partner instances' signed requests.
    pub(crate) fn exchange(&self) -> ExchangeDoor {
        ExchangeDoor {
            store: self.store.clone(),
        }
    }

    /// The credentials-only door of login and session code.
    pub(crate) fn logins(&self) -> Logins {
        Logins {
            store: self.store.clone(),
        }
    }

    /// Writes as `user`.
    pub(crate) fn acting(&self, user: &User) -> Acting {
        Acting {
            store: self.store.clone(),
            actor: Actor::user(user),
            user: user.clone(),
        }
    }
}

/// What logging in and keeping a login need: users by name or id (to check a password and
/// a session's user), their secrets, recovery codes, login-session rows, and a calendar
/// feed by its token (the feed's own login).
#[derive(Clone)]
pub struct Logins {
    store: Arc<dyn Store>,
}

impl Logins {
    /// The login attempt counters (see `auth::throttle`).
    pub fn counters(&self) -> Arc<dyn Counters> {
        self.store.counters()
    }
    pub async fn user_by_name(&self, username: &str) -> StoreResult<Option<User>> {
        self.store.user_by_name(username).await
    }
    pub async fn user(&self, id: Id) -> StoreResult<Option<User>> {
        self.store.user(id).await
    }
    /// The user and their credentials in one read, for the session check of every request.
    pub async fn account(&self, user: Id) -> StoreResult<Option<(User, Option<Credentials>)>> {
        self.store.account(user).await
    }
    pub async fn credentials(&self, user: Id) -> StoreResult<Option<Credentials>> {
        self.store.credentials(user).await
    }
    pub async fn use_recovery_code(&self, user: Id, hash: &str) -> StoreResult<bool> {
        self.store.use_recovery_code(user, hash).await
    }
    pub async fn calendar_feed_by_token(&self, hash: &str) -> StoreResult<Option<CalendarFeed>> {
        self.store.calendar_feed_by_token(hash).await
    }
    pub async fn session_load(
        &self,
        id: &str,
    ) -> StoreResult<Option<(String, chrono::DateTime<chrono::Utc>)>> {
        self.store.login_session_load(id).await
    }
    pub async fn session_save(
        &self,
        id: &str,
        json: &str,
        expiry: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<()> {
        self.store.login_session_save(id, json, expiry).await
    }
    pub async fn session_delete(&self, id: &str) -> StoreResult<()> {
        self.store.login_session_delete(id).await
    }
}

/// One signed-in user's writes and own rows.
pub struct Acting {
    store: Arc<dyn Store>,
    actor: Actor,
    user: User,
}

/// A record type whose stored form an edit starts from.
pub trait Raw: Kinded + Sized {
    fn read(s: &dyn Store, id: Id) -> impl Future<Output = StoreResult<Option<Self>>> + Send;
}

macro_rules! writes {
    ($($ty:ty => $read:ident, $save:ident;)*) => {
        $(impl Raw for $ty {
            async fn read(s: &dyn Store, id: Id) -> StoreResult<Option<Self>> {
                s.$read(id).await
            }
        })*
        impl Acting {
            $(pub async fn $save(&self, r: &$ty) -> StoreResult<$ty> {
                self.store.$save(&self.actor, r).await
            })*
        }
    };
}

writes! {
    ActionItem => item, save_item;
    ActionPlan => plan, save_plan;
    Activity => activity, save_activity;
    Agreement => agreement, save_agreement;
    Area => area, save_area;
    Clause => clause, save_clause;
    Commission => commission, save_commission;
    Organisation => organisation, save_organisation;
    Party => party, save_party;
    ProgressUpdate => progress_update, save_progress;
    Person => person, save_person;
    Rank => rank, save_rank;
    Session => session, save_session;
    User => user, save_user;
}

impl Acting {
    /// The record as stored, references hidden from the user included, for an edit to
    /// start from; `None` unless `v` (the user's view) shows it to them.
    pub async fn stored<R: Raw>(&self, v: &Visible, id: Id) -> StoreResult<Option<R>> {
        if !v.can_see_id(R::KIND, id).await? {
            return Ok(None);
        }
        R::read(&*self.store, id).await
    }

    /// Attaches an accepted upload to a record (the store decides again who may).
    pub async fn attach_file(&self, file: taawun_store::NewFile) -> StoreResult<Attachment> {
        self.store.attach_file(&self.actor, file).await
    }

    /// Asks `party`'s side of `item` for news, on `today`, as this user (see
    /// `taawun_app::ask`: who may ask is decided there by `core::access`, through `v`).
    pub async fn request_update(
        &self,
        v: &Visible,
        item: Id,
        party: Id,
        today: chrono::NaiveDate,
    ) -> Result<taawun_app::ask::Asked, taawun_app::ask::AskError> {
        taawun_app::ask::request_update(&self.store, v, &self.actor, item, party, today).await
    }

    /// Purges one version of a file (administrators; the store decides).
    pub async fn purge_attachment(&self, id: Id, reason: &str) -> StoreResult<Attachment> {
        self.store.purge_attachment(&self.actor, id, reason).await
    }

    /// Sets one of the user's own settings (not audited, like every setting).
    pub async fn set_my_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        self.store.set_user_setting(self.user.id, key, value).await
    }

    /// The user's own secrets (to check the current password, the current TOTP code).
    pub async fn my_credentials(&self) -> StoreResult<Option<Credentials>> {
        self.store.credentials(self.user.id).await
    }

    pub async fn set_second_factor(
        &self,
        user: Id,
        secret: Option<&str>,
        recovery_hashes: &[String],
    ) -> StoreResult<User> {
        self.store
            .set_second_factor(&self.actor, user, secret, recovery_hashes)
            .await
    }

    pub async fn set_password(
        &self,
        user: Id,
        password: &str,
    ) -> Result<(), accounts::AccountError> {
        accounts::set_password(&*self.store, &self.actor, user, password).await
    }

    pub async fn create_user(
        &self,
        u: &User,
        password: &str,
    ) -> Result<User, accounts::AccountError> {
        accounts::create_user(&*self.store, &self.actor, u, password).await
    }

    pub async fn my_calendar_feeds(&self) -> StoreResult<Vec<CalendarFeed>> {
        self.store.calendar_feeds(self.user.id).await
    }

    pub async fn create_calendar_feed(
        &self,
        commission: Option<Id>,
        token_hash: &str,
    ) -> StoreResult<CalendarFeed> {
        self.store
            .create_calendar_feed(&self.actor, self.user.id, commission, token_hash)
            .await
    }

    pub async fn revoke_calendar_feed(&self, feed: Id) -> StoreResult<bool> {
        self.store.revoke_calendar_feed(&self.actor, feed).await
    }

    pub async fn mark_my_notifications_read(&self, one: Option<Id>) -> StoreResult<()> {
        self.store.mark_notifications_read(self.user.id, one).await
    }

    /// The import's column mapping guessed from the user's last one.
    pub async fn guess_mapping(
        &self,
        world: &import::ImportWorld,
        sheet: &Sheet,
    ) -> StoreResult<Mapping> {
        import::guess(&*self.store, self.user.id, world, sheet).await
    }

    pub async fn remember_mapping(
        &self,
        world: &import::ImportWorld,
        sheet: &Sheet,
        mapping: &Mapping,
    ) -> StoreResult<()> {
        import::remember(&*self.store, self.user.id, world, sheet, mapping).await
    }

    /// Saves imported items as a job of the user's (see `app::import::start`).
    pub async fn start_import(
        &self,
        jobs: &Jobs,
        lang: Lang,
        batch: import::Batch,
        next: impl FnOnce(import::Written) -> String + Send + 'static,
    ) -> Result<(Id, Arc<taawun_app::jobs::Job>), taawun_app::jobs::StartError> {
        import::start(
            jobs,
            self.store.clone(),
            self.user.clone(),
            lang,
            batch,
            next,
        )
        .await
    }
}

/// What a partner instance's signed request may ask (see `pages::exchange_api`).
pub struct ExchangeDoor {
    store: Arc<dyn Store>,
}

impl ExchangeDoor {
    /// The partner that signed a request, when one registered here did (`httpsig::verify`).
    pub async fn verify(
        &self,
        method: &str,
        path: &str,
        query: Option<&str>,
        input: Option<&str>,
        signature: Option<&str>,
    ) -> Option<taawun_store::exchange::Partner> {
        taawun_app::exchange::httpsig::verify(
            &self.store,
            method,
            path,
            query,
            input,
            signature,
            chrono::Utc::now().timestamp(),
        )
        .await
    }

    /// The bundle after `after` for `partner` (`outbox::next_for`).
    pub async fn next_for(
        &self,
        identity: &taawun_app::exchange::Identity,
        partner: Id,
        after: i64,
    ) -> Result<Option<String>, taawun_app::exchange::ExchangeError> {
        let actor = Actor::new(format!("exchange pull by {partner}"));
        taawun_app::exchange::outbox::next_for(self.store.clone(), identity, &actor, partner, after)
            .await
    }

    /// The keys a head's adoption of the minutes is checked with: this instance's and its
    /// registered partners' (public keys only).
    pub async fn adoption_keys(
        &self,
        identity: Option<&taawun_app::exchange::Identity>,
    ) -> StoreResult<taawun_app::exchange::adoption::Keys> {
        let partners = self.store.exchange_partners().await?;
        Ok(taawun_app::exchange::adoption::Keys::new(
            identity, &partners,
        ))
    }

    /// An export's bundles, and their files' blobs, as one file (`outbox::as_one_file`).
    pub async fn as_one_file(
        &self,
        identity: &taawun_app::exchange::Identity,
        partner: Id,
        sealed: &[taawun_app::exchange::outbox::Sealed],
    ) -> Result<String, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::outbox::as_one_file(self.store.clone(), identity, partner, sealed)
            .await
    }

    /// The sealed blob of a file sent to `partner` (`outbox::blob`).
    pub async fn blob(
        &self,
        identity: &taawun_app::exchange::Identity,
        partner: Id,
        sha256: &str,
    ) -> Result<Option<String>, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::outbox::blob(self.store.clone(), identity, partner, sha256).await
    }

    /// What the exchange page shows `who` (`admin::overview`).
    pub async fn overview(
        &self,
        identity: Option<&taawun_app::exchange::Identity>,
        who: &Principal,
        lang: Lang,
    ) -> Result<taawun_app::exchange::admin::Overview, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::admin::overview(self.store.clone(), identity, who, lang).await
    }

    /// A secretariat user's decision on a partner's record (`admin::decide_match`).
    pub async fn decide_match(
        &self,
        user: &User,
        partner: Id,
        theirs: Id,
        ours: Id,
        confirm: bool,
    ) -> Result<Option<usize>, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::admin::decide_match(
            self.store.clone(),
            user,
            partner,
            theirs,
            ours,
            confirm,
        )
        .await
    }

    /// A secretariat user's choice on a clash (`admin::resolve`).
    pub async fn resolve(
        &self,
        user: &User,
        conflict: Id,
        theirs: bool,
    ) -> Result<bool, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::admin::resolve(self.store.clone(), user, conflict, theirs).await
    }

    /// The next bundle for `partner`, made by an administrator (`outbox::export`).
    pub async fn export(
        &self,
        identity: &taawun_app::exchange::Identity,
        user: &User,
        partner: Id,
    ) -> Result<Vec<taawun_app::exchange::outbox::Sealed>, taawun_app::exchange::ExchangeError>
    {
        taawun_core::access::decide_exchange(
            &user.principal(),
            taawun_core::access::ExchangeAction::Administer,
        )
        .map_err(|_| taawun_app::exchange::ExchangeError::NotAllowed)?;
        taawun_app::exchange::outbox::export(
            self.store.clone(),
            identity,
            &Actor::user(user),
            partner,
        )
        .await
    }

    /// An envelope the partner sent (`inbox::receive`).
    pub async fn receive(
        &self,
        identity: &taawun_app::exchange::Identity,
        bytes: &[u8],
    ) -> Result<taawun_app::exchange::inbox::Received, taawun_app::exchange::ExchangeError> {
        taawun_app::exchange::inbox::receive(self.store.clone(), identity, bytes).await
    }

    /// A file of envelopes (one, or parts in a JSON array) the partner sent.
    pub async fn receive_file(
        &self,
        identity: &taawun_app::exchange::Identity,
        bytes: &[u8],
    ) -> Result<Vec<taawun_app::exchange::inbox::Received>, taawun_app::exchange::ExchangeError>
    {
        taawun_app::exchange::inbox::receive_file(self.store.clone(), identity, bytes).await
    }
}
