//! The action item form (`/plans/{id}/items/new`, `/items/{id}/edit`): code, title,
//! description, area, articles implemented, a lead body for each commission party side by
//! side, dates, the optional indicator (with its direction), protection. The status is
//! not typed: it follows both sides' reports. Only those `decide` lets cancel (the
//! commission's secretariat) see the cancellation choice and its reason.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::handlers::{ChildForm, Editable, Placed};
use super::input::Input;
use super::page::Form;
use super::record::Record;
use super::spec::{Field, Item, Opt, Row, Rows, Ty};
use super::{choices, field, keep, line, may, optional, protection, text3};
use crate::markup::{Markup, escape};
use crate::{ctx::Ctx, error::WebError};

/// The cancellation fields for an item the reader may cancel: a choice between its current
/// status and `Cancelled`, and the reason in three languages; once cancelled (which
/// cannot be undone), the reason alone.
fn cancel_group(ctx: &Ctx, current: ItemStatus) -> Item {
    let reason = text3("cancel_reason", ctx.t("cancel-reason"), true, true);
    let mut items = vec![];
    if current != ItemStatus::Cancelled {
        // The current status stands for "not cancelled": the store derives it again.
        let opts = [
            (current.key(), "form-cancel-keep"),
            (ItemStatus::Cancelled.key(), "form-cancel-yes"),
        ]
        .map(|(value, label)| Opt {
            value: value.into(),
            label: Markup(escape(&ctx.t(label))),
        });
        items.push(Item::Field(
            Field::new(
                "status",
                ctx.t("form-cancel-choice"),
                Ty::Select(opts.into()),
            )
            .hint(ctx.t("form-cancel-hint")),
        ));
    }
    items.push(reason);
    Item::Group {
        legend: ctx.t("form-cancel-title"),
        items,
        nullable: None,
    }
}

/// The item's status when the reader may cancel it, for `cancel_group`.
async fn may_cancel(v: &Visible, item: &ActionItem) -> StoreResult<Option<ItemStatus>> {
    Ok(v.allows(Action::Cancel, RecordKind::ActionItem, item.id)
        .await?
        .then_some(item.status))
}

async fn form(
    ctx: &Ctx,
    v: &Visible,
    plan: &ActionPlan,
    parties: &[Id],
    id: Option<Id>,
    cancel: Option<ItemStatus>,
) -> Result<Form, WebError> {
    let (title, action, back) = match id {
        Some(id) => (
            ctx.t("form-item-edit"),
            format!("/items/{id}/edit"),
            format!("/items/{id}"),
        ),
        None => (
            ctx.t("form-item-new"),
            format!("/plans/{}/items/new", plan.id),
            format!("/plans/{}", plan.id),
        ),
    };
    let mut f = Form::new(ctx, title, action, back);
    let clauses = match plan.agreement_id {
        Some(a) => choices::clauses(ctx, v, a).await?,
        None => vec![],
    };
    let mut leads = Vec::new();
    for party in parties {
        let name = choices::party_name(ctx, v, *party).await?;
        let orgs = choices::organisations(ctx, v, Some(&[*party])).await?;
        leads.push(Row {
            fixed: vec![(
                "party_id".into(),
                serde_json::Value::String(party.to_string()),
            )],
            items: vec![field(
                "organisation_id",
                crate::i18n::message_with(ctx.lang, "form-lead-for", "party", &name),
                Ty::Select(orgs),
            )],
            legend: Some(Markup(format!("<bdi>{}</bdi>", escape(&name)))),
        });
    }
    let directions: Vec<&'static str> = Direction::ALL.iter().map(|d| d.key()).collect();
    f.items = vec![
        field("code", ctx.t("col-code"), line("auto")),
        text3("title", ctx.t("form-title"), false, false),
        text3("description", ctx.t("form-description"), true, true),
        field(
            "area_id",
            ctx.t("col-area"),
            Ty::Select(choices::areas(ctx, v).await?),
        ),
        Item::Field(Field::new(
            "clause_ids",
            ctx.t("item-clauses-title"),
            Ty::Multi(clauses),
        )),
        Item::Rows(Rows {
            path: "leads".into(),
            legend: ctx.t("leads-title"),
            rows: leads,
            extendable: false,
            table: true,
        }),
        optional("start_on", ctx.t("form-start-on"), Ty::Date),
        optional("due_on", ctx.t("form-due-on"), Ty::Date),
        Item::Group {
            legend: ctx.t("indicator-title"),
            nullable: Some("indicator".into()),
            items: vec![
                text3("indicator.name", ctx.t("form-indicator-name"), false, false),
                text3("indicator.unit", ctx.t("form-indicator-unit"), false, true),
                field("indicator.baseline", ctx.t("col-baseline"), Ty::Float),
                field("indicator.target", ctx.t("col-target"), Ty::Float),
                field(
                    "indicator.direction",
                    ctx.t("indicator-direction"),
                    Ty::Select(choices::keys(ctx, "direction", &directions)),
                ),
            ],
        },
        field("example", ctx.t("form-example"), Ty::Check),
        protection(ctx),
    ];
    if let Some(current) = cancel {
        f.items
            .insert(f.items.len() - 2, cancel_group(ctx, current));
    }
    Ok(f)
}

