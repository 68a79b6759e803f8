//! The agreement form (`/agreements/new`, `/agreements/{id}/edit`): kind, reference, title,
//! summary, parties, lifecycle and its dates, signatories, following commission, session,
//! duration, renewal, links to other agreements, protection.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::input::Input;
use super::page::Form;
use super::record::{Record, TopForm};
use super::spec::{Field, Item, Row, Rows, Ty};
use super::{choices, field, keep, line, optional, protection, text3};
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

impl Record for Agreement {
    fn to(&self) -> String {
        format!("/agreements/{}", self.id)
    }

    async fn keep(v: &Visible, raw: &Self, rec: &mut Self) -> StoreResult<()> {
        keep::ids(
            v,
            RecordKind::Person,
            &raw.signatory_ids,
            &mut rec.signatory_ids,
        )
        .await?;
        keep::ids(v, RecordKind::Party, &raw.party_ids, &mut rec.party_ids).await?;
        keep::entries(v, RecordKind::Agreement, &raw.links, &mut rec.links, |l| {
            l.target_id
        })
        .await?;
        keep::opt(v, RecordKind::Session, raw.session_id, &mut rec.session_id).await?;
        keep::opt(
            v,
            RecordKind::Commission,
            raw.commission_id,
            &mut rec.commission_id,
        )
        .await
    }
}

impl TopForm for Agreement {
    fn may_create(ctx: &Ctx) -> Result<(), WebError> {
        may_create(ctx)
    }

    fn blank(user: &User) -> Self {
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
