//! Reading a posted form against its declaration: each field's text becomes a JSON value
//! at its core path, malformed text becomes a field error (never a 400 or 500), blank rows
//! are dropped, and `renames` remembers where each kept row sat in the form so the store's
//! rule errors can be put back next to the right inputs. `build` lays the result over a
//! base record (the stored one, or a new one), touching only what the form covers.

use chrono::NaiveDate;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use taawun_core::Lang;

use super::errors::Errors;
use super::input::Input;
use super::spec::{Field, Item, Ty};
use crate::ctx::Ctx;
use crate::error::WebError;

#[derive(Debug, Default)]
pub struct Parsed {
    pub tree: Map<String, Value>,
    pub errors: Errors,
    /// (path prefix in the saved record, path prefix in the form), for kept rows.
    pub renames: Vec<(String, String)>,
}

pub fn parse(ctx: &Ctx, items: &[Item], input: &Input) -> Parsed {
    let mut p = Parsed::default();
    let mut tree = Map::new();
    walk(ctx, items, input, "", "", &mut tree, &mut p);
    p.tree = tree;
    p
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}.{path}"),
    }
}

/// Sets `path` (dotted, relative) inside `obj`, creating objects on the way.
fn set(obj: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            obj.insert(path.to_string(), v);
        }
        Some((head, rest)) => {
            let slot = obj
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            if let Value::Object(inner) = slot {
                set(inner, rest, v);
            }
        }
    }
}

/// Parses `items` into `obj`; returns whether anything that counts was typed.
fn walk(
    ctx: &Ctx,
    items: &[Item],
    input: &Input,
    form: &str,
    saved: &str,
    obj: &mut Map<String, Value>,
    p: &mut Parsed,
) -> bool {
    let mut typed = false;
    for item in items {
        match item {
            Item::Field(f) => {
                let name = join(form, &f.path);
                typed |= f.counts() && field_typed(f, input, &name);
                if let Some(v) = field(ctx, f, input, &name, &mut p.errors) {
                    set(obj, &f.path, v);
                }
            }
            Item::Group {
                items, nullable, ..
            } => {
                let mut sub = Parsed::default();
                let mut inner = Map::new();
                let any = walk(ctx, items, input, form, saved, &mut inner, &mut sub);
                match nullable {
                    Some(path) if !any => set(obj, path, Value::Null),
                    _ => {
                        inner.into_iter().for_each(|(k, v)| merge_into(obj, k, v));
                        p.errors.list.extend(sub.errors.list);
                        p.renames.extend(sub.renames);
                        typed |= any;
                    }
                }
            }
            Item::Rows(r) => {
                let list_form = join(form, &r.path);
                let list_saved = join(saved, &r.path);
                let mut kept = Vec::new();
                for (i, row) in r.rows.iter().enumerate() {
                    let row_form = format!("{list_form}.{i}");
                    let row_saved = format!("{list_saved}.{}", kept.len());
                    let mut sub = Parsed::default();
                    let mut inner = Map::new();
                    if !walk(
                        ctx, &row.items, input, &row_form, &row_saved, &mut inner, &mut sub,
                    ) {
                        continue;
                    }
                    for (k, v) in &row.fixed {
                        set(&mut inner, k, v.clone());
                    }
                    p.errors.list.extend(sub.errors.list);
                    p.renames.extend(sub.renames);
                    p.renames
                        .push((format!("{row_saved}."), format!("{row_form}.")));
                    // A row of one unnamed field is a bare value (a list of strings).
                    let bare = inner.remove("");
                    kept.push(bare.unwrap_or(Value::Object(inner)));
                }
                typed |= !kept.is_empty();
                set(obj, &r.path, Value::Array(kept));
            }
        }
    }
    typed
}

fn merge_into(obj: &mut Map<String, Value>, k: String, v: Value) {
    match (obj.get_mut(&k), v) {
        (Some(Value::Object(a)), Value::Object(b)) => {
            b.into_iter().for_each(|(k, v)| merge_into(a, k, v));
        }
        (_, v) => {
            obj.insert(k, v);
        }
    }
}

