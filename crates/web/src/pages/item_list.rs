//! `/items?…`: the items behind a dashboard figure — a scope (commission, agreement, party
//! or everything), optionally one area, lead body or side, and what is counted (done,
//! overdue, due within 30 days…; see `item_filter`). One page is selected, counted and
//! ordered in the store's query (`Visible::item_window`), whose conditions are tested
//! against the figures' own `ItemFilter`, so the list holds as many items as the figure
//! says; the count stops at 1,000 (or the page shown), past which it says "more than".

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use taawun_core::{ActionItem, Id};
use taawun_store::{ItemWindow, Visible, Window};

use super::item_filter::{Params, Selection, Show};
use super::views::{Crumb, ItemRow, Link, Pager, item_rows, lead_heads, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// Rows per page: a page stays light, and a reader narrows by area or side rather than
/// scrolling through thousands.
const PAGE: usize = 50;

/// How far the list counts its items beyond the page shown: past it, "more than 1,000".
const COUNT_TO: usize = 1_000;

/// Page `page` (from 1) of the selection, counted up to `COUNT_TO` or to the end of the
/// page, whichever is further.
async fn window(
    v: &Visible,
    sel: &Selection,
    today: chrono::NaiveDate,
    page: usize,
) -> Result<ItemWindow, WebError> {
    let offset = (page - 1).saturating_mul(PAGE);
    let window = Window {
        offset: offset as u64,
        limit: PAGE as u64,
        count_to: COUNT_TO.max(offset + PAGE) as u64,
    };
    Ok(taawun_app::items::window(v, &sel.items(), today, window).await?)
}

#[derive(Template)]
#[template(path = "item_list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    /// What the list holds, one line per condition.
    conditions: Vec<(String, Markup)>,
    /// How many items match, all pages together.
    count: usize,
    count_text: String,
    dashboard: String,
    items: Vec<ItemRow>,
    lead_heads: Vec<Markup>,
    pager: Pager,
    /// The query of this selection, for its spreadsheet downloads.
    query: String,
}

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    params: Result<Query<Params>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    let Query(params) = params.map_err(|e| WebError::BadRequest(e.to_string()))?;
    let sel = Selection::from_params(&params)?;
    let v = reader(&state, &ctx);
    let today = state.clock.today();
    let wanted = params.page.unwrap_or(1).max(1) as usize;
    let mut found = window(&v, &sel, today, wanted).await?;
    let mut page = wanted;
    // A page past the end (an old link, a hand-typed number) shows the last one.
    if found.rows.is_empty() && page > 1 && !found.more {
        page = (found.count as usize).div_ceil(PAGE).max(1);
        found = window(&v, &sel, today, page).await?;
    }
    let count = found.count as usize;
    // Past the counting bound the number of pages is unknown: the pager then names pages
    // without a total, and a next page exists since more items match.
    let pages = (!found.more).then(|| count.div_ceil(PAGE).max(1));
    let mut items: Vec<ActionItem> = Vec::with_capacity(PAGE);
    for f in &found.rows {
        items.extend(v.item(f.id).await?);
    }
    let columns = sides_of(&items);
    let mut lk = Lookup::new(&v);
    let rows = item_rows(&mut lk, &ctx, &items, &columns).await?;
    let heads = lead_heads(&mut lk, &ctx, &columns).await?;
    let conditions = conditions(&ctx, &v, &mut lk, &sel).await?;
    let page_link = |n: usize| Link {
        href: format!("{}&page={n}", sel.href()),
        label: Markup(escape(&match pages {
            Some(pages) => format!("{n} / {pages}"),
            None => n.to_string(),
        })),
    };
    let pager = Pager {
        prev: (page > 1).then(|| page_link(page - 1)),
        next: pages
            .is_none_or(|pages| page < pages)
            .then(|| page_link(page + 1)),
    };
    let title = ctx.t("item-list-title");
    render(&ListPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new(sel.dashboard(), Markup(escape(&ctx.t("nav-dashboard")))),
            Crumb::new(sel.href(), Markup(escape(&title))),
        ],
        title,
        conditions,
        count,
        count_text: if found.more {
            ctx.t_over("items-count-over", count as u64)
        } else {
            ctx.tn("items-count", count)
        },
        dashboard: sel.dashboard(),
        items: rows,
        lead_heads: heads,
        pager,
        query: sel.query(),
        ctx: ctx.shown(&v),
    })
}

/// The lead parties of the listed items, in order of first appearance: one column each.
fn sides_of(items: &[ActionItem]) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for l in items.iter().flat_map(|i| &i.leads) {
        if !out.contains(&l.party_id) {
            out.push(l.party_id);
        }
    }
    out
}

/// The selection in words: scope, group and what is counted.
async fn conditions(
    ctx: &Ctx,
    v: &Visible,
    lk: &mut Lookup<'_>,
    sel: &Selection,
) -> Result<Vec<(String, Markup)>, WebError> {
    let mut out = Vec::new();
    let unknown = || Markup(String::from("—"));
    let scope = super::dashboard_scope::named(ctx, v, sel.scope).await?;
    let scope = scope.map_or_else(unknown, |(l, _)| link(&l));
    out.push((ctx.t("item-list-scope"), scope));
    if let Some(a) = sel.area {
        let name = lk
            .area(a)
            .await?
            .map_or_else(unknown, |a| ctx.text(&a.name));
        out.push((ctx.t("col-area"), name));
    }
    if let Some(o) = sel.lead {
        let name = super::views::organisation_link(lk, ctx, o).await?;
        out.push((ctx.t("col-lead"), name.map_or_else(unknown, |l| link(&l))));
    }
    if let Some(p) = sel.side {
        let name = super::views::party_link(lk, ctx, p).await?;
        out.push((ctx.t("dashboard-side"), link(&name)));
    }
    let what = match (sel.show, sel.lead.is_some() || sel.side.is_some()) {
        (Show::Done, true) => ctx.t("item-list-show-side-done"),
        (show, _) => ctx.label("item-list-show", show.key()),
    };
    out.push((ctx.t("item-list-show"), Markup(escape(&what))));
    Ok(out)
}

fn link(l: &Link) -> Markup {
    Markup(format!("<a href=\"{}\">{}</a>", escape(&l.href), l.label))
}
