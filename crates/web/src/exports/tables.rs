//! Each list as a table in the reader's language: the same records the list pages show,
//! read through the reader's `Visible`, with dates as dates and numbers as numbers so a
//! spreadsheet can sort and sum them.

use chrono::NaiveDate;
use taawun_core::{Id, LocalizedText};
use taawun_docs::{Column, ColumnKind, Table, Value};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::lookup::Lookup;

/// Reports how many rows have been read so far (a job's progress).
pub type Tick<'a> = &'a (dyn Fn(usize) + Send + Sync);

pub(super) fn column(ctx: &Ctx, key: &str, kind: ColumnKind) -> Column {
    Column {
        header: ctx.t(key),
        kind,
    }
}

pub(super) fn text(ctx: &Ctx, t: &LocalizedText) -> Value {
    let s = ctx.plain(t);
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s)
    }
}

pub(super) fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Empty, Value::Date)
}

pub(super) fn table(ctx: &Ctx, name_key: &str, columns: Vec<Column>) -> Table {
    Table {
        name: ctx.t(name_key),
        rtl: ctx.lang == taawun_core::Lang::Ar,
        columns,
        rows: Vec::new(),
    }
}

async fn party_name(lk: &mut Lookup<'_>, ctx: &Ctx, id: Id) -> StoreResult<Value> {
    Ok(match lk.party(id).await? {
        Some(p) => text(ctx, &p.short_name),
        None => Value::Empty,
    })
}

pub async fn agreements(ctx: &Ctx, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        ctx,
        "agreements-title",
        vec![
            column(ctx, "col-reference", Text),
            column(ctx, "col-agreement", Text),
            column(ctx, "col-kind", Text),
            column(ctx, "col-status", Text),
            column(ctx, "col-signed", Date),
            column(ctx, "col-signed-place", Text),
            column(ctx, "form-in-force-on", Date),
            column(ctx, "col-parties", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    for a in v.agreements().await? {
        let mut parties = Vec::new();
        for p in &a.party_ids {
            if let Some(p) = lk.party(*p).await? {
                parties.push(ctx.plain(&p.short_name));
            }
        }
        t.rows.push(vec![
            a.reference.clone().map_or(Value::Empty, Value::Text),
            text(ctx, &a.title),
            Value::Text(ctx.label("kind", a.kind.key())),
            Value::Text(ctx.label("lifecycle", a.status.key())),
            date(a.signed_on),
            text(ctx, &a.signed_place),
            date(a.in_force_on),
            Value::Text(parties.join(", ")),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn sessions(ctx: &Ctx, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        ctx,
        "sessions-title",
        vec![
            column(ctx, "col-commission", Text),
            column(ctx, "col-session", Text),
            column(ctx, "col-start", Date),
            column(ctx, "form-end-on", Date),
            column(ctx, "col-place", Text),
            column(ctx, "col-host", Text),
            column(ctx, "decisions-title", Number),
        ],
    );
    let mut lk = Lookup::new(v);
    for c in v.commissions().await? {
        for s in v.sessions(Some(c.id)).await? {
            t.rows.push(vec![
                text(ctx, &c.name),
                Value::Text(crate::pages::sessions::ordinal_title(ctx, s.ordinal)),
                Value::Date(s.start_on),
                Value::Date(s.end_on),
                text(ctx, &s.place),
                party_name(&mut lk, ctx, s.host_party_id).await?,
                Value::Int(s.decisions.len() as i64),
            ]);
            tick(t.rows.len());
        }
    }
    Ok(t)
}

pub async fn people(ctx: &Ctx, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        ctx,
        "people-title",
        vec![
            column(ctx, "col-name-arabic", Text),
            column(ctx, "col-name-latin", Text),
            column(ctx, "col-rank", Text),
            column(ctx, "col-function", Text),
            column(ctx, "col-organisation", Text),
            column(ctx, "col-party", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    for p in v.people(None).await? {
        let rank = match p.rank_id {
            Some(r) => lk.rank(r).await?.map(|r| ctx.plain(&r.label)),
            None => None,
        };
        let org = match p.organisation_id {
            Some(o) => lk.organisation(o).await?.map(|o| ctx.plain(&o.name)),
            None => None,
        };
        let opt = |s: Option<String>| s.map_or(Value::Empty, Value::Text);
        let nonempty = |s: &str| {
            if s.trim().is_empty() {
                Value::Empty
            } else {
                Value::Text(s.trim().to_string())
            }
        };
        t.rows.push(vec![
            nonempty(&p.name_ar),
            nonempty(&p.name_latin),
            opt(rank),
            text(ctx, &p.function),
            opt(org),
            party_name(&mut lk, ctx, p.party_id).await?,
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn activities(ctx: &Ctx, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        ctx,
        "activities-title",
        vec![
            column(ctx, "col-kind", Text),
            column(ctx, "export-col-title", Text),
            column(ctx, "col-start", Date),
            column(ctx, "form-end-on", Date),
            column(ctx, "col-host", Text),
            column(ctx, "col-place", Text),
            column(ctx, "col-participants", Number),
            column(ctx, "col-code", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    for a in v.activities(None).await? {
        let item = match a.item_id {
            Some(i) => v.item(i).await?.map(|i| Value::Text(i.code)),
            None => None,
        };
        let participants: u32 = a.participants.iter().map(|p| p.count).sum();
        t.rows.push(vec![
            Value::Text(ctx.label("activity", a.kind.key())),
            text(ctx, &a.title),
            Value::Date(a.start_on),
            Value::Date(a.end_on),
            party_name(&mut lk, ctx, a.host_party_id).await?,
            text(ctx, &a.place),
            Value::Int(participants.into()),
            item.unwrap_or(Value::Empty),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn progress(ctx: &Ctx, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        ctx,
        "progress-title",
        vec![
            column(ctx, "col-code", Text),
            column(ctx, "col-action", Text),
            column(ctx, "col-reported-by", Text),
            column(ctx, "col-date", Date),
            column(ctx, "col-percent", Percent),
            column(ctx, "col-status", Text),
            column(ctx, "col-actual", Number),
            column(ctx, "col-narrative", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    let mut items = std::collections::HashMap::new();
    for p in v.progress_since(NaiveDate::MIN).await? {
        if let std::collections::hash_map::Entry::Vacant(slot) = items.entry(p.item_id) {
            slot.insert(v.item(p.item_id).await?);
        }
        // A report whose item the reader may not see is not listed, as on the pages.
        let Some(Some(item)) = items.get(&p.item_id) else {
            continue;
        };
        t.rows.push(vec![
            Value::Text(item.code.clone()),
            text(ctx, &item.title),
            party_name(&mut lk, ctx, p.party_id).await?,
            Value::Date(p.reported_on),
            Value::Number(f64::from(p.percent) / 100.0),
            Value::Text(ctx.label("status", p.status.key())),
            p.indicator_actual.map_or(Value::Empty, Value::Number),
            text(ctx, &p.narrative),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}
