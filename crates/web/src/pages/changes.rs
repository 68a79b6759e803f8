//! `/changes`: who created or changed what, and when, newest first — every record, progress
//! reports only or action items only — for those who follow the work up
//! (`access::may_follow_changes`: administrators, auditors, the secretariat). Each row is a
//! record the reader may see (`Visible::recent_changes`); a page reads one page of the log.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;
use taawun_core::RecordKind;
use taawun_store::{ChangeRow, StoreResult, Visible};

use super::describe::{Described, describe};
use super::views::{Crumb, Link, history_href, render};
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// Rows on a page: enough for a morning's reports, small on a weak link.
const PAGE: u32 = 30;

/// What the page may be narrowed to, by its query's `show`.
const SHOWN: [(&str, Option<RecordKind>, &str); 3] = [
    ("all", None, "changes-show-all"),
    (
        "progress",
        Some(RecordKind::ProgressUpdate),
        "changes-show-progress",
    ),
    ("items", Some(RecordKind::ActionItem), "changes-show-items"),
];

#[derive(Debug, Default, Deserialize)]
pub struct Params {
    show: Option<String>,
    before: Option<i64>,
}

struct Row {
    when: String,
    iso: String,
    who: String,
    action: String,
    kind: String,
    record: Described,
    /// The item a progress report is about.
    item: Option<Link>,
    /// The record's history, when the reader may read it.
    history: Option<String>,
}

struct Choice {
    key: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "changes.html")]
struct Page {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    choices: Vec<Choice>,
    rows: Vec<Row>,
    older: Option<String>,
    newest: Option<String>,
}

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<Params>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let show = q.show.as_deref().unwrap_or("all");
    let Some((key, kind, _)) = SHOWN.iter().find(|(k, _, _)| *k == show) else {
        return Err(WebError::BadRequest(format!("show: unknown {show:?}")));
    };
    // `Forbidden` for anyone who does not follow the work up: the localized 403.
    let found = v.recent_changes(*kind, q.before, PAGE).await?;
    let mut rows = Vec::with_capacity(found.rows.len());
    for r in found.rows {
        if let Some(row) = row(&ctx, &v, r).await? {
            rows.push(row);
        }
    }
    let title = ctx.t("changes-title");
    render(&Page {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/changes", Markup(escape(&title))),
        ],
        title,
        choices: SHOWN
            .iter()
            .map(|(k, _, label)| Choice {
                key: k,
                label: ctx.t(label),
                selected: k == key,
            })
            .collect(),
        rows,
        older: found
            .older
            .map(|p| format!("/changes?show={key}&before={p}")),
        newest: q.before.map(|_| format!("/changes?show={key}")),
        ctx: ctx.shown(&v),
    })
}

async fn row(ctx: &Ctx, v: &Visible, r: ChangeRow) -> StoreResult<Option<Row>> {
    let Some(record) = describe(ctx, v, r.entity, r.entity_id).await? else {
        return Ok(None);
    };
    let item = match r.entity {
        RecordKind::ProgressUpdate => match v.progress_update(r.entity_id).await? {
            Some(u) => v.item(u.item_id).await?.map(|i| Link {
                href: format!("/items/{}", i.id),
                label: Markup(escape(&format!("{} {}", i.code, ctx.plain(&i.title)))),
            }),
            None => None,
        },
        _ => None,
    };
    let history = history_href(v, r.entity, r.entity_id).await?;
    Ok(Some(Row {
        when: format!(
            "{} {}",
            ctx.date(&r.at.date_naive()),
            r.at.format("%H:%M UTC")
        ),
        iso: r.at.to_rfc3339(),
        who: r.actor,
        action: ctx.label("history-action", &r.action),
        kind: ctx.label("entity", r.entity.key()),
        record,
        item,
        history,
    }))
}
