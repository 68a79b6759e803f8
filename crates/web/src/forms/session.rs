//! Session forms. A session is one aggregate, edited in parts so each page stays small:
//! `/commissions/{id}/sessions/new` and `/sessions/{id}/edit` (ordinal, dates, host,
//! place, protection), then `/sessions/{id}/delegations`, `/agenda`, `/decisions`,
//! `/statements` and `/side-events`, each writing only its own part of the record.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use taawun_core::{
    Action, Commission, Id, Kind, LocalizedText, RecordKind, Session, Target, new_id,
};
use taawun_store::Visible;

use super::input::{Input, Posted};
use super::page::{After, Form, after, invalid, read, show};
use super::session_parts::{Part, arrange, fixup, items};
use super::{conflict, editable, errors::Errors, may, parse::build};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::pages::views::Crumb;
use crate::{AppState, ctx::Ctx, error::WebError};

/// A GET and a POST handler per part, each naming its part (`routes` maps each part's path,
/// `/sessions/{id}/{Part::segment}`, to them).
macro_rules! part_handlers {
    ($($part:expr => $get:ident, $post:ident;)*) => {$(
        pub(crate) async fn $get(ctx: Ctx, s: State<AppState>, u: SignedIn, id: IdPath) -> Result<Response, WebError> {
            part_get(ctx, s, u, id, $part, None).await
        }
        pub(crate) async fn $post(ctx: Ctx, s: State<AppState>, u: SignedIn, id: IdPath, p: Posted) -> Result<Response, WebError> {
            part_post(ctx, s, u, id, p, $part).await
        }
    )*};
}

/// `?added=` after a person was recorded from the delegation form (`forms::person`).
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct Added {
    added: Option<Id>,
}

pub(crate) async fn delegations_get(
    ctx: Ctx,
    s: State<AppState>,
    u: SignedIn,
    id: IdPath,
    Query(q): Query<Added>,
) -> Result<Response, WebError> {
    part_get(ctx, s, u, id, Part::Delegations, q.added).await
}

pub(crate) async fn delegations_post(
    ctx: Ctx,
    s: State<AppState>,
    u: SignedIn,
    id: IdPath,
    p: Posted,
) -> Result<Response, WebError> {
    part_post(ctx, s, u, id, p, Part::Delegations).await
}

part_handlers! {
    Part::Basics => basics_get, basics_post;
    Part::Agenda => agenda_get, agenda_post;
    Part::Decisions => decisions_get, decisions_post;
    Part::Statements => statements_get, statements_post;
    Part::SideEvents => events_get, events_post;
    Part::Minutes => minutes_get, minutes_post;
}

async fn form(
    ctx: &Ctx,
    v: &Visible,
    c: &Commission,
    input: &Input,
    fresh: bool,
    part: Part,
    shown: Option<&Session>,
) -> Result<Form, WebError> {
    let id = shown.map(|s| s.id);
    let (action, back) = match id {
        Some(id) => (
            format!("/sessions/{id}/{}", part.segment()),
            format!("/sessions/{id}"),
        ),
        None => (
            format!("/commissions/{}/sessions/new", c.id),
            format!("/commissions/{}", c.id),
        ),
    };
    // The form names the session it edits ("Délégations — 2e session") and its place:
    // Home › commission › session › part.
    let title = match shown {
        None => ctx.t("form-session-new"),
        Some(sess) => format!(
            "{} — {}",
            part.title(ctx),
            crate::pages::sessions::ordinal_title(ctx, sess.ordinal)
        ),
    };
    let mut f = Form::new(ctx, title, action.clone(), back.clone());
    f.crumbs.push(Crumb::new(
        format!("/commissions/{}", c.id),
        ctx.text(&c.name),
    ));
    if let Some(sess) = shown {
        f.crumbs.push(Crumb::new(
            back,
            Markup(escape(&crate::pages::sessions::ordinal_title(
                ctx,
                sess.ordinal,
            ))),
        ));
        f.crumbs
            .push(Crumb::new(action, Markup(escape(&part.title(ctx)))));
    } else {
        f.crumbs.push(Crumb::new(
            action,
            Markup(escape(&ctx.t("form-session-new"))),
        ));
    }
    f.items = items(ctx, v, c, input, fresh, part, shown).await?;
    Ok(f)
}

