//! The person form (`/people/new`, `/people/{id}/edit`): party, names in Arabic and Latin
//! script, other spellings, rank, function, organisation, protection.

use taawun_core::{Action, Id, Kind, LocalizedText, Person, RecordKind, Target, User, new_id};
use taawun_store::{StoreResult, Visible};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Redirect, Response};

use super::errors::Errors;
use super::input::{Input, Posted};
use super::page::{Form, show};
use super::record::{Record, TopForm, save_new};
use super::spec::{Field, Item, Row, Rows, Ty};
use super::{choices, field, keep, line, may, optional, protection, text3};
use crate::AppState;
use crate::auth::SignedIn;
use crate::lookup::reader;
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

/// `/people/new?back=/sessions/{id}/delegations&party=…`: a person added while recording a
/// delegation. The form opens on that party, its "back" leads to the delegation form, and a
/// saved person returns there with `?added=` so the form offers them in a new row. Any
/// other `back` is ignored: the query cannot send anyone elsewhere.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FromDelegation {
    back: Option<String>,
    party: Option<Id>,
}

impl FromDelegation {
    /// The delegation form to return to, if `back` names one.
    fn back(&self) -> Option<String> {
        let back = self.back.as_deref()?;
        let session = back
            .strip_prefix("/sessions/")?
            .strip_suffix("/delegations")?;
        let id: Id = session.parse().ok()?;
        Some(format!("/sessions/{id}/delegations"))
    }

    fn adjust(&self, f: &mut Form) {
        if let Some(back) = self.back() {
            f.action = format!("/people/new?back={back}");
            f.back = back;
        }
    }
}

pub(crate) async fn new_get(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Query(q): Query<FromDelegation>,
) -> Result<Response, WebError> {
    <Person as TopForm>::may_create(&ctx)?;
    let v = reader(&s, &ctx);
    let mut rec = <Person as TopForm>::blank(&user);
    if let Some(party) = q.party.filter(|p| *p != rec.party_id) {
        rec.party_id = party;
        // The user's own organisation belongs to the user's party, not to this one.
        rec.organisation_id = None;
    }
    let input = Input::of(&rec);
    let mut f = form(&ctx, &v, &input, true, None).await?;
    q.adjust(&mut f);
    show(&ctx, &f, &input, &Errors::default())
}

pub(crate) async fn new_post(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Query(q): Query<FromDelegation>,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    <Person as TopForm>::may_create(&ctx)?;
    let v = reader(&s, &ctx);
    let mut f = form(&ctx, &v, &input, false, None).await?;
    q.adjust(&mut f);
    let base = async { Ok(<Person as TopForm>::blank(&user)) };
    let saved = save_new(&ctx, &s, &v, &user, &f, &input, base).await?;
    // Saved, the person's page is where the form leads; from a delegation, back to it.
    let created = (saved.status() == StatusCode::SEE_OTHER)
        .then(|| {
            saved
                .headers()
                .get(LOCATION)?
                .to_str()
                .ok()?
                .strip_prefix("/people/")
        })
        .flatten()
        .and_then(|id| id.parse::<Id>().ok());
    match (q.back(), created) {
        (Some(back), Some(id)) => {
            Ok(Redirect::to(&format!("{back}?added={id}#delegations")).into_response())
        }
        _ => Ok(saved),
    }
}
