//! What changed between two stored versions of a record: both JSON documents flattened to
//! paths (`title.fr`, `delegations.0.members.1.person_id`), compared path by path, each path
//! named with `taawun_i18n::field_label` and each value shown for the reader. Ids are shown
//! as the record they name when the reader may see it, and as "not shown" otherwise, so a
//! past version never names a record hidden from the reader.

use serde_json::Value;
use std::collections::BTreeMap;
use taawun_core::{Id, ItemStatus, Lang, Lifecycle, Marking, RecordKind, Releasability};
use taawun_i18n::field_label;
use taawun_store::{StoreResult, Visible};

use super::describe::describe;
use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

/// Field names whose change says nothing to a reader: the optimistic-lock counter and the
/// ids of records and their parts (the page is already about the record).
const SKIPPED: [&str; 2] = ["version", "id"];

/// Fields `taawun_i18n::field_label` does not name (it names what forms can get wrong),
/// with the catalogue key that does.
const LABELS: [(&str, &str); 10] = [
    ("clause_ids", "item-clauses-title"),
    ("area_id", "col-area"),
    ("plan_id", "col-plan"),
    ("commission_id", "col-commission"),
    ("session_id", "col-session"),
    ("marking", "marking-banner"),
    ("releasability", "history-field-releasability"),
    ("originator", "history-field-originator"),
    ("example", "history-field-example"),
    ("precedence", "history-field-precedence"),
];

pub struct Change {
    pub field: String,
    pub old: Markup,
    pub new: Markup,
}

/// Leaves of a document by path; empty lists and objects are leaves too, so that emptying
/// a list shows as a change.
fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, child) in map {
                flatten(&join(k), child, out);
            }
        }
        Value::Array(list) if !list.is_empty() => {
            for (i, child) in list.iter().enumerate() {
                flatten(&join(&i.to_string()), child, out);
            }
        }
        leaf => {
            out.insert(prefix.to_string(), leaf.clone());
        }
    }
}

/// The field's name for the reader; a localized text's value is named with its language.
fn label(ctx: &Ctx, path: &str) -> String {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    match Lang::parse(last) {
        Some(l) if !parent.is_empty() => format!(
            "{} ({})",
            field_name(ctx, parent),
            ctx.t(&format!("lang-name-{}", l.code()))
        ),
        _ => field_name(ctx, path),
    }
}

fn field_name(ctx: &Ctx, path: &str) -> String {
    let name = last_name(path);
    match LABELS.iter().find(|(n, _)| *n == name) {
        Some((_, key)) => ctx.t(key),
        None => field_label(path, ctx.lang),
    }
}

/// The last segment of a path that is not a list position.
fn last_name(path: &str) -> &str {
    path.rsplit('.')
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or(path)
}

/// Nothing to show: absent, null, an empty text or an empty list.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(_) => false,
    }
}

/// The kind of record a reference field points at, by the field's name.
fn referent(path: &str) -> Option<RecordKind> {
    Some(match last_name(path) {
        "person_id" | "signatory_ids" | "co_chair_ids" => RecordKind::Person,
        "party_id" | "party_ids" | "host_party_id" | "originator" => RecordKind::Party,
        "organisation_id" | "parent_id" | "host_organisation_id" => RecordKind::Organisation,
        "rank_id" => RecordKind::Rank,
        "area_id" | "area_ids" => RecordKind::Area,
        "agreement_id" | "target_id" => RecordKind::Agreement,
        "clause_ids" => RecordKind::Clause,
        "commission_id" | "commission_ids" => RecordKind::Commission,
        "session_id" => RecordKind::Session,
        "plan_id" => RecordKind::ActionPlan,
        "item_id" | "item_ids" => RecordKind::ActionItem,
        _ => return None,
    })
}

async fn show_value(
    ctx: &Ctx,
    v: &Visible,
    path: &str,
    value: Option<&Value>,
) -> StoreResult<Markup> {
    let empty = || {
        Markup(format!(
            "<span class=\"none\">{}</span>",
            escape(&ctx.t("history-empty-value"))
        ))
    };
    let Some(value) = value else {
        return Ok(empty());
    };
    Ok(match value {
        Value::Null => empty(),
        Value::Array(_) | Value::Object(_) => empty(),
        Value::String(s) if s.is_empty() => empty(),
        Value::String(s) => {
            if let Some(m) = Marking::parse(s).filter(|_| path.ends_with("protection.marking")) {
                return Ok(Markup(escape(&ctx.marking_label(m))));
            }
            if path.ends_with("protection.releasability") && Releasability::parse(s).is_some() {
                return Ok(Markup(escape(&ctx.label("releasability", s))));
            }
            if let Some(label) = state_label(ctx, path, s) {
                return Ok(Markup(escape(&label)));
            }
            match (referent(path), s.parse::<Id>()) {
                (Some(entity), Ok(id)) => match describe(ctx, v, entity, id).await? {
                    Some(d) => d.title,
                    None => Markup(format!("<em>{}</em>", escape(&ctx.t("history-hidden")))),
                },
                _ => Markup(format!("<bdi>{}</bdi>", escape(s))),
            }
        }
        Value::Bool(b) => Markup(escape(&ctx.t(if *b {
            "history-value-yes"
        } else {
            "history-value-no"
        }))),
        other => Markup(format!("<bdi>{}</bdi>", escape(&other.to_string()))),
    })
}

/// A stored state named as the pages name it: an item's or a report's status, an
/// agreement's lifecycle, the minutes' state (not "in_progress", "in_force", "adopted").
fn state_label(ctx: &Ctx, path: &str, key: &str) -> Option<String> {
    if last_name(path) != "status" {
        return None;
    }
    if path.starts_with("minutes.") {
        return matches!(key, "draft" | "adopted").then(|| ctx.label("history-minutes", key));
    }
    if ItemStatus::parse(key).is_some() {
        return Some(ctx.label("status", key));
    }
    Lifecycle::ALL
        .iter()
        .any(|l| l.key() == key)
        .then(|| ctx.label("lifecycle", key))
}

/// The fields that differ between `before` and `after` (either may be absent: creation).
pub async fn changes(
    ctx: &Ctx,
    v: &Visible,
    before: Option<&Value>,
    after: Option<&Value>,
) -> StoreResult<Vec<Change>> {
    let mut old = BTreeMap::new();
    let mut new = BTreeMap::new();
    if let Some(b) = before {
        flatten("", b, &mut old);
    }
    if let Some(a) = after {
        flatten("", a, &mut new);
    }
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    let mut out = Vec::new();
    for path in paths {
        let (before, after) = (old.get(path), new.get(path));
        let same = before == after || (is_empty(before) && is_empty(after));
        if same || SKIPPED.contains(&last_name(path)) {
            continue;
        }
        out.push(Change {
            field: label(ctx, path),
            old: show_value(ctx, v, path, before).await?,
            new: show_value(ctx, v, path, after).await?,
        });
    }
    Ok(out)
}
