//! The activity form (`/items/{id}/activities/new`, `/activities/{id}/edit`): kind, title,
//! dates, host party and organisation, place, participants per party, protection.

use chrono::Utc;
use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::handlers::{ChildForm, Editable, Placed};
use super::input::Input;
use super::page::Form;
use super::record::Record;
use super::spec::{Item, Row, Rows, Ty};
use super::{choices, field, keep, may, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

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

/// An activity's form needs only its item's id; an activity may also stand alone (no item),
/// so editing one reads nothing more.
impl Placed for Activity {
    type Parent = Option<Id>;

    /// Today, hosted by the user's party.
    async fn blank(_: &Visible, item: &Option<Id>, user: &User) -> Result<Self, WebError> {
        let today = Utc::now().date_naive();
        Ok(Activity {
            id: new_id(),
            kind: ActivityKind::Course,
            title: LocalizedText::default(),
            item_id: *item,
            start_on: today,
            end_on: today,
            host_party_id: user.party_id,
            host_organisation_id: None,
            place: LocalizedText::default(),
            participants: vec![],
            example: false,
            protection: super::originated(user),
            version: 0,
        })
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        item: &Option<Id>,
        input: &Input,
        fresh: bool,
        shown: Option<&Self>,
    ) -> Result<Form, WebError> {
        form(ctx, v, input, fresh, *item, shown.map(|a| a.id)).await
    }
}

impl ChildForm for Activity {
    const PARENT: taawun_core::RecordKind = taawun_core::RecordKind::ActionItem;

    /// The item, visible, whose lead parties' scope the reader may add activities to.
    async fn parent_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<Option<Id>, WebError> {
        let item = v.item(id).await?.ok_or(WebError::NotFound)?;
        let plan = v.plan(item.plan_id).await?.ok_or(WebError::NotFound)?;
        let target = Target::new(Kind::Activity)
            .in_commission(Some(plan.commission_id))
            .led_by(item.leads.iter().map(|l| l.party_id).collect());
        may(ctx.principal(), Action::Create, &target)?;
        Ok(Some(item.id))
    }
}

impl Editable for Activity {
    async fn parent_of(_: &Visible, rec: &Self) -> Result<Option<Id>, WebError> {
        Ok(rec.item_id)
    }
}
