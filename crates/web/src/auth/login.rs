//! The steps of a login, apart from HTTP: count the attempt against the throttle, check
//! the password, then the second factor; mark the session logged in with a fresh id and a
//! fresh CSRF token.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::time::Duration;
use taawun_core::{Id, User};
use tower_sessions::Session;

use super::throttle::Counted;
use super::who::{LOGIN, LoginMark, internal};
use super::{csrf, totp};
use crate::{AppState, error::WebError};

/// Session entry of a login waiting for its second factor.
const PENDING: &str = "pending";
/// Time allowed between the password and the code.
const PENDING_FOR: i64 = 5 * 60;

/// A password accepted for an account with a second factor, waiting for the code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    pub user: Id,
    pub at: i64,
    pub next: String,
}

pub enum Outcome {
    /// Too many failures: try again after this long.
    Throttled(Duration),
    /// Wrong username, password or code (one answer for all, so accounts cannot be probed).
    Refused,
    /// Password right, second factor needed.
    NeedsCode(User),
    Done(User),
}

/// Counts the attempt before anything is checked (see `throttle`): `Err` with the wait
/// when the account or the address is over its limit.
async fn count(
    state: &AppState,
    username: &str,
    addr: Option<IpAddr>,
) -> Result<Result<Counted, Duration>, WebError> {
    let counters = state.logins().counters();
    Ok(state
        .auth
        .throttle
        .attempt(&*counters, username, addr, Utc::now())
        .await?)
}

/// A right password or code: its attempt stops counting.
async fn right(state: &AppState, attempt: Counted) -> Result<(), WebError> {
    let counters = state.logins().counters();
    Ok(state.auth.throttle.succeeded(&*counters, attempt).await?)
}

/// Checks a username and password.
pub async fn by_password(
    state: &AppState,
    username: &str,
    password_given: &str,
    addr: Option<IpAddr>,
) -> Result<Outcome, WebError> {
    let attempt = match count(state, username, addr).await? {
        Ok(a) => a,
        Err(wait) => return Ok(Outcome::Throttled(wait)),
    };
    let name = username.trim().to_lowercase();
    let user = state
        .logins()
        .user_by_name(&name)
        .await?
        .filter(|u| u.active);
    let hash = match &user {
        Some(u) => state
            .logins()
            .credentials(u.id)
            .await?
            .map(|c| c.password_hash),
        None => None,
    };
    // Off the async workers, and as slow for an unknown account as for a known one.
    let ok = taawun_app::accounts::password_matches(password_given, hash)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    match user {
        // A right password stops counting even when a code must follow: the codes are
        // counted on their own.
        Some(u) if ok => {
            right(state, attempt).await?;
            if u.totp_enabled {
                Ok(Outcome::NeedsCode(u))
            } else {
                Ok(Outcome::Done(u))
            }
        }
        // The failure was counted before the check; nothing more to record.
        _ => Ok(Outcome::Refused),
    }
}

/// Checks a TOTP code or a recovery code for a user whose password was accepted.
pub async fn by_code(
    state: &AppState,
    user: &User,
    code: &str,
    addr: Option<IpAddr>,
) -> Result<Outcome, WebError> {
    let attempt = match count(state, &user.username, addr).await? {
        Ok(a) => a,
        Err(wait) => return Ok(Outcome::Throttled(wait)),
    };
    let secret = state
        .logins()
        .credentials(user.id)
        .await?
        .and_then(|c| c.totp_secret);
    let by_code = match &secret {
        Some(s) => totp_ok(state, user.id, s, code).await?,
        None => false,
    };
    let ok = match secret {
        Some(_) if by_code => true,
        // Anything that is not a 6-digit code is tried as a recovery code, spent if it fits.
        _ => {
            let is_recovery = code.chars().filter(char::is_ascii_alphanumeric).count() == 10;
            is_recovery
                && state
                    .logins()
                    .use_recovery_code(user.id, &totp::recovery_hash(code))
                    .await?
        }
    };
    if ok {
        right(state, attempt).await?;
        Ok(Outcome::Done(user.clone()))
    } else {
        Ok(Outcome::Refused)
    }
}

