//! Who is asking: the login mark kept in the session, the `Who` every handler and template
//! sees (request extension and the page context's task-local), and the gate middleware that
//! resolves it, enforces the timeouts, checks CSRF, and sends anonymous readers to the login
//! page unless the instance is a demo.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use taawun_core::{Id, Party, Principal, User};
use tower_sessions::Session;

use super::csrf;
use crate::{AppState, ctx, error::WebError, markup};

/// Session entry naming the logged-in user.
pub const LOGIN: &str = "auth";

/// What the session remembers of a login; instants are Unix seconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginMark {
    pub user: Id,
    /// When the password (and code) were given; the absolute timeout counts from here.
    pub login_at: i64,
    /// Last request seen; the idle timeout counts from here.
    pub seen_at: i64,
    /// Fingerprint of the password hash the login was made with: once the password changes
    /// (by its owner or an administrator) every other login of the account ends.
    #[serde(default)]
    pub key: String,
}

/// A short, one-way fingerprint of a stored password hash: enough to notice it changed,
/// useless for guessing the password.
pub fn password_key(password_hash: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(password_hash.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The person behind a request.
#[derive(Debug, Clone)]
pub struct Who {
    /// The logged-in user, active; `None` for an anonymous visitor.
    pub user: Option<User>,
    /// What permission decisions are made for: the user's, or a demo visitor's.
    pub principal: Principal,
    /// The user's party, for the header.
    pub party: Option<Party>,
    /// The session's CSRF token; empty when there is no session (nothing to protect).
    pub csrf: String,
    /// The user's unread notifications about records they may see, for the header.
    pub unread: u32,
    /// The Arabic usage the user chose for dates (`fmt::date_in`); none: the installation's.
    pub arabic_dates: Option<String>,
}

impl Who {
    pub fn anonymous() -> Self {
        Who {
            user: None,
            principal: Principal::visitor(),
            party: None,
            csrf: String::new(),
            unread: 0,
            arabic_dates: None,
        }
    }
}

/// Paths anyone may reach without logging in, even outside demo mode.
fn is_public(path: &str) -> bool {
    path == "/login"
        || path == "/login/code"
        || path == "/healthz"
        || path.starts_with("/static/")
        || path.starts_with("/lang/")
        // Calendar applications send no cookie: these feeds are opened by their secret token.
        || path.starts_with("/calendar/feeds/")
}

/// `/login?next=…` for the page being asked for.
pub fn login_href(next: &str) -> String {
    if next == "/" {
        String::from("/login")
    } else {
        format!("/login?next={}", markup::query_encode(next))
    }
}

fn see_other(location: &str) -> Response {
    let value = HeaderValue::from_str(location).unwrap_or_else(|_| HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, value)]).into_response()
}

fn secs(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// The logged-in user of this session, ending the login if it timed out or the account is
/// gone or disabled. Returns whether a login ended, for the "session ended" notice.
async fn resolve(state: &AppState, session: &Session) -> Result<(Option<User>, bool), WebError> {
    let Some(mut mark) = session.get::<LoginMark>(LOGIN).await.map_err(internal)? else {
        return Ok((None, false));
    };
    let cfg = &state.auth.config;
    let now = Utc::now().timestamp();
    let too_old = now.saturating_sub(mark.login_at) >= secs(cfg.absolute_timeout);
    let idle = now.saturating_sub(mark.seen_at) >= secs(cfg.idle_timeout);
    if too_old || idle {
        session.flush().await.map_err(internal)?;
        return Ok((None, true));
    }
    let (user, current) = match state.logins().account(mark.user).await? {
        Some((u, current)) if u.active => (u, current),
        _ => {
            session.flush().await.map_err(internal)?;
            return Ok((None, true));
        }
    };
    if current.map(|c| password_key(&c.password_hash)).as_deref() != Some(mark.key.as_str()) {
        session.flush().await.map_err(internal)?;
        return Ok((None, true));
    }
    // Touch the session now and then, not on every request: each touch is a write, and
    // the idle timeout needs only coarse precision (a tenth of it, at most a minute).
    let refresh = (secs(cfg.idle_timeout) / 10).clamp(0, 60);
    if now.saturating_sub(mark.seen_at) >= refresh {
        mark.seen_at = now;
        session.insert(LOGIN, &mark).await.map_err(internal)?;
    }
    Ok((Some(user), false))
}

pub fn internal(e: impl std::fmt::Display) -> WebError {
    WebError::Internal(format!("session: {e}"))
}

/// Middleware: who is asking, CSRF on every state-changing request, and the login wall.
pub async fn gate(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    // A partner instance's signed request is its own door: no session, no CSRF token. One
    // that does not verify goes on as any request would, so it meets what a path that does
    // not exist meets (the login page, or not found).
    let req = match crate::pages::exchange_api::door(&state, req).await {
        Ok(req) => return next.run(req).await,
        Err(req) => req,
    };
    match admit(&state, &session, req).await {
        Ok(Admitted::Go(req)) => {
            ctx::within_request(req, state.demo, state.clock.today(), next).await
        }
        Ok(Admitted::Answer(res)) => res,
        Err(e) => e.into_response(),
    }
}

enum Admitted {
    Go(Request),
    Answer(Response),
}

async fn admit(state: &AppState, session: &Session, req: Request) -> Result<Admitted, WebError> {
    let (user, ended) = resolve(state, session).await?;
    let token = session.get::<String>(csrf::FIELD).await.map_err(internal)?;
    let mut req = req;
    if csrf::is_state_changing(req.method()) {
        let public = state.auth.config.public_url.as_deref();
        let checked = match csrf::check_origin(&req, public) {
            Ok(()) => csrf::check_token(req, token.as_deref()).await,
            Err(r) => Err(r),
        };
        req = checked.map_err(|r| match r {
            csrf::Refusal::TooLarge => WebError::TooLarge,
            r => {
                tracing::info!(refusal = ?r, "state-changing request refused (CSRF)");
                WebError::Csrf
            }
        })?;
    }
    let path = req.uri().path();
    if user.is_none() && !state.demo && !is_public(path) {
        let wanted = req.uri().path_and_query().map_or("/", |p| p.as_str());
        let mut to = login_href(wanted);
        if ended {
            to.push_str(if to.contains('?') {
                "&ended=1"
            } else {
                "?ended=1"
            });
        }
        return Ok(Admitted::Answer(see_other(&to)));
    }
    let principal = user
        .as_ref()
        .map_or_else(Principal::visitor, User::principal);
    // The header's party, read as the user sees it like any other record, and their unread
    // notifications: one round trip.
    let header = match &user {
        Some(_) => crate::pages::notifications::header(state, &principal).await?,
        None => taawun_store::HeaderRow::default(),
    };
    let (party, unread, arabic_dates) = (header.party, header.unread, header.arabic_dates);
    let who = Who {
        arabic_dates,
        unread,
        principal,
        user,
        party,
        csrf: token.unwrap_or_default(),
    };
    req.extensions_mut().insert(Arc::new(who));
    Ok(Admitted::Go(req))
}

/// Extractor for pages that need a logged-in user (their account): an anonymous demo
/// visitor is sent to the login page instead.
pub struct SignedIn(pub User);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let user = parts
            .extensions
            .get::<Arc<Who>>()
            .and_then(|w| w.user.clone());
        match user {
            Some(u) => Ok(SignedIn(u)),
            None => {
                let wanted = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                Err(see_other(&login_href(wanted)))
            }
        }
    }
}
