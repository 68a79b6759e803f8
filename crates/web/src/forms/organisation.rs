//! The organisation form (`/organisations/new`, `/organisations/{id}/edit`): party, parent
//! organisation, name, acronym, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Opt, Ty};
use super::{
    choices, editable, errors::Errors, field, keep, line, may, optional, parse::build, protection,
    text3,
};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/new", get(new).post(create))
        .route("/organisations/{id}/edit", get(edit).post(update))
}

async fn form(ctx: &Ctx, v: &Visible, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-organisation-edit"),
            format!("/organisations/{id}/edit"),
            format!("/organisations/{id}"),
        ),
        None => (
            ctx.t("form-organisation-new"),
            "/organisations/new".into(),
            "/".into(),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    // An organisation cannot be its own parent.
    let me = id.map(|i| i.to_string()).unwrap_or_default();
    let parents: Vec<Opt> = choices::organisations(ctx, v, None)
        .await?
        .into_iter()
        .filter(|o| o.value != me)
        .collect();
    f.items = vec![
        field(
            "party_id",
            ctx.t("col-party"),
            Ty::Select(choices::parties(ctx, v, None).await?),
        ),
        optional("parent_id", ctx.t("col-parent"), Ty::Select(parents)),
        text3("name", ctx.t("col-name"), false, false),
        optional("acronym", ctx.t("form-acronym"), line("auto")),
        protection(ctx),
    ];
    Ok(f)
}

fn blank(user: &User) -> Organisation {
    Organisation {
        id: new_id(),
        party_id: user.party_id,
        parent_id: None,
        name: LocalizedText::default(),
        acronym: None,
        protection: super::originated(user),
        version: 0,
    }
}

fn to(o: &Organisation) -> String {
    format!("/organisations/{}", o.id)
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Registry),
    )?;
    let v = super::visible(&s, &ctx);
    show(
        &ctx,
        &form(&ctx, &v, None).await?,
        &Input::of(&blank(&user)),
        &Errors::default(),
    )
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Registry),
    )?;
    let v = super::visible(&s, &ctx);
    let f = form(&ctx, &v, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Organisation = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_organisation(&Actor::user(&user), &rec).await;
    finish(
        &ctx,
        &v,
        &f,
        &input,
        &p,
        &rec,
        saved,
        to,
        v.organisation(rec.id),
    )
    .await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "organisation", id, v.organisation(id).await?).await?;
    let mut f = form(&ctx, &v, Some(id)).await?;
    f.version = rec.version;
    show(&ctx, &f, &Input::of(&rec), &Errors::default())
}

async fn update(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    editable(&v, "organisation", id, v.organisation(id).await?).await?;
    let f = form(&ctx, &v, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.organisation(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Organisation = build(&raw, &p.tree)?;
    keep::opt(&v, "organisation", raw.parent_id, &mut rec.parent_id).await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_organisation(&Actor::user(&user), &rec).await;
    finish(
        &ctx,
        &v,
        &f,
        &input,
        &p,
        &rec,
        saved,
        to,
        v.organisation(id),
    )
    .await
}
