//! The home page: commissions, recent sessions, agreements in force, open action items.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Lifecycle, RecordKind};
use taawun_store::{StoreResult, Visible, Window};

use super::views::{Crumb, Head, ItemRow, Link, item_rows, lead_heads, parties_links, render};
use crate::lookup::{Lookup, reader};
use crate::{AppState, ctx::Ctx, error::WebError, markup::Markup};

const RECENT_SESSIONS: u64 = 5;
const OPEN_ITEMS: u32 = 10;
/// A ministry may hold hundreds of commissions and thousands of agreements: the home page
/// shows the first ones and links to their full lists when there are more.
const COMMISSIONS: u64 = 12;
const AGREEMENTS: u64 = 10;

/// The first `n` rows, counted no further than whether there are more.
fn first(n: u64) -> Window {
    Window {
        offset: 0,
        limit: n,
        count_to: n,
    }
}

pub struct CommissionRow {
    pub href: String,
    pub name: Markup,
    pub parties: Vec<Link>,
}

pub struct SessionRow {
    pub href: String,
    pub title: String,
    pub commission: Markup,
    pub dates: String,
    pub place: Markup,
    /// Another session of the list has the same number in the same commission.
    pub shared_code: bool,
}

pub struct AgreementRow {
    pub href: String,
    pub title: Markup,
    pub kind: String,
    pub status: String,
    pub signed: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    commissions: Vec<CommissionRow>,
    /// Whether more commissions are visible than shown: the list then links to all.
    more_commissions: bool,
    sessions: Vec<SessionRow>,
    agreements: Vec<AgreementRow>,
    more_agreements: bool,
    items: Vec<ItemRow>,
    lead_heads: Vec<Head>,
}

pub(crate) async fn home(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let page = load(&ctx, &v).await?;
    render(&page)
}

async fn load(ctx: &Ctx, v: &Visible) -> StoreResult<HomePage> {
    let mut lk = Lookup::new(v);
    let commissions = v.commissions_window(first(COMMISSIONS)).await?;
    let parties = commissions.rows.iter().flat_map(|c| &c.party_ids);
    lk.prefetch(parties.map(|p| (RecordKind::Party, *p)).collect())
        .await?;
    let mut commission_rows = Vec::new();
    for c in &commissions.rows {
        commission_rows.push(CommissionRow {
            href: format!("/commissions/{}", c.id),
            name: ctx.text(&c.name),
            parties: parties_links(&mut lk, ctx, &c.party_ids).await?,
        });
    }
    let mut sessions = Vec::new();
    for s in v.sessions_window(None, first(RECENT_SESSIONS)).await?.rows {
        let commission = v.commission(s.commission_id).await?;
        sessions.push(session_row(ctx, &s, commission.as_ref().map(|c| &c.name)));
    }
    let in_force = v
        .agreements_window(Some(Lifecycle::InForce), first(AGREEMENTS))
        .await?;
    let agreements = in_force
        .rows
        .iter()
        .map(|a| agreement_row(ctx, a))
        .collect();
    let open = v.open_items(OPEN_ITEMS).await?;
    let items = item_rows(&mut lk, ctx, &open, &[]).await?;
    let lead_heads = lead_heads(&mut lk, ctx, &[]).await?;
    Ok(HomePage {
        title: ctx.t("home-title"),
        crumbs: Vec::new(),
        commissions: commission_rows,
        more_commissions: commissions.more,
        sessions,
        agreements,
        more_agreements: in_force.more,
        items,
        lead_heads,
        // Last: the banner covers every read above.
        ctx: ctx.shown(v),
    })
}

/// A session as lists show it: "1st session", its commission, dates and place.
pub fn session_row(
    ctx: &Ctx,
    s: &taawun_core::Session,
    commission: Option<&taawun_core::LocalizedText>,
) -> SessionRow {
    SessionRow {
        href: format!("/sessions/{}", s.id),
        title: super::sessions::ordinal_title(ctx, s.ordinal),
        commission: commission.map(|c| ctx.text(c)).unwrap_or_default(),
        dates: super::sessions::date_range(ctx, s),
        place: ctx.text(&s.place),
        shared_code: false,
    }
}

pub fn agreement_row(ctx: &Ctx, a: &taawun_core::Agreement) -> AgreementRow {
    AgreementRow {
        href: format!("/agreements/{}", a.id),
        title: ctx.text(&a.title),
        kind: ctx.label("kind", a.kind.key()),
        status: ctx.label("lifecycle", a.status.key()),
        signed: ctx.date_opt(&a.signed_on),
    }
}