/// A signed-in user confirms a grave act (a head adopting the minutes) with their current
/// second-factor code: counted against the same throttle as logins, so the code cannot be
/// guessed by repeating the act. `Ok(false)` for a wrong code, an account without a second
/// factor, or while throttled.
pub async fn confirm_code(state: &AppState, user: &User, code: &str) -> Result<bool, WebError> {
    let Ok(attempt) = count(state, &user.username, None).await? else {
        return Ok(false);
    };
    let secret = state
        .logins()
        .credentials(user.id)
        .await?
        .and_then(|c| c.totp_secret);
    let ok = match secret {
        Some(s) if user.totp_enabled => totp_ok(state, user.id, &s, code.trim()).await?,
        _ => false,
    };
    if ok {
        right(state, attempt).await?;
    }
    Ok(ok)
}

/// Whether `code` is the current TOTP code of `secret`, not used before by this user: the
/// same or an older step is refused, so a code seen over a shoulder cannot be replayed
/// within its validity — on any process serving the database, which records the step.
pub async fn totp_ok(
    state: &AppState,
    user: Id,
    secret: &str,
    code: &str,
) -> Result<bool, WebError> {
    let now = u64::try_from(Utc::now().timestamp()).unwrap_or(0);
    let Some(step) = totp::matching_step(secret, code, now) else {
        return Ok(false);
    };
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    Ok(state
        .logins()
        .counters()
        .spend_totp_step(user, step)
        .await?)
}

/// Marks the session logged in. The session id changes (a planted id is worth nothing
/// afterwards) and so does the CSRF token.
pub async fn start(state: &AppState, session: &Session, user: &User) -> Result<(), WebError> {
    let key = password_key_of(state, user).await?;
    session.cycle_id().await.map_err(internal)?;
    session.remove_value(PENDING).await.map_err(internal)?;
    let now = Utc::now().timestamp();
    let mark = LoginMark {
        user: user.id,
        login_at: now,
        seen_at: now,
        key,
    };
    session.insert(LOGIN, &mark).await.map_err(internal)?;
    session
        .insert(csrf::FIELD, csrf::new_token())
        .await
        .map_err(internal)?;
    Ok(())
}

/// Remembers a password accepted, pending its code; also under a fresh session id.
pub async fn await_code(session: &Session, user: &User, next: &str) -> Result<(), WebError> {
    session.cycle_id().await.map_err(internal)?;
    let p = Pending {
        user: user.id,
        at: Utc::now().timestamp(),
        next: next.to_string(),
    };
    session.insert(PENDING, &p).await.map_err(internal)?;
    session
        .insert(csrf::FIELD, csrf::new_token())
        .await
        .map_err(internal)?;
    Ok(())
}

/// The login waiting for its code, if it is recent enough.
pub async fn pending(session: &Session) -> Result<Option<Pending>, WebError> {
    let p = session.get::<Pending>(PENDING).await.map_err(internal)?;
    Ok(p.filter(|p| Utc::now().timestamp().saturating_sub(p.at) < PENDING_FOR))
}

/// Ends the login: the session row is deleted and the cookie cleared.
pub async fn end(session: &Session) -> Result<(), WebError> {
    session.flush().await.map_err(internal)
}

/// The CSRF token of the session, created with it if needed (login forms).
pub async fn form_token(session: &Session) -> Result<String, WebError> {
    csrf::ensure_token(session).await.map_err(internal)
}

async fn password_key_of(state: &AppState, user: &User) -> Result<String, WebError> {
    let hash = state
        .logins()
        .credentials(user.id)
        .await?
        .map(|c| c.password_hash);
    Ok(super::who::password_key(&hash.unwrap_or_default()))
}

/// After the user changed their own password: this login goes on, the others end (they
/// still carry the old password's fingerprint).
pub async fn keep_after_password_change(
    state: &AppState,
    session: &Session,
    user: &User,
) -> Result<(), WebError> {
    let Some(mut mark) = session.get::<LoginMark>(LOGIN).await.map_err(internal)? else {
        return Ok(());
    };
    mark.key = password_key_of(state, user).await?;
    session.insert(LOGIN, &mark).await.map_err(internal)
}
