//! The agreement form (`/agreements/new`, `/agreements/{id}/edit`): kind, reference, title,
//! summary, parties, lifecycle and its dates, signatories, following commission, session,
//! duration, renewal, links to other agreements, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use taawun_core::*;
use taawun_store::{Actor, Visible};

use super::input::{Input, Posted};
use super::page::{Form, finish, read, show};
use super::spec::{Field, Item, Row, Rows, Ty};
use super::{
    choices, editable, errors::Errors, field, keep, line, optional, parse::build, protection, text3,
};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/agreements/new", get(new).post(create))
        .route("/agreements/{id}/edit", get(edit).post(update))
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
            ctx.t("form-agreement-edit"),
            format!("/agreements/{id}/edit"),
            format!("/agreements/{id}"),
        ),
        None => (
            ctx.t("form-agreement-new"),
            "/agreements/new".into(),
            "/agreements".into(),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    let kinds: Vec<&'static str> = AgreementKind::ALL.iter().map(|k| k.key()).collect();
    let states: Vec<&'static str> = Lifecycle::ALL.iter().map(|k| k.key()).collect();
    let link_kinds = choices::keys(ctx, "link", &["amends", "supersedes", "implements"]);
    let others = choices::agreements(ctx, v, id).await?;
    let links = (0..input.rows("links", fresh))
        .map(|_| Row {
            items: vec![
                field(
                    "kind",
                    ctx.t("form-link-kind"),
                    Ty::Select(link_kinds.clone()),
                ),
                field(
                    "target_id",
                    ctx.t("col-agreement"),
                    Ty::Select(others.clone()),
                ),
            ],
            ..Row::default()
        })
        .collect();
    f.items = vec![
        field(
            "kind",
            ctx.t("col-kind"),
            Ty::Select(choices::keys(ctx, "kind", &kinds)),
        ),
        optional("reference", ctx.t("col-reference"), line("auto")),
        text3("title", ctx.t("form-title"), false, false),
        text3("summary", ctx.t("form-summary"), true, true),
        Item::Field(Field::new(
            "party_ids",
            ctx.t("col-parties"),
            Ty::Multi(choices::parties(ctx, v, None).await?),
        )),
        field(
            "status",
            ctx.t("lifecycle-title"),
            Ty::Select(choices::keys(ctx, "lifecycle", &states)),
        ),
        optional("signed_on", ctx.t("col-signed"), Ty::Date),
        text3("signed_place", ctx.t("col-signed-place"), false, true),
        Item::Field(Field::new(
            "signatory_ids",
            ctx.t("signatories-title"),
            Ty::Multi(choices::people(ctx, v, None).await?),
        )),
        optional(
            "commission_id",
            ctx.t("col-commission"),
            Ty::Select(choices::commissions(ctx, v).await?),
        ),
        optional(
            "session_id",
            ctx.t("col-session"),
            Ty::Select(choices::sessions(ctx, v, None).await?),
        ),
        optional("in_force_on", ctx.t("form-in-force-on"), Ty::Date),
        optional("ended_on", ctx.t("form-ended-on"), Ty::Date),
        optional(
            "duration_months",
            ctx.t("form-duration-months"),
            Ty::Int { min: 1, max: 1200 },
        ),
        text3("renewal_terms", ctx.t("col-renewal"), true, true),
        Item::Rows(Rows {
            path: "links".into(),
            legend: ctx.t("links-title"),
            rows: links,
            extendable: true,
            table: true,
        }),
        protection(ctx),
    ];
    Ok(f)
}

/// Secretariats create agreements for the commissions assigned to them; the store checks
/// the commission actually chosen.
fn may_create(ctx: &Ctx) -> Result<(), WebError> {
    let who = ctx.principal();
    let target = |c: Option<Id>| Target::new(Kind::Agreement).in_commission(c);
    let any = std::iter::once(None)
        .chain(who.commissions.iter().copied().map(Some))
        .any(|c| decide(who, Action::Create, &target(c)).is_ok());
    if any {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

fn blank(user: &User) -> Agreement {
    Agreement {
        id: new_id(),
        kind: AgreementKind::Mou,
        reference: None,
        title: LocalizedText::default(),
        summary: LocalizedText::default(),
        party_ids: vec![user.party_id],
        status: Lifecycle::Draft,
        signed_on: None,
        signed_place: LocalizedText::default(),
        signatory_ids: vec![],
        commission_id: user.commission_ids.first().copied(),
        session_id: None,
        in_force_on: None,
        ended_on: None,
        duration_months: None,
        renewal_terms: LocalizedText::default(),
        notice_months: None,
        links: vec![],
        protection: super::originated(user),
        version: 0,
    }
}

fn to(a: &Agreement) -> String {
    format!("/agreements/{}", a.id)
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    may_create(&ctx)?;
    let v = super::visible(&s, &ctx);
    let input = Input::of(&blank(&user));
    show(
        &ctx,
        &form(&ctx, &v, &input, true, None).await?,
        &input,
        &Errors::default(),
    )
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    may_create(&ctx)?;
    let v = super::visible(&s, &ctx);
    let f = form(&ctx, &v, &input, false, None).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let rec: Agreement = build(&blank(&user), &p.tree)?;
    let saved = s.store.save_agreement(&Actor::user(&user), &rec).await;
    finish(
        &ctx,
        &v,
        &f,
        &input,
        &p,
        &rec,
        saved,
        to,
        v.agreement(rec.id),
    )
    .await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec = editable(&v, "agreement", id, v.agreement(id).await?).await?;
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
    editable(&v, "agreement", id, v.agreement(id).await?).await?;
    let f = form(&ctx, &v, &input, false, Some(id)).await?;
    let p = match read(&ctx, &f, &input) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let raw = s.store.agreement(id).await?.ok_or(WebError::NotFound)?;
    let mut rec: Agreement = build(&raw, &p.tree)?;
    keep::ids(&v, "person", &raw.signatory_ids, &mut rec.signatory_ids).await?;
    keep::ids(&v, "party", &raw.party_ids, &mut rec.party_ids).await?;
    keep::entries(&v, "agreement", &raw.links, &mut rec.links, |l| l.target_id).await?;
    keep::opt(&v, "session", raw.session_id, &mut rec.session_id).await?;
    keep::opt(&v, "commission", raw.commission_id, &mut rec.commission_id).await?;
    super::keep_originator(&mut rec.protection, &user);
    rec.version = input.version();
    let saved = s.store.save_agreement(&Actor::user(&user), &rec).await;
    finish(&ctx, &v, &f, &input, &p, &rec, saved, to, v.agreement(id)).await
}
