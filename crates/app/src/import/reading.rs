//! Reading uploaded spreadsheets off the async runtime, a few at a time: parsing is CPU work
//! that would otherwise stall every request on the runtime's threads (two hostile uploads made
//! `/healthz` take ten seconds). Each read runs on the blocking pool holding one of a fixed
//! number of slots; an upload that finds none free within a short wait is told the server is
//! busy rather than queued without end.

use std::sync::Arc;
use std::time::Duration;
use taawun_core::sheet::Sheet;
use taawun_docs::{ReadLimits, SheetError, read_sheet};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long an upload waits for a free slot before it is answered "busy".
pub const DEFAULT_WAIT: Duration = Duration::from_secs(3);

/// Why an upload was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadRefusal {
    /// Every slot stayed taken for the whole wait: try again shortly.
    Busy,
    /// The file itself was refused.
    Sheet(SheetError),
}

pub struct SheetReaders {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl Default for SheetReaders {
    /// One slot per core but one, so that a core is always left for answering requests
    /// (at least one slot, at most four).
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        SheetReaders::new(cores.saturating_sub(1).clamp(1, 4), DEFAULT_WAIT)
    }
}

impl SheetReaders {
    pub fn new(slots: usize, wait: Duration) -> Self {
        SheetReaders {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
        }
    }

    /// Reads `bytes` within `limits` on the blocking pool. The slot is held by the reading
    /// itself, so an upload whose request goes away still counts until its reading ends.
    pub async fn read(
        &self,
        bytes: Vec<u8>,
        file_name: String,
        limits: ReadLimits,
    ) -> Result<Sheet, ReadRefusal> {
        let slot = tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| ReadRefusal::Busy)?
            .map_err(|_| ReadRefusal::Busy)?;
        let reading = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            read_sheet(&bytes, &file_name, &limits)
        });
        match reading.await {
            Ok(result) => result.map_err(ReadRefusal::Sheet),
            // A panic in a reader is a file it could not read, not a crashed request.
            Err(e) => {
                tracing::error!(error = %e, "spreadsheet reader failed");
                Err(ReadRefusal::Sheet(SheetError::Damaged(e.to_string())))
            }
        }
    }

    /// Takes a slot now if one is free, holding it until the permit is dropped: for tests
    /// that need every slot taken, and for callers that read on their own thread.
    pub fn try_hold(&self) -> Option<OwnedSemaphorePermit> {
        self.slots.clone().try_acquire_owned().ok()
    }
}
