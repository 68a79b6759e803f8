//! Every list as a spreadsheet: `/export/{list}.xlsx` and `/export/{list}.csv` for
//! agreements, sessions, items (with the same filters as `/items`), progress updates,
//! activities and people, in the reader's language. The tables are `taawun_app::export`'s,
//! read through the reader's `Visible`, so a download holds exactly what the list pages
//! show them; they are made as jobs, so a large one shows its progress, and a reader who
//! already runs as many as allowed is answered 429 (see `jobs_limit`).

use axum::extract::{Query, State};
use axum::response::{Html, Response};
use axum::routing::{MethodRouter, get};
use taawun_app::export::{Export, Format, List};
use taawun_app::items::ItemSelection;

use crate::jobs_limit::JobHolder;
use crate::lookup::reader;
use crate::pages::item_filter::{Params, Selection};
use crate::pages::views::{Crumb, render};
use crate::{AppState, ctx::Ctx, error::WebError};

/// The downloads `routes` lists: one path per list and format (`/export/items.xlsx`,
/// `/export/people.csv`…), each with its handler.
pub(crate) fn downloads() -> Vec<(String, MethodRouter<AppState>)> {
    let mut r = Vec::new();
    for list in List::ALL {
        for format in [Format::Xlsx, Format::Csv] {
            let path = format!("/export/{}.{}", list.key(), format.ext());
            r.push((
                path,
                get(
                    move |ctx: Ctx, state: State<AppState>, h: JobHolder, q: Query<Params>| {
                        export(ctx, state, h, q, list, format)
                    },
                ),
            ));
        }
    }
    r
}

async fn export(
    ctx: Ctx,
    State(state): State<AppState>,
    JobHolder(holder): JobHolder,
    Query(params): Query<Params>,
    list: List,
    format: Format,
) -> Result<Response, WebError> {
    // A malformed filter is the reader's mistake: refuse it before starting any work.
    let items = if list == List::Items {
        Selection::from_params(&params)?.items()
    } else {
        ItemSelection::all()
    };
    let export = Export {
        list,
        format,
        lang: ctx.lang,
        today: state.clock.today(),
        items,
    };
    let v = reader(&state, &ctx);
    let (id, job) = taawun_app::export::start(&state.jobs, &holder, v, export).await?;
    Ok(crate::pages::jobs::answer(&state, id, &job).await)
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
            label: l.label(ctx.lang),
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
