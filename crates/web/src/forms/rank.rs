//! The rank form (`/ranks/new`, `/ranks/{id}/edit`), for administrators: the party whose
//! forces use it, its NATO code and its label in three languages.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item, Ty};
use super::{choices, editable, errors::Errors, field, line, may, parse::build, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ranks/new", get(new).post(create))
        .route("/ranks/{id}/edit", get(edit).post(update))
}

async fn form(ctx: &Ctx, v: &Visible, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action) = match id {
        Some(id) => (ctx.t("form-rank-edit"), format!("/ranks/{id}/edit")),
        None => (ctx.t("form-rank-new"), "/ranks/new".into()),
    };
    let mut f = Form::new(ctx, title, action, "/ranks".into());
    f.items = vec![
        field(
            "party_id",
            ctx.t("col-party"),
            Ty::Select(choices::parties(ctx, v, None).await?),
        ),
        Item::Field(
            Field::new("nato_code", ctx.t("form-nato-code"), line("ltr"))
                .hint(ctx.t("form-nato-code-hint")),
        ),
        text3("label", ctx.t("form-rank-label"), false, false),
    ];
    Ok(f)
}

/// A new rank: of the administrator's party until chosen otherwise.
fn blank(user: &User) -> Rank {
    Rank {
        id: new_id(),
        party_id: user.party_id,
        nato_code: String::new(),
        label: LocalizedText::default(),
        protection: super::originated(user),
        version: 0,
    }
}

fn to(_: &Rank) -> String {
    "/ranks".into()
}

fn may_create(ctx: &Ctx) -> Result<(), WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Taxonomy),
    )
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    may_create(&ctx)?;
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
    may_create(&ctx)?;
    let v = super::visible(&s, &ctx);
    let f = form(&ctx, &v, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Rank = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_rank(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.rank(rec.id)).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "rank", id, v.rank(id).await?).await?;
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
    editable(&v, "rank", id, v.rank(id).await?).await?;
    let f = form(&ctx, &v, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.rank(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Rank = build(&raw, &p.tree)?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_rank(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.rank(id)).await
}
