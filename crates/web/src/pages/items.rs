//! One action item: the clauses it implements, each side's lead body and own state next to
//! the joint status and its assessment (`item_followup`), its indicator per quarter, the
//! history of progress reported by each party, and its activities.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use taawun_core::{ActionItem, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, Link, Pager, history_href, organisation_link, party_link, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

struct ProgressView {
    date: String,
    party: Link,
    /// The person who reported, when the report keeps it.
    reporter: Option<String>,
    percent: String,
    percent_value: u8,
    status: String,
    narrative: Markup,
    actual: Option<String>,
    example: bool,
    /// The report's files, when it has some or the reader may attach some.
    files: Option<crate::files::FilesView>,
}

struct ActivityView {
    kind: String,
    title: Markup,
    dates: String,
    host: Link,
    host_organisation: Option<Link>,
    place: Markup,
    participants: Vec<Markup>,
    example: bool,
    /// The activity's files, when it has some or the reader may attach some.
    files: Option<crate::files::FilesView>,
}

#[derive(Template)]
#[template(path = "item.html")]
struct ItemPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    /// The item's supporting files.
    files: crate::files::FilesView,
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    heading: Markup,
    protection: Protection,
    history: Option<String>,
    /// "Edit" / "Add …" links the reader may follow (see `forms::actions`).
    actions: Vec<super::views::Link>,
    /// The previous and next items of the plan that the reader may see.
    pager: Pager,
    /// Other items of the plan the reader may see that carry the same code (see
    /// `views::shared_codes`): the reader is one of those who can tell them apart.
    shared_code: Vec<Link>,
    code: String,
    description: Option<Markup>,
    area: Markup,
    status: String,
    status_key: &'static str,
    /// Open past its due date (`followup::overdue_on`), said beside the status.
    late: bool,
    start: String,
    due: String,
    example: bool,
    plan: Link,
    clauses: Vec<Link>,
    followup: super::item_followup::FollowupView,
    progress: Vec<ProgressView>,
    activities: Vec<ActivityView>,
    /// The sides the reader may ask for news (`item_ask`), and what a request just did.
    ask: Vec<super::item_ask::Offer>,
    asked: Option<String>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    Query(after): Query<super::item_ask::AfterAsk>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(item) = v.item(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, item, state.clock.today(), &after).await?)
}

/// Neighbours among the plan's items the reader may see, in the plan's (code) order, and
/// those of them that carry the item's code too: selected by the store, not found among
/// all the plan's items.
async fn pager(v: &Visible, item: &ActionItem) -> StoreResult<(Pager, Vec<Link>)> {
    let found = v.item_neighbours(item).await?;
    let link = |x: &ActionItem| Link {
        href: format!("/items/{}", x.id),
        label: Markup(escape(&x.code)),
    };
    let shared = found.same_code.iter().map(link).collect();
    let pager = Pager {
        prev: found.previous.as_ref().map(link),
        next: found.next.as_ref().map(link),
    };
    Ok((pager, shared))
}

