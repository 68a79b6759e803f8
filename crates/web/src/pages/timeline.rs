//! `/plans/{id}/timeline`: the plan's items on a time axis (see `charts::gantt`), grouped by
//! area as on the plan page — planned start → due against the actual run, from the first
//! report the reader may see to the day both sides reported done (or today while open).
//! A table beside the chart gives the same dates in words, for every reader.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use chrono::NaiveDate;
use taawun_core::followup::side_states;
use taawun_core::{ActionItem, ActionPlan, Id, ItemStatus, ProgressUpdate};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, render};
use crate::charts::gantt::{self, Gantt, Line, Progress, Row};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

pub struct TableRow {
    pub href: String,
    pub code: String,
    pub title: Markup,
    pub area: Markup,
    pub planned: String,
    pub actual: String,
    pub status: String,
    pub status_key: &'static str,
    pub late: bool,
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    plan_href: String,
    today: String,
    svg: Markup,
    rows: Vec<TableRow>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(plan) = v.plan(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, plan, state.clock.today()).await?)
}

/// When an item actually ran: from its first report to the day its last side reported done
/// (done), its last report (cancelled), or today (open). `None` before any report.
fn actual(
    item: &ActionItem,
    updates: &[ProgressUpdate],
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = updates.iter().map(|u| u.reported_on).min()?;
    let last = updates.iter().map(|u| u.reported_on).max().unwrap_or(first);
    let end = match item.status {
        ItemStatus::Done => side_states(item, updates)
            .iter()
            .filter_map(|s| s.last_report)
            .max()
            .unwrap_or(last),
        ItemStatus::Cancelled => last,
        _ => today.max(first),
    };
    Some((first, end.max(first)))
}

/// Items by area, areas in the order their first item appears (the plan page's order).
fn by_area(items: Vec<ActionItem>) -> Vec<(Id, Vec<ActionItem>)> {
    let mut groups: Vec<(Id, Vec<ActionItem>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(a, _)| *a == item.area_id) {
            Some((_, list)) => list.push(item),
            None => groups.push((item.area_id, vec![item])),
        }
    }
    groups
}

async fn load(
    ctx: &Ctx,
    v: &Visible,
    plan: ActionPlan,
    today: NaiveDate,
) -> StoreResult<TimelinePage> {
    let mut lk = Lookup::new(v);
    let items = v.items(plan.id).await?;
    let count = items.len();
    let mut rows = Vec::new();
    let mut table = Vec::new();
    let dash = || String::from("—");
    for (area_id, list) in by_area(items) {
        let area = lk.area(area_id).await?;
        let area_plain = area
            .as_ref()
            .map_or_else(|| ctx.t("area-unknown"), |a| ctx.plain(&a.name));
        let area_html = area
            .as_ref()
            .map_or_else(|| Markup(escape(&area_plain)), |a| ctx.text(&a.name));
        rows.push(Row::Heading(area_plain));
        for item in list {
            let updates = v.progress(item.id).await?;
            let run = actual(&item, &updates, today);
            let late = taawun_core::followup::overdue_on(item.status, item.due_on, today);
            let progress = match (item.status, late) {
                (ItemStatus::Done, _) => Progress::Done,
                (_, true) => Progress::Late,
                _ => Progress::OnTrack,
            };
            let planned = format!(
                "{} – {}",
                ctx.date_opt(&item.start_on),
                ctx.date_opt(&item.due_on)
            );
            let actual = match run {
                None => ctx.t("timeline-not-started"),
                Some((a, b)) if item.status.is_open() => {
                    crate::i18n::message_with(ctx.lang, "timeline-since", "date", &ctx.date(&a))
                        + &format!(" ({})", ctx.date(&b))
                }
                Some((a, b)) => format!("{} – {}", ctx.date(&a), ctx.date(&b)),
            };
            let status = ctx.label("status", item.status.key());
            let title = ctx.plain(&item.title);
            let mut spoken = format!(
                "{} {title}. {}{} {planned}. {}{} {actual}. {status}",
                item.code,
                ctx.t("timeline-planned"),
                ctx.t("colon"),
                ctx.t("timeline-actual"),
                ctx.t("colon"),
            );
            if late {
                spoken.push_str(&format!(", {}", ctx.t("assessment-overdue")));
            }
            let href = format!("/items/{}", item.id);
            rows.push(Row::Item(Line {
                label: format!("{} {title}", item.code),
                href: href.clone(),
                spoken,
                start: item.start_on,
                due: item.due_on,
                actual: run,
                progress,
            }));
            table.push(TableRow {
                href,
                code: item.code.clone(),
                title: ctx.text(&item.title),
                area: area_html.clone(),
                planned,
                actual: if run.is_none() { dash() } else { actual },
                status,
                status_key: item.status.key(),
                late,
            });
        }
    }
    let heading = ctx.text(&plan.title);
    let title = format!("{} — {}", ctx.t("timeline-title"), ctx.plain(&plan.title));
    let svg = gantt::render(&Gantt {
        id: "timeline".into(),
        title: title.clone(),
        desc: crate::i18n::message_with(ctx.lang, "timeline-desc", "today", &ctx.date(&today))
            + " "
            + &ctx.tn("items-count", count),
        today,
        today_label: ctx.t("timeline-today"),
        rows,
        lang: ctx.lang,
    });
    let plan_href = format!("/plans/{}", plan.id);
    let commission = v.commission(plan.commission_id).await?;
    let mut crumbs = vec![Crumb::home(ctx)];
    if let Some(c) = &commission {
        crumbs.push(Crumb::new(
            format!("/commissions/{}", c.id),
            ctx.text(&c.name),
        ));
    }
    crumbs.push(Crumb::new(plan_href.clone(), heading.clone()));
    crumbs.push(Crumb::new(
        format!("{plan_href}/timeline"),
        Markup(escape(&ctx.t("timeline-title"))),
    ));
    Ok(TimelinePage {
        title,
        crumbs,
        heading,
        plan_href,
        today: ctx.date(&today),
        svg: Markup(svg),
        rows: table,
        ctx: ctx.shown(v),
    })
}
