//! The import pages: the upload form, and the preview with the column mapping, every row's
//! problems, how many rows are new, changed and unchanged, a sample of what the commit writes
//! (each row's change named), and the commit button (only when clean and something changes).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use taawun_app::import::ImportWorld;
use taawun_core::Id;
use taawun_core::import::{Change, Field, Mapping, Preview, fields};
use taawun_i18n::{FieldLabel, ProblemWording};
use taawun_store::Visible;

use super::uploads::Upload;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::pages::views::{Crumb, render};

/// Problems listed on the page; beyond it, a count (the file must be fixed anyway).
const SHOWN_PROBLEMS: usize = 300;
/// Items shown as a sample of what the commit creates.
const SAMPLE: usize = 20;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct ColumnView {
    pub index: usize,
    pub header: String,
    pub examples: String,
    pub choices: Vec<Choice>,
}

pub struct ProblemView {
    pub row: String,
    pub column: String,
    pub message: String,
}

pub struct SampleRow {
    /// "Nouvelle", or "Modifiée : Échéance".
    pub change: String,
    pub code: String,
    pub title: String,
    pub area: String,
    pub leads: String,
    pub dates: String,
}

#[derive(askama::Template)]
#[template(path = "import.html")]
struct ImportPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    plan_href: String,
    upload_action: String,
    error: Option<String>,
    /// Present once a file was read.
    review: Option<Review>,
}

struct Review {
    action: String,
    file_name: String,
    rows: String,
    columns: Vec<ColumnView>,
    problems: Vec<ProblemView>,
    more_problems: Option<String>,
    problems_count: String,
    /// "1 action modifiée · 25 lignes inchangées".
    summary: String,
    /// A clean file whose every row matches its item: nothing to commit.
    nothing_to_change: bool,
    clean: bool,
    sample: Vec<SampleRow>,
    commit_label: String,
}

fn crumbs(ctx: &Ctx, world: &ImportWorld, title: &str) -> Vec<Crumb> {
    vec![
        Crumb::home(ctx),
        Crumb::new(
            format!("/plans/{}", world.plan.id),
            ctx.text(&world.plan.title),
        ),
        Crumb::new(
            format!("/plans/{}/import", world.plan.id),
            crate::markup::Markup(crate::markup::escape(title)),
        ),
    ]
}

fn respond(page: &ImportPage, status: StatusCode) -> Result<Response, WebError> {
    Ok((status, render(page)?).into_response())
}

pub fn upload_page(
    ctx: &Ctx,
    v: &Visible,
    world: &ImportWorld,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let title = ctx.t("import-title");
    let page = ImportPage {
        crumbs: crumbs(ctx, world, &title),
        plan_href: format!("/plans/{}", world.plan.id),
        upload_action: format!("/plans/{}/import", world.plan.id),
        error,
        review: None,
        title,
        ctx: ctx.shown(v),
    };
    respond(&page, status)
}

#[allow(clippy::too_many_arguments)]
pub fn preview_page(
    ctx: &Ctx,
    v: &Visible,
    world: &ImportWorld,
    upload_id: Id,
    upload: &Upload,
    mapping: &Mapping,
    preview: &Preview,
    error: Option<String>,
) -> Result<Response, WebError> {
    let title = ctx.t("import-title");
    let parties = &world.parties;
    let all = fields(parties);
    let columns = upload
        .sheet
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let current = mapping.0.get(index).cloned().flatten();
            let mut choices = vec![Choice {
                value: String::new(),
                label: ctx.t("import-ignore-column"),
                selected: current.is_none(),
            }];
            choices.extend(all.iter().map(|f: &Field| Choice {
                value: f.key(parties),
                label: f.label(ctx.lang, parties),
                selected: current.as_ref() == Some(f),
            }));
            let examples: Vec<String> = upload
                .sheet
                .rows
                .iter()
                .filter_map(|r| r.get(index).map(|c| c.display()))
                .filter(|s| !s.is_empty())
                .take(3)
                .collect();
            ColumnView {
                index,
                header: header.clone(),
                examples: examples.join(" · "),
                choices,
            }
        })
        .collect();
    let number = |n: usize| crate::fmt::integer(ctx.lang, n as u64);
    let problems = preview
        .problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| ProblemView {
            row: if p.row == 0 {
                String::from("—")
            } else {
                number(p.row)
            },
            column: p.column.clone().unwrap_or_default(),
            message: p.message(ctx.lang, parties),
        })
        .collect();
    let more = preview.problems.len().saturating_sub(SHOWN_PROBLEMS);
    let area = |id: Id| {
        world
            .areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| ctx.plain(&a.name))
            .unwrap_or_default()
    };
    let organisation = |id: Id| {
        world
            .organisations
            .iter()
            .find(|o| o.id == id)
            .map(|o| ctx.plain(&o.name))
            .unwrap_or_default()
    };
    let change = |c: &Change| match c {
        Change::New => ctx.t("import-change-new"),
        Change::NewUnmatched => ctx.t("import-change-new-unmatched"),
        Change::Changed(fields) => {
            let named: Vec<String> = fields.iter().map(|f| f.label(ctx.lang, parties)).collect();
            taawun_i18n::message_args(
                ctx.lang,
                "import-change-changed",
                &[("fields", &named.join(", "))],
            )
        }
        Change::Unchanged => String::new(),
    };
    let sample = preview
        .items
        .iter()
        .zip(&preview.changes)
        .filter(|(_, c)| **c != Change::Unchanged)
        .take(SAMPLE)
        .map(|(i, c)| SampleRow {
            change: change(c),
            code: i.code.clone(),
            title: ctx.plain(&i.title),
            area: area(i.area_id),
            leads: i
                .leads
                .iter()
                .map(|l| organisation(l.organisation_id))
                .collect::<Vec<_>>()
                .join(" · "),
            dates: format!(
                "{} – {}",
                ctx.date_opt(&i.start_on),
                ctx.date_opt(&i.due_on)
            ),
        })
        .collect();
    let (created, changed, unchanged) = preview.counts();
    let writes = created + changed;
    let review = Review {
        action: format!("/plans/{}/import/{upload_id}", world.plan.id),
        file_name: upload.file_name.clone(),
        rows: ctx.tn("import-rows", preview.rows),
        columns,
        problems,
        more_problems: (more > 0).then(|| ctx.tn("import-more-problems", more)),
        problems_count: ctx.tn("import-problems", preview.problems.len()),
        summary: [
            ("import-count-new", created),
            ("import-count-changed", changed),
            ("import-count-unchanged", unchanged),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| ctx.tn(key, *n))
        .collect::<Vec<_>>()
        .join(" · "),
        nothing_to_change: preview.is_clean() && preview.rows > 0 && writes == 0,
        clean: preview.is_clean() && writes > 0,
        sample,
        commit_label: if changed > 0 {
            ctx.t("import-commit-changes")
        } else {
            ctx.tn("import-commit", created)
        },
    };
    // A clean file with nothing to change is no error: the page says so.
    let status = if preview.is_clean() && preview.rows > 0 {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        crumbs: crumbs(ctx, world, &title),
        plan_href: format!("/plans/{}", world.plan.id),
        upload_action: format!("/plans/{}/import", world.plan.id),
        error,
        review: Some(review),
        title,
        ctx: ctx.shown(v),
    };
    respond(&page, status)
}
