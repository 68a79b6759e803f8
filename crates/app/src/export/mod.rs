//! Every list as a spreadsheet: agreements, sessions, items (those of one dashboard figure,
//! or all), progress updates, activities and people, in the reader's language
//! (right-to-left sheets in Arabic). The rows are read through the reader's `Visible`, so a
//! download holds exactly what the list pages show them. The web's `/export/…` runs an
//! export as a job (`start`), `taawun export` straight to a file (`file`).

mod items;
mod tables;

use chrono::NaiveDate;
use std::sync::Arc;
use taawun_core::{Id, Lang};
use taawun_docs::Table;
use taawun_i18n::message;
use taawun_store::{StoreResult, Visible};

use crate::items::ItemSelection;
use crate::jobs::{Holder, Job, Jobs, Outcome, StartError};

pub use tables::Tick;

/// The lists that can be exported, by the name in their path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Agreements,
    Sessions,
    Items,
    Progress,
    Activities,
    People,
}

impl List {
    pub const ALL: [List; 6] = [
        List::Agreements,
        List::Sessions,
        List::Items,
        List::Progress,
        List::Activities,
        List::People,
    ];

    pub fn key(self) -> &'static str {
        match self {
            List::Agreements => "agreements",
            List::Sessions => "sessions",
            List::Items => "items",
            List::Progress => "progress",
            List::Activities => "activities",
            List::People => "people",
        }
    }

    /// The list named `key` (`items`, `people`…), as in its download's path.
    pub fn parse(key: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.key() == key)
    }

    /// What the list is called, in `lang` (a job's label, a link).
    pub fn label(self, lang: Lang) -> String {
        message(lang, &format!("export-{}", self.key()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    pub fn parse(ext: &str) -> Option<Format> {
        match ext {
            "xlsx" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }

    /// The file's media type, for whoever hands the file on.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// One export: which list, as what, for a reader of which language, judged on which day;
/// `items` chooses the items (the list of `List::Items` only).
#[derive(Debug, Clone, Copy)]
pub struct Export {
    pub list: List,
    pub format: Format,
    pub lang: Lang,
    pub today: NaiveDate,
    pub items: ItemSelection,
}

impl Export {
    /// `items-2025-06-01.xlsx`: the list, the day, the format.
    pub fn file_name(&self) -> String {
        format!(
            "{}-{}.{}",
            self.list.key(),
            self.today.format("%Y-%m-%d"),
            self.format.ext()
        )
    }
}

/// Hears a long export's phase (`reading`, `writing`), rows done, and rows to do (0: unknown).
pub type Progress = Arc<dyn Fn(&str, usize, usize) + Send + Sync>;

/// The table of `e.list`, read through `v`; `tick` hears the rows read so far.
pub async fn table(v: &Visible, e: &Export, tick: Tick<'_>) -> StoreResult<Table> {
    let lang = e.lang;
    match e.list {
        List::Agreements => tables::agreements(lang, v, tick).await,
        List::Sessions => tables::sessions(lang, v, tick).await,
        List::Items => items::items(lang, v, &e.items, e.today, tick).await,
        List::Progress => tables::progress(lang, v, tick).await,
        List::Activities => tables::activities(lang, v, tick).await,
        List::People => tables::people(lang, v, tick).await,
    }
}

/// Writes the table; `tick` hears the rows written so far.
pub fn write(t: &Table, format: Format, tick: &mut dyn FnMut(usize)) -> Result<Vec<u8>, String> {
    match format {
        Format::Xlsx => taawun_docs::xlsx_with_progress(t, tick).map_err(|e| e.to_string()),
        Format::Csv => Ok(taawun_docs::csv_with_progress(t, tick)),
    }
}

/// The export's file, read through `v` then written on a blocking thread; `progress`
/// hears the phase (`reading`, `writing`), the rows done and, when writing, the rows to do.
pub async fn file(v: &Visible, e: &Export, progress: Progress) -> Result<Vec<u8>, String> {
    let reading = {
        let p = progress.clone();
        move |n: usize| p("reading", n, 0)
    };
    let t = table(v, e, &reading).await.map_err(|e| e.to_string())?;
    let total = t.rows.len();
    let format = e.format;
    tokio::task::spawn_blocking(move || write(&t, format, &mut |n| progress("writing", n, total)))
        .await
        .map_err(|e| e.to_string())?
}

/// Starts the export as a job of `holder`'s, labelled in the reader's language, its
/// progress on the job; the job ends with the file, or a failure said in the reader's
/// language. Refused when the holder or the instance already runs as many jobs as allowed.
pub async fn start(
    jobs: &Jobs,
    holder: &Holder,
    v: Visible,
    e: Export,
) -> Result<(Id, Arc<Job>), StartError> {
    let (id, job) = jobs.start(holder, e.list.label(e.lang)).await?;
    let j = job.clone();
    let failed = Outcome::Failed {
        message: message(e.lang, "job-failed"),
    };
    jobs.run(
        job.clone(),
        id,
        failed,
        async move { run(&v, &e, &j).await },
    );
    Ok((id, job))
}

async fn run(v: &Visible, e: &Export, job: &Arc<Job>) -> Outcome {
    let failed = |error: String| {
        tracing::error!(%error, "export failed");
        Outcome::Failed {
            message: message(e.lang, "job-failed"),
        }
    };
    let tick = {
        let job = job.clone();
        move |n: usize| job.set_done(n)
    };
    let table = match table(v, e, &tick).await {
        Ok(t) => t,
        Err(error) => return failed(error.to_string()),
    };
    job.writing(table.rows.len());
    let (j, format) = (job.clone(), e.format);
    let written =
        tokio::task::spawn_blocking(move || write(&table, format, &mut |n| j.set_done(n))).await;
    match written {
        Ok(Ok(bytes)) => Outcome::File {
            bytes: Arc::new(bytes),
            content_type: e.format.content_type().to_string(),
            file_name: e.file_name(),
        },
        Ok(Err(error)) => failed(error),
        Err(error) => failed(error.to_string()),
    }
}
