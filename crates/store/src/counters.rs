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

/// The counters' statements, the same on both engines (SQLite reads `$N` placeholders too):
/// only how a transaction begins and serialises differs.
pub(crate) mod sql {
    /// Keeps the table to one window's attempts, whatever keys were invented.
    pub const PRUNE_ATTEMPTS: &str = "delete from login_attempts where at <= $1";
    pub const ATTEMPTS_OF_KEY: &str =
        "select count(*), min(at) from login_attempts where key = $1 and at > $2";
    pub const COUNT_ATTEMPT: &str =
        "insert into login_attempts (attempt_id, key, at) values ($1, $2, $3)";
    pub const FORGET_ATTEMPT: &str = "delete from login_attempts where attempt_id = $1";
    /// Running jobs: the instance's people's (`system:` holders, `SYSTEM_HOLDER`, count for
    /// themselves only) and the holder's.
    pub const RUNNING: &str = "select count(*) filter (where holder not like 'system:%'),
                count(*) filter (where holder = $1) from jobs
         where state = 'running' and started_at > $2";
    pub const BEGIN_JOB: &str =
        "insert into jobs (id, holder, state, started_at) values ($1, $2, 'running', $3)";
    pub const FINISH_JOB: &str =
        "update jobs set state = 'finished', finished_at = $1 where id = $2";
    pub const FORGET_JOB: &str = "delete from jobs where id = $1";
    pub const PRUNE_JOBS: &str = "delete from jobs
         where (state = 'finished' and finished_at < $1)
            or (state = 'running' and started_at < $2)";
    pub const RUNNING_OF: &str = "select count(*) from jobs
         where state = 'running' and started_at > $1
           and (case when cast($2 as text) is null then holder not like 'system:%'
                     else holder = $2 end)";
}
