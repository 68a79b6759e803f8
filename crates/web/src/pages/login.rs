//! Login and logout: `/login` (username and password), `/login/code` (the second factor,
//! when the account has one) and `POST /logout`. Failures say the same thing whether the
//! account exists or not; repeated failures are throttled.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::lang::safe_back;
use super::views::{Crumb, render};
use crate::auth::{self, ClientAddr, Outcome};
use crate::{AppState, ctx::Ctx, error::WebError};

#[derive(Deserialize, Default)]
pub(crate) struct Next {
    next: Option<String>,
    /// Set when a login ended by timeout, to say why the reader is here.
    ended: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct CodeForm {
    #[serde(default)]
    code: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    csrf: String,
    next: String,
    username: String,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    csrf: String,
    error: Option<String>,
}

pub(crate) async fn login_form(
    ctx: Ctx,
    session: Session,
    query: Result<Query<Next>, QueryRejection>,
) -> Result<Response, WebError> {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let next = safe_back(q.next.as_deref()).to_string();
    if ctx.user().is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let page = LoginPage {
        title: ctx.t("login-title"),
        crumbs: Vec::new(),
        csrf: auth::form_token(&session).await?,
        next,
        username: String::new(),
        notice: q.ended.map(|_| ctx.t("login-ended")),
        error: None,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

/// The message and status of a refused attempt.
fn refusal(ctx: &Ctx, outcome: &Outcome) -> (StatusCode, String, Option<HeaderValue>) {
    match outcome {
        Outcome::Throttled(wait) => {
            let minutes = wait.as_secs().div_ceil(60).max(1);
            let retry = HeaderValue::from_str(&wait.as_secs().max(1).to_string()).ok();
            (
                StatusCode::TOO_MANY_REQUESTS,
                ctx.tn(
                    "login-throttled",
                    usize::try_from(minutes).unwrap_or(usize::MAX),
                ),
                retry,
            )
        }
        _ => (StatusCode::UNAUTHORIZED, ctx.t("login-refused"), None),
    }
}

fn with_retry(status: StatusCode, retry: Option<HeaderValue>, page: Response) -> Response {
    let mut res = (status, page).into_response();
    if let Some(r) = retry {
        res.headers_mut().insert(header::RETRY_AFTER, r);
    }
    res
}

pub(crate) async fn login_post(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    ClientAddr(addr): ClientAddr,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.to_string()))?;
    let next = safe_back(form.next.as_deref()).to_string();
    let outcome = auth::by_password(&state, &form.username, &form.password, addr).await?;
    match outcome {
        Outcome::Done(user) => {
            auth::start(&state, &session, &user).await?;
            tracing::info!(user = %user.username, "login");
            Ok(Redirect::to(&next).into_response())
        }
        Outcome::NeedsCode(user) => {
            auth::await_code(&session, &user, &next).await?;
            Ok(Redirect::to("/login/code").into_response())
        }
        refused => {
            let (status, message, retry) = refusal(&ctx, &refused);
            let page = LoginPage {
                title: ctx.t("login-title"),
                crumbs: Vec::new(),
                csrf: auth::form_token(&session).await?,
                next,
                username: form.username,
                notice: None,
                error: Some(message),
                ctx,
            };
            Ok(with_retry(status, retry, render(&page)?.into_response()))
        }
    }
}

pub(crate) async fn code_form(ctx: Ctx, session: Session) -> Result<Response, WebError> {
    if auth::pending(&session).await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    let page = CodePage {
        title: ctx.t("login-code-title"),
        crumbs: Vec::new(),
        csrf: auth::form_token(&session).await?,
        error: None,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

pub(crate) async fn code_post(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    ClientAddr(addr): ClientAddr,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.to_string()))?;
    let Some(pending) = auth::pending(&session).await? else {
        return Ok(Redirect::to("/login?ended=1").into_response());
    };
    let user = state
        .logins()
        .user(pending.user)
        .await?
        .filter(|u| u.active && u.totp_enabled);
    let Some(user) = user else {
        auth::end(&session).await?;
        return Ok(Redirect::to("/login").into_response());
    };
    match auth::by_code(&state, &user, &form.code, addr).await? {
        Outcome::Done(user) | Outcome::NeedsCode(user) => {
            auth::start(&state, &session, &user).await?;
            tracing::info!(user = %user.username, "login with second factor");
            Ok(Redirect::to(safe_back(Some(&pending.next))).into_response())
        }
        refused => {
            let (status, message, retry) = refusal(&ctx, &refused);
            let page = CodePage {
                title: ctx.t("login-code-title"),
                crumbs: Vec::new(),
                csrf: auth::form_token(&session).await?,
                error: Some(message),
                ctx,
            };
            Ok(with_retry(status, retry, render(&page)?.into_response()))
        }
    }
}

pub(crate) async fn logout(
    State(state): State<AppState>,
    session: Session,
) -> Result<Response, WebError> {
    auth::end(&session).await?;
    let to = if state.demo { "/" } else { "/login" };
    Ok(Redirect::to(to).into_response())
}
