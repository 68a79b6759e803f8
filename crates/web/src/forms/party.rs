//! The party form (`/parties/new`, `/parties/{id}/edit`), for administrators: kind, ISO
//! code, name and short name in three languages, protection.

use taawun_core::*;
use taawun_store::Visible;

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item, Opt, Ty};
use super::{field, line, may, protection, text3};
use crate::markup::{Markup, escape};
use crate::{ctx::Ctx, error::WebError};

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

impl Record for Party {
    fn to(&self) -> String {
        format!("/parties/{}", self.id)
    }
}

impl TopForm for Party {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::Taxonomy),
        )
    }

    fn blank(user: &User) -> Self {
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
