//! The area-of-cooperation form (`/areas/new`, `/areas/{id}/edit`), for administrators: a
//! stable code and the name in three languages.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::Actor;

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item};
use super::{editable, errors::Errors, line, may, parse::build, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/areas/new", get(new).post(create))
        .route("/areas/{id}/edit", get(edit).post(update))
}

fn form(ctx: &Ctx, id: Option<Id>) -> Form {
    let (title, action) = match id {
        Some(id) => (ctx.t("form-area-edit"), format!("/areas/{id}/edit")),
        None => (ctx.t("form-area-new"), "/areas/new".into()),
    };
    let mut f = Form::new(ctx, title, action, "/areas".into());
    f.items = vec![
        Item::Field(
            Field::new("code", ctx.t("form-area-code"), line("ltr"))
                .hint(ctx.t("form-area-code-hint")),
        ),
        text3("name", ctx.t("col-name"), false, false),
    ];
    f
}

fn blank(user: &User) -> Area {
    Area {
        id: new_id(),
        code: String::new(),
        name: LocalizedText::default(),
        protection: super::originated(user),
        version: 0,
    }
}

fn to(_: &Area) -> String {
    "/areas".into()
}

fn may_create(ctx: &Ctx) -> Result<(), WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Taxonomy),
    )
}

async fn new(ctx: Ctx, SignedIn(user): SignedIn) -> Result<Response, WebError> {
    may_create(&ctx)?;
    show(
        &ctx,
        &form(&ctx, None),
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
    let f = form(&ctx, None);
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Area = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_area(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.area(rec.id)).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "area", id, v.area(id).await?).await?;
    let mut f = form(&ctx, Some(id));
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
    editable(&v, "area", id, v.area(id).await?).await?;
    let f = form(&ctx, Some(id));
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.area(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Area = build(&raw, &p.tree)?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_area(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.area(id)).await
}
