//! Choices for selects, read through `Visible`: a form offers only the parties,
//! organisations, people, areas, ranks and records the reader may see, so a posted id
//! outside them (forged, or hidden from this user) is a field error. Enum choices are
//! labelled from the catalogues.

use taawun_core::*;
use taawun_store::{StoreResult, Visible};

use super::spec::Opt;
use crate::ctx::Ctx;
use crate::markup::{self, Markup, escape};

fn opt(value: impl ToString, label: String) -> Opt {
    Opt {
        value: value.to_string(),
        label: Markup(escape(&label)),
    }
}

/// Catalogue-labelled choices of an enum: `prefix-key` for each key.
pub fn keys(ctx: &Ctx, prefix: &str, keys: &[&'static str]) -> Vec<Opt> {
    keys.iter().map(|k| opt(k, ctx.label(prefix, k))).collect()
}

pub async fn parties(ctx: &Ctx, v: &Visible, only: Option<&[Id]>) -> StoreResult<Vec<Opt>> {
    Ok(v.parties()
        .await?
        .into_iter()
        .filter(|p| only.is_none_or(|ids| ids.contains(&p.id)))
        .map(|p| opt(p.id, ctx.plain(&p.short_name)))
        .collect())
}

/// Short names of the visible parties, for labels such as "Delegation of Mali".
pub async fn party_name(ctx: &Ctx, v: &Visible, id: Id) -> StoreResult<String> {
    Ok(v.party(id)
        .await?
        .map(|p| ctx.plain(&p.short_name))
        .unwrap_or_else(|| "—".into()))
}

/// Organisations, of the given parties when given, each named with its acronym.
pub async fn organisations(ctx: &Ctx, v: &Visible, of: Option<&[Id]>) -> StoreResult<Vec<Opt>> {
    Ok(v.organisations(None)
        .await?
        .into_iter()
        .filter(|o| of.is_none_or(|ids| ids.contains(&o.party_id)))
        .map(|o| {
            let name = ctx.plain(&o.name);
            let label = match &o.acronym {
                Some(a) => format!("{name} ({a})"),
                None => name,
            };
            opt(o.id, label)
        })
        .collect())
}

/// People, of the given parties when given, named in the reader's script.
pub async fn people(ctx: &Ctx, v: &Visible, of: Option<&[Id]>) -> StoreResult<Vec<Opt>> {
    Ok(v.people(None)
        .await?
        .into_iter()
        .filter(|p| of.is_none_or(|ids| ids.contains(&p.party_id)))
        .map(|p| opt(p.id, markup::person_plain(ctx.lang, &p)))
        .collect())
}

pub async fn areas(ctx: &Ctx, v: &Visible) -> StoreResult<Vec<Opt>> {
    Ok(v.areas()
        .await?
        .into_iter()
        .map(|a| opt(a.id, ctx.plain(&a.name)))
        .collect())
}

/// Ranks named with their party, since both parties often have a rank of the same name.
pub async fn ranks(ctx: &Ctx, v: &Visible) -> StoreResult<Vec<Opt>> {
    let parties = v.parties().await?;
    let party = |id| {
        parties
            .iter()
            .find(|p| p.id == id)
            .map(|p| ctx.plain(&p.short_name))
            .unwrap_or_default()
    };
    Ok(v.ranks()
        .await?
        .into_iter()
        .map(|r| {
            let label = format!(
                "{} ({}) · {}",
                ctx.plain(&r.label),
                r.nato_code,
                party(r.party_id)
            );
            opt(r.id, label)
        })
        .collect())
}

pub async fn commissions(ctx: &Ctx, v: &Visible) -> StoreResult<Vec<Opt>> {
    Ok(v.commissions()
        .await?
        .into_iter()
        .map(|c| opt(c.id, ctx.plain(&c.name)))
        .collect())
}

pub async fn agreements(ctx: &Ctx, v: &Visible, except: Option<Id>) -> StoreResult<Vec<Opt>> {
    Ok(v.agreements()
        .await?
        .into_iter()
        .filter(|a| Some(a.id) != except)
        .map(|a| opt(a.id, ctx.plain(&a.title)))
        .collect())
}

/// Sessions of a commission (all visible ones when none), by their ordinal title.
pub async fn sessions(ctx: &Ctx, v: &Visible, of: Option<Id>) -> StoreResult<Vec<Opt>> {
    let mut out = Vec::new();
    for s in v.sessions(of).await? {
        let commission = v.commission(s.commission_id).await?;
        let name = commission.map(|c| ctx.plain(&c.name)).unwrap_or_default();
        out.push(opt(
            s.id,
            format!("{} — {name}", ctx.tn("session-ordinal", s.ordinal)),
        ));
    }
    Ok(out)
}

/// Clauses of an agreement, as "Article n — heading".
pub async fn clauses(ctx: &Ctx, v: &Visible, agreement: Id) -> StoreResult<Vec<Opt>> {
    Ok(v.clauses(agreement)
        .await?
        .into_iter()
        .map(|c| {
            let n = ctx.tn("clause-number", c.number);
            let heading = ctx.plain(&c.heading);
            opt(
                c.id,
                if heading.is_empty() {
                    n
                } else {
                    format!("{n} — {heading}")
                },
            )
        })
        .collect())
}

/// Markings up to the reader's clearance: a record marked above it would vanish for them.
pub fn markings(ctx: &Ctx) -> Vec<Opt> {
    let clearance = ctx.principal().clearance;
    Marking::ALL
        .into_iter()
        .filter(|m| *m <= clearance)
        .map(|m| opt(m.key(), ctx.label("marking", m.key())))
        .collect()
}

pub fn releasabilities(ctx: &Ctx) -> Vec<Opt> {
    [Releasability::AllParties, Releasability::OriginatorOnly]
        .into_iter()
        .map(|r| opt(r.key(), ctx.label("releasability", r.key())))
        .collect()
}
