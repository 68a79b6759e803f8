//! `/history/{entity}/{id}`: who changed a record, when, and which fields (old → new), for
//! auditors and administrators. A record the reader may not see answers 404 like an unknown
//! one, before anything else is read; a visible one whose history their role may not see
//! answers 403. Past versions above the reader's clearance are not shown.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use taawun_core::{Action, Id, Protection, RecordKind};
use taawun_store::{AuditEntry, StoreResult, Visible};

use super::describe::describe;
use super::history_diff::{Change, changes};
use super::views::{Crumb, render};
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

struct FileEvent {
    name: Option<String>,
    sha256: String,
    reason: Option<String>,
}

/// What a file event's row records: the version's metadata, or a purge's `purged` entry.
fn file_event(e: &AuditEntry) -> Option<FileEvent> {
    if !taawun_store::FILE_ACTIONS.contains(&e.action.as_str()) {
        return None;
    }
    let after = e.after.as_ref()?;
    let doc = after.get("purged").unwrap_or(after);
    let text = |k: &str| doc.get(k).and_then(|v| v.as_str()).map(str::to_string);
    Some(FileEvent {
        name: text("name"),
        sha256: text("sha256").unwrap_or_default(),
        reason: text("reason"),
    })
}

struct RowView {
    when: String,
    iso: String,
    who: String,
    action: String,
    /// A version on either side was above the reader's clearance: nothing is compared.
    hidden: bool,
    /// A file event (attached, new version, purged): the file's name when it has one,
    /// its SHA-256, and a purge's reason.
    file: Option<FileEvent>,
    changes: Vec<Change>,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    record: Markup,
    kind: String,
    href: Option<String>,
    protection: Protection,
    rows: Vec<RowView>,
}

/// The id segment, held to the form every link we print uses (like `IdPath`).
fn parse_id(raw: &str) -> Result<Id, WebError> {
    if raw.len() != 36 {
        return Err(WebError::BadRequest(String::from("id: wrong length")));
    }
    uuid::Uuid::try_parse(raw).map_err(|e| WebError::BadRequest(format!("id: {e}")))
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((entity, raw)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let id = parse_id(&raw)?;
    // A segment naming no kind is a page that does not exist.
    let Some(entity) = RecordKind::parse(&entity) else {
        return Err(WebError::NotFound);
    };
    let v = reader(&state, &ctx);
    // Hidden and unknown alike: 404, with no further read.
    let Some(record) = describe(&ctx, &v, entity, id).await? else {
        return Err(WebError::NotFound);
    };
    if !v.allows(Action::ViewHistory, entity, id).await? {
        return Err(WebError::Forbidden);
    }
    let mut rows = Vec::new();
    for entry in v.audit_of(id).await? {
        rows.push(row(&ctx, &v, entry).await?);
    }
    // Newest first: the reader comes for the latest change.
    rows.reverse();
    let title = format!("{} — {}", ctx.t("history-title"), record.plain);
    let mut crumbs = vec![Crumb::home(&ctx)];
    if let Some(h) = &record.href {
        crumbs.push(Crumb::new(h.clone(), record.title.clone()));
    }
    crumbs.push(Crumb::new(
        format!("/history/{entity}/{id}"),
        Markup(escape(&ctx.t("history-title"))),
    ));
    render(&HistoryPage {
        crumbs,
        title,
        record: record.title,
        kind: record.kind,
        href: record.href,
        protection: record.protection,
        rows,
        ctx: ctx.shown(&v),
    })
}

async fn row(ctx: &Ctx, v: &Visible, e: AuditEntry) -> StoreResult<RowView> {
    // `Visible::audit_of` blanks a version the reader may not see. A creation has no
    // "before" by nature; anywhere else a missing side is such a blank.
    let file = file_event(&e);
    // A request for news has no "before" either: it names the side asked.
    let first = e.action == "create" || e.action == taawun_store::REQUEST_UPDATE;
    let hidden = file.is_none() && (e.after.is_none() || (e.before.is_none() && !first));
    let changes = if hidden || file.is_some() {
        Vec::new()
    } else {
        changes(ctx, v, e.before.as_ref(), e.after.as_ref()).await?
    };
    Ok(RowView {
        when: format!(
            "{} {}",
            ctx.date(&e.at.date_naive()),
            e.at.format("%H:%M UTC")
        ),
        iso: e.at.to_rfc3339(),
        who: e.actor,
        action: ctx.label("history-action", &e.action),
        hidden,
        file,
        changes,
    })
}