/// The item's leads laid out one per commission party, in the commission's order.
fn arrange(input: &mut Input, item: &ActionItem, parties: &[Id]) {
    for (d, party) in parties.iter().enumerate() {
        let org = item
            .leads
            .iter()
            .find(|l| l.party_id == *party)
            .map(|l| l.organisation_id.to_string());
        input.set(
            &format!("leads.{d}.organisation_id"),
            org.unwrap_or_default(),
        );
    }
    input.set("_rows.leads", parties.len().to_string());
}

/// The plan and the parties of its commission, as the reader sees them.
async fn context(v: &Visible, plan: Id) -> Result<(ActionPlan, Commission), WebError> {
    let plan = v.plan(plan).await?.ok_or(WebError::NotFound)?;
    let c = v
        .commission(plan.commission_id)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((plan, c))
}

impl Record for ActionItem {
    fn to(&self) -> String {
        format!("/items/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::ids(v, RecordKind::Clause, &raw.clause_ids, &mut rec.clause_ids).await?;
        // A side whose lead body the user cannot see keeps it (unless they named another).
        for lead in &raw.leads {
            let named = rec.leads.iter().any(|l| l.party_id == lead.party_id);
            if !named
                && !v
                    .can_see_id(RecordKind::Organisation, lead.organisation_id)
                    .await?
            {
                rec.leads.push(lead.clone());
            }
        }
        Ok(())
    }
}

/// An item's form names its plan's articles and a lead body for each party of the plan's
/// commission.
impl Placed for ActionItem {
    type Parent = (ActionPlan, Commission);

    /// Of the first area, planned, with no lead yet.
    async fn blank(v: &Visible, (plan, _): &Self::Parent, user: &User) -> Result<Self, WebError> {
        let area = v.areas().await?.first().map_or_else(Id::nil, |a| a.id);
        Ok(ActionItem {
            id: new_id(),
            plan_id: plan.id,
            code: String::new(),
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            area_id: area,
            clause_ids: vec![],
            leads: vec![],
            start_on: None,
            due_on: None,
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: None,
            example: false,
            protection: super::originated(user),
            version: 0,
        })
    }

    async fn form(
        ctx: &Ctx,
        v: &Visible,
        (plan, c): &Self::Parent,
        _: &Input,
        _: bool,
        shown: Option<&Self>,
    ) -> Result<Form, WebError> {
        let cancel = match shown {
            Some(item) => may_cancel(v, item).await?,
            None => None,
        };
        form(ctx, v, plan, &c.party_ids, shown.map(|i| i.id), cancel).await
    }

    fn arrange(input: &mut Input, rec: &Self, (_, c): &Self::Parent) {
        arrange(input, rec, &c.party_ids);
    }
}

impl ChildForm for ActionItem {
    const PARENT: taawun_core::RecordKind = taawun_core::RecordKind::ActionPlan;

    async fn parent_for_new(ctx: &Ctx, v: &Visible, id: Id) -> Result<Self::Parent, WebError> {
        let (plan, c) = context(v, id).await?;
        let target = Target::new(Kind::ActionItem).in_commission(Some(c.id));
        may(ctx.principal(), Action::Create, &target)?;
        Ok((plan, c))
    }
}

impl Editable for ActionItem {
    async fn parent_of(v: &Visible, item: &Self) -> Result<Self::Parent, WebError> {
        context(v, item.plan_id).await
    }
}
