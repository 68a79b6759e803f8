//! `Counters` on both engines: the rows every process serving the database shares about
//! logins and running work. Each check-and-record runs in a transaction from
//! `d::begin_counting`, which holds what the engine needs for its count to still hold when
//! it records: SQLite's write lock (`begin immediate`, one writer per file), or on
//! PostgreSQL a transaction-scoped advisory lock per key counted (taken in sorted order, so
//! two requests never wait on each other crosswise). Nodes or processes cannot both count
//! below a limit and both go on. The decisions are `counters::blocked_until` and `busy`.

use super::{Engine, d};
use crate::StoreResult;
use crate::counters::{
    AttemptKey, Busy, Counters, JobLimits, JobOutcome, JobState, blocked_until, busy, micros, since,
};
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::time::Duration;
use taawun_core::Id;

/// Keeps the table to one window's attempts, whatever keys were invented.
const PRUNE_ATTEMPTS: &str = "delete from login_attempts where at <= ?";
const ATTEMPTS_OF_KEY: &str =
    "select count(*), min(at) from login_attempts where key = ? and at > ?";
const COUNT_ATTEMPT: &str = "insert into login_attempts (attempt_id, key, at) values (?, ?, ?)";
const FORGET_ATTEMPT: &str = "delete from login_attempts where attempt_id = ?";
/// The lock key of the jobs' limits (attempt keys lock themselves).
const JOBS_KEY: &str = "jobs";
/// Running jobs: the instance's people's (`system:` holders, `SYSTEM_HOLDER`, count for
/// themselves only) and the holder's.
const RUNNING: &str = "select count(case when holder not like 'system:%' then 1 end),
            count(case when holder = ? then 1 end) from jobs
     where state = 'running' and started_at > ?";
const BEGIN_JOB: &str =
    "insert into jobs (id, holder, state, started_at) values (?, ?, 'running', ?)";
const FINISH_JOB: &str = "update jobs set state = 'finished', finished_at = ? where id = ?";
const FORGET_JOB: &str = "delete from jobs where id = ?";
const FORGET_STATE: &str = "delete from job_states where id = ?";
const PRUNE_JOBS: &str = "delete from jobs
     where (state = 'finished' and finished_at < ?) or (state = 'running' and started_at < ?)";
/// A job's state goes with its row.
const PRUNE_STATES: &str = "delete from job_states where id not in (select id from jobs)";
const RUNNING_OF_INSTANCE: &str = "select count(*) from jobs
     where state = 'running' and started_at > ? and holder not like 'system:%'";
const RUNNING_OF_HOLDER: &str =
    "select count(*) from jobs where state = 'running' and started_at > ? and holder = ?";
const PUBLISH: &str = "insert into job_states
         (id, owner, label, writing, done, total, outcome, detail, content_type, content)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set writing = excluded.writing, done = excluded.done,
         total = excluded.total, outcome = excluded.outcome, detail = excluded.detail,
         content_type = excluded.content_type, content = excluded.content";
/// A state whose job's row is gone is gone too, even before `prune_jobs` deletes it.
const STATE: &str = "select s.owner, s.label, s.writing, s.done, s.total, s.outcome, s.detail,
         s.content_type, s.content, j.finished_at
     from job_states s join jobs j on j.id = s.id where s.id = ?";
