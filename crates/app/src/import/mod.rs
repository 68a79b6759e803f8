//! Importing an action plan's items from a spreadsheet, the one use case behind the web's
//! `/plans/{id}/import` pages and `taawun import`: load the plan's world through the
//! importer's `Visible`, read the sheet, guess the mapping of its columns (the importer's
//! last one first) and apply their choices, prepare the rows as items (`core::import`),
//! remember the mapping, then save the batch — new items, and the stored ones an exported
//! sheet's rows update — all together or not at all (`Store::apply_items`) and word the row
//! the store refused. Each front end decides how it
//! asks and shows; what an import does is written here.

mod reading;
mod world;

pub use reading::{DEFAULT_WAIT, ReadRefusal, SheetReaders};
pub use world::{ImportWorld, MAPPING_KEY};

use std::sync::Arc;
use taawun_core::import::{Field, Mapping, Preview, SavedMapping, prepare};
use taawun_core::sheet::Sheet;
use taawun_core::{ActionItem, Id, Lang, User, new_id};
use taawun_docs::{ReadLimits, SheetError, read_sheet};
use taawun_i18n::{Wording, guess_mapping};
use taawun_i18n::{fmt, message, message_args};
use taawun_store::{Actor, Store, StoreError, StoreResult};

use crate::jobs::{Holder, Job, Jobs, Outcome, StartError};

/// Reads an uploaded spreadsheet (.xlsx, .ods or .csv, told by its name) within `limits`, on
/// the caller's thread: for the command line. A server reads through `SheetReaders`.
pub fn read(bytes: &[u8], file_name: &str, limits: &ReadLimits) -> Result<Sheet, SheetError> {
    read_sheet(bytes, file_name, limits)
}

/// The user's last mapping (`remember`); a setting that no longer reads counts as none.
pub async fn saved_mapping(store: &dyn Store, user: Id) -> StoreResult<Option<SavedMapping>> {
    Ok(store
        .user_setting(user, MAPPING_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// The mapping of `sheet`'s columns onto item fields, guessed from its headers with the
/// user's last mapping first.
pub async fn guess(
    store: &dyn Store,
    user: Id,
    world: &ImportWorld,
    sheet: &Sheet,
) -> StoreResult<Mapping> {
    let saved = saved_mapping(store, user).await?;
    Ok(guess_mapping(
        &sheet.headers,
        &world.parties,
        saved.as_ref(),
    ))
}

/// The mapping an importer chose column by column: `choice(i)` is the key of column `i`'s
/// field (`Field::key`); none, or a key naming no field, leaves the column out.
pub fn chosen<'a>(
    world: &ImportWorld,
    columns: usize,
    choice: impl Fn(usize) -> Option<&'a str>,
) -> Mapping {
    Mapping(
        (0..columns)
            .map(|i| choice(i).and_then(|k| Field::from_key(k, &world.parties)))
            .collect(),
    )
}

/// Why one column's choice could not be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapError {
    /// No column has that header.
    NoColumn,
    /// The key names no field (nor `ignore`).
    UnknownField,
}

/// Maps the column headed `header` onto the field keyed `key`, or leaves it out when `key`
/// is `ignore`; headers and key are compared without surrounding spaces.
pub fn map_column(
    mapping: &mut Mapping,
    world: &ImportWorld,
    sheet: &Sheet,
    header: &str,
    key: &str,
) -> Result<(), MapError> {
    let column = sheet
        .headers
        .iter()
        .position(|h| h.trim() == header.trim())
        .ok_or(MapError::NoColumn)?;
    let field = match key.trim() {
        "ignore" => None,
        k => Some(Field::from_key(k, &world.parties).ok_or(MapError::UnknownField)?),
    };
    mapping.0.resize(sheet.headers.len(), None);
    mapping.0[column] = field;
    Ok(())
}

/// The rows as new items, originated by the importer's party as items made in a form are.
pub fn prepared(world: &ImportWorld, sheet: &Sheet, mapping: &Mapping, user: &User) -> Preview {
    let mut preview = prepare(sheet, mapping, &world.context(), &mut new_id);
    for item in &mut preview.items {
        item.protection.originator.get_or_insert(user.party_id);
    }
    preview
}

/// Remembers `mapping` as the user's setting, for `guess` to start from next time.
pub async fn remember(
    store: &dyn Store,
    user: Id,
    world: &ImportWorld,
    sheet: &Sheet,
    mapping: &Mapping,
) -> StoreResult<()> {
    let saved = SavedMapping::from_mapping(&sheet.headers, mapping, &world.parties);
    // A mapping that does not serialise is not worth failing an import for.
    match serde_json::to_string(&saved) {
        Ok(json) => store.set_user_setting(user, MAPPING_KEY, &json).await,
        Err(_) => Ok(()),
    }
}

/// What a commit writes: the rows of a clean preview that create or change an item (an
/// unchanged row writes nothing, not even an audit record), each with its sheet row.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub items: Vec<ActionItem>,
    /// The spreadsheet row of each item, for naming the one the store refuses.
    pub rows: Vec<usize>,
}

