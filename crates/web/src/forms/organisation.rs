//! The organisation form (`/organisations/new`, `/organisations/{id}/edit`): party, parent
//! organisation, name, acronym, protection.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Opt, Ty};
use super::{choices, field, keep, line, may, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

async fn form(ctx: &Ctx, v: &Visible, id: Option<Id>) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-organisation-edit"),
            format!("/organisations/{id}/edit"),
            format!("/organisations/{id}"),
        ),
        None => (
            ctx.t("form-organisation-new"),
            "/organisations/new".into(),
            "/".into(),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    // An organisation cannot be its own parent.
    let me = id.map(|i| i.to_string()).unwrap_or_default();
    let parents: Vec<Opt> = choices::organisations(ctx, v, None)
        .await?
        .into_iter()
        .filter(|o| o.value != me)
        .collect();
    f.items = vec![
        field(
            "party_id",
            ctx.t("col-party"),
            Ty::Select(choices::parties(ctx, v, None).await?),
        ),
        optional("parent_id", ctx.t("col-parent"), Ty::Select(parents)),
        text3("name", ctx.t("col-name"), false, false),
        optional("acronym", ctx.t("form-acronym"), line("auto")),
        protection(ctx),
    ];
    Ok(f)
}

impl Record for Organisation {
    fn to(&self) -> String {
        format!("/organisations/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::opt(
            v,
            RecordKind::Organisation,
            raw.parent_id,
            &mut rec.parent_id,
        )
        .await
    }
}

impl TopForm for Organisation {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::Registry),
        )
    }

    fn blank(user: &User) -> Self {
        Organisation {
            id: new_id(),
            party_id: user.party_id,
            parent_id: None,
            name: LocalizedText::default(),
            acronym: None,
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