/// Records a later step only: the update's condition makes a spent step change nothing.
const SPEND_STEP: &str = "insert into totp_steps (user_id, step) values (?, ?)
     on conflict (user_id) do update set step = excluded.step
     where totp_steps.step < excluded.step";

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[async_trait::async_trait]
impl Counters for Engine {
    async fn count_login_attempt(
        &self,
        attempt: Id,
        keys: &[AttemptKey],
        window: Duration,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let from = since(now, window);
        let locks: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
        let mut tx = d::begin_counting(&self.pool, &locks).await?;
        sqlx::query(&d::sql(PRUNE_ATTEMPTS))
            .bind(from)
            .execute(&mut *tx)
            .await?;
        let mut held = Vec::with_capacity(keys.len());
        for k in keys {
            let (count, oldest): (i64, Option<i64>) = sqlx::query_as(&d::sql(ATTEMPTS_OF_KEY))
                .bind(&k.key)
                .bind(from)
                .fetch_one(&mut *tx)
                .await?;
            held.push((count, oldest, k.limit));
        }
        if let Some(until) = blocked_until(&held, window, now) {
            tx.rollback().await?;
            return Ok(Some(until));
        }
        for k in keys {
            sqlx::query(&d::sql(COUNT_ATTEMPT))
                .bind(attempt.to_string())
                .bind(&k.key)
                .bind(micros(now))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(None)
    }

    async fn forget_login_attempt(&self, attempt: Id) -> StoreResult<()> {
        sqlx::query(&d::sql(FORGET_ATTEMPT))
            .bind(attempt.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn begin_job(
        &self,
        job: Id,
        holder: &str,
        limits: JobLimits,
        now: DateTime<Utc>,
    ) -> StoreResult<Result<(), Busy>> {
        let live = since(now, limits.abandoned_after);
        let mut tx = d::begin_counting(&self.pool, &[JOBS_KEY]).await?;
        let (overall, held): (i64, i64) = sqlx::query_as(&d::sql(RUNNING))
            .bind(holder)
            .bind(live)
            .fetch_one(&mut *tx)
            .await?;
        if let Some(b) = busy(held, overall, limits) {
            tx.rollback().await?;
            return Ok(Err(b));
        }
        sqlx::query(&d::sql(BEGIN_JOB))
            .bind(job.to_string())
            .bind(holder)
            .bind(micros(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    async fn finish_job(&self, job: Id, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(&d::sql(FINISH_JOB))
            .bind(micros(now))
            .bind(job.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_job(&self, job: Id) -> StoreResult<()> {
        let mut tx = d::begin_counting(&self.pool, &[]).await?;
        for statement in [FORGET_JOB, FORGET_STATE] {
            sqlx::query(&d::sql(statement))
                .bind(job.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn prune_jobs(
        &self,
        finished_before: DateTime<Utc>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let mut tx = d::begin_counting(&self.pool, &[]).await?;
        let done = sqlx::query(&d::sql(PRUNE_JOBS))
            .bind(micros(finished_before))
            .bind(micros(abandoned_before))
            .execute(&mut *tx)
            .await?;
        sqlx::query(PRUNE_STATES).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn running_jobs(
        &self,
        holder: Option<&str>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u32> {
        let live = micros(abandoned_before);
        let n: i64 = match holder {
            None => {
                sqlx::query_scalar(&d::sql(RUNNING_OF_INSTANCE))
                    .bind(live)
                    .fetch_one(&self.pool)
                    .await?
            }
            Some(h) => {
                sqlx::query_scalar(&d::sql(RUNNING_OF_HOLDER))
                    .bind(live)
                    .bind(h)
                    .fetch_one(&self.pool)
                    .await?
            }
        };
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    async fn publish_job(&self, state: &JobState) -> StoreResult<()> {
        let (outcome, detail, content_type, content) = match &state.outcome {
            None => (None, None, None, None),
            Some(JobOutcome::File {
                content_type,
                file_name,
                bytes,
            }) => (
                Some("file"),
                Some(file_name.clone()),
                Some(content_type.clone()),
                Some(bytes.clone()),
            ),
            Some(JobOutcome::Done { href }) => (Some("done"), Some(href.clone()), None, None),
            Some(JobOutcome::Failed { message }) => {
                (Some("failed"), Some(message.clone()), None, None)
            }
        };
        sqlx::query(&d::sql(PUBLISH))
            .bind(state.id.to_string())
            .bind(state.owner.map(|o| o.to_string()))
            .bind(&state.label)
            .bind(i64::from(state.writing))
            .bind(count(state.done))
            .bind(count(state.total))
            .bind(outcome)
            .bind(detail)
            .bind(content_type)
            .bind(content)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn job_state(&self, job: Id) -> StoreResult<Option<JobState>> {
        let Some(r) = sqlx::query(&d::sql(STATE))
            .bind(job.to_string())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let owner: Option<String> = r.try_get("owner")?;
        let owner = match owner {
            Some(o) => Some(
                o.parse()
                    .map_err(|e: uuid::Error| corrupt(&e.to_string()))?,
            ),
            None => None,
        };
        let detail: Option<String> = r.try_get("detail")?;
        let detail = || detail.clone().unwrap_or_default();
        let outcome: Option<String> = r.try_get("outcome")?;
        let outcome = match outcome.as_deref() {
            None => None,
            Some("file") => Some(JobOutcome::File {
                content_type: r
                    .try_get::<Option<String>, _>("content_type")?
                    .unwrap_or_default(),
                file_name: detail(),
                bytes: r
                    .try_get::<Option<Vec<u8>>, _>("content")?
                    .unwrap_or_default(),
            }),
            Some("done") => Some(JobOutcome::Done { href: detail() }),
            Some("failed") => Some(JobOutcome::Failed { message: detail() }),
            Some(other) => return Err(corrupt(other)),
        };
        let n = |c: &str| -> StoreResult<u64> {
            Ok(u64::try_from(r.try_get::<i64, _>(c)?).unwrap_or(0))
        };
        Ok(Some(JobState {
            id: job,
            owner,
            label: r.try_get("label")?,
            writing: r.try_get::<i64, _>("writing")? != 0,
            done: n("done")?,
            total: n("total")?,
            outcome,
            finished: r
                .try_get::<Option<i64>, _>("finished_at")?
                .and_then(DateTime::from_timestamp_micros),
        }))
    }

    async fn spend_totp_step(&self, user: Id, step: i64) -> StoreResult<bool> {
        let done = sqlx::query(&d::sql(SPEND_STEP))
            .bind(user.to_string())
            .bind(step)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}

fn corrupt(what: &str) -> crate::StoreError {
    crate::StoreError::Corrupt(serde::de::Error::custom(format!("job state: {what:?}")))
}
