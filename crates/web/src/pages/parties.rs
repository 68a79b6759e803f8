//! A party (state or international organisation): its organisations, its people and the
//! commissions it sits on.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Party, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, Link, PersonRow, history_href, people_rows, render};
use crate::lookup::{Lookup, reader};
use crate::markup::Markup;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

#[derive(Template)]
#[template(path = "party.html")]
struct PartyPage {
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
    short: Markup,
    kind: String,
    iso: Option<String>,
    organisations: Vec<Link>,
    commissions: Vec<Link>,
    people: Vec<PersonRow>,
    with_role: bool,
    /// The emblem in force, shown beside the name, as the minutes print it.
    emblem: Option<String>,
    /// Its files: the emblem and its earlier versions; an administrator uploads them.
    files: crate::files::FilesView,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(p) = v.party(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, p).await?)
}

async fn load(ctx: &Ctx, v: &Visible, p: Party) -> StoreResult<PartyPage> {
    let mut lk = Lookup::new(v);
    let organisations = v
        .organisations(Some(p.id))
        .await?
        .iter()
        .map(|o| Link {
            href: format!("/organisations/{}", o.id),
            label: ctx.text(&o.name),
        })
        .collect();
    // The store reads people by organisation only; filter all people by party here.
    let ids: Vec<_> = v
        .people(None)
        .await?
        .iter()
        .filter(|x| x.party_id == p.id)
        .map(|x| x.id)
        .collect();
    let commissions = v
        .commissions()
        .await?
        .iter()
        .filter(|c| c.party_ids.contains(&p.id))
        .map(|c| Link {
            href: format!("/commissions/{}", c.id),
            label: ctx.text(&c.name),
        })
        .collect();
    let kind = match p.kind {
        taawun_core::PartyKind::State => ctx.t("party-state"),
        taawun_core::PartyKind::InternationalOrganisation => ctx.t("party-international"),
    };
    let people = people_rows(&mut lk, ctx, &ids).await?;
    let history = history_href(v, RecordKind::Party, p.id).await?;
    let files = crate::files::section(ctx, v, RecordKind::Party, p.id).await?;
    let emblem = files.files.first().map(|f| f.current.href.clone());
    let mut actions = crate::forms::actions(ctx, v, RecordKind::Party, p.id).await?;
    actions.extend(crate::forms::list_actions(ctx, v, "party"));
    Ok(PartyPage {
        title: ctx.plain(&p.name),
        protection: p.protection,
        history,
        followup: (
            format!("/dashboard/parties/{}", p.id),
            ctx.t("dashboard-link"),
        ),
        actions,
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new(format!("/parties/{}", p.id), ctx.text(&p.short_name)),
        ],
        heading: ctx.text(&p.name),
        short: ctx.text(&p.short_name),
        kind,
        iso: p.iso_code.clone().filter(|c| !c.trim().is_empty()),
        organisations,
        commissions,
        people,
        with_role: false,
        emblem,
        files,
        ctx: ctx.shown(v),
    })
}
