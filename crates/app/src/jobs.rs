//! Long work (large exports, imports) done in the background, with its progress readable
//! while it runs. A front end starts a job and waits a moment (`Job::wait`): short work
//! answers at once, long work is followed on a progress page (the web's `/jobs/{id}`) that
//! reads `Job::progress` until the result is ready.
//!
//! How much runs at once is bounded in the database (`taawun_store::Counters`), so the
//! bound holds across every process serving it: at most `JobLimits::per_holder` jobs per
//! user (2) and `JobLimits::overall` on the instance (8); work that runs inline rather than
//! as a job (a PDF being typeset) takes a `Slot` under the same limits. The excess is
//! refused (`StartError::Busy`), never queued. A finished job's result stays in this
//! process's memory for `JobsConfig::keep` (15 minutes) for its reader to collect, then it
//! and its row are evicted.
//!
//! Several processes (nodes) may serve one database, and a reader's next request may reach
//! another one: the process running a job publishes its state to the database
//! (`Counters::publish_job`) when it starts, as its progress moves (a few times a second at
//! most) and when it ends, result included; a process that does not hold a job in memory
//! shows what was published (`Jobs::find`).

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use taawun_core::Id;
use taawun_store::{Busy, Counters, JobLimits, JobOutcome, JobState, StoreError};

/// At most this many finished results are held in memory at once, whatever their age; the
/// oldest go first (their readers start again).
const MAX_KEPT: usize = 64;

/// How often a running job's progress is published, when it moved.
const PUBLISH_EVERY: Duration = Duration::from_millis(250);

/// Where the jobs take "now" from: the system clock, or a test's.
pub type Now = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// How jobs behave on an instance.
#[derive(Debug, Clone, Copy)]
pub struct JobsConfig {
    /// How long a request waits for its job before sending the reader to the job's page.
    pub wait: Duration,
    /// How long a finished job's result is kept for its reader to collect.
    pub keep: Duration,
    pub limits: JobLimits,
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            wait: Duration::from_millis(1500),
            keep: Duration::from_secs(15 * 60),
            limits: JobLimits::default(),
        }
    }
}

/// Whose work it is: the user who starts it (only they may see it), and the key its limit
/// is counted under — the user, or for an anonymous demo visitor their address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub owner: Option<Id>,
    key: String,
}

impl Holder {
    pub fn user(id: Id) -> Self {
        Holder {
            owner: Some(id),
            key: format!("user:{id}"),
        }
    }

    /// An anonymous visitor (demo instances), counted per address when it is known.
    pub fn visitor(address: Option<IpAddr>) -> Self {
        Holder {
            owner: None,
            key: address.map_or_else(|| String::from("visitor"), |a| format!("visitor:{a}")),
        }
    }
}

/// Why work did not start.
#[derive(Debug)]
pub enum StartError {
    /// The holder or the instance runs as much as it may: try again shortly.
    Busy(Busy),
    Store(StoreError),
}

impl From<StoreError> for StartError {
    fn from(e: StoreError) -> Self {
        StartError::Store(e)
    }
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Busy(Busy::Holder) => {
                f.write_str("the holder runs as many jobs as allowed")
            }
            StartError::Busy(Busy::Instance) => {
                f.write_str("the instance runs as many jobs as allowed")
            }
            StartError::Store(e) => write!(f, "{e}"),
        }
    }
}

/// What a job produced.
#[derive(Clone)]
pub enum Outcome {
    /// A file to download.
    File {
        bytes: Arc<Vec<u8>>,
        content_type: String,
        file_name: String,
    },
    /// Work done; the reader goes on to this page (an imported plan), a path of the front end
    /// that started the job.
    Done { href: String },
    /// The work failed; the message is already in the reader's language.
    Failed { message: String },
}

/// Where a job is: reading records, writing the file or the rows, finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Reading,
    Writing,
}

pub struct Job {
    /// The user who started it (None: an anonymous demo visitor); only they may see it.
    owner: Option<Id>,
    /// What the job does, in the starter's language.
    pub label: String,
    phase: AtomicU8,
    done: AtomicUsize,
    /// Rows to do in the current phase; 0 while unknown.
    total: AtomicUsize,
    outcome: Mutex<Option<Outcome>>,
    /// When it finished, by the jobs' clock; eviction counts from here.
    finished: Mutex<Option<DateTime<Utc>>>,
}

