//! Importing an action plan's items from a spreadsheet, the one use case behind the web's
//! `/plans/{id}/import` pages and `taawun import`: load the plan's world through the
//! importer's `Visible`, read the sheet, guess the mapping of its columns (the importer's
//! last one first) and apply their choices, prepare the rows as items (`core::import`),
//! remember the mapping, then save the batch all together or not at all
//! (`Store::save_items`) and word the row the store refused. Each front end decides how it
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

/// Saves the prepared items all together or not at all, as `user`; `progress` hears the
/// number of items written so far.
pub async fn save(
    store: &dyn Store,
    user: &User,
    items: &[ActionItem],
    progress: &(dyn Fn(usize) + Send + Sync),
) -> StoreResult<Vec<ActionItem>> {
    store.save_items(&Actor::user(user), items, progress).await
}

/// The row of the spreadsheet the store refused, and why.
pub struct RefusedRow<'a> {
    /// As the spreadsheet numbers it: data rows start on row 2, under the headers.
    pub row: usize,
    pub why: &'a StoreError,
}

/// The row a failed `save` names, when the store named one.
pub fn refused_row(e: &StoreError) -> Option<RefusedRow<'_>> {
    match e {
        StoreError::InBatch { index, source } => Some(RefusedRow {
            row: index + 2,
            why: source.as_ref(),
        }),
        _ => None,
    }
}

/// Why a save failed, for the importer in `lang`: the row and the rules it broke when the
/// store names them; anything else is logged and said as a failed job.
pub fn failure(lang: Lang, e: &StoreError) -> String {
    let Some(refused) = refused_row(e) else {
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
        _ => message(lang, "job-failed"),
    };
    message_args(lang, "import-row-failed", &[("row", &row), ("why", &why)])
}

/// Saves the items as a job of `user`'s, labelled in `lang`, its progress the items
/// written. The job ends at `next(saved)` (where the importer goes with the count of items
/// saved), or with `failure`.
pub async fn start(
    jobs: &Jobs,
    store: Arc<dyn Store>,
    user: User,
    lang: Lang,
    items: Vec<ActionItem>,
    next: impl FnOnce(usize) -> String + Send + 'static,
) -> Result<(Id, Arc<Job>), StartError> {
    let (id, job) = jobs
        .start(&Holder::user(user.id), message(lang, "import-job"))
        .await?;
    job.writing(items.len());
    let j = job.clone();
    let failed = Outcome::Failed {
        message: message(lang, "job-failed"),
    };
    jobs.run(job.clone(), id, failed, async move {
        let tick = {
            let j = j.clone();
            move |n: usize| j.set_done(n)
        };
        match save(&*store, &user, &items, &tick).await {
            Ok(saved) => Outcome::Done {
                href: next(saved.len()),
            },
            Err(e) => Outcome::Failed {
                message: failure(lang, &e),
            },
        }
    });
    Ok((id, job))
}
