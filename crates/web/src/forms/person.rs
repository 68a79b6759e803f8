//! The person form (`/people/new`, `/people/{id}/edit`): party, names in Arabic and Latin
//! script, other spellings, rank, function, organisation, protection.

use taawun_core::{Action, Id, Kind, LocalizedText, Person, RecordKind, Target, User, new_id};
use taawun_store::{StoreResult, Visible};

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item, Row, Rows, Ty};
use super::{choices, field, keep, line, may, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

async fn form(
    ctx: &Ctx,
    v: &Visible,
    input: &Input,
    fresh: bool,
    id: Option<Id>,
) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-person-edit"),
            format!("/people/{id}/edit"),
            format!("/people/{id}"),
        ),
        None => (ctx.t("form-person-new"), "/people/new".into(), "/".into()),
    };
    let mut f = Form::new(ctx, title, action, back);
    let aliases = (0..input.rows("aliases", fresh))
        .map(|_| Row {
            items: vec![Item::Field(Field::new(
                "",
                ctx.t("col-aliases"),
                line("auto"),
            ))],
            ..Row::default()
        })
        .collect();
    f.items = vec![
        field(
            "party_id",
            ctx.t("col-party"),
            Ty::Select(choices::parties(ctx, v, None).await?),
        ),
        Item::Field(Field::new("name_ar", ctx.t("col-name-arabic"), line("rtl")).blank_ok()),
        Item::Field(Field::new("name_latin", ctx.t("col-name-latin"), line("ltr")).blank_ok()),
        Item::Rows(Rows {
            path: "aliases".into(),
            legend: ctx.t("col-aliases"),
            rows: aliases,
            extendable: true,
            table: true,
        }),
        optional(
            "rank_id",
            ctx.t("col-rank"),
            Ty::Select(choices::ranks(ctx, v).await?),
        ),
        text3("function", ctx.t("col-function"), false, true),
        optional(
            "organisation_id",
            ctx.t("col-organisation"),
            Ty::Select(choices::organisations(ctx, v, None).await?),
        ),
        protection(ctx),
    ];
    Ok(f)
}

/// A new person: of the user's party and organisation until chosen otherwise.
impl Record for Person {
    fn to(&self) -> String {
        format!("/people/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::opt(v, RecordKind::Rank, raw.rank_id, &mut rec.rank_id).await?;
        keep::opt(
            v,
            RecordKind::Organisation,
            raw.organisation_id,
            &mut rec.organisation_id,
        )
        .await
    }
}

impl TopForm for Person {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may(
            ctx.principal(),
            Action::Create,
            &Target::new(Kind::Registry),
        )
    }

    fn blank(user: &User) -> Self {
        Person {
            id: new_id(),
            party_id: user.party_id,
            name_ar: String::new(),
            name_latin: String::new(),
            aliases: vec![],
            rank_id: None,
            function: LocalizedText::default(),
            organisation_id: user.organisation_id,
            protection: super::originated(user),
            version: 0,
        }
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        input: &Input,
        fresh: bool,
        id: Option<Id>,
    ) -> Result<Form, WebError> {
        form(ctx, v, input, fresh, id).await
    }
}
