//! The article form (`/agreements/{id}/clauses/new`, `/clauses/{id}/edit`): number,
//! heading, text, areas of cooperation, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::{Input, Posted};
use super::page::{Form, show};
use super::record::{self, Record};
use super::spec::{Field, Item, Ty};
use super::{choices, errors::Errors, field, keep, may, protection, text3};
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

impl Record for Clause {
    fn to(&self) -> String {
        format!("/agreements/{}", self.agreement_id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::ids(v, RecordKind::Area, &raw.area_ids, &mut rec.area_ids).await
    }
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
    let base = blank(&v, &a, &user);
    record::save_new(&ctx, &s, &v, &user, &f, &input, base).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec: Clause = record::shown(&v, id).await?;
    let f = form(&ctx, &v, rec.agreement_id, Some(id)).await?;
    record::show_at(&ctx, f, &Input::of(&rec), &rec)
}

async fn update(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let shown: Clause = record::shown(&v, id).await?;
    let f = form(&ctx, &v, shown.agreement_id, Some(id)).await?;
    record::save_edit::<Clause>(&ctx, &s, &v, &user, &f, &input, id).await
}
