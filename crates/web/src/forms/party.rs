//! The party form (`/parties/new`, `/parties/{id}/edit`), for administrators: kind, ISO
//! code, name and short name in three languages, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::Actor;

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item, Opt, Ty};
use super::{editable, errors::Errors, field, line, may, parse::build, protection, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/parties/new", get(new).post(create))
        .route("/parties/{id}/edit", get(edit).post(update))
}

fn kinds(ctx: &Ctx) -> Vec<Opt> {
    [
        ("state", ctx.t("party-state")),
        ("international_organisation", ctx.t("party-international")),
    ]
    .into_iter()
    .map(|(value, label)| Opt {
        value: value.into(),
        label: Markup(escape(&label)),
    })
    .collect()
}

fn form(ctx: &Ctx, id: Option<Id>) -> Form {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-party-edit"),
            format!("/parties/{id}/edit"),
            format!("/parties/{id}"),
        ),
        None => (
            ctx.t("form-party-new"),
            "/parties/new".into(),
            "/parties".into(),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    f.items = vec![
        field("kind", ctx.t("col-kind"), Ty::Select(kinds(ctx))),
        Item::Field(
            Field::new("iso_code", ctx.t("col-iso"), line("ltr"))
                .optional()
                .hint(ctx.t("form-iso-hint")),
        ),
        text3("name", ctx.t("col-name"), false, false),
        text3("short_name", ctx.t("col-short-name"), false, true),
        protection(ctx),
    ];
    f
}

fn blank(user: &User) -> Party {
    Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: None,
        name: LocalizedText::default(),
        short_name: LocalizedText::default(),
        protection: super::originated(user),
        version: 0,
    }
}

fn to(p: &Party) -> String {
    format!("/parties/{}", p.id)
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
    let rec: Party = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_party(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.party(rec.id)).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "party", id, v.party(id).await?).await?;
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
    editable(&v, "party", id, v.party(id).await?).await?;
    let f = form(&ctx, Some(id));
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.party(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Party = build(&raw, &p.tree)?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_party(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.party(id)).await
}
