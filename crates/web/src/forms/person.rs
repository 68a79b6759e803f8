//! The person form (`/people/new`, `/people/{id}/edit`): party, names in Arabic and Latin
//! script, other spellings, rank, function, organisation, protection.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Router, routing::get};
use taawun_core::{Action, Id, Kind, LocalizedText, Person, Target, new_id};
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{After, Form, after, invalid, read, show};
use super::spec::{Field, Item, Row, Rows, Ty};
use super::{choices, conflict, editable, field, keep, line, may, optional, protection, text3};
use super::{errors::Errors, parse::build};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/people/new", get(new).post(create))
        .route("/people/{id}/edit", get(edit).post(update))
}

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
fn blank(user: &taawun_core::User) -> Person {
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

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Registry),
    )?;
    let v = super::visible(&s, &ctx);
    let input = Input::of(&blank(&user));
    let f = form(&ctx, &v, &input, true, None).await?;
    show(&ctx, &f, &input, &Errors::default())
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    may(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Registry),
    )?;
    let v = super::visible(&s, &ctx);
    let f = form(&ctx, &v, &input, false, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Person = build(&blank(&user), &p.tree)?;
    match after(s.store.save_person(&Actor::user(&user), &rec).await)? {
        After::Saved(r) => Ok(Redirect::to(&format!("/people/{}", r.id)).into_response()),
        After::Invalid(e) => Ok(invalid(&ctx, &f, &input, &p, &e)),
        After::Conflict => conflict::page(&ctx, &v, &f, &rec, v.person(rec.id).await?).await,
    }
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "person", id, v.person(id).await?).await?;
    let input = Input::of(&rec);
    let mut f = form(&ctx, &v, &input, true, Some(id)).await?;
    f.version = rec.version;
    show(&ctx, &f, &input, &Errors::default())
}

async fn update(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    editable(&v, "person", id, v.person(id).await?).await?;
    let f = form(&ctx, &v, &input, false, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.person(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Person = build(&raw, &p.tree)?;
    keep::opt(&v, "rank", raw.rank_id, &mut rec.rank_id).await?;
    keep::opt(
        &v,
        "organisation",
        raw.organisation_id,
        &mut rec.organisation_id,
    )
    .await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    match after(s.store.save_person(&Actor::user(&user), &rec).await)? {
        After::Saved(r) => Ok(Redirect::to(&format!("/people/{}", r.id)).into_response()),
        After::Invalid(e) => Ok(invalid(&ctx, &f, &input, &p, &e)),
        After::Conflict => conflict::page(&ctx, &v, &f, &rec, v.person(id).await?).await,
    }
}
