//! `/account`: each user's own page — who they are, changing their password, and turning
//! the TOTP second factor on (QR code, confirmation, recovery codes shown once) or off.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taawun_app::accounts::{self, AccountError, PasswordProblem};
use taawun_core::rules::Rule;
use taawun_core::{Lang, User};
use taawun_store::StoreError;
use tower_sessions::Session;

use super::views::{Crumb, render};
use crate::auth::{self, SignedIn};
use crate::{AppState, ctx::Ctx, error::WebError, markup::Markup};

/// Session entry holding a TOTP secret between its QR code and its confirmation.
const ENROL: &str = "enrol";
/// Shown by authenticator apps next to the account name.
const ISSUER: &str = "Taawun";

/// A form's problems, by field, already in the reader's language.
#[derive(Default)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The password policy's verdict on a new password and its confirmation
/// (`taawun_app::accounts`, the same as `taawun user add`), worded next to its field.
pub fn check_new_password(ctx: &Ctx, e: &mut FieldErrors, password: &str, confirm: &str) {
    if let Err(p) = accounts::check_new_password(password, confirm) {
        password_problem(ctx, e, &p);
    }
}

/// Words a refused password: too short (with the minimum), too long, or not confirmed.
pub fn password_problem(ctx: &Ctx, e: &mut FieldErrors, p: &PasswordProblem) {
    match p {
        PasswordProblem::Mismatch => e.add("confirm", ctx.t("password-mismatch")),
        PasswordProblem::Policy(rules) => {
            let min = rules.0.iter().find_map(|r| match r.rule {
                Rule::TooShort { min } => Some(min),
                _ => None,
            });
            match min {
                Some(min) => e.add("password", ctx.tn("password-too-short", min)),
                None => e.add("password", ctx.t("password-too-long")),
            }
        }
    }
}

/// An account use case's failure that no form field explains (the store's, the hasher's).
impl From<AccountError> for WebError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Store(e) => e.into(),
            AccountError::Invalid(rules) => StoreError::Invalid(rules).into(),
            e => WebError::Internal(e.to_string()),
        }
    }
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    user: User,
    organisation: Markup,
    clearance: String,
    notice: Option<String>,
    errors: FieldErrors,
    /// The Arabic usages dates may be read in, the reader's choice selected.
    arabic_dates: Vec<ArabicDates>,
}

struct ArabicDates {
    value: &'static str,
    label: String,
    selected: bool,
}

/// The choices: the installation's usage, then each of `fmt::ARABIC_REGIONS`, each named
/// with an example date written in it (30 September), so the reader sees what they choose.
fn arabic_dates(ctx: &Ctx) -> Vec<ArabicDates> {
    let example = chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap_or_default();
    let chosen = ctx.who.arabic_dates.as_deref().unwrap_or("");
    let mut out = vec![ArabicDates {
        value: "",
        label: format!(
            "{} — {}",
            ctx.t("account-arabic-dates-default"),
            taawun_i18n::fmt::date(Lang::Ar, example)
        ),
        selected: chosen.is_empty(),
    }];
    for code in taawun_i18n::fmt::ARABIC_REGIONS {
        out.push(ArabicDates {
            value: code,
            label: format!(
                "{} — {}",
                ctx.t(&format!(
                    "account-arabic-dates-{}",
                    code.to_ascii_lowercase()
                )),
                taawun_i18n::fmt::date_in(Lang::Ar, Some(code), example)
            ),
            selected: chosen == code,
        });
    }
    out
}

async fn page(
    ctx: Ctx,
    state: &AppState,
    user: User,
    notice: Option<String>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let organisation = match user.organisation_id {
        Some(id) => match crate::lookup::reader(state, &ctx).organisation(id).await? {
            Some(o) => ctx.text(&o.name),
            None => Markup::default(),
        },
        None => Markup(String::from("—")),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = AccountPage {
        arabic_dates: arabic_dates(&ctx),
        title: ctx.t("account-title"),
        crumbs: Vec::new(),
        clearance: ctx.label("marking", user.clearance.key()),
        organisation,
        user,
        notice,
        errors,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, WebError> {
    page(ctx, &state, user, None, FieldErrors::default()).await
}

fn form<T>(f: Result<Form<T>, FormRejection>) -> Result<T, WebError> {
    f.map(|Form(v)| v)
        .map_err(|e| WebError::BadRequest(e.to_string()))
}

#[derive(Deserialize)]
pub(crate) struct ArabicDatesForm {
    #[serde(default)]
    arabic: String,
}

/// `POST /account/arabic-dates`: the Arabic usage the user's pages write dates in, one of
/// `fmt::ARABIC_REGIONS`, or empty for the installation's; anything else is a 400.
pub(crate) async fn set_arabic_dates(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    f: Result<Form<ArabicDatesForm>, FormRejection>,
) -> Result<Response, WebError> {
    let f = form(f)?;
    let value = f.arabic.trim();
    if !value.is_empty() && !taawun_i18n::fmt::ARABIC_REGIONS.contains(&value) {
        return Err(WebError::BadRequest(format!("arabic: unknown {value:?}")));
    }
    state
        .acting(&user)
        .set_my_setting(taawun_store::ARABIC_DATES_KEY, value)
        .await?;
    Ok(Redirect::to("/account#arabic-dates").into_response())
}

#[derive(Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub(crate) async fn change_password(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    f: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, WebError> {
    let f = form(f)?;
    let mut errors = FieldErrors::default();
    let stored = state
        .acting(&user)
        .my_credentials()
        .await?
        .map(|c| c.password_hash);
    let ok = accounts::password_matches(&f.current, stored)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    if !ok {
        errors.add("current", ctx.t("account-password-wrong"));
    }
    check_new_password(&ctx, &mut errors, &f.password, &f.confirm);
    if !errors.is_empty() {
        return page(ctx, &state, user, None, errors).await;
    }
    state
        .acting(&user)
        .set_password(user.id, &f.password)
        .await?;
    auth::keep_after_password_change(&state, &session, &user).await?;
    tracing::info!(user = %user.username, "password changed");
    let notice = Some(ctx.t("account-password-changed"));
    page(ctx, &state, user, notice, FieldErrors::default()).await
}

#[derive(Template)]
#[template(path = "account_totp.html")]
struct EnrolPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    qr: Markup,
    /// The secret in groups of four, for typing by hand.
    secret: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "account_codes.html")]
