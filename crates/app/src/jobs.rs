//! Long work (large exports, imports) done in the background, with its progress readable
//! while it runs. A front end starts a job and waits a moment (`Job::wait`): short work
//! answers at once, long work is followed on a progress page (the web's `/jobs/{id}`) that
//! reads `Job::progress` until the result is ready.
//!
//! Jobs live in memory: a restart forgets them, which only costs the reader a new click.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use taawun_core::Id;

/// How long a finished job's result is kept for its reader to collect.
const KEEP: Duration = Duration::from_secs(15 * 60);
/// At most this many jobs at once per instance; older finished ones are dropped first.
const MAX_JOBS: usize = 64;

/// What a job produced.
#[derive(Clone)]
pub enum Outcome {
    /// A file to download.
    File {
        bytes: Arc<Vec<u8>>,
        content_type: &'static str,
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
    started: Instant,
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

    pub fn finish(&self, outcome: Outcome) {
        *self.outcome.lock().unwrap_or_else(PoisonError::into_inner) = Some(outcome);
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
    /// How long a request waits for its job before sending the reader to the job's page.
    pub wait: Duration,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs::new(Duration::from_millis(1500))
    }
}

impl Jobs {
    pub fn new(wait: Duration) -> Self {
        Jobs {
            jobs: Mutex::new(HashMap::new()),
            wait,
        }
    }

    /// Registers a new job; its id is random (v4), so it cannot be guessed from another's.
    pub fn start(&self, owner: Option<Id>, label: String) -> (Id, Arc<Job>) {
        let id = uuid::Uuid::new_v4();
        let job = Arc::new(Job {
            owner,
            label,
            phase: AtomicU8::new(0),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            outcome: Mutex::new(None),
            started: Instant::now(),
        });
        let mut jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        jobs.retain(|_, j| j.started.elapsed() < KEEP);
        if jobs.len() >= MAX_JOBS {
            let oldest = jobs
                .iter()
                .filter(|(_, j)| j.outcome().is_some())
                .min_by_key(|(_, j)| j.started)
                .map(|(id, _)| *id);
            if let Some(old) = oldest {
                jobs.remove(&old);
            }
        }
        jobs.insert(id, job.clone());
        (id, job)
    }

    /// The job, if it exists and belongs to `owner`; anyone else is told it does not exist.
    pub fn get(&self, id: Id, owner: Option<Id>) -> Option<Arc<Job>> {
        let jobs = self.jobs.lock().unwrap_or_else(PoisonError::into_inner);
        jobs.get(&id).filter(|j| j.owner == owner).cloned()
    }
}
