//! Calendar feeds (iCalendar, RFC 5545) that calendar applications subscribe to:
//! `/calendar/feeds/{token}/taawun.ics` — a subscription made on `/account/calendar`,
//! one commission's or the user's own, authenticated by its secret token because calendar
//! applications send no login cookie; `/calendar/commissions/{id}/taawun.ics` — a
//! commission's feed for whoever is reading (the demo's visitors, or a signed-in browser).
//! A token shows exactly what its user may see today; revoking it ends the feed at once.

pub(crate) mod account;
mod events;

pub use events::Feed;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use taawun_core::Lang;
use taawun_store::Visible;

use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// The stored form of a feed token (the token itself is shown once, never kept).
pub fn token_hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

async fn respond(
    v: &Visible,
    feed: Feed,
    lang: Lang,
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Response, WebError> {
    // Every event links back to its record: at the configured public address, else at the
    // host the calendar application asked.
    let base = account::base(state, headers);
    let calendar = events::build(v, feed, lang, chrono::Utc::now(), &base).await?;
    let body = taawun_docs::ics(&calendar);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        body,
    )
        .into_response())
}

fn lang_of(q: &LangQuery, fallback: Lang) -> Lang {
    q.lang.as_deref().and_then(Lang::parse).unwrap_or(fallback)
}

pub(crate) async fn by_token(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    // Tokens are 64 hex digits; anything else cannot be one (and is not hashed for nothing).
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::NotFound);
    }
    let feed = state
        .logins()
        .calendar_feed_by_token(&token_hash(&token))
        .await?
        .ok_or(WebError::NotFound)?;
    let user = state
        .logins()
        .user(feed.user_id)
        .await?
        .filter(|u| u.active)
        .ok_or(WebError::NotFound)?;
    // Deliberately the feed owner's view, not the request's: a feed is opened by its token,
    // without a login, and holds exactly what its owner's own pages would show.
    let v = crate::lookup::reader_of(&state, &user.principal());
    let scope = match feed.commission_id {
        Some(c) => Feed::Commission(c),
        None => Feed::Mine,
    };
    let lang = lang_of(&q, user.language.unwrap_or(Lang::Fr));
    respond(&v, scope, lang, &state, &headers).await
}

pub(crate) async fn of_commission(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let v = crate::lookup::reader(&state, &ctx);
    if v.commission(id).await?.is_none() {
        return Err(WebError::NotFound);
    }
    respond(
        &v,
        Feed::Commission(id),
        lang_of(&q, ctx.lang),
        &state,
        &headers,
    )
    .await
}
