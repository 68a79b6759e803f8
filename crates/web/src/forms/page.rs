//! The form page: title, error summary linking to each field, the widgets, the CSRF and
//! version fields, "save" and "add rows". Also the steps every POST handler shares:
//! "add rows" and malformed input re-render without saving; the store's verdict becomes a
//! redirect, a 422 page with errors in place, a 409 conflict page, a 403 or a 404.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use taawun_core::RuleErrors;
use taawun_store::{StoreError, StoreResult};

use super::errors::Errors;
use super::input::{Input, MORE};
use super::parse::{Parsed, parse};
use super::render::render;
use super::spec::{Item, dom_id};
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::markup::Markup;
use crate::pages::Crumb;
use crate::pages::views::render as render_page;

/// A form ready to show: where it posts, where "cancel" leads, its items and the version
/// of the record it edits (0 for a new one).
pub struct Form {
    pub title: String,
    pub crumbs: Vec<Crumb>,
    pub action: String,
    pub back: String,
    pub items: Vec<Item>,
    pub version: i64,
    /// The record the form edits, named after its title ("Modifier l'action — 3.1 …").
    pub subject: Option<Markup>,
}

impl Form {
    pub fn new(ctx: &Ctx, title: String, action: String, back: String) -> Self {
        Form {
            crumbs: vec![Crumb::home(ctx)],
            title,
            action,
            back,
            items: Vec::new(),
            version: 0,
            subject: None,
        }
    }
}

pub struct Summary {
    pub href: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "forms/page.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    title: &'a str,
    subject: Option<&'a Markup>,
    crumbs: &'a [Crumb],
    action: &'a str,
    back: &'a str,
    version: i64,
    body: Markup,
    summary: Vec<Summary>,
    extendable: bool,
    more: &'static str,
}

fn extendable(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Rows(r) => r.extendable || r.rows.iter().any(|row| extendable(&row.items)),
        Item::Group { items, .. } => extendable(items),
        Item::Field(_) => false,
    })
}

/// The form with these values and errors: 200 when clean, 422 with errors.
/// The items a form offers here: the demo's "example" mark only on a demo instance.
fn offered<'a>(ctx: &Ctx, form: &'a Form) -> std::borrow::Cow<'a, [Item]> {
    if ctx.demo {
        std::borrow::Cow::Borrowed(&form.items)
    } else {
        std::borrow::Cow::Owned(super::spec::without_example(&form.items))
    }
}

pub fn show(ctx: &Ctx, form: &Form, input: &Input, errors: &Errors) -> Result<Response, WebError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let summary = errors
        .list
        .iter()
        .map(|(path, message)| Summary {
            href: format!("#{}", dom_id(path)),
            message: message.clone(),
        })
        .collect();
    // The version shown is the one the form was read at, so a re-rendered form still
    // detects changes made since it was first opened.
    let version = if input.get("version").is_empty() {
        form.version
    } else {
        input.version()
    };
    let page = Page {
        ctx,
        title: &form.title,
        subject: form.subject.as_ref(),
        crumbs: &form.crumbs,
        action: &form.action,
        back: &form.back,
        version,
        body: render(ctx, &offered(ctx, form), input, errors),
        summary,
        extendable: extendable(&form.items),
        more: MORE,
    };
    Ok((status, render_page(&page)?).into_response())
}

/// Reads a posted form: `Err(page)` when it must be shown again before anything is saved
/// ("add rows" pressed, or a field that cannot be read).
pub fn read(ctx: &Ctx, form: &Form, input: &Input) -> Result<Parsed, Box<Response>> {
    if input.more() {
        return Err(Box::new(
            show(ctx, form, input, &Errors::default()).into_response(),
        ));
    }
    let parsed = parse(ctx, &offered(ctx, form), input);
    if parsed.errors.is_empty() {
        Ok(parsed)
    } else {
        Err(Box::new(
            show(ctx, form, input, &parsed.errors).into_response(),
        ))
    }
}

/// What the store said about a save.
pub enum After<R> {
    Saved(R),
    Invalid(RuleErrors),
    Conflict,
}

/// Sorts the store's answer: refusals of permission become the 403 / 404 pages.
pub fn after<R>(r: StoreResult<R>) -> Result<After<R>, WebError> {
    match r {
        Ok(saved) => Ok(After::Saved(saved)),
        Err(StoreError::Invalid(e)) => Ok(After::Invalid(e)),
        Err(StoreError::Conflict { .. }) => Ok(After::Conflict),
        Err(StoreError::Forbidden { .. }) => Err(WebError::Forbidden),
        Err(StoreError::NotFound { .. }) => Err(WebError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The form again with the store's rule errors next to their fields (422).
pub fn invalid(ctx: &Ctx, form: &Form, input: &Input, parsed: &Parsed, e: &RuleErrors) -> Response {
    let mut errors = Errors::default();
    errors.rules(ctx, e, &parsed.renames);
    show(ctx, form, input, &errors).into_response()
}

/// The end of every POST: redirect to `to` once saved; the form again with rule errors;
/// the conflict page against `stored` (a read through `Visible`, only run on conflict).
#[allow(clippy::too_many_arguments)]
pub async fn finish<R: serde::Serialize>(
    ctx: &Ctx,
    v: &taawun_store::Visible,
    form: &Form,
    input: &Input,
    parsed: &Parsed,
    rec: &R,
    saved: StoreResult<R>,
    to: impl FnOnce(&R) -> String,
    stored: impl std::future::Future<Output = StoreResult<Option<R>>>,
) -> Result<Response, WebError> {
    match after(saved)? {
        After::Saved(r) => Ok(axum::response::Redirect::to(&to(&r)).into_response()),
        After::Invalid(e) => Ok(invalid(ctx, form, input, parsed, &e)),
        After::Conflict => super::conflict::page(ctx, v, form, rec, stored.await?).await,
    }
}
