//! The action plan form (`/commissions/{id}/plans/new`, `/plans/{id}/edit`): the agreement
//! and session it implements, title, period, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::{Input, Posted};
use super::page::{Form, show};
use super::record::{self, Record};
use super::spec::Ty;
use super::{choices, errors::Errors, keep, may, optional, protection, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/commissions/{id}/plans/new", get(new).post(create))
        .route("/plans/{id}/edit", get(edit).post(update))
}

async fn form(ctx: &Ctx, v: &Visible, c: &Commission, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-plan-edit"),
            format!("/plans/{id}/edit"),
            format!("/plans/{id}"),
        ),
        None => (
            ctx.t("form-plan-new"),
            format!("/commissions/{}/plans/new", c.id),
            format!("/commissions/{}", c.id),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    f.items = vec![
        text3("title", ctx.t("form-title"), false, false),
        optional(
            "agreement_id",
            ctx.t("col-agreement"),
            Ty::Select(choices::agreements(ctx, v, None).await?),
        ),
        optional(
            "session_id",
            ctx.t("col-session"),
            Ty::Select(choices::sessions(ctx, v, Some(c.id)).await?),
        ),
        optional("start_on", ctx.t("form-start-on"), Ty::Date),
        optional("end_on", ctx.t("form-end-on"), Ty::Date),
        protection(ctx),
    ];
    Ok(f)
}

async fn commission(ctx: &Ctx, v: &Visible, id: Id) -> Result<Commission, WebError> {
    let c = v.commission(id).await?.ok_or(WebError::NotFound)?;
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::CommissionWork).in_commission(Some(id)),
    )?;
    Ok(c)
}

fn blank(c: &Commission, user: &User) -> ActionPlan {
    ActionPlan {
        id: new_id(),
        commission_id: c.id,
        agreement_id: None,
        session_id: None,
        title: LocalizedText::default(),
        start_on: None,
        end_on: None,
        protection: super::originated(user),
        version: 0,
    }
}

impl Record for ActionPlan {
    fn to(&self) -> String {
        format!("/plans/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::opt(
            v,
            RecordKind::Agreement,
            raw.agreement_id,
            &mut rec.agreement_id,
        )
        .await?;
        keep::opt(v, RecordKind::Session, raw.session_id, &mut rec.session_id).await
    }
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(cid): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let c = commission(&ctx, &v, cid).await?;
    let input = Input::of(&blank(&c, &user));
    show(
        &ctx,
        &form(&ctx, &v, &c, None).await?,
        &input,
        &Errors::default(),
    )
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(cid): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let c = commission(&ctx, &v, cid).await?;
    let f = form(&ctx, &v, &c, None).await?;
    let base = async { Ok(blank(&c, &user)) };
    record::save_new(&ctx, &s, &v, &user, &f, &input, base).await
}

/// The plan's commission, which the form offers agreements and sessions of.
async fn commission_of(v: &Visible, plan: &ActionPlan) -> Result<Commission, WebError> {
    v.commission(plan.commission_id)
        .await?
        .ok_or(WebError::NotFound)
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec: ActionPlan = record::shown(&v, id).await?;
    let c = commission_of(&v, &rec).await?;
    let f = form(&ctx, &v, &c, Some(id)).await?;
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
    let shown: ActionPlan = record::shown(&v, id).await?;
    let c = commission_of(&v, &shown).await?;
    let f = form(&ctx, &v, &c, Some(id)).await?;
    record::save_edit::<ActionPlan>(&ctx, &s, &v, &user, &f, &input, id).await
}
