//! `/search?q=`: records whose text holds every word, among those the reader may see. Works
//! as a plain GET form (no script). Hits are described through `Visible`, so the count is
//! of what the page lists and nothing hidden is counted.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

use super::describe::{Described, describe};
use super::views::{Crumb, render};
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// Enough for a page; a reader refines the words rather than pages through hundreds.
const LIMIT: u32 = 50;
/// Longer queries are cut: nobody types more, and the index need not see more.
const MAX_QUERY: usize = 200;

#[derive(Deserialize, Default)]
pub(crate) struct Params {
    #[serde(default)]
    q: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    query: String,
    /// `None` before anything was asked.
    count: Option<String>,
    hits: Vec<Described>,
}

pub(crate) async fn search(
    ctx: Ctx,
    State(state): State<AppState>,
    params: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    // A malformed query string is treated as an empty search, not an error page.
    let Params { q } = params.map(|Query(p)| p).unwrap_or_default();
    let query: String = q.trim().chars().take(MAX_QUERY).collect();
    let v = reader(&state, &ctx);
    let mut hits = Vec::new();
    if !query.is_empty() {
        for hit in v.search(&query, LIMIT).await? {
            hits.extend(describe(&ctx, &v, hit.entity, hit.id).await?);
        }
    }
    let title = ctx.t("search-title");
    render(&SearchPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/search", Markup(escape(&title))),
        ],
        count: (!query.is_empty()).then(|| ctx.tn("search-results", hits.len())),
        title,
        query,
        hits,
        ctx: ctx.shown(&v),
    })
}
