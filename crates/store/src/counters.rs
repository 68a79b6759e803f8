//! `Counters`: the limits that must hold for every process serving one database, kept in
//! it rather than in a process's memory. Login attempts per account and per address, and
//! running jobs per holder and per instance. Each question "may this start?" is answered and
//! recorded in one transaction, so concurrent requests (or processes) cannot all slip under
//! a limit that each of them saw as not yet reached.
//!
//! Times are passed in, never read here: the callers' clock decides, and tests move it.

use crate::StoreResult;
use chrono::{DateTime, Utc};
use std::time::Duration;
use taawun_core::Id;

/// One key a login attempt counts under (`account:amina`, `address:192.0.2.7`) and how many
/// attempts it may hold within the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptKey {
    pub key: String,
    pub limit: u32,
}

/// The holders of the instance's own work (`system:reminder-pass`) start with this: their
/// jobs count for their holder but never toward the instance's limit on people's jobs, so
/// that a reminder pass never makes an export wait.
pub const SYSTEM_HOLDER: &str = "system:";

/// How many jobs may run at once: per holder and on the whole instance. A running job whose
/// row is older than `abandoned_after` no longer counts (the process running it died).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobLimits {
    pub per_holder: u32,
    pub overall: u32,
    pub abandoned_after: Duration,
}

impl Default for JobLimits {
    fn default() -> Self {
        JobLimits {
            per_holder: 2,
            overall: 8,
            abandoned_after: Duration::from_secs(60 * 60),
        }
    }
}

/// Why a job was not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The holder already runs as many jobs as one holder may.
    Holder,
    /// The instance runs as many jobs as it may, whoever holds them.
    Instance,
}

/// The database side of login throttling and job limits (see the module's documentation).
#[async_trait::async_trait]
pub trait Counters: Send + Sync + 'static {
    /// Counts the login attempt `attempt` under every key at `now`, unless one key already
    /// holds `limit` attempts after `now - window`: then nothing is counted, and the answer
    /// is when that key's oldest attempt leaves the window (the latest such time over the
    /// keys at their limit). Attempts older than the window are deleted in passing.
    async fn count_login_attempt(
        &self,
        attempt: Id,
        keys: &[AttemptKey],
        window: Duration,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>>;

    /// Takes back a counted attempt that turned out right: it no longer counts under any of
    /// its keys. Other attempts, failed ones included, keep counting.
    async fn forget_login_attempt(&self, attempt: Id) -> StoreResult<()>;

    /// Records the job `job` of `holder` as running from `now`, unless the holder or the
    /// instance already runs as many as `limits` allow; then nothing is recorded.
    async fn begin_job(
        &self,
        job: Id,
        holder: &str,
        limits: JobLimits,
        now: DateTime<Utc>,
    ) -> StoreResult<Result<(), Busy>>;

    /// The job ended at `now`; it no longer counts as running.
    async fn finish_job(&self, job: Id, now: DateTime<Utc>) -> StoreResult<()>;

    /// Deletes the job's row (work that keeps no result, such as a PDF sent at once).
    async fn forget_job(&self, job: Id) -> StoreResult<()>;

    /// Deletes finished jobs that ended before `finished_before` and running ones started
    /// before `abandoned_before`; returns how many rows went.
    async fn prune_jobs(
        &self,
        finished_before: DateTime<Utc>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u64>;

    /// How many jobs count as running, for `holder` or (None) the whole instance (people's
    /// jobs: not those of a `SYSTEM_HOLDER`).
    async fn running_jobs(
        &self,
        holder: Option<&str>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u32>;

    /// Publishes the state of a job this process runs (replacing what it published before),
    /// so that any process serving the database can show its progress and hand over its
    /// result. It goes when the job's row goes (`forget_job`, `prune_jobs`).
    async fn publish_job(&self, state: &JobState) -> StoreResult<()>;

    /// What was last published of `job`, by whichever process runs it.
    async fn job_state(&self, job: Id) -> StoreResult<Option<JobState>>;

    /// Spends the authenticator time step `step` of `user`: true when it is later than every
    /// step of theirs spent before, and it is now spent; false when it, or a later one, was
    /// spent already — whichever process spent it.
    async fn spend_totp_step(&self, user: Id, step: i64) -> StoreResult<bool>;
}

/// A job as its process publishes it (`Counters::publish_job`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobState {
    pub id: Id,
    /// The user who started it (None: an anonymous demo visitor).
    pub owner: Option<Id>,
    /// What it does, in its starter's language.
    pub label: String,
    /// Writing its file or rows (else still reading).
    pub writing: bool,
    /// Rows done and to do in the current phase (0 to do: not known yet).
    pub done: u64,
    pub total: u64,
    /// None while it runs.
    pub outcome: Option<JobOutcome>,
    /// When it finished, as `finish_job` recorded it: read back, never published.
    pub finished: Option<DateTime<Utc>>,
}

/// What a finished job produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    File {
        content_type: String,
        file_name: String,
        bytes: Vec<u8>,
    },
    Done {
        href: String,
    },
    Failed {
        message: String,
    },
}

/// Times as unix microseconds, as both engines store them: exact integer comparisons.
pub(crate) fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

pub(crate) fn micros_of(span: Duration) -> i64 {
    i64::try_from(span.as_micros()).unwrap_or(i64::MAX)
}

/// The instant `span` before `now`.
pub(crate) fn since(now: DateTime<Utc>, span: Duration) -> i64 {
    micros(now).saturating_sub(micros_of(span))
}

/// The answer of `count_login_attempt` from each key's attempts in the window (their count
/// and the oldest one's time) beside its limit: `None` when no key is at its limit, else
/// when the last of those keys' oldest attempts leaves the window. The same on every engine.
pub(crate) fn blocked_until(
    held: &[(i64, Option<i64>, u32)],
    window: Duration,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    held.iter()
        .filter(|(count, _, limit)| *count >= i64::from(*limit))
        .map(|(_, oldest, _)| {
            oldest
                .unwrap_or(micros(now))
                .saturating_add(micros_of(window))
        })
        .max()
        .map(|u| DateTime::from_timestamp_micros(u).unwrap_or(now))
}

/// Whether a job may start, from the running jobs of its holder and of the instance.
pub(crate) fn busy(held: i64, overall: i64, limits: JobLimits) -> Option<Busy> {
    if held >= i64::from(limits.per_holder) {
        Some(Busy::Holder)
    } else if overall >= i64::from(limits.overall) {
        Some(Busy::Instance)
    } else {
        None
    }
}
