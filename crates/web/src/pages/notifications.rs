//! `/notifications`: the reminders recorded for the signed-in user (see `taawun_app::remind`), newest
//! first, unread ones marked, each linking to its record; "mark all as read" posts back
//! (with the CSRF token, like every form). Read through `Visible`: a reminder about a
//! record hidden from the user since is neither listed nor counted in the header.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_app::remind::{RemindConfig, reminders_for};
use taawun_core::{Principal, Role};

use super::describe::{Described, describe};
use super::views::{Crumb, render};
use crate::auth::SignedIn;
use crate::lookup::{reader, reader_of};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// Enough for a page: older reminders are about dates long past.
const LIMIT: u32 = 200;
/// The header counts up to this many unread notifications.
const COUNT_CAP: u32 = 99;

/// The header's party and unread count of the signed-in user `who`, visibility checked
/// (see `Visible::header`).
pub async fn header(
    state: &AppState,
    who: &Principal,
) -> Result<taawun_store::HeaderRow, WebError> {
    Ok(reader_of(state, who).header(COUNT_CAP).await?)
}

struct Row {
    kind: String,
    record: Described,
    date: String,
    unread: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct Page {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    rows: Vec<Row>,
    any_unread: bool,
    /// A demo visitor sees an example, not notifications of their own.
    example: bool,
}

pub(crate) async fn list(ctx: Ctx, State(state): State<AppState>) -> Result<Response, WebError> {
    if ctx.user().is_none() {
        // Outside demo mode the gate has already sent anonymous readers to the login page.
        return example(ctx, &state).await;
    }
    let v = reader(&state, &ctx);
    let mut rows = Vec::new();
    for n in v.notifications(false, LIMIT).await? {
        let r = n.reminder;
        let Some(record) = describe(&ctx, &v, r.kind.entity(), r.record_id).await? else {
            continue;
        };
        rows.push(Row {
            kind: ctx.label("notice-kind", r.kind.key()),
            record,
            date: ctx.date(&r.on),
            unread: !n.read,
        });
    }
    let title = ctx.t("notifications-title");
    Ok(render(&Page {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/notifications", Markup(escape(&title))),
        ],
        any_unread: rows.iter().any(|r| r.unread),
        title,
        rows,
        example: false,
        ctx: ctx.shown(&v),
    })?
    .into_response())
}

/// For a demo visitor: the reminders a secretariat officer of every commission would get
/// today, computed on the spot and nothing stored. The officer is given the visitor's own
/// clearance and no party, so the example shows nothing the visitor may not read.
async fn example(ctx: Ctx, state: &AppState) -> Result<Response, WebError> {
    let v = reader(state, &ctx);
    let commissions = v.commissions().await?.into_iter().map(|c| c.id).collect();
    let officer = Principal {
        user_id: None,
        role: Role::Secretariat,
        party_id: None,
        clearance: ctx.principal().clearance,
        commissions,
    };
    // Deliberately another principal than the request's: the example officer's view, read
    // only to compute the reminders; what is shown of them is read through `v`.
    let as_officer = crate::lookup::reader_of(state, &officer);
    let today = state.clock.today();
    let within = RemindConfig::default().within_days;
    let mut rows = Vec::new();
    for r in reminders_for(&as_officer, today, within).await? {
        let Some(record) = describe(&ctx, &v, r.kind.entity(), r.record_id).await? else {
            continue;
        };
        rows.push(Row {
            kind: ctx.label("notice-kind", r.kind.key()),
            record,
            date: ctx.date(&r.on),
            unread: false,
        });
    }
    let title = ctx.t("notifications-title");
    Ok(render(&Page {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/notifications", Markup(escape(&title))),
        ],
        any_unread: false,
        title,
        rows,
        example: true,
        ctx: ctx.shown(&v),
    })?
    .into_response())
}

pub(crate) async fn mark_all_read(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    state.acting(&user).mark_my_notifications_read(None).await?;
    Ok(Redirect::to("/notifications").into_response())
}
