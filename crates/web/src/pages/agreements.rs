//! Agreements: the list, and one agreement with its lifecycle, signatories, clauses, the
//! action items implementing them, and its links to other agreements.

use askama::Template;
use axum::extract::Query;
use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use axum::response::Html;
use taawun_core::{Agreement, Lifecycle, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::paging::{self, PageQuery};

use super::home::{AgreementRow, agreement_row};
use super::views::{Crumb, Head, ItemRow, Link, PersonRow, item_rows, lead_heads, parties_links};
use super::views::{history_href, people_rows, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

#[derive(Template)]
#[template(path = "agreements.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    agreements: Vec<AgreementRow>,
    actions: Vec<Link>,
    /// How many agreements the reader sees, all pages together.
    count: String,
    pager: super::views::Pager,
}

/// Agreements per page of the list.
const PAGE: u64 = 50;

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Html<String>, WebError> {
    let wanted = query.map(|q| q.0).unwrap_or_default().number();
    let v = reader(&state, &ctx);
    let (found, page) = paging::fetch(wanted, PAGE, |w| v.agreements_window(None, w)).await?;
    let title = ctx.t("agreements-title");
    let ctx = ctx.shown(&v);
    render(&ListPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/agreements", Markup(escape(&title))),
        ],
        agreements: found.rows.iter().map(|a| agreement_row(&ctx, a)).collect(),
        actions: crate::forms::list_actions(&ctx, &v, "agreements"),
        count: paging::count_text(&ctx, "agreements-count", &found),
        pager: paging::pager(&found, page, PAGE, |n| format!("/agreements?page={n}")),
        title,
        ctx,
    })
}

/// One step of the lifecycle timeline.
struct Step {
    label: String,
    date: String,
    reached: bool,
    current: bool,
}

struct ClauseView {
    number: u32,
    heading: Option<Markup>,
    text: Markup,
    areas: Vec<Markup>,
    items: Vec<Link>,
    example: bool,
    /// Another article of the agreement the reader may see has the same number.
    shared_code: bool,
}

#[derive(Template)]
#[template(path = "agreement.html")]
struct ShowPage {
    /// "Recorded on the instance of Bamako…": a partner instance's record (issue 16).
    origin: Option<String>,
    /// The signed original's scan and the agreement's other files.
    files: crate::files::FilesView,
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
    kind: String,
    status: String,
    reference: Option<String>,
    parties: Vec<Link>,
    summary: Option<Markup>,
    place: Option<Markup>,
    duration: Option<String>,
    renewal: Option<Markup>,
    session: Option<Link>,
    steps: Vec<Step>,
    people: Vec<PersonRow>,
    with_role: bool,
    clauses: Vec<ClauseView>,
    links: Vec<(String, Link)>,
    items: Vec<ItemRow>,
    lead_heads: Vec<Head>,
    plans: Vec<Link>,
    /// The text and the status report as PDF.
    offers: Vec<crate::documents::PdfOffer>,
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let Some(a) = v.agreement(id).await? else {
        return Err(WebError::NotFound);
    };
    render(&load(&ctx, &v, a).await?)
}

/// Draft → signed → in force → ended, each with its date when known. The last step is
/// named by how the agreement ended, or generically while it has not.
fn timeline(ctx: &Ctx, a: &Agreement) -> Vec<Step> {
    let s = a.status;
    let signed = s != Lifecycle::Draft || a.signed_on.is_some();
    let in_force = s == Lifecycle::InForce || a.in_force_on.is_some();
    let ended = if s.is_ended() {
        ctx.label("lifecycle", s.key())
    } else {
        ctx.t("lifecycle-ended")
    };
    let step =
        |label: String, date: Option<chrono::NaiveDate>, reached: bool, current: bool| Step {
            label,
            date: date.map(|d| ctx.date(&d)).unwrap_or_default(),
            reached,
            current,
        };
    vec![
        step(
            ctx.label("lifecycle", "draft"),
            None,
            true,
            s == Lifecycle::Draft,
        ),
        step(
            ctx.label("lifecycle", "signed"),
            a.signed_on,
            signed,
            s == Lifecycle::Signed,
        ),
        step(
            ctx.label("lifecycle", "in_force"),
            a.in_force_on,
            in_force,
            s == Lifecycle::InForce,
        ),
        step(ended, a.ended_on, s.is_ended(), s.is_ended()),
    ]
}

