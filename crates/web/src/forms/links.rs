//! The "Edit" and "Add …" links of the read pages: shown only when `Visible::allows` (for
//! the record itself) or `decide` (for a record to create under it) says the reader may
//! follow them. The write path decides again on save; this only spares useless links.

use taawun_core::{Action, Id, Kind, RecordKind, Target, decide};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::markup::{Markup, escape};
use crate::pages::views::Link;

fn link(href: String, label: String) -> Link {
    Link {
        href,
        label: Markup(escape(&label)),
    }
}

/// Whether the reader may create a record of `kind` in `commission`.
fn may_create(v: &Visible, kind: Kind, commission: Option<Id>, leads: Vec<Id>) -> bool {
    let t = Target::new(kind).in_commission(commission).led_by(leads);
    decide(v.principal(), Action::Create, &t).is_ok()
}

/// The path segment of the edit form of records of this kind (`/{segment}/{id}/edit`);
/// `None` for kinds edited elsewhere (clauses, reports and activities under their parent's
/// page, users in the administration pages).
fn edit_segment(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Session => Some("sessions"),
        RecordKind::Commission => Some("commissions"),
        RecordKind::Agreement => Some("agreements"),
        RecordKind::ActionPlan => Some("plans"),
        RecordKind::ActionItem => Some("items"),
        RecordKind::Person => Some("people"),
        RecordKind::Organisation => Some("organisations"),
        RecordKind::Party => Some("parties"),
        RecordKind::Rank => Some("ranks"),
        RecordKind::Area => Some("areas"),
        RecordKind::Clause
        | RecordKind::ProgressUpdate
        | RecordKind::Activity
        | RecordKind::User => None,
    }
}

/// The links for the record of kind `entity` with this id.
pub async fn actions(ctx: &Ctx, v: &Visible, entity: RecordKind, id: Id) -> StoreResult<Vec<Link>> {
    let mut out = Vec::new();
    let editable = v.allows(Action::Edit, entity, id).await?;
    let Some(path) = edit_segment(entity) else {
        return Ok(out);
    };
    if editable {
        out.push(link(format!("/{path}/{id}/edit"), ctx.t("action-edit")));
    }
    match entity {
        // A session's parts are edited on their own pages, by whoever edits the session.
        RecordKind::Session => {
            let parts = [
                ("delegations", "action-edit-delegations"),
                ("agenda", "action-edit-agenda"),
                ("decisions", "action-edit-decisions"),
                ("statements", "action-edit-statements"),
                ("side-events", "action-edit-side-events"),
            ];
            if editable {
                for (seg, label) in parts {
                    out.push(link(format!("/sessions/{id}/{seg}"), ctx.t(label)));
                }
            }
        }
        RecordKind::Commission => {
            if may_create(v, Kind::CommissionWork, Some(id), vec![]) {
                out.push(link(
                    format!("/commissions/{id}/sessions/new"),
                    ctx.t("action-add-session"),
                ));
                out.push(link(
                    format!("/commissions/{id}/plans/new"),
                    ctx.t("action-add-plan"),
                ));
            }
        }
        RecordKind::Agreement => {
            let commission = v.agreement(id).await?.and_then(|a| a.commission_id);
            if may_create(v, Kind::CommissionWork, commission, vec![]) {
                out.push(link(
                    format!("/agreements/{id}/clauses/new"),
                    ctx.t("action-add-clause"),
                ));
            }
        }
        RecordKind::ActionPlan => {
            let commission = v.plan(id).await?.map(|p| p.commission_id);
            if may_create(v, Kind::ActionItem, commission, vec![]) {
                out.push(link(
                    format!("/plans/{id}/items/new"),
                    ctx.t("action-add-item"),
                ));
                out.push(link(format!("/plans/{id}/import"), ctx.t("import-offer")));
            }
        }
        RecordKind::ActionItem => item_links(ctx, v, id, &mut out).await?,
        // Nothing is created under these from their own page.
        RecordKind::Person
        | RecordKind::Organisation
        | RecordKind::Party
        | RecordKind::Rank
        | RecordKind::Area
        | RecordKind::Clause
        | RecordKind::ProgressUpdate
        | RecordKind::Activity
        | RecordKind::User => {}
    }
    Ok(out)
}

async fn item_links(ctx: &Ctx, v: &Visible, id: Id, out: &mut Vec<Link>) -> StoreResult<()> {
    let Some(item) = v.item(id).await? else {
        return Ok(());
    };
    let commission = v.plan(item.plan_id).await?.map(|p| p.commission_id);
    let leads: Vec<Id> = item.leads.iter().map(|l| l.party_id).collect();
    let reports = leads.iter().any(|side| {
        let t = Target::new(Kind::ProgressUpdate)
            .in_commission(commission)
            .led_by(leads.clone())
            .reported_by(*side);
        decide(v.principal(), Action::Create, &t).is_ok()
    });
    if reports {
        out.push(link(
            format!("/items/{id}/progress/new"),
            ctx.t("action-add-progress"),
        ));
    }
    if may_create(v, Kind::Activity, commission, leads) {
        out.push(link(
            format!("/items/{id}/activities/new"),
            ctx.t("action-add-activity"),
        ));
    }
    Ok(())
}

/// The "New …" links of a list page (`agreements`, `commissions`) or of a party's page
/// (`party`, for its organisations and people), shown when the reader may create one.
pub fn list_actions(ctx: &Ctx, v: &Visible, list: &str) -> Vec<Link> {
    let p = v.principal();
    // A secretariat creates agreements for one of its commissions; any of them will do here.
    let some_commission = p.commissions.first().copied();
    let mut out = Vec::new();
    match list {
        "agreements" if may_create(v, Kind::Agreement, some_commission, vec![]) => {
            out.push(link(
                "/agreements/new".into(),
                ctx.t("action-new-agreement"),
            ));
        }
        "commissions" if may_create(v, Kind::Commission, None, vec![]) => {
            out.push(link(
                "/commissions/new".into(),
                ctx.t("action-new-commission"),
            ));
        }
        "party" if may_create(v, Kind::Registry, None, vec![]) => {
            out.push(link(
                "/organisations/new".into(),
                ctx.t("action-new-organisation"),
            ));
            out.push(link("/people/new".into(), ctx.t("action-new-person")));
        }
        "ranks" if may_create(v, RecordKind::Rank.access(), None, vec![]) => {
            out.push(link("/ranks/new".into(), ctx.t("action-new-rank")));
        }
        "parties" | "areas" if may_create(v, Kind::Taxonomy, None, vec![]) => {
            let label = match list {
                "parties" => ctx.t("action-new-party"),
                _ => ctx.t("action-new-area"),
            };
            out.push(link(format!("/{list}/new"), label));
        }
        _ => {}
    }
    out
}