/// The commission a session belongs to, as the reader sees it.
async fn commission_of(v: &Visible, id: Id) -> Result<Commission, WebError> {
    v.commission(id).await?.ok_or(WebError::NotFound)
}

fn create_target(c: &Commission) -> Target {
    Target::new(Kind::CommissionWork).in_commission(Some(c.id))
}

/// A new session: the next ordinal, today, hosted by the first party until chosen.
async fn blank(v: &Visible, c: &Commission, user: &taawun_core::User) -> Result<Session, WebError> {
    let next = v
        .sessions(Some(c.id))
        .await?
        .iter()
        .map(|s| s.ordinal)
        .max()
        .unwrap_or(0)
        + 1;
    let today = Utc::now().date_naive();
    Ok(Session {
        id: new_id(),
        commission_id: c.id,
        ordinal: next,
        start_on: today,
        end_on: today,
        host_party_id: c.party_ids.first().copied().unwrap_or(user.party_id),
        place: LocalizedText::default(),
        agenda: vec![],
        delegations: vec![],
        decisions: vec![],
        statements: vec![],
        side_events: vec![],
        minutes: Default::default(),
        protection: super::originated(user),
        version: 0,
    })
}

pub(crate) async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(cid): IdPath,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let c = commission_of(&v, cid).await?;
    may(ctx.principal(), Action::Create, &create_target(&c))?;
    let input = Input::of(&blank(&v, &c, &user).await?);
    let f = form(&ctx, &v, &c, &input, true, Part::Basics, None).await?;
    show(&ctx, &f, &input, &Errors::default())
}

pub(crate) async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(cid): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let c = commission_of(&v, cid).await?;
    may(ctx.principal(), Action::Create, &create_target(&c))?;
    let f = form(&ctx, &v, &c, &input, false, Part::Basics, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Session = build(&blank(&v, &c, &user).await?, &p.tree)?;
    match after(s.acting(&user).save_session(&rec).await)? {
        After::Saved(r) => Ok(Redirect::to(&format!("/sessions/{}", r.id)).into_response()),
        After::Invalid(e) => Ok(invalid(&ctx, &f, &input, &p, &e)),
        After::Conflict => conflict::page(&ctx, &v, &f, &rec, v.session(rec.id).await?).await,
    }
}

async fn part_get(
    ctx: Ctx,
    State(s): State<AppState>,
    _: SignedIn,
    IdPath(id): IdPath,
    part: Part,
    added: Option<Id>,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let mut rec = editable(&v, RecordKind::Session, id, v.session(id).await?).await?;
    let c = commission_of(&v, rec.commission_id).await?;
    arrange(&mut rec, &c.party_ids);
    // A person just recorded from this form joins their party's delegation as a member,
    // last, to be placed and saved by the user (nothing is saved yet). Only a person the
    // reader sees, of a party of the commission and not already in it.
    let person = match added {
        Some(p) => v.person(p).await?,
        None => None,
    };
    if let Some(person) = person
        && let Some(d) = rec
            .delegations
            .iter_mut()
            .find(|d| d.party_id == person.party_id)
            .filter(|d| d.members.iter().all(|m| m.person_id != person.id))
    {
        let precedence = d.members.iter().map(|m| m.precedence).max().unwrap_or(0) + 1;
        d.members.push(taawun_core::DelegationMember {
            person_id: person.id,
            role: taawun_core::DelegationRole::Member,
            precedence,
        });
    }
    let input = Input::of(&rec);
    let mut f = form(&ctx, &v, &c, &input, true, part, Some(&rec)).await?;
    f.version = rec.version;
    show(&ctx, &f, &input, &Errors::default())
}

async fn part_post(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
    part: Part,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let shown = editable(&v, RecordKind::Session, id, v.session(id).await?).await?;
    let c = commission_of(&v, shown.commission_id).await?;
    let f = form(&ctx, &v, &c, &input, false, part, Some(&shown)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw: Session = s
        .acting(&user)
        .stored(&v, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let mut rec: Session = build(&raw, &p.tree)?;
    fixup(&v, part, &raw, &mut rec, &p.renames).await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    match after(s.acting(&user).save_session(&rec).await)? {
        After::Saved(r) => Ok(Redirect::to(&format!("/sessions/{}", r.id)).into_response()),
        After::Invalid(e) => Ok(invalid(&ctx, &f, &input, &p, &e)),
        After::Conflict => conflict::page(&ctx, &v, &f, &rec, v.session(id).await?).await,
    }
}
