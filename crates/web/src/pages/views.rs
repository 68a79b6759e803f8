//! View pieces several pages share: breadcrumbs, links to records, people with their rank
//! and function, action items with their lead bodies.

use askama::Template;
use axum::response::Html;
use taawun_core::{Action, ActionItem, DelegationRole, Id, RecordKind};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::error::WebError;
use crate::lookup::Lookup;
use crate::markup::Markup;

/// Renders a page template, turning a template failure into the 500 page.
pub fn render(page: &impl Template) -> Result<Html<String>, WebError> {
    Ok(Html(page.render()?))
}

pub struct Crumb {
    pub href: String,
    pub label: Markup,
}

impl Crumb {
    pub fn new(href: impl Into<String>, label: Markup) -> Self {
        Crumb {
            href: href.into(),
            label,
        }
    }

    pub fn home(ctx: &Ctx) -> Self {
        Crumb::new("/", Markup(crate::markup::escape(&ctx.t("nav-home"))))
    }
}

/// A link to a record, with its label already rendered.
pub struct Link {
    pub href: String,
    pub label: Markup,
}

/// The link to a record's history page, only for readers allowed to see it (auditors and
/// administrators): others never see a link that would answer 403.
pub async fn history_href(v: &Visible, entity: RecordKind, id: Id) -> StoreResult<Option<String>> {
    Ok(v.allows(Action::ViewHistory, entity, id)
        .await?
        .then(|| format!("/history/{entity}/{id}")))
}

/// Links to the record before and after this one in a list the reader may see, so a
/// hidden neighbour is skipped rather than hinted at.
#[derive(Default)]
pub struct Pager {
    pub prev: Option<Link>,
    pub next: Option<Link>,
}

impl Pager {
    /// The neighbours of `id` in `ids` (already filtered and in reading order).
    pub fn around<T>(
        list: &[T],
        id: Id,
        key: impl Fn(&T) -> Id,
        link: impl Fn(&T) -> Link,
    ) -> Self {
        let Some(at) = list.iter().position(|x| key(x) == id) else {
            return Pager::default();
        };
        Pager {
            prev: at.checked_sub(1).and_then(|i| list.get(i)).map(&link),
            next: list.get(at + 1).map(&link),
        }
    }
}

pub async fn party_link(lk: &mut Lookup<'_>, ctx: &Ctx, id: Id) -> StoreResult<Link> {
    let label = match lk.party(id).await? {
        Some(p) => ctx.text(&p.short_name),
        None => Markup(String::from("—")),
    };
    Ok(Link {
        href: format!("/parties/{id}"),
        label,
    })
}

pub async fn parties_links(lk: &mut Lookup<'_>, ctx: &Ctx, ids: &[Id]) -> StoreResult<Vec<Link>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(party_link(lk, ctx, *id).await?);
    }
    Ok(out)
}

pub async fn organisation_link(
    lk: &mut Lookup<'_>,
    ctx: &Ctx,
    id: Id,
) -> StoreResult<Option<Link>> {
    Ok(lk.organisation(id).await?.map(|o| Link {
        href: format!("/organisations/{id}"),
        label: ctx.text(&o.name),
    }))
}

/// A person as pages list them: name in both scripts, rank, function, organisation.
pub struct PersonRow {
    pub href: String,
    pub name: Markup,
    pub role: Option<String>,
    pub rank: String,
    pub function: Markup,
    pub organisation: Option<Link>,
}

pub async fn person_row(
    lk: &mut Lookup<'_>,
    ctx: &Ctx,
    id: Id,
    role: Option<DelegationRole>,
) -> StoreResult<Option<PersonRow>> {
    let Some(p) = lk.person(id).await? else {
        return Ok(None);
    };
    let rank = match p.rank_id {
        Some(r) => lk.rank(r).await?.map(|r| ctx.plain(&r.label)),
        None => None,
    };
    let organisation = match p.organisation_id {
        Some(o) => organisation_link(lk, ctx, o).await?,
        None => None,
    };
    Ok(Some(PersonRow {
        href: format!("/people/{id}"),
        name: ctx.name(&p),
        role: role.map(|r| ctx.label("role", r.key())),
        rank: rank.unwrap_or_default(),
        function: if p.function.is_empty() {
            Markup::default()
        } else {
            ctx.text(&p.function)
        },
        organisation,
    }))
}

pub async fn people_rows(
    lk: &mut Lookup<'_>,
    ctx: &Ctx,
    ids: &[Id],
) -> StoreResult<Vec<PersonRow>> {
    lk.prefetch_people(ids).await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(person_row(lk, ctx, *id, None).await?);
    }
    Ok(out)
}

