//! The action plan form (`/commissions/{id}/plans/new`, `/plans/{id}/edit`): the agreement
//! and session it implements, title, period, protection.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::handlers::{ChildForm, Editable, Placed};
use super::input::Input;
use super::page::Form;
use super::record::Record;
use super::spec::Ty;
use super::{choices, keep, may, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

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

/// A plan's form offers the agreements and sessions of its commission.
impl Placed for ActionPlan {
    type Parent = Commission;

    async fn blank(_: &Visible, c: &Commission, user: &User) -> Result<Self, WebError> {
        Ok(ActionPlan {
            id: new_id(),
            commission_id: c.id,
            agreement_id: None,
            session_id: None,
            title: LocalizedText::default(),
            start_on: None,
            end_on: None,
            protection: super::originated(user),
            version: 0,
        })
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        c: &Commission,
        _: &Input,
        _: bool,
        shown: Option<&Self>,
    ) -> Result<Form, WebError> {
        let (title, action, back) = match shown.map(|p| p.id) {
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
}

impl ChildForm for ActionPlan {
    const PARENT: taawun_core::RecordKind = taawun_core::RecordKind::Commission;

    async fn parent_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<Commission, WebError> {
        let c = v.commission(id).await?.ok_or(WebError::NotFound)?;
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::CommissionWork).in_commission(Some(id)),
        )?;
        Ok(c)
    }
}

impl Editable for ActionPlan {
    async fn parent_of(v: &Visible, plan: &Self) -> Result<Commission, WebError> {
        v.commission(plan.commission_id)
            .await?
            .ok_or(WebError::NotFound)
    }
}
