//! An organisation: its party, parent and sub-organisations, its people, and the action
//! items it leads.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Organisation, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, Head, ItemRow, Link, PersonRow, item_rows, lead_heads};
use super::views::{history_href, organisation_link, party_link, people_rows, render};
use crate::lookup::{Lookup, reader};
use crate::markup::Markup;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    protection: Protection,
    history: Option<String>,
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    acronym: Option<String>,
    party: Link,
    parent: Option<Link>,
    children: Vec<Link>,
    people: Vec<PersonRow>,
    with_role: bool,
    items: Vec<ItemRow>,
    lead_heads: Vec<Head>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(o) = v.organisation(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, o).await?)
}

async fn load(ctx: &Ctx, v: &Visible, o: Organisation) -> StoreResult<OrganisationPage> {
    let mut lk = Lookup::new(v);
    let party = party_link(&mut lk, ctx, o.party_id).await?;
    let parent = match o.parent_id {
        Some(p) => organisation_link(&mut lk, ctx, p).await?,
        None => None,
    };
    let children = v
        .organisations(Some(o.party_id))
        .await?
        .iter()
        .filter(|c| c.parent_id == Some(o.id))
        .map(|c| Link {
            href: format!("/organisations/{}", c.id),
            label: ctx.text(&c.name),
        })
        .collect();
    let ids: Vec<_> = v.people(Some(o.id)).await?.iter().map(|p| p.id).collect();
    let items = v.items_led_by(o.id).await?;
    let mut crumbs = vec![
        Crumb::home(ctx),
        Crumb::new(party.href.clone(), party.label.clone()),
    ];
    if let Some(p) = &parent {
        crumbs.push(Crumb::new(p.href.clone(), p.label.clone()));
    }
    crumbs.push(Crumb::new(
        format!("/organisations/{}", o.id),
        ctx.text(&o.name),
    ));
    let people = people_rows(&mut lk, ctx, &ids).await?;
    let item_rows = item_rows(&mut lk, ctx, &items, &[]).await?;
    let lead_heads = lead_heads(&mut lk, ctx, &[]).await?;
    let history = history_href(v, RecordKind::Organisation, o.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::Organisation, o.id).await?;
    Ok(OrganisationPage {
        title: ctx.plain(&o.name),
        heading: ctx.text(&o.name),
        protection: o.protection,
        history,
        actions,
        acronym: o.acronym.clone().filter(|a| !a.trim().is_empty()),
        people,
        with_role: false,
        items: item_rows,
        lead_heads,
        party,
        parent,
        children,
        crumbs,
        ctx: ctx.shown(v),
    })
}
