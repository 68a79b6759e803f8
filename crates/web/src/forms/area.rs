//! The area-of-cooperation form (`/areas/new`, `/areas/{id}/edit`), for administrators: a
//! stable code and the name in three languages.

use taawun_core::*;
use taawun_store::Visible;

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item};
use super::{line, may, text3};
use crate::{ctx::Ctx, error::WebError};

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

impl Record for Area {
    fn to(&self) -> String {
        "/areas".into()
    }
}

impl TopForm for Area {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::Taxonomy),
        )
    }

    fn blank(user: &User) -> Self {
        Area {
            id: new_id(),
            code: String::new(),
            name: LocalizedText::default(),
            protection: super::originated(user),
            version: 0,
        }
    }

    async fn form(
        ctx: &Ctx,
        _: &Visible,
        _: &Input,
        _: bool,
        id: Option<Id>,
    ) -> Result<Form, WebError> {
        Ok(form(ctx, id))
    }
}
