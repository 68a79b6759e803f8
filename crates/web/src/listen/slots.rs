//! The connection bound, and whom to let go when it is reached. A connection that is not
//! inside a request (still sending its headers, or idle between two requests) holds a slot
//! but does no work: when every slot is taken, the oldest such connection is closed to make
//! room, so that a flood of half-sent requests cannot keep out a real one. Connections in
//! the middle of a request are never closed for room; they are bound by the time limits.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

/// What the accept loop knows of one open connection.
#[derive(Default)]
pub struct Conn {
    /// True while a request is being answered.
    pub busy: AtomicBool,
    /// Notified when the connection must close to make room.
    pub evict: Notify,
}

/// A slot for one connection: while held, the connection counts against the bound.
pub struct Slot {
    _permit: OwnedSemaphorePermit,
    id: u64,
    open: Arc<Mutex<BTreeMap<u64, Arc<Conn>>>>,
    pub conn: Arc<Conn>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock() {
            open.remove(&self.id);
        }
    }
}

pub struct Slots {
    permits: Arc<Semaphore>,
    max: usize,
    next: u64,
    /// Open connections by order of arrival, oldest first.
    open: Arc<Mutex<BTreeMap<u64, Arc<Conn>>>>,
}

impl Slots {
    pub fn new(max: usize) -> Self {
        Slots {
            permits: Arc::new(Semaphore::new(max)),
            max,
            next: 0,
            open: Arc::default(),
        }
    }

    /// A slot for the next connection: a free one, else the one an idle connection gives up,
    /// else the first to be freed.
    pub async fn take(&mut self) -> Slot {
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                self.evict_oldest_idle();
                self.permits
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed")
            }
        };
        self.next += 1;
        let conn = Arc::new(Conn::default());
        if let Ok(mut open) = self.open.lock() {
            open.insert(self.next, conn.clone());
        }
        Slot {
            _permit: permit,
            id: self.next,
            open: self.open.clone(),
            conn,
        }
    }

    fn evict_oldest_idle(&self) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        let idle = open
            .iter()
            .find(|(_, c)| !c.busy.load(Ordering::Acquire))
            .map(|(id, _)| *id);
        // Out of the list at once, so that the next arrival picks another one.
        if let Some(c) = idle.and_then(|id| open.remove(&id)) {
            // `notify_one` keeps the wake-up if the task is not waiting yet.
            c.evict.notify_one();
        }
    }

    /// Waits until every connection has closed; false when `within` ran out first.
    pub async fn all_closed(&self, within: std::time::Duration) -> bool {
        let all = u32::try_from(self.max).unwrap_or(u32::MAX);
        tokio::time::timeout(within, self.permits.acquire_many(all))
            .await
            .is_ok()
    }

    /// Connections still open.
    pub fn in_use(&self) -> usize {
        self.max - self.permits.available_permits()
    }
}
