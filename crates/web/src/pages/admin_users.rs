//! User administration, for those `core::access::decide` lets manage users (administrators):
//! `/admin/users` lists accounts, `/admin/users/new` creates one with its first password,
//! `/admin/users/{id}` edits one, `/admin/users/{id}/password` resets its password.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use taawun_app::accounts::AccountError;
use taawun_core::{Action, Denied, Id, Kind, Target, User, decide};
use taawun_store::StoreError;

use super::account::{FieldErrors, check_new_password, password_problem};
use super::admin_form::{Choices, UserInput, choices, rule_errors};
use super::views::{Crumb, render};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError, markup::Markup};

/// Asks `decide` whether the reader may do `action` on accounts.
pub(super) fn allowed(ctx: &Ctx, action: Action) -> Result<(), WebError> {
    decide(ctx.principal(), action, &Target::new(Kind::User)).map_err(|d| match d {
        Denied::Hidden => WebError::NotFound,
        Denied::NotAllowed => WebError::Forbidden,
    })
}

pub struct UserRow {
    pub href: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub party: Markup,
    pub clearance: String,
    pub active: bool,
    pub totp: bool,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    users: Vec<UserRow>,
    /// The shared vocabularies' lists, for those who may edit them.
    vocabularies: Vec<super::views::Link>,
    /// The audit chain's head (`taawun check --expect-head`), for the administrator to save.
    audit_head: Option<String>,
}

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(_): SignedIn,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::View)?;
    let v = crate::lookup::reader(&state, &ctx);
    let parties: HashMap<Id, Markup> = v
        .parties()
        .await?
        .iter()
        .map(|p| (p.id, ctx.text(&p.short_name)))
        .collect();
    let users = v
        .users()
        .await?
        .into_iter()
        .map(|u| UserRow {
            href: format!("/admin/users/{}", u.id),
            role: ctx.label("user-role", u.role.key()),
            clearance: ctx.label("marking", u.clearance.key()),
            party: parties.get(&u.party_id).cloned().unwrap_or_default(),
            username: u.username,
            display_name: u.display_name,
            active: u.active,
            totp: u.totp_enabled,
        })
        .collect();
    let audit_head = v.audit_head().await?.map(|h| h.to_string());
    let page = ListPage {
        title: ctx.t("admin-users-title"),
        crumbs: Vec::new(),
        users,
        audit_head,
        vocabularies: super::admin_links::vocabularies(&ctx),
        ctx,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "admin_user.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    /// `None` when creating.
    id: Option<Id>,
    input: UserInput,
    choices: Choices,
    errors: FieldErrors,
    notice: Option<String>,
    /// Errors of the reset-password form (edit page only).
    reset_errors: FieldErrors,
    /// Whether to offer turning off the user's second factor (on, and not one's own).
    second_factor: bool,
}

impl FormPage {
    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/users/{id}"),
            None => String::from("/admin/users/new"),
        }
    }
}

struct Shown {
    id: Option<Id>,
    input: UserInput,
    errors: FieldErrors,
    notice: Option<String>,
    reset_errors: FieldErrors,
}