/// An action item as tables list it; `leads` follows the column order the page chose.
pub struct ItemRow {
    pub href: String,
    pub code: String,
    pub title: Markup,
    pub status: String,
    pub status_key: &'static str,
    pub due: String,
    pub example: bool,
    pub leads: Vec<Markup>,
    /// Another item of the same plan in the list carries this code too.
    pub shared_code: bool,
    /// Still open past its due date: said in words beside the status (`_items.html`).
    pub late: bool,
    /// Not late yet but at risk (behind its schedule or silent too long): said in words too.
    pub at_risk: bool,
}

/// Uniqueness of codes, session numbers and article numbers is among what the writer may
/// see (issue 10, finding 6), so a reader cleared for more may meet two records with one
/// code. Those readers are the ones shown it, next to both: they can tell the records apart
/// and renumber one. `key` names the record's code within its parent.
pub fn shared_codes<T, K: Eq + std::hash::Hash>(records: &[T], key: impl Fn(&T) -> K) -> Vec<bool> {
    let mut counts = std::collections::HashMap::new();
    for r in records {
        *counts.entry(key(r)).or_insert(0usize) += 1;
    }
    records.iter().map(|r| counts[&key(r)] > 1).collect()
}

/// Rows for items, with lead bodies laid out under `columns` (one per party), so both
/// sides' leads sit side by side; items may have leads of parties not in `columns`: they
/// are appended to the last cell rather than lost.
pub async fn item_rows(
    lk: &mut Lookup<'_>,
    ctx: &Ctx,
    items: &[ActionItem],
    columns: &[Id],
) -> StoreResult<Vec<ItemRow>> {
    let named = items.iter().flat_map(|i| &i.leads).flat_map(|l| {
        [
            (RecordKind::Organisation, l.organisation_id),
            (RecordKind::Party, l.party_id),
        ]
    });
    lk.prefetch(named.collect()).await?;
    let mut rows = Vec::with_capacity(items.len());
    // One query for the rows shown, by key: the stored threshold dates say who is at risk.
    let at_risk = lk.at_risk(items, ctx.today).await?;
    let shared = shared_codes(items, |i| (i.plan_id, i.code.clone()));
    for (item, shared_code) in items.iter().zip(shared) {
        let mut leads = vec![String::new(); columns.len().max(1)];
        for lead in &item.leads {
            let slot = columns
                .iter()
                .position(|p| *p == lead.party_id)
                .unwrap_or(leads.len() - 1);
            if let Some(link) = organisation_link(lk, ctx, lead.organisation_id).await? {
                let cell = &mut leads[slot];
                if !cell.is_empty() {
                    cell.push_str("<br>");
                }
                cell.push_str(&format!("<a href=\"{}\">{}</a>", link.href, link.label));
            }
        }
        rows.push(ItemRow {
            href: format!("/items/{}", item.id),
            code: item.code.clone(),
            title: ctx.text(&item.title),
            status: ctx.label("status", item.status.key()),
            status_key: item.status.key(),
            due: ctx.date_opt(&item.due_on),
            example: item.example,
            leads: leads.into_iter().map(Markup).collect(),
            shared_code,
            late: taawun_core::followup::overdue_on(item.status, item.due_on, ctx.today),
            at_risk: at_risk.contains(&item.id),
        });
    }
    Ok(rows)
}

/// A column heading as the table head shows it (`html`) and as a phone shows it before each
/// cell of its column once the rows are stacked (`label`, plain text for `data-label`).
pub struct Head {
    pub html: Markup,
    pub label: String,
}

/// Column headings for lead bodies: "Lead body — Morocco", "Lead body — Mali".
pub async fn lead_heads(lk: &mut Lookup<'_>, ctx: &Ctx, parties: &[Id]) -> StoreResult<Vec<Head>> {
    let mut out = Vec::new();
    for id in parties {
        let party = lk.party(*id).await?;
        let name = party
            .as_ref()
            .map(|p| ctx.text(&p.short_name))
            .unwrap_or(Markup(String::from("—")));
        let plain = party
            .as_ref()
            .map(|p| ctx.plain(&p.short_name))
            .unwrap_or_else(|| String::from("—"));
        out.push(Head {
            html: Markup(format!(
                "{} <span class=\"sub\">{}</span>",
                crate::markup::escape(&ctx.t("col-lead")),
                name
            )),
            label: format!("{} ({plain})", ctx.t("col-lead")),
        });
    }
    if out.is_empty() {
        out.push(Head {
            html: Markup(crate::markup::escape(&ctx.t("col-lead"))),
            label: ctx.t("col-lead"),
        });
    }
    Ok(out)
}
