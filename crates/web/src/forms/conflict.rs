//! The conflict page (409): someone saved the record after this form was opened. Both
//! versions are shown side by side, field by field (a localized text per language), with
//! the fields that differ marked, and a link to reload the stored version. Nothing is
//! written. The stored version is read through `Visible`; references to records the
//! reader may not see are left out of both columns.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use taawun_core::{Id, Lang};
use taawun_i18n::field_label;
use taawun_store::{StoreResult, Visible};

use super::page::Form;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::markup::person_plain;
use crate::pages::Crumb;
use crate::pages::views::render as render_page;

pub struct Line {
    pub label: String,
    pub lang: Option<&'static str>,
    pub yours: String,
    pub stored: String,
    pub differs: bool,
}

#[derive(Template)]
#[template(path = "forms/conflict.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    title: String,
    crumbs: &'a [Crumb],
    reload: &'a str,
    yours_version: i64,
    stored_version: i64,
    lines: Vec<Line>,
}

/// Names of everything the reader may see that a record can point at, by id.
async fn names(ctx: &Ctx, v: &Visible) -> StoreResult<HashMap<String, String>> {
    let mut m = HashMap::new();
    let mut put = |id: Id, name: String| {
        m.insert(id.to_string(), name);
    };
    v.parties()
        .await?
        .iter()
        .for_each(|p| put(p.id, ctx.plain(&p.short_name)));
    v.organisations(None)
        .await?
        .iter()
        .for_each(|o| put(o.id, ctx.plain(&o.name)));
    v.people(None)
        .await?
        .iter()
        .for_each(|p| put(p.id, person_plain(ctx.lang, p)));
    v.areas()
        .await?
        .iter()
        .for_each(|a| put(a.id, ctx.plain(&a.name)));
    v.ranks()
        .await?
        .iter()
        .for_each(|r| put(r.id, ctx.plain(&r.label)));
    v.commissions()
        .await?
        .iter()
        .for_each(|c| put(c.id, ctx.plain(&c.name)));
    v.agreements()
        .await?
        .iter()
        .for_each(|a| put(a.id, ctx.plain(&a.title)));
    for s in v.sessions(None).await? {
        put(s.id, ctx.tn("session-ordinal", s.ordinal));
    }
    Ok(m)
}

/// Leaves of a record as (path, text); ids become names, or vanish when not visible.
fn leaves(
    prefix: &str,
    v: &Value,
    names: &HashMap<String, String>,
    out: &mut BTreeMap<String, String>,
) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                // The record's own identity and version are the page's subject, not a field.
                if prefix.is_empty() && (k == "id" || k == "version") || k == "originator" {
                    continue;
                }
                leaves(&join(k), v, names, out);
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(&join(&i.to_string()), v, names, out)),
        Value::String(s) if s.len() == 36 && s.parse::<uuid::Uuid>().is_ok() => {
            if let Some(n) = names.get(s) {
                out.insert(prefix.to_string(), n.clone());
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        Value::Number(n) => {
            out.insert(prefix.to_string(), n.to_string());
        }
        Value::Bool(b) => {
            out.insert(prefix.to_string(), if *b { "✓" } else { "—" }.to_string());
        }
        Value::Null => {}
    }
}

fn label(ctx: &Ctx, path: &str) -> (String, Option<&'static str>) {
    match path.rsplit_once('.') {
        Some((field, l)) if Lang::parse(l).is_some_and(|x| x.code() == l) => {
            (field_label(field, ctx.lang), Lang::parse(l).map(Lang::code))
        }
        _ => (field_label(path, ctx.lang), None),
    }
}

pub async fn page<R: Serialize>(
    ctx: &Ctx,
    v: &Visible,
    form: &Form,
    yours: &R,
    stored: Option<R>,
) -> Result<Response, WebError> {
    // Gone meanwhile, or no longer visible: as for any record one cannot see.
    let stored = stored.ok_or(WebError::NotFound)?;
    let names = names(ctx, v).await?;
    let as_json = |r: &R| serde_json::to_value(r).map_err(|e| WebError::Internal(e.to_string()));
    let (y, s) = (as_json(yours)?, as_json(&stored)?);
    let version = |v: &Value| v.get("version").and_then(Value::as_i64).unwrap_or(0);
    let (mut ly, mut ls) = (BTreeMap::new(), BTreeMap::new());
    leaves("", &y, &names, &mut ly);
    leaves("", &s, &names, &mut ls);
    let mut paths: Vec<&String> = ly.keys().chain(ls.keys()).collect();
    paths.sort();
    paths.dedup();
    let lines = paths
        .into_iter()
        .map(|p| {
            let (label, lang) = label(ctx, p);
            let yours = ly.get(p).cloned().unwrap_or_default();
            let stored = ls.get(p).cloned().unwrap_or_default();
            Line {
                label,
                lang,
                differs: yours != stored,
                yours,
                stored,
            }
        })
        .collect();
    let page = Page {
        ctx,
        title: ctx.t("conflict-title"),
        crumbs: &form.crumbs,
        reload: &form.action,
        yours_version: version(&y),
        stored_version: version(&s),
        lines,
    };
    Ok((StatusCode::CONFLICT, render_page(&page)?).into_response())
}
