//! An action plan: its items grouped by area of cooperation, with status, due date and the
//! lead bodies of both sides side by side.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{ActionItem, ActionPlan, Id, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::paging;

use super::views::{
    Crumb, Head, ItemRow, Link, Pager, history_href, item_rows, lead_heads, render,
};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

struct Group {
    area: Markup,
    count: String,
    items: Vec<ItemRow>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    protection: Protection,
    history: Option<String>,
    /// Its follow-up view (dashboard or timeline): href and link text.
    followup: (String, String),
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    period: String,
    commission: Link,
    agreement: Option<Link>,
    session: Option<Link>,
    total: String,
    groups: Vec<Group>,
    lead_heads: Vec<Head>,
    /// Previous and next pages of a plan too long for one.
    pager: Pager,
    /// "120 items imported.", after an import lands here.
    notice: Option<String>,
    /// The plan's items as a spreadsheet (xlsx, csv): the sheet its import reads back.
    export: (String, String),
    /// The plan's status report as PDF.
    offers: Vec<crate::documents::PdfOffer>,
}

/// `?imported=N&updated=M`: where an import sends the reader once its rows are saved (N
/// items created, M updated); `?page=N`: which page of a long plan's items.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct Landing {
    imported: Option<usize>,
    updated: Option<usize>,
    page: Option<u32>,
}

/// Items per page of a plan: a plan of a few dozen items shows whole, one of thousands a
/// hundred at a time.
const PAGE: u64 = 100;

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    landing: Result<axum::extract::Query<Landing>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(plan) = v.plan(id).await? else {
        return Err(WebError::NotFound);
    };
    // A malformed query only loses the notice and the page number: the plan still shows.
    let landing = landing.map(|q| q.0).unwrap_or_default();
    let wanted = u64::from(landing.page.unwrap_or(1).max(1));
    let mut page = load(&ctx, &v, plan, wanted).await?;
    page.notice = match (landing.imported, landing.updated) {
        (None, None) => None,
        (created, updated) => Some(
            [
                created
                    .filter(|n| *n > 0 || updated.unwrap_or(0) == 0)
                    .map(|n| ctx.tn("import-done", n)),
                updated
                    .filter(|n| *n > 0)
                    .map(|n| ctx.tn("import-updated", n)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        ),
    };
    render(&page)
}

/// Items by area, areas in the order their first item appears in the plan (plans are
/// printed that way: 1.x training, 2.x expertise…).
fn by_area(items: Vec<ActionItem>) -> Vec<(Id, Vec<ActionItem>)> {
    let mut groups: Vec<(Id, Vec<ActionItem>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(a, _)| *a == item.area_id) {
            Some((_, list)) => list.push(item),
            None => groups.push((item.area_id, vec![item])),
        }
    }
    groups
}

async fn load(ctx: &Ctx, v: &Visible, plan: ActionPlan, page: u64) -> StoreResult<PlanPage> {
    let mut lk = Lookup::new(v);
    let commission = v.commission(plan.commission_id).await?;
    let columns = commission
        .as_ref()
        .map(|c| c.party_ids.clone())
        .unwrap_or_default();
    let commission = Link {
        href: format!("/commissions/{}", plan.commission_id),
        label: commission.map(|c| ctx.text(&c.name)).unwrap_or_default(),
    };
    let agreement = match plan.agreement_id {
        Some(id) => v.agreement(id).await?.map(|a| Link {
            href: format!("/agreements/{id}"),
            label: ctx.text(&a.title),
        }),
        None => None,
    };
    let session = match plan.session_id {
        Some(id) => v.session(id).await?.map(|s| Link {
            href: format!("/sessions/{id}"),
            label: Markup(escape(&super::sessions::ordinal_title(ctx, s.ordinal))),
        }),
        None => None,
    };
    // Only visible items: the total and each area's count must not count hidden ones.
    let (found, page) = paging::fetch(page, PAGE, |w| v.plan_items(plan.id, w)).await?;
    let total = paging::count_text(ctx, "items-count", &found);
    // A plan on one page counts each area's items; a longer one groups the page's items
    // under their areas, whose counts would cover only that page.
    let whole = page == 1 && paging::pages(&found, PAGE) == Some(1);
    let pager = paging::pager(&found, page, PAGE, |n| {
        format!("/plans/{}?page={n}", plan.id)
    });
    let areas = found.rows.iter().map(|i| (RecordKind::Area, i.area_id));
    lk.prefetch(areas.collect()).await?;
    // The page's items at once: each area's table then asks nothing more.
    lk.at_risk(&found.rows, ctx.today).await?;
    let mut groups = Vec::new();
    for (area_id, list) in by_area(found.rows) {
        let area = match lk.area(area_id).await? {
            Some(a) => ctx.text(&a.name),
            None => Markup(escape(&ctx.t("area-unknown"))),
        };
        groups.push(Group {
            area,
            count: if whole {
                ctx.tn("items-count", list.len())
            } else {
                String::new()
            },
            items: item_rows(&mut lk, ctx, &list, &columns).await?,
        });
    }
    let mut crumbs = vec![
        Crumb::home(ctx),
        Crumb::new(commission.href.clone(), commission.label.clone()),
    ];
    if let Some(s) = &session {
        crumbs.push(Crumb::new(s.href.clone(), s.label.clone()));
    }
    crumbs.push(Crumb::new(
        format!("/plans/{}", plan.id),
        ctx.text(&plan.title),
    ));
    let lead_heads = lead_heads(&mut lk, ctx, &columns).await?;
    let history = history_href(v, RecordKind::ActionPlan, plan.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::ActionPlan, plan.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::ActionPlan, plan.id).await?;
    Ok(PlanPage {
        origin,
        title: ctx.plain(&plan.title),
        heading: ctx.text(&plan.title),
        protection: plan.protection,
        history,
        followup: (
            format!("/plans/{}/timeline", plan.id),
            ctx.t("timeline-link"),
        ),
        actions,
        period: match (plan.start_on, plan.end_on) {
            (None, None) => String::from("—"),
            (a, b) => format!("{} – {}", ctx.date_opt(&a), ctx.date_opt(&b)),
        },
        lead_heads,
        commission,
        agreement,
        session,
        total,
        groups,
        pager,
        crumbs,
        notice: None,
        export: (
            format!("/export/items.xlsx?plan={}", plan.id),
            format!("/export/items.csv?plan={}", plan.id),
        ),
        offers: vec![crate::documents::pdf_offer(
            ctx,
            format!("/plans/{}/report.pdf", plan.id),
            "doc-report",
        )],
        ctx: ctx.shown(v),
    })
}
