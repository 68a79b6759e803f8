//! The activity form (`/items/{id}/activities/new`, `/activities/{id}/edit`): kind, title,
//! dates, host party and organisation, place, participants per party, protection.

use axum::extract::State;
use axum::response::Response;
use axum::{Router, routing::get};
use chrono::Utc;
use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::{Input, Posted};
use super::page::{Form, show};
use super::record::{self, Record};
use super::spec::{Item, Row, Rows, Ty};
use super::{choices, errors::Errors, field, keep, may, optional, protection, text3};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/items/{id}/activities/new", get(new).post(create))
        .route("/activities/{id}/edit", get(edit).post(update))
}

async fn form(
    ctx: &Ctx,
    v: &Visible,
    input: &Input,
    fresh: bool,
    item: Option<Id>,
    id: Option<Id>,
) -> Result<Form, WebError> {
    let back = item.map_or_else(|| "/".to_string(), |i| format!("/items/{i}"));
    let (title, action) = match (id, item) {
        (Some(id), _) => (
            ctx.t("form-activity-edit"),
            format!("/activities/{id}/edit"),
        ),
        (None, Some(i)) => (
            ctx.t("form-activity-new"),
            format!("/items/{i}/activities/new"),
        ),
        (None, None) => (ctx.t("form-activity-new"), "/".to_string()),
    };
    let mut f = Form::new(ctx, title, action, back);
    let parties = choices::parties(ctx, v, None).await?;
    let kinds: Vec<&'static str> = ActivityKind::ALL.iter().map(|k| k.key()).collect();
    let participants = (0..input.rows("participants", fresh))
        .map(|_| Row {
            items: vec![
                field("party_id", ctx.t("col-party"), Ty::Select(parties.clone())),
                field(
                    "count",
                    ctx.t("form-count"),
                    Ty::Int {
                        min: 0,
                        max: 100_000,
                    },
                ),
            ],
            ..Row::default()
        })
        .collect();
    f.items = vec![
        field(
            "kind",
            ctx.t("col-kind"),
            Ty::Select(choices::keys(ctx, "activity", &kinds)),
        ),
        text3("title", ctx.t("form-title"), false, false),
        field("start_on", ctx.t("form-start-on"), Ty::Date),
        field("end_on", ctx.t("form-end-on"), Ty::Date),
        field("host_party_id", ctx.t("col-host"), Ty::Select(parties)),
        optional(
            "host_organisation_id",
            ctx.t("form-host-organisation"),
            Ty::Select(choices::organisations(ctx, v, None).await?),
        ),
        text3("place", ctx.t("col-place"), false, true),
        Item::Rows(Rows {
            path: "participants".into(),
            legend: ctx.t("col-participants"),
            rows: participants,
            extendable: true,
            table: true,
        }),
        field("example", ctx.t("form-example"), Ty::Check),
        protection(ctx),
    ];
    Ok(f)
}

/// The item and its scope for a new activity: visible, and the reader may add to it.
async fn item_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<ActionItem, WebError> {
    let item = v.item(id).await?.ok_or(WebError::NotFound)?;
    let plan = v.plan(item.plan_id).await?.ok_or(WebError::NotFound)?;
    let target = Target::new(Kind::Activity)
        .in_commission(Some(plan.commission_id))
        .led_by(item.leads.iter().map(|l| l.party_id).collect());
    may(ctx.principal(), Action::Create, &target)?;
    Ok(item)
}

fn blank(item: &ActionItem, user: &User) -> Activity {
    let today = Utc::now().date_naive();
    Activity {
        id: new_id(),
        kind: ActivityKind::Course,
        title: LocalizedText::default(),
        item_id: Some(item.id),
        start_on: today,
        end_on: today,
        host_party_id: user.party_id,
        host_organisation_id: None,
        place: LocalizedText::default(),
        participants: vec![],
        example: false,
        protection: super::originated(user),
        version: 0,
    }
}

impl Record for Activity {
    fn to(&self) -> String {
        self.item_id
            .map_or_else(|| "/".to_string(), |i| format!("/items/{i}"))
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::opt(
            v,
            RecordKind::Organisation,
            raw.host_organisation_id,
            &mut rec.host_organisation_id,
        )
        .await
    }
}

async fn new(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let item = item_for_new(&ctx, &v, id).await?;
    let input = Input::of(&blank(&item, &user));
    let f = form(&ctx, &v, &input, true, Some(id), None).await?;
    show(&ctx, &f, &input, &Errors::default())
}

async fn create(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let item = item_for_new(&ctx, &v, id).await?;
    let f = form(&ctx, &v, &input, false, Some(id), None).await?;
    let base = async { Ok(blank(&item, &user)) };
    record::save_new(&ctx, &s, &v, &user, &f, &input, base).await
}

async fn edit(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let rec: Activity = record::shown(&v, id).await?;
    let input = Input::of(&rec);
    let f = form(&ctx, &v, &input, true, rec.item_id, Some(id)).await?;
    record::show_at(&ctx, f, &input, &rec)
}

async fn update(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = super::visible(&s, &ctx);
    let shown: Activity = record::shown(&v, id).await?;
    let f = form(&ctx, &v, &input, false, shown.item_id, Some(id)).await?;
    record::save_edit::<Activity>(&ctx, &s, &v, &user, &f, &input, id).await
}