async fn load(
    ctx: &Ctx,
    v: &Visible,
    item: ActionItem,
    today: chrono::NaiveDate,
    after: &super::item_ask::AfterAsk,
) -> StoreResult<ItemPage> {
    let mut lk = Lookup::new(v);
    let plan = v.plan(item.plan_id).await?;
    let mut crumbs = vec![Crumb::home(ctx)];
    if let Some(p) = &plan {
        crumbs.push(Crumb::new(
            format!("/commissions/{}", p.commission_id),
            v.commission(p.commission_id)
                .await?
                .map(|c| ctx.text(&c.name))
                .unwrap_or_default(),
        ));
    }
    let plan = Link {
        href: format!("/plans/{}", item.plan_id),
        label: plan.map(|p| ctx.text(&p.title)).unwrap_or_default(),
    };
    crumbs.push(Crumb::new(plan.href.clone(), plan.label.clone()));
    crumbs.push(Crumb::new(
        format!("/items/{}", item.id),
        Markup(escape(&item.code)),
    ));
    let mut clauses = Vec::new();
    for id in &item.clause_ids {
        if let Some(c) = v.clause(*id).await? {
            let agreement = v.agreement(c.agreement_id).await?;
            let mut label = escape(&ctx.tn("clause-number", c.number));
            if let Some(a) = agreement {
                label.push_str(&format!(" — {}", ctx.text(&a.title)));
            }
            clauses.push(Link {
                href: format!("/agreements/{}#clause-{}", c.agreement_id, c.number),
                label: Markup(label),
            });
        }
    }
    let updates = v.progress(item.id).await?;
    let ids: Vec<_> = updates.iter().map(|u| u.id).collect();
    let mut report_files = crate::files::sections(ctx, v, RecordKind::ProgressUpdate, &ids).await?;
    let mut progress = Vec::new();
    for u in &updates {
        progress.push(ProgressView {
            date: ctx.date(&u.reported_on),
            party: party_link(&mut lk, ctx, u.party_id).await?,
            reporter: u.reporter.clone(),
            percent: ctx.percent(&u.percent),
            percent_value: u.percent.min(100),
            status: ctx.label("status", u.status.key()),
            narrative: ctx.text(&u.narrative),
            actual: u.indicator_actual.map(|v| ctx.number(&v)),
            example: u.example,
            files: report_files.remove(&u.id),
        });
    }
    let followup = super::item_followup::load(ctx, &mut lk, &item, &updates, today).await?;
    let listed = v.activities(Some(item.id)).await?;
    let ids: Vec<_> = listed.iter().map(|a| a.id).collect();
    let mut activity_files = crate::files::sections(ctx, v, RecordKind::Activity, &ids).await?;
    let mut activities = Vec::new();
    for a in listed {
        let mut participants = Vec::new();
        for p in &a.participants {
            let party = party_link(&mut lk, ctx, p.party_id).await?.label;
            participants.push(Markup(format!(
                "{} {}",
                party,
                escape(&ctx.tn("participants-count", p.count))
            )));
        }
        let host_organisation = match a.host_organisation_id {
            Some(o) => organisation_link(&mut lk, ctx, o).await?,
            None => None,
        };
        activities.push(ActivityView {
            kind: ctx.label("activity", a.kind.key()),
            title: ctx.text(&a.title),
            dates: if a.start_on == a.end_on {
                ctx.date(&a.start_on)
            } else {
                format!("{} – {}", ctx.date(&a.start_on), ctx.date(&a.end_on))
            },
            host: party_link(&mut lk, ctx, a.host_party_id).await?,
            host_organisation,
            place: ctx.text(&a.place),
            participants,
            example: a.example,
            files: activity_files.remove(&a.id),
        });
    }
    let area = match lk.area(item.area_id).await? {
        Some(a) => ctx.text(&a.name),
        None => Markup(escape(&ctx.t("area-unknown"))),
    };
    let (pager, shared_code) = pager(v, &item).await?;
    let ask = super::item_ask::offers(ctx, v, &mut lk, &item).await?;
    let asked = super::item_ask::notice(ctx, &mut lk, &item, after).await?;
    let history = history_href(v, RecordKind::ActionItem, item.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::ActionItem, item.id).await?;
    let files = crate::files::section(ctx, v, RecordKind::ActionItem, item.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::ActionItem, item.id).await?;
    Ok(ItemPage {
        origin,
        files,
        title: format!("{} {}", item.code, ctx.plain(&item.title)),
        heading: ctx.text(&item.title),
        protection: item.protection,
        history,
        actions,
        pager,
        shared_code,
        code: item.code.clone(),
        description: (!item.description.is_empty()).then(|| ctx.text(&item.description)),
        area,
        status: ctx.label("status", item.status.key()),
        status_key: item.status.key(),
        late: taawun_core::followup::overdue_on(item.status, item.due_on, today),
        start: ctx.date_opt(&item.start_on),
        due: ctx.date_opt(&item.due_on),
        example: item.example,
        plan,
        clauses,
        followup,
        progress,
        activities,
        ask,
        asked,
        crumbs,
        ctx: ctx.shown(v),
    })
}
