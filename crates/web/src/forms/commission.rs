//! The joint commission form (`/commissions/new`, `/commissions/{id}/edit`): name,
//! parties, co-chairs (one per party), date established, mandate, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item, Ty};
use super::{
    choices, editable, errors::Errors, keep, may, optional, parse::build, protection, text3,
};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/commissions/new", get(new).post(create))
        .route("/commissions/{id}/edit", get(edit).post(update))
}

async fn form(ctx: &Ctx, v: &Visible, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-commission-edit"),
            format!("/commissions/{id}/edit"),
            format!("/commissions/{id}"),
        ),
        None => (
            ctx.t("form-commission-new"),
            "/commissions/new".into(),
            "/commissions".into(),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    f.items = vec![
        text3("name", ctx.t("col-name"), false, false),
        Item::Field(Field::new(
            "party_ids",
            ctx.t("col-parties"),
            Ty::Multi(choices::parties(ctx, v, None).await?),
        )),
        Item::Field(Field::new(
            "co_chair_ids",
            ctx.t("co-chairs-title"),
            Ty::Multi(choices::people(ctx, v, None).await?),
        )),
        optional("established_on", ctx.t("col-established"), Ty::Date),
        text3("mandate", ctx.t("col-mandate"), true, true),
        protection(ctx),
    ];
    Ok(f)
}

fn blank(user: &User) -> Commission {
    Commission {
        id: new_id(),
        name: LocalizedText::default(),
        party_ids: vec![user.party_id],
        co_chair_ids: vec![],
        established_on: None,
        mandate: LocalizedText::default(),
        protection: super::originated(user),
        version: 0,
    }
}

fn to(c: &Commission) -> String {
    format!("/commissions/{}", c.id)
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Commission),
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
        &Target::new(Kind::Commission),
    )?;
    let v = super::visible(&s, &ctx);
    let f = form(&ctx, &v, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Commission = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_commission(&Actor::user(&user), &rec).await;
    finish(
        &ctx,
        &v,
        &f,
        &input,
        &p,
        &rec,
        saved,
        to,
        v.commission(rec.id),
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
    let rec = editable(&v, "commission", id, v.commission(id).await?).await?;
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
    editable(&v, "commission", id, v.commission(id).await?).await?;
    let f = form(&ctx, &v, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.commission(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Commission = build(&raw, &p.tree)?;
    keep::ids(&v, "person", &raw.co_chair_ids, &mut rec.co_chair_ids).await?;
    keep::ids(&v, "party", &raw.party_ids, &mut rec.party_ids).await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_commission(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.commission(id)).await
}