fn field_typed(f: &Field, input: &Input, name: &str) -> bool {
    match f.ty {
        Ty::Text3 { .. } => Lang::ALL
            .iter()
            .any(|l| !input.get(&format!("{name}.{}", l.code())).trim().is_empty()),
        Ty::Multi(_) => !input.all(name).is_empty(),
        _ => !input.get(name).trim().is_empty(),
    }
}

/// The value of one field, or `None` after recording why it cannot be read.
fn field(ctx: &Ctx, f: &Field, input: &Input, name: &str, e: &mut Errors) -> Option<Value> {
    let raw = input.get(name);
    let blank = raw.trim().is_empty();
    let label = f.label.as_str();
    let missing = |e: &mut Errors, key: &str| {
        e.field(ctx, name, key, label, &[]);
        None
    };
    if blank
        && !matches!(
            f.ty,
            Ty::Text3 { .. } | Ty::Check | Ty::Multi(_) | Ty::HiddenId
        )
    {
        return match (&f.ty, f.optional) {
            (Ty::Line { .. }, _) if f.blank_ok => Some(Value::String(String::new())),
            (_, true) => Some(Value::Null),
            (Ty::Select(_), false) => missing(e, "form-choose"),
            _ => missing(e, "form-required"),
        };
    }
    match &f.ty {
        Ty::Text3 { max, .. } => {
            let mut m = Map::new();
            let mut too_long = false;
            for l in Lang::ALL {
                let v = input.get(&format!("{name}.{}", l.code()));
                too_long |= v.chars().count() > *max;
                let v = (!v.trim().is_empty()).then(|| Value::String(v.to_string()));
                m.insert(l.code().to_string(), v.unwrap_or(Value::Null));
            }
            if too_long {
                e.field(ctx, name, "form-too-long", label, &[("max", *max as i64)]);
                return None;
            }
            if !f.optional && m.values().all(Value::is_null) {
                return missing(e, "form-required-text");
            }
            Some(Value::Object(m))
        }
        Ty::Line { max, .. } => {
            if raw.chars().count() > *max {
                e.field(ctx, name, "form-too-long", label, &[("max", *max as i64)]);
                return None;
            }
            Some(Value::String(raw.to_string()))
        }
        Ty::Int { min, max } => match raw.trim().parse::<i64>() {
            Ok(n) if (*min..=*max).contains(&n) => Some(Value::from(n)),
            Ok(_) => {
                e.field(
                    ctx,
                    name,
                    "form-out-of-range",
                    label,
                    &[("min", *min), ("max", *max)],
                );
                None
            }
            Err(_) => missing(e, "form-bad-number"),
        },
        Ty::Float => match raw.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => serde_json::Number::from_f64(x).map(Value::Number),
            _ => missing(e, "form-bad-number"),
        },
        Ty::Date => match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
            Ok(d) => Some(Value::String(d.format("%Y-%m-%d").to_string())),
            Err(_) => missing(e, "form-bad-date"),
        },
        Ty::Select(opts) => match opts.iter().any(|o| o.value == raw) {
            true => Some(Value::String(raw.to_string())),
            false => missing(e, "form-bad-choice"),
        },
        Ty::Check => Some(Value::Bool(!blank)),
        Ty::Multi(opts) => {
            let mut out: Vec<Value> = Vec::new();
            for v in input.all(name) {
                if !opts.iter().any(|o| &o.value == v) {
                    return missing(e, "form-bad-choice");
                }
                let v = Value::String(v.clone());
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            Some(Value::Array(out))
        }
        Ty::HiddenId => {
            let id = raw
                .trim()
                .parse::<uuid::Uuid>()
                .unwrap_or_else(|_| taawun_core::new_id());
            Some(Value::String(id.to_string()))
        }
    }
}

/// Lays the form's values over `base`: objects merge key by key, anything else the form
/// covers replaces what was there (lists are written whole from their rows).
pub fn build<R: Serialize + DeserializeOwned>(
    base: &R,
    tree: &Map<String, Value>,
) -> Result<R, WebError> {
    let mut v = serde_json::to_value(base).map_err(|e| WebError::Internal(e.to_string()))?;
    if let Value::Object(obj) = &mut v {
        tree.clone()
            .into_iter()
            .for_each(|(k, val)| merge_into(obj, k, val));
    }
    serde_json::from_value(v).map_err(|e| WebError::Internal(format!("form to record: {e}")))
}