impl Job {
    pub fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Reading,
            _ => Phase::Writing,
        }
    }

    /// Rows done and rows to do (0 when not known yet) in the current phase.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn set_done(&self, n: usize) {
        self.done.store(n, Ordering::Relaxed);
    }

    /// Enters the writing phase with `total` rows to write.
    pub fn writing(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.phase.store(1, Ordering::Relaxed);
    }

    fn finish(&self, outcome: Outcome, at: DateTime<Utc>) {
        *self.finished.lock().unwrap_or_else(PoisonError::into_inner) = Some(at);
        *self.outcome.lock().unwrap_or_else(PoisonError::into_inner) = Some(outcome);
    }

    fn finished_at(&self) -> Option<DateTime<Utc>> {
        *self.finished.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The job as published for other processes.
    fn state(&self, id: Id) -> JobState {
        let (done, total) = self.progress();
        JobState {
            id,
            owner: self.owner,
            label: self.label.clone(),
            writing: self.phase() == Phase::Writing,
            done: done as u64,
            total: total as u64,
            outcome: self.outcome().map(|o| match o {
                Outcome::File {
                    bytes,
                    content_type,
                    file_name,
                } => JobOutcome::File {
                    content_type,
                    file_name,
                    bytes: (*bytes).clone(),
                },
                Outcome::Done { href } => JobOutcome::Done { href },
                Outcome::Failed { message } => JobOutcome::Failed { message },
            }),
            finished: None,
        }
    }

    /// A job another process runs, as it last published it.
    fn published(state: JobState) -> Job {
        let outcome = state.outcome.map(|o| match o {
            JobOutcome::File {
                content_type,
                file_name,
                bytes,
            } => Outcome::File {
                bytes: Arc::new(bytes),
                content_type,
                file_name,
            },
            JobOutcome::Done { href } => Outcome::Done { href },
            JobOutcome::Failed { message } => Outcome::Failed { message },
        });
        // A result is kept from when the job's row says it finished.
        let finished = outcome.as_ref().and(state.finished);
        Job {
            owner: state.owner,
            label: state.label,
            phase: AtomicU8::new(u8::from(state.writing)),
            done: AtomicUsize::new(usize::try_from(state.done).unwrap_or(usize::MAX)),
            total: AtomicUsize::new(usize::try_from(state.total).unwrap_or(usize::MAX)),
            outcome: Mutex::new(outcome),
            finished: Mutex::new(finished),
        }
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits until the job ends or `limit` passes; true when it ended.
    pub async fn wait(&self, limit: Duration) -> bool {
        let until = Instant::now() + limit;
        loop {
            if self.outcome().is_some() {
                return true;
            }
            if Instant::now() >= until {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// The instance's running and recently finished jobs.
pub struct Jobs {
    jobs: Mutex<HashMap<Id, Arc<Job>>>,
    counters: Arc<dyn Counters>,
    config: JobsConfig,
    now: Now,
    /// How long a request waits for its job before sending the reader to the job's page.
    pub wait: Duration,
}

impl Jobs {
    pub fn new(counters: Arc<dyn Counters>, config: JobsConfig) -> Self {
        Jobs {
            jobs: Mutex::new(HashMap::new()),
            counters,
            wait: config.wait,
            config,
            now: Arc::new(Utc::now),
        }
    }

    /// The same jobs judged on another clock (tests move it past the keep time).
    pub fn with_clock(mut self, now: Now) -> Self {
        self.now = now;
        self
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<Id, Arc<Job>>> {
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn expired(&self, job: &Job, now: DateTime<Utc>) -> bool {
        job.finished_at()
            .is_some_and(|at| (now - at).to_std().is_ok_and(|age| age >= self.config.keep))
    }

    /// Registers a new job of `holder`'s, if the holder and the instance are under their
    /// limits; its id is random (v4), so it cannot be guessed from another's.
    pub async fn start(
        &self,
        holder: &Holder,
        label: String,
    ) -> Result<(Id, Arc<Job>), StartError> {
        self.sweep().await;
        let id = uuid::Uuid::new_v4();
        let limits = self.config.limits;
        self.counters
            .begin_job(id, &holder.key, limits, (self.now)())
            .await?
            .map_err(StartError::Busy)?;
        let job = Arc::new(Job {
            owner: holder.owner,
            label,
            phase: AtomicU8::new(0),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            outcome: Mutex::new(None),
            finished: Mutex::new(None),
        });
        // Published before the reader can be sent to its page, which another process may
        // serve. Failing to publish costs only that: this process still shows it.
        self.publish(&job, id).await;
        let dropped = {
            let mut jobs = self.map();
            jobs.insert(id, job.clone());
            self.over_capacity(&mut jobs)
        };
        for old in dropped {
            self.forget_row(old).await;
        }
        Ok((id, job))
    }

    /// Drops the oldest finished results beyond `MAX_KEPT`; returns their ids.
    fn over_capacity(&self, jobs: &mut HashMap<Id, Arc<Job>>) -> Vec<Id> {
        let mut finished: Vec<(DateTime<Utc>, Id)> = jobs
            .iter()
            .filter_map(|(id, j)| j.finished_at().map(|at| (at, *id)))
            .collect();
        if finished.len() <= MAX_KEPT {
            return Vec::new();
        }
        finished.sort();
        let excess = finished.len() - MAX_KEPT;
        finished
            .into_iter()
            .take(excess)
            .map(|(_, id)| {
                jobs.remove(&id);
                id
            })
            .collect()
    }

    async fn publish(&self, job: &Job, id: Id) {
        publish(&*self.counters, job, id).await;
    }

    async fn forget_row(&self, id: Id) {
        if let Err(e) = self.counters.forget_job(id).await {
            tracing::warn!(error = %e, "forgetting a job's row failed");
        }
    }

    /// Runs `work` for `job` on the runtime. When it ends (or panics: then `failed`), the
    /// job's row stops counting as running first, then its outcome is shown, so a reader who
    /// sees it finished may start the next one at once.
    pub fn run<F>(&self, job: Arc<Job>, id: Id, failed: Outcome, work: F)
    where
        F: Future<Output = Outcome> + Send + 'static,
    {
        let (counters, now) = (self.counters.clone(), self.now.clone());
        tokio::spawn(async move {
            let mut work = tokio::spawn(work);
            // Publishes the progress while it moves, until the work ends.
            let mut last = job.progress();
            let outcome = loop {
                tokio::select! {
                    ended = &mut work => break ended.unwrap_or(failed),
                    () = tokio::time::sleep(PUBLISH_EVERY) => {
                        let now_at = job.progress();
                        if now_at != last {
                            last = now_at;
                            publish(&*counters, &job, id).await;
                        }
                    }
                }
            };
            let at = now();
            if let Err(e) = counters.finish_job(id, at).await {
                // The row then stops counting once `abandoned_after` passes.
                tracing::error!(error = %e, "recording a finished job failed");
            }
            job.finish(outcome, at);
            publish(&*counters, &job, id).await;
        });
    }

    /// A place under the same limits for work done inline (a PDF typeset while the reader
    /// waits); it is given back when the `Slot` ends or is dropped.
    pub async fn slot(&self, holder: &Holder) -> Result<Slot, StartError> {
        let id = uuid::Uuid::new_v4();
        self.counters
            .begin_job(id, &holder.key, self.config.limits, (self.now)())
            .await?
            .map_err(StartError::Busy)?;
        Ok(Slot {
            id,
            counters: Some(self.counters.clone()),
        })
    }

    /// Evicts finished jobs older than the keep time, from memory and from the database,
    /// and the rows of jobs whose process died. Runs before every start and on a timer
    /// (`sweep_forever`), so results do not outlive their keep time on a quiet instance.
    pub async fn sweep(&self) {
        let now = (self.now)();
        self.map().retain(|_, j| !self.expired(j, now));
        let keep = chrono::TimeDelta::from_std(self.config.keep).unwrap_or(chrono::TimeDelta::MAX);
        let lost = chrono::TimeDelta::from_std(self.config.limits.abandoned_after)
            .unwrap_or(chrono::TimeDelta::MAX);
        let pruned = self
            .counters
            .prune_jobs(
                now.checked_sub_signed(keep).unwrap_or(now),
                now.checked_sub_signed(lost).unwrap_or(now),
            )
            .await;
        if let Err(e) = pruned {
            tracing::warn!(error = %e, "pruning finished jobs failed");
        }
    }

    /// How many jobs this process holds in memory, running or finished.
    pub fn held(&self) -> usize {
        self.map().len()
    }

    /// The job, if it exists, belongs to `owner` and is not past its keep time; anyone else
    /// is told it does not exist. A job this process does not hold is looked up where the
    /// process running it publishes it.
    pub async fn find(&self, id: Id, owner: Option<Id>) -> Option<Arc<Job>> {
        let now = (self.now)();
        {
            let mut jobs = self.map();
            if jobs.get(&id).is_some_and(|j| self.expired(j, now)) {
                jobs.remove(&id);
                return None;
            }
            if let Some(job) = jobs.get(&id) {
                return (job.owner == owner).then(|| job.clone());
            }
        }
        match self.counters.job_state(id).await {
            // Its row goes when the job expires (`sweep`, on whichever process).
            Ok(Some(state)) if state.owner == owner => {
                let job = Job::published(state);
                (!self.expired(&job, now)).then(|| Arc::new(job))
            }
            Ok(_) => None,
            Err(e) => {
                tracing::warn!(error = %e, "reading a published job failed");
                None
            }
        }
    }
}

/// Publishes `job`'s state; a failure is logged (the job still runs and this process still
/// shows it).
async fn publish(counters: &dyn Counters, job: &Job, id: Id) {
    if let Err(e) = counters.publish_job(&job.state(id)).await {
        tracing::warn!(error = %e, "publishing a job's state failed");
    }
}

/// Sweeps `jobs` every `every`, for as long as the server runs.
pub async fn sweep_forever(jobs: Arc<Jobs>, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        jobs.sweep().await;
    }
}

/// A place taken under the job limits by inline work; `end` gives it back.
pub struct Slot {
    id: Id,
    counters: Option<Arc<dyn Counters>>,
}

impl Slot {
    pub async fn end(mut self) {
        if let Some(c) = self.counters.take()
            && let Err(e) = c.forget_job(self.id).await
        {
            tracing::warn!(error = %e, "giving back a job slot failed");
        }
    }
}

impl Drop for Slot {
    // Work that failed or panicked before `end` still gives its place back, a moment later.
    fn drop(&mut self) {
        if let (Some(c), Ok(rt)) = (self.counters.take(), tokio::runtime::Handle::try_current()) {
            let id = self.id;
            rt.spawn(async move {
                let _ = c.forget_job(id).await;
            });
        }
    }
}
