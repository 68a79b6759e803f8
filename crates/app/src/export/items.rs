//! The items list as a table: the items `/items?…` lists for the same query, with the
//! importer's own column names for the fields an import reads (code, titles, area, lead
//! bodies, dates, and each item's id and version last), so an exported sheet imports back
//! with every column recognised, its rows updating the items they came from. The status
//! says "overdue" in words, by the pages' one rule (`followup::overdue_on`), or "at risk" as
//! the item rows do (the stored threshold dates).

use chrono::NaiveDate;
use std::collections::HashMap;
use taawun_core::import::Field;
use taawun_core::{ActionItem, Id, Lang, Party};
use taawun_docs::{Column, ColumnKind, Table, Value};
use taawun_i18n::{FieldLabel, message};
use taawun_store::{StoreResult, Visible};

use super::tables::{Tick, column, date, label, table, text};
use crate::items::{ItemSelection, admitted};
use crate::lookup::Lookup;

pub async fn items(
    lang: Lang,
    v: &Visible,
    sel: &ItemSelection,
    today: NaiveDate,
    tick: Tick<'_>,
) -> StoreResult<Table> {
    let facts = admitted(v, sel, today).await?;
    let mut items: Vec<ActionItem> = Vec::with_capacity(facts.len());
    for f in &facts {
        items.extend(v.item(f.id).await?);
        tick(items.len());
    }
    let mut lk = Lookup::new(v);
    // One lead column per party leading any listed item, in order of first appearance.
    let mut parties: Vec<Party> = Vec::new();
    for l in items.iter().flat_map(|i| &i.leads) {
        if !parties.iter().any(|p| p.id == l.party_id)
            && let Some(p) = lk.party(l.party_id).await?
        {
            parties.push(p);
        }
    }
    let field = |f: Field, kind: ColumnKind| Column {
        header: f.label(lang, &parties),
        kind,
    };
    let mut columns = vec![field(Field::Code, ColumnKind::Text)];
    columns.extend(Lang::ALL.map(|l| field(Field::Title(l), ColumnKind::Text)));
    columns.push(field(Field::Area, ColumnKind::Text));
    columns.extend(
        parties
            .iter()
            .map(|p| field(Field::Lead(p.id), ColumnKind::Text)),
    );
    columns.push(field(Field::StartOn, ColumnKind::Date));
    columns.push(field(Field::DueOn, ColumnKind::Date));
    columns.push(column(lang, "col-status", ColumnKind::Text));
    columns.push(column(lang, "col-percent", ColumnKind::Percent));
    columns.push(column(lang, "col-plan", ColumnKind::Text));
    columns.push(field(Field::Id, ColumnKind::Text));
    columns.push(field(Field::Version, ColumnKind::Number));
    let mut t = table(lang, "export-items", columns);

    let mut plans: HashMap<Id, Value> = HashMap::new();
    // Who is at risk, as the pages say it: one read of the stored threshold dates.
    let at_risk = lk.at_risk(&items, today).await?;
    let percents: HashMap<Id, u8> = facts.iter().map(|f| (f.id, f.percent)).collect();
    for i in &items {
        let mut row = vec![Value::Text(i.code.clone())];
        row.extend(Lang::ALL.map(|l| {
            i.title
                .get(l)
                .filter(|s| !s.trim().is_empty())
                .map_or(Value::Empty, |s| Value::Text(s.to_string()))
        }));
        row.push(match lk.area(i.area_id).await? {
            Some(a) => text(lang, &a.name),
            None => Value::Empty,
        });
        for p in &parties {
            let lead = i.leads.iter().find(|l| l.party_id == p.id);
            row.push(match lead {
                Some(l) => match lk.organisation(l.organisation_id).await? {
                    Some(o) => text(lang, &o.name),
                    None => Value::Empty,
                },
                None => Value::Empty,
            });
        }
        row.push(date(i.start_on));
        row.push(date(i.due_on));
        let mut status = label(lang, "status", i.status.key());
        if taawun_core::followup::overdue_on(i.status, i.due_on, today) {
            status = format!("{status} · {}", message(lang, "assessment-overdue"));
        } else if at_risk.contains(&i.id) {
            status = format!("{status} · {}", message(lang, "assessment-at-risk"));
        }
        row.push(Value::Text(status));
        row.push(Value::Number(
            f64::from(percents.get(&i.id).copied().unwrap_or(0)) / 100.0,
        ));
        if let std::collections::hash_map::Entry::Vacant(slot) = plans.entry(i.plan_id) {
            slot.insert(match v.plan(i.plan_id).await? {
                Some(p) => text(lang, &p.title),
                None => Value::Empty,
            });
        }
        row.push(plans[&i.plan_id].clone());
        row.push(Value::Text(i.id.to_string()));
        row.push(Value::Int(i.version));
        t.rows.push(row);
    }
    Ok(t)
}
