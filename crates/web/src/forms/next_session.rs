//! `/commissions/{id}/next-session`: preparing session N+1. The page shows the proposal of
//! `taawun_app::next_session` (the next ordinal and host, one agenda line per area listing
//! the open items of the earlier sessions), each item with both sides' status and percent. Those who may
//! create the commission's sessions (its secretariat, administrators: `decide`) get it as
//! a form: untick items, reword lines in three languages, add lines, set dates, place and
//! host, then confirm, which saves the session with each line's `item_ids`. Anyone else
//! who may see the commission reads the proposal.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use taawun_app::next_session;
use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::agenda::{Labels, Line, rows};
use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::session_parts::{Part, items};
use super::{errors::Errors, may, parse::build};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::i18n;
use crate::markup::{Markup, escape};
use crate::pages::sessions::ordinal_title;
use crate::pages::views::{Crumb, Link, render};
use crate::{AppState, ctx::Ctx, error::WebError};

/// The proposed session (`taawun_app::next_session`) and its agenda lines, with the items
/// offered under each, labelled for the reader.
struct Proposal {
    session: Session,
    lines: Vec<Line>,
}

async fn propose(
    ctx: &Ctx,
    v: &Visible,
    c: &Commission,
    protection: Protection,
    today: chrono::NaiveDate,
) -> StoreResult<Proposal> {
    let p = next_session::propose(v, c, protection, today).await?;
    let mut labels = Labels::of(v, c.id).await?;
    let mut lines = Vec::with_capacity(p.areas.len());
    for (line, area) in p.session.agenda.iter().zip(&p.areas) {
        lines.push(Line {
            legend: area.as_ref().map(|a| ctx.text(&a.name)),
            items: labels.items(ctx, v, &line.item_ids).await?,
        });
    }
    Ok(Proposal {
        session: p.session,
        lines,
    })
}

fn create_target(c: &Commission) -> Target {
    Target::new(Kind::CommissionWork).in_commission(Some(c.id))
}

/// A title naming the session: `key` takes `$session`.
fn title(ctx: &Ctx, key: &str, ordinal: u32) -> String {
    const ARG: &str = "session";
    i18n::message_with(ctx.lang, key, ARG, &ordinal_title(ctx, ordinal))
}

async fn form(
    ctx: &Ctx,
    v: &Visible,
    c: &Commission,
    p: &Proposal,
    input: &Input,
    fresh: bool,
) -> Result<Form, WebError> {
    let mut f = Form::new(
        ctx,
        title(ctx, "next-session-title", p.session.ordinal),
        format!("/commissions/{}/next-session", c.id),
        format!("/commissions/{}", c.id),
    );
    f.crumbs.push(Crumb::new(
        format!("/commissions/{}", c.id),
        ctx.text(&c.name),
    ));
    f.items = items(ctx, v, c, input, fresh, Part::Basics, None).await?;
    f.items
        .push(rows(ctx, &p.lines, input.rows("agenda", fresh), false));
    Ok(f)
}

struct Group {
    title: Markup,
    items: Vec<Link>,
}

#[derive(Template)]
#[template(path = "next_session.html")]
struct ReadPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    commission: Link,
    groups: Vec<Group>,
}

pub(crate) async fn page(
    ctx: Ctx,
    State(s): State<AppState>,
    IdPath(cid): IdPath,
) -> Result<Response, WebError> {
    let v = crate::lookup::reader(&s, &ctx);
    let c = v.commission(cid).await?.ok_or(WebError::NotFound)?;
    let today = s.clock.today();
    let user = ctx.user().cloned();
    let may_confirm =
        user.is_some() && decide(ctx.principal(), Action::Create, &create_target(&c)).is_ok();
    if let (true, Some(u)) = (may_confirm, &user) {
        let p = propose(&ctx, &v, &c, super::originated(u), today).await?;
        let input = Input::of(&p.session);
        let f = form(&ctx, &v, &c, &p, &input, true).await?;
        return show(&ctx, &f, &input, &Errors::default());
    }
    let p = propose(&ctx, &v, &c, Protection::default(), today).await?;
    let groups = p
        .session
        .agenda
        .iter()
        .zip(&p.lines)
        .map(|(a, line)| Group {
            title: ctx.text(&a.title),
            items: line
                .items
                .iter()
                .map(|o| Link {
                    href: format!("/items/{}", o.value),
                    label: o.label.clone(),
                })
                .collect(),
        })
        .collect();
    let commission = Link {
        href: format!("/commissions/{}", c.id),
        label: ctx.text(&c.name),
    };
    let t = title(&ctx, "next-session-proposal-title", p.session.ordinal);
    Ok(render(&ReadPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/commissions", Markup(escape(&ctx.t("nav-commissions")))),
            Crumb::new(commission.href.clone(), commission.label.clone()),
            Crumb::new(ctx.path.clone(), Markup(escape(&t))),
        ],
        title: t,
        commission,
        groups,
        ctx: ctx.shown(&v),
    })?
    .into_response())
}

pub(crate) async fn confirm(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(cid): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = crate::lookup::reader(&s, &ctx);
    let c = v.commission(cid).await?.ok_or(WebError::NotFound)?;
    may(ctx.principal(), Action::Create, &create_target(&c))?;
    let p = propose(&ctx, &v, &c, super::originated(&user), s.clock.today()).await?;
    let f = form(&ctx, &v, &c, &p, &input, false).await?;
    let parsed = match read(&ctx, &f, &input) {
        Ok(parsed) => parsed,
        Err(page) => return Ok(*page),
    };
    let rec: Session = build(&p.session, &parsed.tree)?;
    let saved = s.acting(&user).save_session(&rec).await;
    finish(
        &ctx,
        &v,
        &f,
        &input,
        &parsed,
        &rec,
        saved,
        |r| format!("/sessions/{}", r.id),
        v.session(rec.id),
    )
    .await
}