struct CodesPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    codes: Vec<String>,
}

fn crumbs(ctx: &Ctx) -> Vec<Crumb> {
    vec![Crumb::new("/account", Markup(ctx.t("account-title")))]
}

pub(crate) async fn enrol_start(
    SignedIn(user): SignedIn,
    session: Session,
) -> Result<Response, WebError> {
    if !user.totp_enabled {
        session
            .insert(ENROL, auth::new_totp_secret())
            .await
            .map_err(auth::internal)?;
    }
    let to = if user.totp_enabled {
        "/account"
    } else {
        "/account/totp"
    };
    Ok(Redirect::to(to).into_response())
}

async fn enrol_page_with(
    ctx: Ctx,
    user: &User,
    secret: &str,
    error: Option<String>,
) -> Result<Response, WebError> {
    let uri = auth::otpauth_uri(ISSUER, &user.username, secret);
    let qr = auth::qr_svg(&uri, &ctx.t("totp-enrol-qr-alt"))
        .ok_or_else(|| WebError::Internal(String::from("QR code")))?;
    let grouped: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = EnrolPage {
        title: ctx.t("totp-enrol-title"),
        crumbs: crumbs(&ctx),
        qr: Markup(qr),
        secret: grouped.join(" "),
        error,
        ctx,
    };
    // The secret is on this page: no cache may keep it.
    Ok((
        status,
        [(header::CACHE_CONTROL, "no-store")],
        render(&page)?,
    )
        .into_response())
}

pub(crate) async fn enrol_page(
    ctx: Ctx,
    SignedIn(user): SignedIn,
    session: Session,
) -> Result<Response, WebError> {
    match session.get::<String>(ENROL).await.map_err(auth::internal)? {
        Some(secret) if !user.totp_enabled => enrol_page_with(ctx, &user, &secret, None).await,
        _ => Ok(Redirect::to("/account").into_response()),
    }
}

#[derive(Deserialize)]
pub(crate) struct CodeForm {
    #[serde(default)]
    code: String,
}

pub(crate) async fn enrol_confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    f: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let f = form(f)?;
    let Some(secret) = session.get::<String>(ENROL).await.map_err(auth::internal)? else {
        return Ok(Redirect::to("/account").into_response());
    };
    if user.totp_enabled {
        return Ok(Redirect::to("/account").into_response());
    }
    if !auth::totp_ok(&state, user.id, &secret, &f.code).await? {
        let error = Some(ctx.t("totp-code-wrong"));
        return enrol_page_with(ctx, &user, &secret, error).await;
    }
    let codes = auth::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| auth::recovery_hash(c)).collect();
    state
        .acting(&user)
        .set_second_factor(user.id, Some(&secret), &hashes)
        .await?;
    session.remove_value(ENROL).await.map_err(auth::internal)?;
    tracing::info!(user = %user.username, "second factor enrolled");
    let page = CodesPage {
        title: ctx.t("totp-codes-title"),
        crumbs: crumbs(&ctx),
        codes,
        ctx,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], render(&page)?).into_response())
}

pub(crate) async fn disable(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    f: Result<Form<CodeForm>, FormRejection>,
) -> Result<Response, WebError> {
    let f = form(f)?;
    let secret = state
        .acting(&user)
        .my_credentials()
        .await?
        .and_then(|c| c.totp_secret);
    let Some(secret) = secret.filter(|_| user.totp_enabled) else {
        return Ok(Redirect::to("/account").into_response());
    };
    if !auth::totp_ok(&state, user.id, &secret, &f.code).await? {
        let mut errors = FieldErrors::default();
        errors.add("code", ctx.t("totp-code-wrong"));
        return page(ctx, &state, user, None, errors).await;
    }
    let user = state
        .acting(&user)
        .set_second_factor(user.id, None, &[])
        .await?;
    tracing::info!(user = %user.username, "second factor removed");
    let notice = Some(ctx.t("account-totp-disabled"));
    page(ctx, &state, user, notice, FieldErrors::default()).await
}
