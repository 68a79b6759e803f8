//! The article form (`/agreements/{id}/clauses/new`, `/clauses/{id}/edit`): number,
//! heading, text, areas of cooperation, protection.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::handlers::{ChildForm, Editable, Placed};
use super::input::Input;
use super::page::Form;
use super::record::Record;
use super::spec::{Field, Item, Ty};
use super::{choices, field, keep, may, protection, text3};
use crate::{ctx::Ctx, error::WebError};

impl Record for Clause {
    fn to(&self) -> String {
        format!("/agreements/{}", self.agreement_id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::ids(v, RecordKind::Area, &raw.area_ids, &mut rec.area_ids).await
    }
}

/// An article's form needs only its agreement's id.
impl Placed for Clause {
    type Parent = Id;

    /// Numbered after the agreement's last article.
    async fn blank(v: &Visible, agreement: &Id, user: &User) -> Result<Self, WebError> {
        let next = v
            .clauses(*agreement)
            .await?
            .iter()
            .map(|c| c.number)
            .max()
            .unwrap_or(0)
            + 1;
        Ok(Clause {
            id: new_id(),
            agreement_id: *agreement,
            number: next,
            heading: LocalizedText::default(),
            text: LocalizedText::default(),
            area_ids: vec![],
            example: false,
            protection: super::originated(user),
            version: 0,
        })
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        agreement: &Id,
        _: &Input,
        _: bool,
        shown: Option<&Self>,
    ) -> Result<Form, WebError> {
        let (title, action) = match shown {
            Some(c) => (ctx.t("form-clause-edit"), format!("/clauses/{}/edit", c.id)),
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
}

impl ChildForm for Clause {
    const PARENT: taawun_core::RecordKind = taawun_core::RecordKind::Agreement;

    /// The agreement, visible, to which the reader may add articles.
    async fn parent_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<Id, WebError> {
        let a = v.agreement(id).await?.ok_or(WebError::NotFound)?;
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::CommissionWork).in_commission(a.commission_id),
        )?;
        Ok(a.id)
    }
}

impl Editable for Clause {
    async fn parent_of(_: &Visible, rec: &Self) -> Result<Id, WebError> {
        Ok(rec.agreement_id)
    }
}
