//! Joint commissions: the list, and one commission with its parties, co-chairs, sessions
//! and action plans.

use askama::Template;
use axum::extract::Query;
use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use axum::response::Html;
use taawun_core::{Commission, Protection, RecordKind};
use taawun_store::{StoreResult, Visible, Window};

use super::paging::{self, PageQuery};

use super::home::{SessionRow, session_row};
use super::views::{
    Crumb, Link, Pager, PersonRow, history_href, parties_links, people_rows, render,
};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

struct Row {
    href: String,
    name: Markup,
    parties: Vec<Link>,
    sessions: String,
}

#[derive(Template)]
#[template(path = "commissions.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    rows: Vec<Row>,
    actions: Vec<Link>,
    /// How many commissions the reader sees, all pages together.
    count: String,
    pager: Pager,
}

/// Commissions per page of the list.
const PAGE: u64 = 50;

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    let wanted = query.map(|q| q.0).unwrap_or_default().number();
    let v = reader(&state, &ctx);
    let (found, page) = paging::fetch(wanted, PAGE, |w| v.commissions_window(w)).await?;
    let mut lk = Lookup::new(&v);
    let mut rows = Vec::new();
    for c in &found.rows {
        // Counted over the sessions the reader may see: a hidden one must not show as a
        // number. A commission holds a few dozen sessions at most: counted exactly.
        let of_it = Window {
            offset: 0,
            limit: 0,
            count_to: u64::from(u32::MAX),
        };
        let sessions = v.sessions_window(Some(c.id), of_it).await?.count as usize;
        rows.push(Row {
            href: format!("/commissions/{}", c.id),
            name: ctx.text(&c.name),
            parties: parties_links(&mut lk, &ctx, &c.party_ids).await?,
            sessions: ctx.tn("sessions-count", sessions),
        });
    }
    let title = ctx.t("commissions-title");
    let crumbs = vec![
        Crumb::home(&ctx),
        Crumb::new("/commissions", Markup(escape(&title))),
    ];
    render(&ListPage {
        actions: crate::forms::list_actions(&ctx, &v, "commissions"),
        count: paging::count_text(&ctx, "commissions-count", &found),
        pager: paging::pager(&found, page, PAGE, |n| format!("/commissions?page={n}")),
        ctx: ctx.shown(&v),
        title,
        crumbs,
        rows,
    })
}

#[derive(Template)]
#[template(path = "commission.html")]
struct ShowPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    protection: Protection,
    history: Option<String>,
    /// Its follow-up view (dashboard or timeline): href and link text.
    followup: (String, String),
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    parties: Vec<Link>,
    people: Vec<PersonRow>,
    with_role: bool,
    established: String,
    mandate: Option<Markup>,
    sessions: Vec<SessionRow>,
    /// The proposed agenda of the next session (`forms::next_session`).
    next_session: String,
    plans: Vec<Link>,
    /// The status report as PDF.
    offers: Vec<crate::documents::PdfOffer>,
    /// The commission's calendar feed, as the demo's visitors read it.
    calendar: String,
    /// Where a signed-in reader makes their own feed of this commission.
    subscribe: String,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(c) = v.commission(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, c).await?)
}

async fn load(ctx: &Ctx, v: &Visible, c: Commission) -> StoreResult<ShowPage> {
    let mut lk = Lookup::new(v);
    let sessions = v.sessions(Some(c.id)).await?;
    let plans = v.plans(Some(c.id)).await?;
    let name = ctx.text(&c.name);
    let parties = parties_links(&mut lk, ctx, &c.party_ids).await?;
    let people = people_rows(&mut lk, ctx, &c.co_chair_ids).await?;
    let history = history_href(v, RecordKind::Commission, c.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::Commission, c.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::Commission, c.id).await?;
    Ok(ShowPage {
        origin,
        title: ctx.plain(&c.name),
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new("/commissions", Markup(escape(&ctx.t("nav-commissions")))),
            Crumb::new(format!("/commissions/{}", c.id), name.clone()),
        ],
        heading: name,
        protection: c.protection,
        history,
        followup: (
            format!("/dashboard/commissions/{}", c.id),
            ctx.t("dashboard-link"),
        ),
        actions,
        parties,
        people,
        with_role: false,
        established: ctx.date_opt(&c.established_on),
        mandate: (!c.mandate.is_empty()).then(|| ctx.text(&c.mandate)),
        next_session: format!("/commissions/{}/next-session", c.id),
        sessions: sessions
            .iter()
            .zip(super::views::shared_codes(&sessions, |s| s.ordinal))
            .map(|(s, shared_code)| super::home::SessionRow {
                shared_code,
                ..session_row(ctx, s, Some(&c.name))
            })
            .collect(),
        plans: plans
            .iter()
            .map(|p| Link {
                href: format!("/plans/{}", p.id),
                label: ctx.text(&p.title),
            })
            .collect(),
        offers: vec![crate::documents::pdf_offer(
            ctx,
            format!("/commissions/{}/report.pdf", c.id),
            "doc-report",
        )],
        calendar: format!("/calendar/commissions/{}/taawun.ics", c.id),
        subscribe: format!("/account/calendar?commission={}#h-new-feed", c.id),
        ctx: ctx.shown(v),
    })
}
