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
use taawun_core::{ActionItem, Id, RecordKind};
use taawun_store::Visible;

use super::item_filter::{Params, Selection, Show};
use super::paging;
use super::views::{Crumb, Head, ItemRow, Link, Pager, item_rows, lead_heads, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// Rows per page: a page stays light, and a reader narrows by area or side rather than
/// scrolling through thousands.
const PAGE: u64 = 50;

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
    /// The count stopped at its bound: there are more than `count`.
    more: bool,
    count_text: String,
    dashboard: String,
    items: Vec<ItemRow>,
    lead_heads: Vec<Head>,
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
    let wanted = u64::from(params.page.unwrap_or(1).max(1));
    let items_sel = sel.items();
    let (found, page) = paging::fetch(wanted, PAGE, |w| {
        taawun_app::items::window(&v, &items_sel, today, w)
    })
    .await?;
    let count = found.count as usize;
    let mut items: Vec<ActionItem> = Vec::with_capacity(PAGE as usize);
    let listed: Vec<Id> = found.rows.iter().map(|f| f.id).collect();
    v.prefetch_shown_of(RecordKind::ActionItem, &listed).await?;
    for f in &found.rows {
        items.extend(v.item(f.id).await?);
    }
    let columns = sides_of(&items);
    let mut lk = Lookup::new(&v);
    let rows = item_rows(&mut lk, &ctx, &items, &columns).await?;
    let heads = lead_heads(&mut lk, &ctx, &columns).await?;
    let conditions = conditions(&ctx, &v, &mut lk, &sel).await?;
    let pager = paging::pager(&found, page, PAGE, |n| format!("{}&page={n}", sel.href()));
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
        more: found.more,
        count_text: paging::count_text(&ctx, "items-count", &found),
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
