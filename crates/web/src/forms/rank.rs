//! The rank form (`/ranks/new`, `/ranks/{id}/edit`), for administrators: the party whose
//! forces use it, its NATO code and its label in three languages.

use taawun_core::*;
use taawun_store::Visible;

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item, Ty};
use super::{choices, field, line, may, text3};
use crate::{ctx::Ctx, error::WebError};

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
impl Record for Rank {
    fn to(&self) -> String {
        "/ranks".into()
    }
}

impl TopForm for Rank {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            // Registry since issue 14: the secretariat adds the ranks a delegation needs.
            &Target::new(RecordKind::Rank.access()),
        )
    }

    fn blank(user: &User) -> Self {
        Rank {
            id: new_id(),
            party_id: user.party_id,
            nato_code: String::new(),
            label: LocalizedText::default(),
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
