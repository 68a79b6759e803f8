//! Spreadsheets read for an import, kept between the upload and the commit so the reader
//! can adjust the column mapping without sending the file again. In memory, per reader,
//! for half an hour.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use taawun_core::Id;
use taawun_core::sheet::Sheet;

const KEEP: Duration = Duration::from_secs(30 * 60);
/// Uploads held at once; a sheet is at most 20,000 rows, so this bounds memory.
const MAX: usize = 32;

pub struct Upload {
    pub owner: Id,
    pub plan: Id,
    pub file_name: String,
    pub sheet: Sheet,
    at: Instant,
}

#[derive(Default)]
pub struct Uploads {
    held: Mutex<HashMap<Id, Arc<Upload>>>,
}

impl Uploads {
    pub fn put(&self, owner: Id, plan: Id, file_name: String, sheet: Sheet) -> Id {
        let id = uuid::Uuid::new_v4();
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.retain(|_, u| u.at.elapsed() < KEEP);
        while held.len() >= MAX {
            let oldest = held.iter().min_by_key(|(_, u)| u.at).map(|(id, _)| *id);
            match oldest {
                Some(old) => held.remove(&old),
                None => break,
            };
        }
        held.insert(
            id,
            Arc::new(Upload {
                owner,
                plan,
                file_name,
                sheet,
                at: Instant::now(),
            }),
        );
        id
    }

    /// The upload, if it is `owner`'s and was made for `plan`.
    pub fn get(&self, id: Id, owner: Id, plan: Id) -> Option<Arc<Upload>> {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.get(&id)
            .filter(|u| u.owner == owner && u.plan == plan && u.at.elapsed() < KEEP)
            .cloned()
    }

    /// Forgets an upload once committed, so it cannot be imported twice.
    pub fn take(&self, id: Id) {
        self.held
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&id);
    }
}
