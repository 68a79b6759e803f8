//! `/account/calendar`: the signed-in user's calendar subscriptions. Creating one shows its
//! address once (only a hash of the token is stored); revoking one ends it at once.

use axum::extract::{Form, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rand::RngCore;
use serde::Deserialize;
use taawun_core::{Id, User};

use super::token_hash;
use crate::auth::SignedIn;
use crate::lookup::reader;
use crate::markup::{Markup, escape};
use crate::pages::views::{Crumb, render};
use crate::{AppState, ctx::Ctx, error::WebError};

struct FeedRow {
    label: String,
    created: String,
    revoked: Option<String>,
    revoke: String,
}

struct ScopeChoice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(askama::Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    /// The address of a subscription just made: shown this once.
    created: Option<String>,
    feeds: Vec<FeedRow>,
    scopes: Vec<ScopeChoice>,
}

/// The address the site is reached at: the configured public URL, else this request's host.
pub(super) fn base(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(u) = &state.auth.config.public_url {
        return u.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if state.auth.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

async fn page(
    ctx: Ctx,
    state: &AppState,
    user: &User,
    created: Option<String>,
    chosen: Option<Id>,
) -> Result<Html<String>, WebError> {
    let v = reader(state, &ctx);
    let commissions = v.commissions().await?;
    let name_of = |c: Option<Id>| match c {
        None => ctx.t("calendar-mine"),
        Some(id) => commissions
            .iter()
            .find(|x| x.id == id)
            .map(|x| ctx.plain(&x.name))
            // A commission the user may no longer see: its feed is empty, still revocable.
            .unwrap_or_else(|| ctx.t("calendar-unavailable")),
    };
    let feeds = state
        .acting(user)
        .my_calendar_feeds()
        .await?
        .into_iter()
        .map(|f| FeedRow {
            label: name_of(f.commission_id),
            created: ctx.date(&f.created_at.date_naive()),
            revoked: f.revoked_at.map(|r| ctx.date(&r.date_naive())),
            revoke: format!("/account/calendar/{}/revoke", f.id),
        })
        .collect();
    let mut scopes = vec![ScopeChoice {
        value: String::new(),
        label: ctx.t("calendar-mine"),
        selected: false,
    }];
    scopes.extend(commissions.iter().map(|c| ScopeChoice {
        value: c.id.to_string(),
        label: ctx.plain(&c.name),
        selected: chosen == Some(c.id),
    }));
    let title = ctx.t("calendar-title");
    render(&CalendarPage {
        crumbs: vec![
            Crumb::home(&ctx),
            Crumb::new("/account", Markup(escape(&ctx.t("nav-account")))),
            Crumb::new("/account/calendar", Markup(escape(&title))),
        ],
        title,
        created,
        feeds,
        scopes,
        ctx: ctx.shown(&v),
    })
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Query(q): Query<Chosen>,
) -> Result<Html<String>, WebError> {
    // `?commission=…`: the commission page's "subscribe" link, its commission chosen.
    let chosen = q.commission.as_deref().and_then(|c| c.parse().ok());
    page(ctx, &state, &user, None, chosen).await
}

#[derive(Deserialize)]
pub struct Chosen {
    commission: Option<String>,
}

#[derive(Deserialize)]
pub struct NewFeed {
    #[serde(default)]
    commission: String,
}

pub async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    headers: HeaderMap,
    Form(f): Form<NewFeed>,
) -> Result<Html<String>, WebError> {
    let commission = match f.commission.trim() {
        "" => None,
        raw => {
            let id: Id = raw
                .parse()
                .map_err(|_| WebError::BadRequest(String::from("commission")))?;
            // Only a commission the user may see can be subscribed to.
            if reader(&state, &ctx).commission(id).await?.is_none() {
                return Err(WebError::NotFound);
            }
            Some(id)
        }
    };
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    state
        .acting(&user)
        .create_calendar_feed(commission, &token_hash(&token))
        .await?;
    let url = format!(
        "{}/calendar/feeds/{token}/taawun.ics",
        base(&state, &headers)
    );
    page(ctx, &state, &user, Some(url), commission).await
}

pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id: Id = id
        .parse()
        .map_err(|_| WebError::BadRequest(String::from("feed")))?;
    // Only the user's own feeds are listed to them; another's id is unknown here.
    let own = state
        .acting(&user)
        .my_calendar_feeds()
        .await?
        .into_iter()
        .any(|f| f.id == id);
    if !own {
        return Err(WebError::NotFound);
    }
    state.acting(&user).revoke_calendar_feed(id).await?;
    Ok(Redirect::to("/account/calendar").into_response())
}