async fn form_page(ctx: Ctx, state: &AppState, s: Shown) -> Result<Response, WebError> {
    let choices = choices(&ctx, &crate::lookup::reader(state, &ctx), &s.input).await?;
    let status = if s.errors.is_empty() && s.reset_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = match s.id {
        Some(_) => ctx.t("admin-user-edit-title"),
        None => ctx.t("admin-user-new-title"),
    };
    let second_factor = super::admin_links::second_factor(&ctx, state, s.id).await?;
    let page = FormPage {
        second_factor,
        title,
        crumbs: vec![Crumb::new(
            "/admin/users",
            Markup(ctx.t("admin-users-title")),
        )],
        id: s.id,
        input: s.input,
        choices,
        errors: s.errors,
        notice: s.notice,
        reset_errors: s.reset_errors,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

fn pairs(
    f: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Vec<(String, String)>, WebError> {
    f.map(|Form(p)| p)
        .map_err(|e| WebError::BadRequest(e.to_string()))
}

pub(crate) async fn new_form(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(_): SignedIn,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Create)?;
    let shown = Shown {
        id: None,
        input: UserInput::blank(),
        errors: FieldErrors::default(),
        notice: None,
        reset_errors: FieldErrors::default(),
    };
    form_page(ctx, &state, shown).await
}

pub(crate) async fn create(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    f: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Create)?;
    let mut input = UserInput::from_pairs(pairs(f)?);
    let mut errors = FieldErrors::default();
    let user = input.to_user(&ctx, None, &mut errors);
    check_new_password(&ctx, &mut errors, &input.password, &input.confirm);
    let saved = match user {
        Some(u) if errors.is_empty() => {
            let password = std::mem::take(&mut input.password);
            let created = state.acting(&me).create_user(&u, &password).await;
            refused(&ctx, created, &mut errors)?
        }
        _ => None,
    };
    match saved {
        Some(u) => {
            tracing::info!(by = %me.username, user = %u.username, "user created");
            Ok(Redirect::to(&format!("/admin/users/{}?created=1", u.id)).into_response())
        }
        None => {
            input.password.clear();
            input.confirm.clear();
            let shown = Shown {
                id: None,
                input,
                errors,
                notice: None,
                reset_errors: FieldErrors::default(),
            };
            form_page(ctx, &state, shown).await
        }
    }
}

/// Saves through the store; rule errors and conflicts become form errors (`None`).
async fn save(
    ctx: &Ctx,
    state: &AppState,
    me: &User,
    u: &User,
    errors: &mut FieldErrors,
) -> Result<Option<User>, WebError> {
    let saved = state.acting(me).save_user(u).await;
    refused(ctx, saved.map_err(AccountError::from), errors)
}

/// The saved user, or `None` with the refusal placed on the form: rule errors next to their
/// fields, a conflict or a refused password on the form; other failures are errors.
fn refused(
    ctx: &Ctx,
    r: Result<User, AccountError>,
    errors: &mut FieldErrors,
) -> Result<Option<User>, WebError> {
    match r {
        Ok(saved) => Ok(Some(saved)),
        Err(AccountError::Invalid(rules)) => {
            rule_errors(ctx, &rules, errors);
            Ok(None)
        }
        Err(AccountError::Store(StoreError::Conflict { .. })) => {
            errors.add("form", ctx.t("admin-user-conflict"));
            Ok(None)
        }
        // The page already checked the reader may manage accounts: a refusal now is
        // `decide_grant`'s (a clearance above theirs, or widening their own account).
        Err(AccountError::Store(StoreError::Forbidden { .. })) => {
            errors.add("form", ctx.t("admin-user-grant-refused"));
            Ok(None)
        }
        Err(AccountError::Password(p)) => {
            password_problem(ctx, errors, &p);
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

async fn stored(state: &AppState, ctx: &Ctx, id: Id) -> Result<User, WebError> {
    crate::lookup::reader(state, ctx)
        .user(id)
        .await?
        .ok_or(WebError::NotFound)
}

#[derive(serde::Deserialize, Default)]
pub(crate) struct Flags {
    created: Option<String>,
    second_factor: Option<String>,
}

pub(crate) async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(_): SignedIn,
    IdPath(id): IdPath,
    flags: Result<axum::extract::Query<Flags>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Edit)?;
    let user = stored(&state, &ctx, id).await?;
    let flags = flags.map(|q| q.0).unwrap_or_default();
    let notice = match (flags.created, flags.second_factor) {
        (Some(_), _) => Some(ctx.t("admin-user-created")),
        (None, Some(_)) => Some(ctx.t("admin-user-second-factor-done")),
        (None, None) => None,
    };
    let shown = Shown {
        id: Some(id),
        input: UserInput::of(&user),
        errors: FieldErrors::default(),
        notice,
        reset_errors: FieldErrors::default(),
    };
    form_page(ctx, &state, shown).await
}

pub(crate) async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    IdPath(id): IdPath,
    f: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Edit)?;
    let base = stored(&state, &ctx, id).await?;
    let mut input = UserInput::from_pairs(pairs(f)?);
    input.username = base.username.clone();
    let mut errors = FieldErrors::default();
    let mut notice = None;
    let user = input
        .to_user(&ctx, Some(&base), &mut errors)
        .filter(|_| errors.is_empty());
    // The picker offers only the commissions the administrator may see: an assignment to a
    // hidden one is kept, as record forms keep what their editor could not see.
    let user = match user {
        Some(mut u) => {
            let v = crate::lookup::reader(&state, &ctx);
            for c in &base.commission_ids {
                if !u.commission_ids.contains(c)
                    && !v
                        .can_see_id(taawun_core::RecordKind::Commission, *c)
                        .await?
                {
                    u.commission_ids.push(*c);
                }
            }
            Some(u)
        }
        None => None,
    };
    if let Some(u) = user
        && let Some(saved) = save(&ctx, &state, &me, &u, &mut errors).await?
    {
        tracing::info!(by = %me.username, user = %saved.username, "user updated");
        input = UserInput::of(&saved);
        notice = Some(ctx.t("admin-user-saved"));
    }
    let shown = Shown {
        id: Some(id),
        input,
        errors,
        notice,
        reset_errors: FieldErrors::default(),
    };
    form_page(ctx, &state, shown).await
}

#[derive(serde::Deserialize)]
pub(crate) struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub(crate) async fn reset_password(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    IdPath(id): IdPath,
    f: Result<Form<ResetForm>, FormRejection>,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Edit)?;
    let Form(f) = f.map_err(|e| WebError::BadRequest(e.to_string()))?;
    let user = stored(&state, &ctx, id).await?;
    let mut reset_errors = FieldErrors::default();
    check_new_password(&ctx, &mut reset_errors, &f.password, &f.confirm);
    let mut notice = None;
    if reset_errors.is_empty() {
        state.acting(&me).set_password(id, &f.password).await?;
        tracing::info!(by = %me.username, user = %user.username, "password reset");
        notice = Some(ctx.t("admin-user-reset-done"));
    }
    let shown = Shown {
        id: Some(id),
        input: UserInput::of(&user),
        errors: FieldErrors::default(),
        notice,
        reset_errors,
    };
    form_page(ctx, &state, shown).await
}
