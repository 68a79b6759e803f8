//! The progress form (`/items/{id}/progress/new`): date, reporting side, percent, status,
//! comment, indicator value, protection. A party editor reports for their own party's side
//! only; the secretariat may choose any lead party. Each side offered is asked of `decide`.

use chrono::Utc;
use taawun_core::*;
use taawun_store::Visible;

use super::handlers::{ChildForm, Placed};
use super::input::Input;
use super::page::Form;
use super::record::Record;
use super::spec::{Opt, Ty};
use super::{choices, field, optional, protection, text3};
use crate::{ctx::Ctx, error::WebError};

/// The item, and the sides the reader may report for (an empty list is a 403).
async fn context(ctx: &Ctx, v: &Visible, id: Id) -> Result<(ActionItem, Vec<Opt>), WebError> {
    let item = v.item(id).await?.ok_or(WebError::NotFound)?;
    let plan = v.plan(item.plan_id).await?.ok_or(WebError::NotFound)?;
    let leads: Vec<Id> = item.leads.iter().map(|l| l.party_id).collect();
    let allowed: Vec<Id> = leads
        .iter()
        .copied()
        .filter(|side| {
            let target = Target::new(Kind::ProgressUpdate)
                .in_commission(Some(plan.commission_id))
                .led_by(leads.clone())
                .reported_by(*side);
            decide(ctx.principal(), Action::Create, &target).is_ok()
        })
        .collect();
    if allowed.is_empty() {
        return Err(WebError::Forbidden);
    }
    let sides = choices::parties(ctx, v, Some(&allowed)).await?;
    Ok((item, sides))
}

fn form(ctx: &Ctx, item: &ActionItem, sides: Vec<Opt>) -> Form {
    let mut f = Form::new(
        ctx,
        ctx.t("form-progress-new"),
        format!("/items/{}/progress/new", item.id),
        format!("/items/{}", item.id),
    );
    // A side reports its own work; cancelling is the secretariat's decision on the item.
    let statuses: Vec<&'static str> = ItemStatus::ALL
        .iter()
        .filter(|s| **s != ItemStatus::Cancelled)
        .map(|s| s.key())
        .collect();
    f.items = vec![
        field("reported_on", ctx.t("form-reported-on"), Ty::Date),
        field("party_id", ctx.t("form-reporting-side"), Ty::Select(sides)),
        field(
            "percent",
            ctx.t("col-percent"),
            Ty::Int { min: 0, max: 100 },
        ),
        field(
            "status",
            ctx.t("col-status"),
            Ty::Select(choices::keys(ctx, "status", &statuses)),
        ),
        text3("narrative", ctx.t("col-narrative"), true, true),
        optional("indicator_actual", ctx.t("col-actual"), Ty::Float),
        field("example", ctx.t("form-example"), Ty::Check),
        protection(ctx),
    ];
    f
}

/// A new update: today, the reader's own side when it is offered, the item's status.
fn blank(item: &ActionItem, sides: &[Opt], user: &User) -> ProgressUpdate {
    let own = sides.iter().any(|o| o.value == user.party_id.to_string());
    let first = sides.first().and_then(|o| o.value.parse().ok());
    ProgressUpdate {
        id: new_id(),
        item_id: item.id,
        reported_on: Utc::now().date_naive(),
        party_id: if own {
            user.party_id
        } else {
            first.unwrap_or(user.party_id)
        },
        percent: 0,
        status: match item.status {
            ItemStatus::Cancelled => ItemStatus::Planned,
            s => s,
        },
        narrative: LocalizedText::default(),
        indicator_actual: None,
        example: false,
        protection: super::originated(user),
        reporter: Some(user.display_name.clone()),
        version: 0,
    }
}

impl Record for ProgressUpdate {
    fn to(&self) -> String {
        format!("/items/{}", self.item_id)
    }
}

impl Placed for ProgressUpdate {
    type Parent = (ActionItem, Vec<Opt>);

    async fn blank(
        _: &Visible,
        (item, sides): &Self::Parent,
        user: &User,
    ) -> Result<Self, WebError> {
        Ok(blank(item, sides, user))
    }

    async fn form(
        ctx: &Ctx,
        _: &Visible,
        (item, sides): &Self::Parent,
        _: &Input,
        _: bool,
        _: Option<&Self>,
    ) -> Result<Form, WebError> {
        Ok(form(ctx, item, sides.clone()))
    }
}

impl ChildForm for ProgressUpdate {
    const PARENT: taawun_core::RecordKind = taawun_core::RecordKind::ActionItem;

    async fn parent_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<Self::Parent, WebError> {
        context(ctx, v, id).await
    }
}
