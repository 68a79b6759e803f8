//! An organisation: its party, parent and sub-organisations, its people, and the action
//! items it leads.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::{Router, routing::get};
use taawun_core::Organisation;
use taawun_store::StoreResult;

use super::views::{Crumb, ItemRow, Link, PersonRow, item_rows, lead_heads};
use super::views::{organisation_link, party_link, people_rows, render};
use crate::markup::Markup;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath, lookup::Lookup};

pub fn router() -> Router<AppState> {
    Router::new().route("/organisations/{id}", get(show))
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    acronym: Option<String>,
    party: Link,
    parent: Option<Link>,
    children: Vec<Link>,
    people: Vec<PersonRow>,
    with_role: bool,
    items: Vec<ItemRow>,
    lead_heads: Vec<Markup>,
}

async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let Some(o) = state.store.organisation(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &state, o).await?)
}

async fn load(ctx: &Ctx, state: &AppState, o: Organisation) -> StoreResult<OrganisationPage> {
    let store = &*state.store;
    let mut lk = Lookup::new(store);
    let party = party_link(&mut lk, ctx, o.party_id).await?;
    let parent = match o.parent_id {
        Some(p) => organisation_link(&mut lk, ctx, p).await?,
        None => None,
    };
    let children = store
        .organisations(Some(o.party_id))
        .await?
        .iter()
        .filter(|c| c.parent_id == Some(o.id))
        .map(|c| Link {
            href: format!("/organisations/{}", c.id),
            label: ctx.text(&c.name),
        })
        .collect();
    let ids: Vec<_> = store
        .people(Some(o.id))
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let items = store.items_led_by(o.id).await?;
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
    Ok(OrganisationPage {
        title: ctx.plain(&o.name),
        heading: ctx.text(&o.name),
        acronym: o.acronym.clone().filter(|a| !a.trim().is_empty()),
        people: people_rows(&mut lk, ctx, &ids).await?,
        with_role: false,
        items: item_rows(&mut lk, ctx, &items, &[]).await?,
        lead_heads: lead_heads(&mut lk, ctx, &[]).await?,
        party,
        parent,
        children,
        crumbs,
        ctx: ctx.clone(),
    })
}
