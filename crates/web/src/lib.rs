//! HTTP side of Taawun: server-rendered, trilingual pages over the `Store`, and static assets.
//!
//! `app` builds the whole router from the one route table, `routes.rs`, which names every
//! path with its methods and handler.

pub mod auth;
mod banner;
mod calendar;
mod charts;
pub mod clock;
mod ctx;
mod documents;
mod doors;
mod error;
pub mod exports;
mod extract;
mod files;
mod forms;
pub mod import;
pub use taawun_app::jobs;
mod jobs_limit;
pub mod listen;
mod lookup;
mod markup;
mod negotiate;
mod pages;
mod routes;

// The catalogue and the locale formats live in `taawun-i18n`; pages name them as before.
use taawun_i18n::catalogue as i18n;
use taawun_i18n::fmt;

use std::sync::Arc;

pub use calendar::token_hash as calendar_token_hash;
pub use error::WebError;

/// What every handler can reach: the store behind its three doors (`doors`: never the raw
/// store), whether the instance runs on demo data (then a banner says so on every page,
/// and visitors may read without an account), and the login settings and counters.
#[derive(Clone)]
pub struct AppState {
    doors: doors::Doors,
    pub demo: bool,
    pub auth: Arc<auth::Auth>,
    /// Where follow-up pages take "today" from (see `clock`).
    pub clock: clock::Clock,
    /// Long exports and imports in progress (see `jobs`).
    pub jobs: Arc<jobs::Jobs>,
    /// Spreadsheets read for an import, awaiting their commit.
    pub uploads: Arc<import::Uploads>,
    /// The few slots in which uploaded spreadsheets are read, off the async runtime.
    pub sheet_readers: Arc<taawun_app::import::SheetReaders>,
    /// The installation's scanner, run on every attached file before it is kept.
    pub scanner: Option<taawun_app::files::Scanner>,
    /// Wakes the reminder scheduler before its next tick, so what a request notified (the
    /// secretariat asking a side for news) is e-mailed now rather than at the next pass.
    pub remind_now: Arc<tokio::sync::Notify>,
    /// This instance's exchange identity, when it has one: partners then pull their
    /// bundles from `/exchange/outbox` (see `pages::exchange_api`).
    pub exchange: Option<Arc<taawun_app::exchange::Identity>>,
}

impl AppState {
    /// A state with the default login settings (30 min idle, 12 h absolute, no `Secure`).
    pub fn new(store: Arc<dyn taawun_store::Store>, demo: bool) -> Self {
        AppState {
            jobs: Arc::new(jobs::Jobs::new(
                store.counters(),
                jobs::JobsConfig::default(),
            )),
            doors: doors::Doors::new(store),
            demo,
            auth: Arc::new(auth::Auth::default()),
            clock: clock::Clock::System,
            uploads: Arc::new(import::Uploads::default()),
            sheet_readers: Arc::new(taawun_app::import::SheetReaders::default()),
            scanner: None,
            remind_now: Arc::new(tokio::sync::Notify::new()),
            exchange: None,
        }
    }

    /// The same state reading spreadsheets in `readers`' slots (tests take them all, or
    /// shorten the wait).
    pub fn with_sheet_readers(mut self, readers: taawun_app::import::SheetReaders) -> Self {
        self.sheet_readers = Arc::new(readers);
        self
    }

    /// The same state answering partners' signed requests as `identity` (`serve`, when the
    /// instance has an exchange identity).
    pub fn with_exchange(mut self, identity: Option<Arc<taawun_app::exchange::Identity>>) -> Self {
        self.exchange = identity;
        self
    }

    /// The same state running `scanner` on every attached file (`serve --scanner`).
    pub fn with_scanner(mut self, scanner: Option<taawun_app::files::Scanner>) -> Self {
        self.scanner = scanner;
        self
    }

    /// The same state judging follow-up on `clock`'s day (tests, the demo).
    pub fn with_clock(mut self, clock: clock::Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same state waiting `wait` for a job before showing its progress page (tests use
    /// zero to see that page every time).
    pub fn with_job_wait(self, wait: std::time::Duration) -> Self {
        self.with_jobs(
            jobs::JobsConfig {
                wait,
                ..jobs::JobsConfig::default()
            },
            None,
        )
    }

    /// The same state with these job limits and keep time, judged on `clock` when given
    /// (tests move it past the keep time instead of waiting).
    pub fn with_jobs(mut self, config: jobs::JobsConfig, clock: Option<jobs::Now>) -> Self {
        let mut j = jobs::Jobs::new(self.doors.counters(), config);
        if let Some(now) = clock {
            j = j.with_clock(now);
        }
        self.jobs = Arc::new(j);
        self
    }

    /// The credentials-only door: for `auth` (and the calendar feed's token login).
    pub(crate) fn logins(&self) -> doors::Logins {
        self.doors.logins()
    }

    /// Writes as `user`, and `user`'s own rows.
    pub(crate) fn acting(&self, user: &taawun_core::User) -> doors::Acting {
        self.doors.acting(user)
    }

    /// What partner instances' signed requests and the exchange page may ask.
    pub(crate) fn exchange_door(&self) -> doors::ExchangeDoor {
        self.doors.exchange()
    }

    pub fn with_auth(mut self, config: auth::AuthConfig) -> Self {
        self.auth = Arc::new(auth::Auth::new(config));
        self
    }
}

/// The complete application with its state applied, ready to serve.
pub fn app(state: AppState) -> axum::Router {
    routes::layered(routes::all(), state.clone()).with_state(state)
}