async fn load(ctx: &Ctx, v: &Visible, a: Agreement) -> StoreResult<ShowPage> {
    let mut lk = Lookup::new(v);
    let items = v.items_for_agreement(a.id).await?;
    let mut clauses = Vec::new();
    let all = v.clauses(a.id).await?;
    let shared = super::views::shared_codes(&all, |c| c.number);
    for (c, shared_code) in all.into_iter().zip(shared) {
        let mut areas = Vec::new();
        for id in &c.area_ids {
            areas.extend(lk.area(*id).await?.map(|x| ctx.text(&x.name)));
        }
        let items = items
            .iter()
            .filter(|i| i.clause_ids.contains(&c.id))
            .map(|i| Link {
                href: format!("/items/{}", i.id),
                label: Markup(escape(&i.code)),
            })
            .collect();
        clauses.push(ClauseView {
            number: c.number,
            heading: (!c.heading.is_empty()).then(|| ctx.text(&c.heading)),
            text: ctx.text(&c.text),
            areas,
            items,
            example: c.example,
            shared_code,
        });
    }
    let links = links(ctx, v, &a).await?;
    let session = match a.session_id {
        Some(sid) => v.session(sid).await?.map(|s| Link {
            href: format!("/sessions/{sid}"),
            label: Markup(escape(&super::sessions::ordinal_title(ctx, s.ordinal))),
        }),
        None => None,
    };
    let mut crumbs = vec![Crumb::home(ctx)];
    match &session {
        Some(s) => crumbs.push(Crumb::new(s.href.clone(), s.label.clone())),
        None => crumbs.push(Crumb::new(
            "/agreements",
            Markup(escape(&ctx.t("nav-agreements"))),
        )),
    }
    crumbs.push(Crumb::new(
        format!("/agreements/{}", a.id),
        ctx.text(&a.title),
    ));
    let columns = a.party_ids.clone();
    let parties = parties_links(&mut lk, ctx, &a.party_ids).await?;
    let people = people_rows(&mut lk, ctx, &a.signatory_ids).await?;
    let item_rows = item_rows(&mut lk, ctx, &items, &columns).await?;
    let lead_heads = lead_heads(&mut lk, ctx, &columns).await?;
    let plans = v
        .plans_for(a.id)
        .await?
        .iter()
        .map(|p| Link {
            href: format!("/plans/{}", p.id),
            label: ctx.text(&p.title),
        })
        .collect();
    let history = history_href(v, RecordKind::Agreement, a.id).await?;
    let actions = crate::forms::actions(ctx, v, RecordKind::Agreement, a.id).await?;
    let files = crate::files::section(ctx, v, RecordKind::Agreement, a.id).await?;
    let origin = crate::pages::describe::origin(ctx, v, RecordKind::Agreement, a.id).await?;
    Ok(ShowPage {
        origin,
        files,
        title: ctx.plain(&a.title),
        heading: ctx.text(&a.title),
        protection: a.protection,
        history,
        followup: (
            format!("/dashboard/agreements/{}", a.id),
            ctx.t("dashboard-link"),
        ),
        actions,
        kind: ctx.label("kind", a.kind.key()),
        status: ctx.label("lifecycle", a.status.key()),
        reference: a.reference.clone().filter(|r| !r.trim().is_empty()),
        parties,
        summary: (!a.summary.is_empty()).then(|| ctx.text(&a.summary)),
        place: (!a.signed_place.is_empty()).then(|| ctx.text(&a.signed_place)),
        duration: a.duration_months.map(|m| ctx.tn("months-count", m)),
        renewal: (!a.renewal_terms.is_empty()).then(|| ctx.text(&a.renewal_terms)),
        steps: timeline(ctx, &a),
        people,
        with_role: false,
        clauses,
        links,
        items: item_rows,
        lead_heads,
        plans,
        session,
        crumbs,
        offers: vec![
            crate::documents::pdf_offer(
                ctx,
                format!("/agreements/{}/text.pdf", a.id),
                "doc-agreement-text",
            ),
            crate::documents::pdf_offer(
                ctx,
                format!("/agreements/{}/report.pdf", a.id),
                "doc-report",
            ),
        ],
        ctx: ctx.shown(v),
    })
}

/// Links both ways: what this agreement amends/supersedes/implements, and which agreements
/// amend/supersede/implement it (the store's `agreement_links`, with the reader's visibility).
async fn links(ctx: &Ctx, v: &Visible, a: &Agreement) -> StoreResult<Vec<(String, Link)>> {
    let mut out = Vec::new();
    for l in &a.links {
        if let Some(t) = v.agreement(l.target_id).await? {
            out.push((ctx.label("link", l.kind.key()), to_link(ctx, &t)));
        }
    }
    // Only agreements the reader sees: a hidden one's links to this one stay hidden.
    for other in v.agreements_linking_to(a.id).await? {
        for l in other.links.iter().filter(|l| l.target_id == a.id) {
            out.push((ctx.label("link-in", l.kind.key()), to_link(ctx, &other)));
        }
    }
    Ok(out)
}

fn to_link(ctx: &Ctx, a: &Agreement) -> Link {
    Link {
        href: format!("/agreements/{}", a.id),
        label: ctx.text(&a.title),
    }
}
