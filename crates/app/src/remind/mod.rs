//! Reminders: one pass computes, for every active user, the follow-up dates that call for
//! their attention (through a `Visible` of that user, so nobody is told about a record
//! they may not see), records them as notifications (idempotent: the store keeps one per
//! user, kind, record and date), then, when SMTP is configured, e-mails each user what
//! they have neither read nor been sent. `run_forever` is the scheduler `taawun serve`
//! starts; `taawun remind --once` runs one pass.

mod mail;
mod recipients;

pub use mail::Smtp;
pub use recipients::reminders_for;

use chrono::{NaiveDate, Utc};
use std::sync::Arc;
use std::time::Duration;
use taawun_store::{JobLimits, Store, StoreError, Visible};

/// How reminders are computed and sent.
#[derive(Debug, Clone)]
pub struct RemindConfig {
    /// Days ahead a due date or an agreement's date is announced (today included).
    pub within_days: u32,
    /// Where e-mails go; `None`: in-app notifications only, no mail and no error.
    pub smtp: Option<Smtp>,
    /// The site's address, for links in e-mails (`https://taawun.example.org`).
    pub public_url: Option<String>,
}

impl Default for RemindConfig {
    fn default() -> Self {
        RemindConfig {
            within_days: 14,
            smtp: None,
            public_url: None,
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    /// Active users looked at.
    pub users: u32,
    /// Notifications recorded for the first time.
    pub added: u64,
    /// E-mails sent (one per user with something new).
    pub mailed: u32,
    /// E-mails the SMTP server refused or could not take; tried again next pass.
    pub failed: u32,
    /// Another process serving this database was running a pass: this one did nothing.
    pub skipped: bool,
}

/// The holder under which a pass runs as a job (`Counters::begin_job`): one at a time for
/// the whole database, whichever node, scheduler or `taawun remind` starts it, so that
/// passes started at once never both read a user's unmailed notifications and both send
/// them. A pass that finds another running does nothing; the next one finds its work done.
const PASS_HOLDER: &str = "system:reminder-pass";

/// One pass at a time. A `system:` holder's jobs do not count toward the instance's limit
/// on people's jobs (`taawun_store::SYSTEM_HOLDER`). A pass whose process died stops
/// counting after an hour, and the next pass runs.
const PASS_LIMITS: JobLimits = JobLimits {
    per_holder: 1,
    overall: u32::MAX,
    abandoned_after: Duration::from_secs(60 * 60),
};

/// One pass on `today`, unless another process serving the database is running one (then
/// `skipped`). A store error stops the pass (it is retried at the next one); a refused
/// e-mail only stops that user's e-mail, counted in `failed`.
pub async fn run_once(
    store: &Arc<dyn Store>,
    today: NaiveDate,
    cfg: &RemindConfig,
) -> Result<Pass, StoreError> {
    let counters = store.counters();
    let job = taawun_core::new_id();
    if counters
        .begin_job(job, PASS_HOLDER, PASS_LIMITS, Utc::now())
        .await?
        .is_err()
    {
        return Ok(Pass {
            skipped: true,
            ..Pass::default()
        });
    }
    let pass = pass(store, today, cfg).await;
    // Whatever the pass did, the next one may start.
    counters.forget_job(job).await?;
    pass
}

async fn pass(
    store: &Arc<dyn Store>,
    today: NaiveDate,
    cfg: &RemindConfig,
) -> Result<Pass, StoreError> {
    let mut pass = Pass::default();
    let users: Vec<_> = store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.active)
        .collect();
    for u in &users {
        pass.users += 1;
        let v = Visible::new(Arc::clone(store), u.principal());
        let due = reminders_for(&v, today, cfg.within_days).await?;
        pass.added += store.add_notifications(u.id, &due).await?;
    }
    let Some(smtp) = &cfg.smtp else {
        return Ok(pass);
    };
    for u in users.iter().filter(|u| u.email.is_some()) {
        let v = Visible::new(Arc::clone(store), u.principal());
        let pending = v.unmailed_notifications().await?;
        if pending.is_empty() {
            continue;
        }
        let message = mail::compose(&v, u, &pending, smtp, cfg.public_url.as_deref()).await?;
        let sent = match message {
            Ok(m) => smtp.send(m).await,
            Err(e) => Err(e),
        };
        match sent {
            Ok(()) => {
                let ids: Vec<_> = pending.iter().map(|n| n.id).collect();
                store.mark_notifications_emailed(&ids).await?;
                pass.mailed += 1;
            }
            Err(e) => {
                tracing::warn!(user = %u.username, error = %e, "reminder e-mail not sent");
                pass.failed += 1;
            }
        }
    }
    Ok(pass)
}

/// The scheduler: a first pass `first_after` the start, then one every `every`, on the
/// server's calendar day, and one as soon as `now` is notified (a request recorded
/// notifications to mail without waiting for the tick). Errors are logged and the next
/// pass tries again; nothing here can stop the server.
pub async fn run_forever(
    store: Arc<dyn Store>,
    cfg: RemindConfig,
    every: Duration,
    first_after: Duration,
    now: Arc<tokio::sync::Notify>,
) {
    tokio::time::sleep(first_after).await;
    let mut tick = tokio::time::interval(every);
    // A pass that overran (a slow mail server) is not followed by a burst of catch-ups.
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = now.notified() => {}
        }
        match run_once(&store, Utc::now().date_naive(), &cfg).await {
            Ok(p) if p.skipped => {
                tracing::info!("reminder pass skipped: another process is running one");
            }
            Ok(p) => tracing::info!(
                users = p.users,
                added = p.added,
                mailed = p.mailed,
                failed = p.failed,
                "reminder pass"
            ),
            Err(e) => tracing::error!(error = %e, "reminder pass failed"),
        }
    }
}
