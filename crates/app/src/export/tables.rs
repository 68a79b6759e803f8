//! Each list as a table in the reader's language: the same records the list pages show,
//! read through the reader's `Visible`, with dates as dates and numbers as numbers so a
//! spreadsheet can sort and sum them.

use chrono::NaiveDate;
use taawun_core::{Id, Lang, LocalizedText};
use taawun_docs::{Column, ColumnKind, Table, Value};
use taawun_i18n::{message, message_count};
use taawun_store::{StoreResult, Visible};

use crate::lookup::Lookup;

/// Reports how many rows have been read so far (a job's progress).
pub type Tick<'a> = &'a (dyn Fn(usize) + Send + Sync);

pub(super) fn column(lang: Lang, key: &str, kind: ColumnKind) -> Column {
    Column {
        header: message(lang, key),
        kind,
    }
}

/// A localized text in the reader's language (or its fallback), as the pages show it.
pub(super) fn plain(lang: Lang, t: &LocalizedText) -> String {
    t.show(lang).to_string()
}

/// The label of an enum value: `label(lang, "status", "in_progress")` → `status-in_progress`.
pub(super) fn label(lang: Lang, prefix: &str, key: &str) -> String {
    message(lang, &format!("{prefix}-{key}"))
}

pub(super) fn text(lang: Lang, t: &LocalizedText) -> Value {
    let s = plain(lang, t);
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s)
    }
}

pub(super) fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Empty, Value::Date)
}

pub(super) fn table(lang: Lang, name_key: &str, columns: Vec<Column>) -> Table {
    Table {
        name: message(lang, name_key),
        rtl: lang == Lang::Ar,
        columns,
        rows: Vec::new(),
    }
}

async fn party_name(lk: &mut Lookup<'_>, lang: Lang, id: Id) -> StoreResult<Value> {
    Ok(match lk.party(id).await? {
        Some(p) => text(lang, &p.short_name),
        None => Value::Empty,
    })
}

pub async fn agreements(lang: Lang, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        lang,
        "agreements-title",
        vec![
            column(lang, "col-reference", Text),
            column(lang, "col-agreement", Text),
            column(lang, "col-kind", Text),
            column(lang, "col-status", Text),
            column(lang, "col-signed", Date),
            column(lang, "col-signed-place", Text),
            column(lang, "form-in-force-on", Date),
            column(lang, "col-parties", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    for a in v.agreements().await? {
        let mut parties = Vec::new();
        for p in &a.party_ids {
            if let Some(p) = lk.party(*p).await? {
                parties.push(plain(lang, &p.short_name));
            }
        }
        t.rows.push(vec![
            a.reference.clone().map_or(Value::Empty, Value::Text),
            text(lang, &a.title),
            Value::Text(label(lang, "kind", a.kind.key())),
            Value::Text(label(lang, "lifecycle", a.status.key())),
            date(a.signed_on),
            text(lang, &a.signed_place),
            date(a.in_force_on),
            Value::Text(parties.join(", ")),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn sessions(lang: Lang, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        lang,
        "sessions-title",
        vec![
            column(lang, "col-commission", Text),
            column(lang, "col-session", Text),
            column(lang, "col-start", Date),
            column(lang, "form-end-on", Date),
            column(lang, "col-place", Text),
            column(lang, "col-host", Text),
            column(lang, "decisions-title", Number),
        ],
    );
    let mut lk = Lookup::new(v);
    for c in v.commissions().await? {
        for s in v.sessions(Some(c.id)).await? {
            t.rows.push(vec![
                text(lang, &c.name),
                Value::Text(message_count(
                    lang,
                    "session-ordinal",
                    usize::try_from(s.ordinal).unwrap_or(usize::MAX),
                )),
                Value::Date(s.start_on),
                Value::Date(s.end_on),
                text(lang, &s.place),
                party_name(&mut lk, lang, s.host_party_id).await?,
                Value::Int(s.decisions.len() as i64),
            ]);
            tick(t.rows.len());
        }
    }
    Ok(t)
}

pub async fn people(lang: Lang, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        lang,
        "people-title",
        vec![
            column(lang, "col-name-arabic", Text),
            column(lang, "col-name-latin", Text),
            column(lang, "col-rank", Text),
            column(lang, "col-function", Text),
            column(lang, "col-organisation", Text),
            column(lang, "col-party", Text),
        ],
    );
    let mut lk = Lookup::new(v);
    for p in v.people(None).await? {
        let rank = match p.rank_id {
            Some(r) => lk.rank(r).await?.map(|r| plain(lang, &r.label)),
            None => None,
        };
        let org = match p.organisation_id {
            Some(o) => lk.organisation(o).await?.map(|o| plain(lang, &o.name)),
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
            text(lang, &p.function),
            opt(org),
            party_name(&mut lk, lang, p.party_id).await?,
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn activities(lang: Lang, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        lang,
        "activities-title",
        vec![
            column(lang, "col-kind", Text),
            column(lang, "export-col-title", Text),
            column(lang, "col-start", Date),
            column(lang, "form-end-on", Date),
            column(lang, "col-host", Text),
            column(lang, "col-place", Text),
            column(lang, "col-participants", Number),
            column(lang, "col-code", Text),
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
            Value::Text(label(lang, "activity", a.kind.key())),
            text(lang, &a.title),
            Value::Date(a.start_on),
            Value::Date(a.end_on),
            party_name(&mut lk, lang, a.host_party_id).await?,
            text(lang, &a.place),
            Value::Int(participants.into()),
            item.unwrap_or(Value::Empty),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}

pub async fn progress(lang: Lang, v: &Visible, tick: Tick<'_>) -> StoreResult<Table> {
    use ColumnKind::*;
    let mut t = table(
        lang,
        "progress-title",
        vec![
            column(lang, "col-code", Text),
            column(lang, "col-action", Text),
            column(lang, "col-reported-by", Text),
            column(lang, "col-date", Date),
            column(lang, "col-percent", Percent),
            column(lang, "col-status", Text),
            column(lang, "col-actual", Number),
            column(lang, "col-narrative", Text),
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
            text(lang, &item.title),
            party_name(&mut lk, lang, p.party_id).await?,
            Value::Date(p.reported_on),
            Value::Number(f64::from(p.percent) / 100.0),
            Value::Text(label(lang, "status", p.status.key())),
            p.indicator_actual.map_or(Value::Empty, Value::Number),
            text(lang, &p.narrative),
        ]);
        tick(t.rows.len());
    }
    Ok(t)
}
