//! The shared vocabularies, read through the request's `Visible`: `/parties`, `/ranks`
//! and `/areas`, each a table with the "New …" and "Edit" links `decide` allows.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use taawun_core::{Id, PartyKind, RecordKind};
use taawun_store::{StoreResult, Visible};

use super::views::{Crumb, Link, render};
use crate::lookup::{Lookup, reader};
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

pub struct Row {
    /// The first cell, linked to the record's page when it has one.
    name: Markup,
    href: Option<String>,
    cells: Vec<Markup>,
    edit: Option<Link>,
}

#[derive(Template)]
#[template(path = "vocabulary.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    actions: Vec<Link>,
    heads: Vec<String>,
    rows: Vec<Row>,
    empty: String,
}

impl ListPage {
    fn editable(&self) -> bool {
        self.rows.iter().any(|r| r.edit.is_some())
    }
}

/// A code, isolated and left to right inside any page direction.
fn code(c: &str) -> Markup {
    Markup(format!("<bdi dir=\"ltr\">{}</bdi>", escape(c)))
}

/// The "Edit" link of a record, when the reader may edit it.
async fn edit(ctx: &Ctx, v: &Visible, entity: RecordKind, id: Id) -> StoreResult<Option<Link>> {
    Ok(crate::forms::actions(ctx, v, entity, id)
        .await?
        .into_iter()
        .next())
}

fn page(ctx: &Ctx, v: &Visible, list: &str, heads: Vec<String>, rows: Vec<Row>) -> ListPage {
    let (title, empty) = match list {
        "parties" => (ctx.t("vocab-parties-title"), ctx.t("vocab-parties-none")),
        "ranks" => (ctx.t("vocab-ranks-title"), ctx.t("vocab-ranks-none")),
        _ => (ctx.t("vocab-areas-title"), ctx.t("vocab-areas-none")),
    };
    ListPage {
        crumbs: vec![
            Crumb::home(ctx),
            Crumb::new(format!("/{list}"), Markup(escape(&title))),
        ],
        actions: crate::forms::list_actions(ctx, v, list),
        ctx: ctx.shown(v),
        title,
        heads,
        rows,
        empty,
    }
}

pub(crate) async fn parties(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let mut rows = Vec::new();
    for p in v.parties().await? {
        let kind = match p.kind {
            PartyKind::State => ctx.t("party-state"),
            PartyKind::InternationalOrganisation => ctx.t("party-international"),
        };
        rows.push(Row {
            name: ctx.text(&p.name),
            href: Some(format!("/parties/{}", p.id)),
            cells: vec![
                ctx.text(&p.short_name),
                Markup(escape(&kind)),
                code(p.iso_code.as_deref().unwrap_or("—")),
            ],
            edit: edit(&ctx, &v, RecordKind::Party, p.id).await?,
        });
    }
    let heads = ["col-name", "col-short-name", "col-kind", "col-iso"].map(|k| ctx.t(k));
    render(&page(&ctx, &v, "parties", heads.to_vec(), rows))
}

pub(crate) async fn ranks(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let mut lk = Lookup::new(&v);
    let mut rows = Vec::new();
    for r in v.ranks().await? {
        let party = lk.party(r.party_id).await?;
        rows.push(Row {
            name: ctx.text(&r.label),
            href: None,
            cells: vec![
                code(&r.nato_code),
                party.map_or_else(
                    || Markup("—".into()),
                    |p| {
                        Markup(format!(
                            "<a href=\"/parties/{}\">{}</a>",
                            p.id,
                            ctx.text(&p.short_name)
                        ))
                    },
                ),
            ],
            edit: edit(&ctx, &v, RecordKind::Rank, r.id).await?,
        });
    }
    let heads = ["col-rank", "form-nato-code", "col-party"].map(|k| ctx.t(k));
    render(&page(&ctx, &v, "ranks", heads.to_vec(), rows))
}

pub(crate) async fn areas(
    ctx: Ctx,
    State(state): State<AppState>,
) -> Result<Html<String>, WebError> {
    let v = reader(&state, &ctx);
    let mut rows = Vec::new();
    for a in v.areas().await? {
        rows.push(Row {
            name: ctx.text(&a.name),
            href: None,
            cells: vec![code(&a.code)],
            edit: edit(&ctx, &v, RecordKind::Area, a.id).await?,
        });
    }
    let heads = ["col-area", "form-area-code"].map(|k| ctx.t(k));
    render(&page(&ctx, &v, "areas", heads.to_vec(), rows))
}
