//! `Counters` on PostgreSQL, for several nodes on one database. PostgreSQL lets concurrent
//! transactions read at once, so each check-and-record first takes a transaction-scoped
//! advisory lock — one per attempt key (in a fixed order, so two requests never wait on
//! each other crosswise), one for the jobs — and the count it reads then holds until it
//! commits: nodes cannot both count below a limit and both go on.

use super::PgStore;
use crate::StoreResult;
use crate::counters::{
    AttemptKey, Busy, Counters, JobLimits, blocked_until, busy, micros, since, sql,
};
use chrono::{DateTime, Utc};
use std::time::Duration;
use taawun_core::Id;

/// The advisory lock of the jobs' limits ("jobs" in ASCII); attempt keys lock their hash.
const JOBS_LOCK: i64 = 0x6a6f_6273;

#[async_trait::async_trait]
impl Counters for PgStore {
    async fn count_login_attempt(
        &self,
        attempt: Id,
        keys: &[AttemptKey],
        window: Duration,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let from = since(now, window);
        let mut tx = self.pool.begin().await?;
        let mut locks: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
        locks.sort_unstable();
        locks.dedup();
        for key in locks {
            sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        // Keeps the table to one window's attempts, whatever keys were invented.
        sqlx::query(sql::PRUNE_ATTEMPTS)
            .bind(from)
            .execute(&mut *tx)
            .await?;
        let mut held = Vec::with_capacity(keys.len());
        for k in keys {
            let (count, oldest): (i64, Option<i64>) = sqlx::query_as(sql::ATTEMPTS_OF_KEY)
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
            sqlx::query(sql::COUNT_ATTEMPT)
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
        sqlx::query(sql::FORGET_ATTEMPT)
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
        let mut tx = self.pool.begin().await?;
        sqlx::query("select pg_advisory_xact_lock($1)")
            .bind(JOBS_LOCK)
            .execute(&mut *tx)
            .await?;
        let (overall, held): (i64, i64) = sqlx::query_as(sql::RUNNING)
            .bind(holder)
            .bind(live)
            .fetch_one(&mut *tx)
            .await?;
        if let Some(b) = busy(held, overall, limits) {
            tx.rollback().await?;
            return Ok(Err(b));
        }
        sqlx::query(sql::BEGIN_JOB)
            .bind(job.to_string())
            .bind(holder)
            .bind(micros(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    async fn finish_job(&self, job: Id, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(sql::FINISH_JOB)
            .bind(micros(now))
            .bind(job.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_job(&self, job: Id) -> StoreResult<()> {
        sqlx::query(sql::FORGET_JOB)
            .bind(job.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn prune_jobs(
        &self,
        finished_before: DateTime<Utc>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let done = sqlx::query(sql::PRUNE_JOBS)
            .bind(micros(finished_before))
            .bind(micros(abandoned_before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn running_jobs(
        &self,
        holder: Option<&str>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<u32> {
        let n: i64 = sqlx::query_scalar(sql::RUNNING_OF)
            .bind(micros(abandoned_before))
            .bind(holder)
            .fetch_one(&self.pool)
            .await?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }
}
