//! The joint commission form (`/commissions/new`, `/commissions/{id}/edit`): name,
//! parties, co-chairs (one per party), date established, mandate, protection.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item, Ty};
use super::{choices, keep, may, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

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

impl Record for Commission {
    fn to(&self) -> String {
        format!("/commissions/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::ids(
            v,
            RecordKind::Person,
            &raw.co_chair_ids,
            &mut rec.co_chair_ids,
        )
        .await?;
        keep::ids(v, RecordKind::Party, &raw.party_ids, &mut rec.party_ids).await
    }
}

impl TopForm for Commission {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::Commission),
        )
    }

    fn blank(user: &User) -> Self {
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

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        _: &Input,
        _: bool,
        id: Option<Id>,
    ) -> Result<Form, WebError> {
        form(ctx, v, id).await
    }
}
