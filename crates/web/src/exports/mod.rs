//! Every list as a spreadsheet: `/export/{list}.xlsx` and `/export/{list}.csv` for
//! agreements, sessions, items (with the same filters as `/items`), progress updates,
//! activities and people, in the reader's language (right-to-left sheets in Arabic). The
//! rows are read through the reader's `Visible`, so a download holds exactly what the list
//! pages show them. Exports run as jobs (`crate::jobs`): a large one shows its progress.

mod items;
mod tables;

use axum::extract::{Query, State};
use axum::response::{Html, Response};
use axum::routing::{MethodRouter, get};
use std::sync::Arc;
use taawun_docs::Table;
use taawun_store::Visible;

use crate::jobs::{Job, Outcome};
use crate::lookup::reader;
use crate::pages::item_filter::Params;
use crate::pages::views::{Crumb, render};
use crate::{AppState, ctx::Ctx, error::WebError};

pub use tables::Tick;

impl List {
    /// The list named `key` (`items`, `people`…), as in its download's path.
    pub fn parse(key: &str) -> Option<List> {
        List::ALL.into_iter().find(|l| l.key() == key)
    }
}

impl Format {
    pub fn parse(ext: &str) -> Option<Format> {
        match ext {
            "xlsx" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Hears a long export's phase (`reading`, `writing`), rows done, and rows to do (0: unknown).
pub type Progress = Arc<dyn Fn(&str, usize, usize) + Send + Sync>;

/// A list as `user` would download it, for `taawun export`: read through the user's own
/// `Visible`, in `lang`, all items (no filter). `progress` hears the phase (`reading`,
/// `writing`), the rows done and, when writing, the rows to do.
pub async fn for_user(
    store: std::sync::Arc<dyn taawun_store::Store>,
    user: taawun_core::User,
    lang: taawun_core::Lang,
    list: List,
    format: Format,
    today: chrono::NaiveDate,
    progress: Progress,
) -> Result<Vec<u8>, String> {
    let party = store
        .party(user.party_id)
        .await
        .map_err(|e| e.to_string())?;
    let ctx = Ctx {
        lang,
        path: String::from("/"),
        demo: false,
        who: Arc::new(crate::auth::Who {
            principal: user.principal(),
            user: Some(user),
            party,
            csrf: String::new(),
            unread: 0,
        }),
        banner: Default::default(),
    };
    let v = Visible::new(store, ctx.principal().clone());
    let reading = {
        let p = progress.clone();
        move |n: usize| p("reading", n, 0)
    };
    let t = table(&ctx, &v, list, &Params::default(), today, &reading)
        .await
        .map_err(|e| e.to_string())?;
    let total = t.rows.len();
    tokio::task::spawn_blocking(move || write(&t, format, &mut |n| progress("writing", n, total)))
        .await
        .map_err(|e| e.to_string())?
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
    fn content_type(self) -> &'static str {
        match self {
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// The downloads `routes` lists: one path per list and format (`/export/items.xlsx`,
/// `/export/commissions.csv`…), each with its handler.
pub(crate) fn downloads() -> Vec<(String, MethodRouter<AppState>)> {
    let mut r = Vec::new();
    for list in List::ALL {
        for format in [Format::Xlsx, Format::Csv] {
            let path = format!("/export/{}.{}", list.key(), format.ext());
            r.push((
                path,
                get(move |ctx: Ctx, state: State<AppState>, q: Query<Params>| {
                    export(ctx, state, q, list, format)
                }),
            ));
        }
    }
    r
}

/// The table of `list`, read through `v`; `tick` hears the rows read so far.
pub(crate) async fn table(
    ctx: &Ctx,
    v: &Visible,
    list: List,
    params: &Params,
    today: chrono::NaiveDate,
    tick: Tick<'_>,
) -> Result<Table, WebError> {
    Ok(match list {
        List::Agreements => tables::agreements(ctx, v, tick).await?,
        List::Sessions => tables::sessions(ctx, v, tick).await?,
        List::Items => items::items(ctx, v, params, today, tick).await?,
        List::Progress => tables::progress(ctx, v, tick).await?,
        List::Activities => tables::activities(ctx, v, tick).await?,
        List::People => tables::people(ctx, v, tick).await?,
    })
}

/// Writes the table; `tick` hears the rows written so far.
pub fn write(t: &Table, format: Format, tick: &mut dyn FnMut(usize)) -> Result<Vec<u8>, String> {
    match format {
        Format::Xlsx => taawun_docs::xlsx_with_progress(t, tick).map_err(|e| e.to_string()),
        Format::Csv => Ok(taawun_docs::csv_with_progress(t, tick)),
    }
}

async fn export(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(params): Query<Params>,
    list: List,
    format: Format,
) -> Result<Response, WebError> {
    // A malformed filter is the reader's mistake: refuse it before starting any work.
    if list == List::Items {
        crate::pages::item_filter::Selection::from_params(&params)?;
    }
    let v = reader(&state, &ctx);
    let label = ctx.t(&format!("export-{}", list.key()));
    let (id, job) = state.jobs.start(ctx.user().map(|u| u.id), label);
    let today = state.clock.today();
    let (c, j) = (ctx.clone(), job.clone());
    tokio::spawn(async move {
        let outcome = run(&c, &v, list, format, &params, today, &j).await;
        j.finish(outcome);
    });
    Ok(crate::pages::jobs::answer(&state, id, &job).await)
}

async fn run(
    ctx: &Ctx,
    v: &Visible,
    list: List,
    format: Format,
    params: &Params,
    today: chrono::NaiveDate,
    job: &Arc<Job>,
) -> Outcome {
    let failed = |e: String| {
        tracing::error!(error = %e, "export failed");
        Outcome::Failed {
            message: ctx.t("job-failed"),
        }
    };
    let tick = {
        let job = job.clone();
        move |n: usize| job.set_done(n)
    };
    let table = match table(ctx, v, list, params, today, &tick).await {
        Ok(t) => t,
        Err(e) => return failed(e.to_string()),
    };
    job.writing(table.rows.len());
    let job2 = job.clone();
    let written =
        tokio::task::spawn_blocking(move || write(&table, format, &mut |n| job2.set_done(n))).await;
    match written {
        Ok(Ok(bytes)) => Outcome::File {
            bytes: Arc::new(bytes),
            content_type: format.content_type(),
            file_name: format!(
                "{}-{}.{}",
                list.key(),
                today.format("%Y-%m-%d"),
                format.ext()
            ),
        },
        Ok(Err(e)) => failed(e),
        Err(e) => failed(e.to_string()),
    }
}

struct ExportLink {
    label: String,
    xlsx: String,
    csv: String,
}

#[derive(askama::Template)]
#[template(path = "exports.html")]
struct ExportsPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    lists: Vec<ExportLink>,
}

/// `/exports`: every list, as Excel or CSV.
pub(crate) async fn page(ctx: Ctx) -> Result<Html<String>, WebError> {
    let title = ctx.t("exports-title");
    let lists = List::ALL
        .into_iter()
        .map(|l| ExportLink {
            label: ctx.t(&format!("export-{}", l.key())),
            xlsx: format!("/export/{}.xlsx", l.key()),
            csv: format!("/export/{}.csv", l.key()),
        })
        .collect();
    render(&ExportsPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new(
                String::from("/exports"),
                crate::markup::Markup(crate::markup::escape(&title)),
            ),
        ],
        title,
        lists,
        ctx,
    })
}
