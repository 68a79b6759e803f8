//! Agenda lines with the action items discussed under them (`AgendaItem::item_ids`): the
//! rows of the agenda part of the session form and of the next session's proposal, each
//! item offered as a checkbox labelled with where both sides stand; and what a save puts
//! back: the items of a line the user could not see (they were never offered).

use std::collections::HashMap;
use taawun_core::followup::ItemFacts;
use taawun_core::*;
use taawun_store::{FactsScope, StoreResult, Visible};

use super::input::Input;
use super::spec::{Field, Item, Opt, Row, Rows, Ty};
use super::{field, keep, text3};
use crate::ctx::Ctx;
use crate::lookup::Lookup;
use crate::markup::{Markup, escape};

/// The open and closed items of a commission as the reader sees them, with their facts,
/// for labelling checkboxes.
pub struct Labels<'a> {
    lk: Lookup<'a>,
    facts: HashMap<Id, ItemFacts>,
}

impl<'a> Labels<'a> {
    pub async fn of(v: &'a Visible, commission: Id) -> StoreResult<Self> {
        let facts = v.item_facts(FactsScope::Commission(commission)).await?;
        Ok(Labels {
            lk: Lookup::new(v),
            facts: facts.into_iter().map(|f| (f.id, f)).collect(),
        })
    }

    /// "2.1 Exchange visits — Morocco: in progress, 40 % · Mali: planned, 0 % · due 31
    /// March 2026"; `None` for an item the reader may not see.
    pub async fn item(&mut self, ctx: &Ctx, v: &Visible, id: Id) -> StoreResult<Option<Opt>> {
        let Some(item) = v.item(id).await? else {
            return Ok(None);
        };
        let mut label = format!(
            "<strong>{}</strong> {}",
            escape(&item.code),
            ctx.text(&item.title)
        );
        if let Some(f) = self.facts.get(&id) {
            let mut states = Vec::new();
            for s in &f.sides {
                let party = match self.lk.party(s.party_id).await? {
                    Some(p) => ctx.plain(&p.short_name),
                    None => continue,
                };
                let mut args = taawun_i18n::FluentArgs::new();
                args.set("party", party);
                args.set("status", ctx.label("status", s.status.key()));
                args.set("percent", ctx.percent(&s.percent));
                states.push(escape(&crate::i18n::format(
                    ctx.lang,
                    "item-side-state",
                    Some(&args),
                )));
            }
            if let Some(due) = f.due_on {
                states.push(escape(&crate::i18n::message_with(
                    ctx.lang,
                    "item-due-on",
                    "date",
                    &ctx.date(&due),
                )));
            }
            // Late or at risk, in words: the proposal is where the secretariat decides
            // what the next session must take up.
            let judged = taawun_core::followup::assess_facts(f, ctx.today, &crate::clock::rules());
            if judged.overdue {
                states.push(format!(
                    "<strong class=\"late\">{}</strong>",
                    escape(&ctx.t("assessment-overdue"))
                ));
            } else if judged.at_risk.is_some() {
                states.push(format!(
                    "<strong class=\"late\">{}</strong>",
                    escape(&ctx.t("assessment-at-risk"))
                ));
            }
            if !states.is_empty() {
                label.push_str(&format!(
                    " <span class=\"sub\">— {}</span>",
                    states.join(" · ")
                ));
            }
        }
        Ok(Some(Opt {
            value: id.to_string(),
            label: Markup(label),
        }))
    }

    pub async fn items(&mut self, ctx: &Ctx, v: &Visible, ids: &[Id]) -> StoreResult<Vec<Opt>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.item(ctx, v, *id).await?);
        }
        Ok(out)
    }
}

/// One agenda line: its title in three languages, the items offered under it (none for a
/// line without items), and its legend (the area, for a proposed line).
pub struct Line {
    pub legend: Option<Markup>,
    pub items: Vec<Opt>,
}

/// The agenda rows: the given lines, then blank ones up to `n` (from `Input::rows`).
pub fn rows(ctx: &Ctx, lines: &[Line], n: usize, with_example: bool) -> Item {
    let rows = (0..n.max(lines.len()))
        .map(|i| {
            let line = lines.get(i);
            let mut items = vec![
                text3("title", ctx.t("form-agenda-item"), false, false),
                text3("conclusions", ctx.t("form-agenda-conclusions"), true, true),
            ];
            if let Some(l) = line.filter(|l| !l.items.is_empty()) {
                items.push(Item::Field(
                    Field::new(
                        "item_ids",
                        ctx.t("form-agenda-carried"),
                        Ty::Multi(l.items.clone()),
                    )
                    .optional()
                    .hint(ctx.t("form-agenda-carried-hint")),
                ));
            }
            if with_example {
                items.push(field("example", ctx.t("form-example"), Ty::Check));
            }
            Row {
                items,
                legend: line.and_then(|l| l.legend.clone()),
                ..Row::default()
            }
        })
        .collect();
    Item::Rows(Rows {
        path: "agenda".into(),
        legend: ctx.t("agenda-title"),
        rows,
        extendable: true,
        table: false,
    })
}

/// The agenda part of the session form: one line per stored agenda item (its visible
/// items offered, ticked), then blank lines.
pub async fn part(
    ctx: &Ctx,
    v: &Visible,
    c: &Commission,
    shown: Option<&Session>,
    input: &Input,
    fresh: bool,
) -> StoreResult<Item> {
    let mut labels = Labels::of(v, c.id).await?;
    let mut lines = Vec::new();
    for a in shown.map(|s| s.agenda.as_slice()).unwrap_or_default() {
        lines.push(Line {
            legend: None,
            items: labels.items(ctx, v, &a.item_ids).await?,
        });
    }
    let n = input.rows("agenda", fresh).max(lines.len());
    Ok(rows(ctx, &lines, n, true))
}

/// Puts back, on each agenda line kept, the stored items the user could not see. `renames`
/// maps each saved line to the form line it came from, which is the stored line of the
/// same position (the form lists the stored lines in order).
pub async fn keep_hidden(
    v: &Visible,
    raw: &Session,
    rec: &mut Session,
    renames: &[(String, String)],
) -> StoreResult<()> {
    let position = |prefix: &str| -> Option<usize> {
        prefix
            .strip_prefix("agenda.")?
            .strip_suffix('.')?
            .parse()
            .ok()
    };
    for (saved, form) in renames {
        let (Some(k), Some(i)) = (position(saved), position(form)) else {
            continue;
        };
        if let (Some(line), Some(stored)) = (rec.agenda.get_mut(k), raw.agenda.get(i)) {
            keep::ids(
                v,
                RecordKind::ActionItem,
                &stored.item_ids,
                &mut line.item_ids,
            )
            .await?;
        }
    }
    Ok(())
}
