//! The article form (`/agreements/{id}/clauses/new`, `/clauses/{id}/edit`): number,
//! heading, text, areas of cooperation, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item, Ty};
use super::{choices, editable, errors::Errors, field, keep, may, parse::build, protection, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/agreements/{id}/clauses/new", get(new).post(create))
        .route("/clauses/{id}/edit", get(edit).post(update))
}

async fn form(ctx: &Ctx, v: &Visible, agreement: Id, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action) = match id {
        Some(id) => (ctx.t("form-clause-edit"), format!("/clauses/{id}/edit")),
        None => (
            ctx.t("form-clause-new"),
            format!("/agreements/{agreement}/clauses/new"),
        ),
    };
    let mut f = Form::new(ctx, title, action, format!("/agreements/{agreement}"));
    f.items = vec![
        field(
            "number",
            ctx.t("form-number"),
            Ty::Int { min: 1, max: 9999 },
        ),
        text3("heading", ctx.t("form-heading"), false, true),
        text3("text", ctx.t("form-text"), true, false),
        Item::Field(Field::new(
            "area_ids",
            ctx.t("col-areas"),
            Ty::Multi(choices::areas(ctx, v).await?),
        )),
        field("example", ctx.t("form-example"), Ty::Check),
        protection(ctx),
    ];
    Ok(f)
}

/// The agreement, visible, to which the reader may add articles.
async fn agreement(ctx: &Ctx, v: &Visible, id: Id) -> Result<Agreement, WebError> {
    let a = v.agreement(id).await?.ok_or(WebError::NotFound)?;
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::CommissionWork).in_commission(a.commission_id),
    )?;
    Ok(a)
}

async fn blank(v: &Visible, a: &Agreement, user: &User) -> Result<Clause, WebError> {
    let next = v
        .clauses(a.id)
        .await?
        .iter()
        .map(|c| c.number)
        .max()
        .unwrap_or(0)
        + 1;
    Ok(Clause {
        id: new_id(),
        agreement_id: a.id,
        number: next,
        heading: LocalizedText::default(),
        text: LocalizedText::default(),
        area_ids: vec![],
        example: false,
        protection: super::originated(user),
        version: 0,
    })
}

fn to(c: &Clause) -> String {
    format!("/agreements/{}", c.agreement_id)
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(aid): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let a = agreement(&ctx, &v, aid).await?;
    let input = Input::of(&blank(&v, &a, &user).await?);
    show(
        &ctx,
        &form(&ctx, &v, aid, None).await?,
        &input,
        &Errors::default(),
    )
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(aid): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let a = agreement(&ctx, &v, aid).await?;
    let f = form(&ctx, &v, aid, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Clause = build(&blank(&v, &a, &user).await?, &p.tree)?;
    let saved = s.store.save_clause(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.clause(rec.id)).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "clause", id, v.clause(id).await?).await?;
    let mut f = form(&ctx, &v, rec.agreement_id, Some(id)).await?;
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
    let shown = editable(&v, "clause", id, v.clause(id).await?).await?;
    let f = form(&ctx, &v, shown.agreement_id, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.clause(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Clause = build(&raw, &p.tree)?;
    keep::ids(&v, "area", &raw.area_ids, &mut rec.area_ids).await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_clause(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.clause(id)).await
}