impl Batch {
    pub fn of(preview: &Preview) -> Batch {
        let (rows, items) = preview.to_write().into_iter().unzip();
        Batch { items, rows }
    }

    /// How many items the batch creates and how many it updates.
    pub fn counts(&self) -> Written {
        let created = self.items.iter().filter(|i| i.version == 0).count();
        Written {
            created,
            updated: self.items.len() - created,
        }
    }
}

/// What a commit wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub created: usize,
    pub updated: usize,
}

/// Saves the batch all together or not at all, as `user`; `progress` hears the number of
/// items written so far.
pub async fn save(
    store: &dyn Store,
    user: &User,
    batch: &Batch,
    progress: &(dyn Fn(usize) + Send + Sync),
) -> StoreResult<Vec<ActionItem>> {
    store
        .apply_items(&Actor::user(user), &batch.items, progress)
        .await
}

/// The row of the spreadsheet the store refused, and why.
pub struct RefusedRow<'a> {
    /// As the spreadsheet numbers it: data rows start on row 2, under the headers.
    pub row: usize,
    pub why: &'a StoreError,
}

/// The row of `batch` a failed `save` names, when the store named one.
pub fn refused_row<'e>(e: &'e StoreError, batch: &Batch) -> Option<RefusedRow<'e>> {
    match e {
        StoreError::InBatch { index, source } => Some(RefusedRow {
            row: batch.rows.get(*index).copied().unwrap_or(index + 2),
            why: source.as_ref(),
        }),
        _ => None,
    }
}

/// Why a save failed, for the importer in `lang`: the row and the rules it broke when the
/// store names them (or that it changed since the file was read); anything else is logged
/// and said as a failed job.
pub fn failure(lang: Lang, e: &StoreError, batch: &Batch) -> String {
    let Some(refused) = refused_row(e, batch) else {
        tracing::error!(error = %e, "import failed");
        return message(lang, "job-failed");
    };
    let row = fmt::integer(lang, refused.row as u64);
    let why = match refused.why {
        StoreError::Invalid(errors) => errors
            .0
            .iter()
            .map(|r| r.message(lang))
            .collect::<Vec<_>>()
            .join(" "),
        StoreError::Forbidden { .. } => message(lang, "error-forbidden"),
        StoreError::Conflict { .. } => message(lang, "import-changed-meanwhile"),
        _ => message(lang, "job-failed"),
    };
    message_args(lang, "import-row-failed", &[("row", &row), ("why", &why)])
}

/// Saves the batch as a job of `user`'s, labelled in `lang`, its progress the items
/// written. The job ends at `next(written)` (where the importer goes, told how many items
/// were created and updated), or with `failure`.
pub async fn start(
    jobs: &Jobs,
    store: Arc<dyn Store>,
    user: User,
    lang: Lang,
    batch: Batch,
    next: impl FnOnce(Written) -> String + Send + 'static,
) -> Result<(Id, Arc<Job>), StartError> {
    let (id, job) = jobs
        .start(&Holder::user(user.id), message(lang, "import-job"))
        .await?;
    job.writing(batch.items.len());
    let j = job.clone();
    let failed = Outcome::Failed {
        message: message(lang, "job-failed"),
    };
    jobs.run(job.clone(), id, failed, async move {
        let tick = {
            let j = j.clone();
            move |n: usize| j.set_done(n)
        };
        match save(&*store, &user, &batch, &tick).await {
            Ok(_) => Outcome::Done {
                href: next(batch.counts()),
            },
            Err(e) => Outcome::Failed {
                message: failure(lang, &e, &batch),
            },
        }
    });
    Ok((id, job))
}
