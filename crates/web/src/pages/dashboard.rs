//! The follow-up dashboards: overall (`/dashboard`), per partner (`/dashboard/parties/{id}`),
//! per commission and per agreement. Figures come from `Visible::item_counts` (the tallies
//! the store keeps, equal to `core::followup::figures` over the visible items) and the lists
//! from `Visible::item_window`, so a total never counts a record the reader may not see, no
//! request judges every item, and the banner carries the highest marking counted. Every figure links to the list of the
//! items behind it (`item_list`); charts are inline SVG beside tables of the same figures.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use taawun_store::FactsScope;

use super::dashboard_view::{DeadlineRow, DueList, Figure, GroupView, build};
use super::views::{Crumb, Link, render};
use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub ctx: Ctx,
    pub title: String,
    pub crumbs: Vec<Crumb>,
    /// The record the dashboard is about; `None` for the overall one.
    pub about: Option<Link>,
    pub today: String,
    pub headline: Vec<Figure>,
    pub rates: Vec<Figure>,
    pub groups: Vec<GroupView>,
    pub due: Vec<Figure>,
    /// Overdue, at risk, due within 90 days.
    pub lists: Vec<DueList>,
    pub deadlines: Vec<DeadlineRow>,
}

/// `?all=lead` (or `side`, `area`): that group shown whole rather than cut to its largest.
/// Anything else, or a query that does not parse, shows the dashboard as usual.
#[derive(serde::Deserialize)]
pub(crate) struct Expand {
    all: Option<String>,
}

fn expanded(q: Result<Query<Expand>, QueryRejection>) -> Option<String> {
    q.ok().and_then(|Query(e)| e.all)
}

pub(crate) async fn overall(
    ctx: Ctx,
    State(state): State<AppState>,
    q: Result<Query<Expand>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    show(ctx, state, FactsScope::All, expanded(q)).await
}

pub(crate) async fn party(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    q: Result<Query<Expand>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    show(ctx, state, FactsScope::Party(id), expanded(q)).await
}

pub(crate) async fn commission(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    q: Result<Query<Expand>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    show(ctx, state, FactsScope::Commission(id), expanded(q)).await
}

pub(crate) async fn agreement(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    q: Result<Query<Expand>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    show(ctx, state, FactsScope::Agreement(id), expanded(q)).await
}

async fn show(
    ctx: Ctx,
    state: AppState,
    scope: FactsScope,
    expanded: Option<String>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    // A hidden record's dashboard is a 404 exactly like an unknown one.
    let about = super::dashboard_scope::named(&ctx, &v, scope)
        .await?
        .ok_or(WebError::NotFound)?;
    let probe = reader(&state, &ctx);
    let today = state.clock.today();
    let page = build(&ctx, &v, &probe, scope, about, today, expanded.as_deref()).await?;
    render(&page)
}
