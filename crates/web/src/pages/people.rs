//! A person: names in both scripts and their variants, rank, function, organisation, and
//! the sessions they attended with the role they held.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Person, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, Link, history_href, organisation_link, party_link, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

struct Attended {
    href: String,
    title: String,
    commission: Markup,
    dates: String,
    role: String,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    protection: Protection,
    history: Option<String>,
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    name_ar: String,
    name_latin: String,
    arabic_first: bool,
    aliases: Vec<String>,
    rank: Option<Markup>,
    nato: Option<String>,
    function: Option<Markup>,
    party: Link,
    organisation: Option<Link>,
    sessions: Vec<Attended>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(p) = v.person(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, p).await?)
}

async fn load(ctx: &Ctx, v: &Visible, p: Person) -> StoreResult<PersonPage> {
    let mut lk = Lookup::new(v);
    let rank = match p.rank_id {
        Some(r) => lk.rank(r).await?,
        None => None,
    };
    let organisation = match p.organisation_id {
        Some(o) => organisation_link(&mut lk, ctx, o).await?,
        None => None,
    };
    let party = party_link(&mut lk, ctx, p.party_id).await?;
    let mut sessions = Vec::new();
    for s in v.sessions_of_person(p.id).await? {
        let role = s
            .delegations
            .iter()
            .flat_map(|d| d.members.iter())
            .find(|m| m.person_id == p.id)
            .map(|m| ctx.label("role", m.role.key()))
            .unwrap_or_default();
        let commission = v.commission(s.commission_id).await?;
        sessions.push(Attended {
            href: format!("/sessions/{}", s.id),
            title: super::sessions::ordinal_title(ctx, s.ordinal),
            commission: commission.map(|c| ctx.text(&c.name)).unwrap_or_default(),
            dates: super::sessions::date_range(ctx, &s),
            role,
        });
    }
    let title = crate::markup::person_plain(ctx.lang, &p);
    let history = history_href(v, RecordKind::Person, p.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::Person, p.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::Person, p.id).await?;
    Ok(PersonPage {
        origin,
        protection: p.protection,
        history,
        actions,
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new(party.href.clone(), party.label.clone()),
            Crumb::new(format!("/people/{}", p.id), Markup(escape(&title))),
        ],
        title,
        name_ar: p.name_ar.clone(),
        name_latin: p.name_latin.clone(),
        arabic_first: ctx.lang == taawun_core::Lang::Ar,
        aliases: p.aliases.clone(),
        nato: rank.as_ref().map(|r| r.nato_code.clone()),
        rank: rank.map(|r| ctx.text(&r.label)),
        function: (!p.function.is_empty()).then(|| ctx.text(&p.function)),
        party,
        organisation,
        sessions,
        ctx: ctx.shown(v),
    })
}
