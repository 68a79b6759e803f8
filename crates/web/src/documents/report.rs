//! `/commissions/{id}/report.pdf`, `/agreements/{id}/report.pdf` and `/plans/{id}/report.pdf`:
//! the action plan's
//! status report — each item with both sides' own status and progress, overdue and at-risk
//! items flagged, summary figures and a chart by joint status — from the items the reader
//! may see, judged on the instance's today.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use taawun_core::followup::{assess_facts, figures};
use taawun_core::{ItemStatus, LocalizedText, Party};
use taawun_docs::{ReportBar, ReportFigure, ReportInput, ReportItem, ReportSide, report_pdf};
use taawun_store::{FactsScope, Visible};

use super::langs;
use super::pdf::{PdfQuery, attachment, layout_code, today, typeset};
use crate::jobs_limit::JobHolder;
use crate::lookup::{Lookup, reader};
use crate::{AppState, clock, ctx::Ctx, error::WebError, extract::IdPath, fmt, i18n};

pub async fn of_commission(
    ctx: Ctx,
    state: State<AppState>,
    holder: JobHolder,
    IdPath(id): IdPath,
    q: Query<PdfQuery>,
) -> Result<Response, WebError> {
    download(ctx, state, holder, FactsScope::Commission(id), q).await
}

pub async fn of_agreement(
    ctx: Ctx,
    state: State<AppState>,
    holder: JobHolder,
    IdPath(id): IdPath,
    q: Query<PdfQuery>,
) -> Result<Response, WebError> {
    download(ctx, state, holder, FactsScope::Agreement(id), q).await
}

/// One plan's status report, linked from the plan's page.
pub async fn of_plan(
    ctx: Ctx,
    state: State<AppState>,
    holder: JobHolder,
    IdPath(id): IdPath,
    q: Query<PdfQuery>,
) -> Result<Response, WebError> {
    download(ctx, state, holder, FactsScope::Plan(id), q).await
}

async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    JobHolder(holder): JobHolder,
    scope: FactsScope,
    Query(q): Query<PdfQuery>,
) -> Result<Response, WebError> {
    let layout = q.layout(&ctx)?;
    let v = reader(&state, &ctx);
    let (scope_name, party_ids) = match scope {
        FactsScope::Commission(id) => {
            let c = v.commission(id).await?.ok_or(WebError::NotFound)?;
            (c.name, c.party_ids)
        }
        FactsScope::Agreement(id) => {
            let a = v.agreement(id).await?.ok_or(WebError::NotFound)?;
            (a.title, a.party_ids)
        }
        FactsScope::Plan(id) => {
            let p = v.plan(id).await?.ok_or(WebError::NotFound)?;
            let c = v.commission(p.commission_id).await?;
            (p.title, c.map(|c| c.party_ids).unwrap_or_default())
        }
        _ => return Err(WebError::NotFound),
    };
    let mut input = load(&v, scope, scope_name, &party_ids, state.clock.today()).await?;
    input.document_date = today(&state);
    input.marking = langs::marking(&v, &ctx);
    let archival = q.archival();
    let pdf = typeset(&state, &holder, move || {
        report_pdf(&input, layout, archival)
    })
    .await?;
    Ok(attachment(
        pdf,
        "application/pdf",
        &format!("status-report-{}.pdf", layout_code(layout)),
    ))
}

/// The report's content; date and marking are set by the caller after the last read.
pub async fn load(
    v: &Visible,
    scope: FactsScope,
    scope_name: LocalizedText,
    party_ids: &[taawun_core::Id],
    day: NaiveDate,
) -> Result<ReportInput, WebError> {
    let rules = clock::rules();
    let mut lk = Lookup::new(v);
    let mut parties: Vec<Party> = Vec::new();
    for p in party_ids {
        parties.extend(lk.party(*p).await?);
    }
    let facts = v.item_facts(scope).await?;
    let fig = figures(&facts, day, &rules);
    // By area, then code: the order of the plan page.
    let mut rows = Vec::with_capacity(facts.len());
    let mut per_status = [0u32; STATUSES.len()];
    for f in &facts {
        let Some(item) = v.item(f.id).await? else {
            continue;
        };
        let a = assess_facts(f, day, &rules);
        per_status[status_index(a.joint)] += 1;
        let mut sides = Vec::new();
        for s in &f.sides {
            let party = lk
                .party(s.party_id)
                .await?
                .map(|p| p.short_name)
                .unwrap_or_default();
            let lead = lk
                .organisation(s.organisation_id)
                .await?
                .map(|o| o.name)
                .unwrap_or_default();
            sides.push(ReportSide {
                party,
                lead,
                status: status_label(s.status),
                percent: match s.last_report {
                    Some(_) => langs::each(|l| fmt::percent(l, f64::from(s.percent))),
                    None => LocalizedText::default(),
                },
            });
        }
        rows.push((
            item.area_id,
            item.code.clone(),
            ReportItem {
                code: item.code.clone(),
                title: item.title.clone(),
                area: lk
                    .area(item.area_id)
                    .await?
                    .map(|a| a.name)
                    .unwrap_or_default(),
                sides,
                status: status_label(a.joint),
                due: item.due_on.map(langs::date).unwrap_or_default(),
                overdue: a.overdue,
                at_risk: a.at_risk.is_some() && !a.overdue,
            },
        ));
    }
    rows.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
    let count = |n: usize| langs::each(|l| fmt::integer(l, n as u64));
    let rate = |r: Option<f64>| {
        langs::each(|l| match r {
            // Whole percents, as the dashboard shows the same figures.
            Some(r) => fmt::percent(l, (r * 100.0).round()),
            None => String::from("—"),
        })
    };
    let figure = |key: &str, value: LocalizedText| ReportFigure {
        label: langs::message(key),
        value,
    };
    let figures = vec![
        figure("report-total", count(fig.total as usize)),
        figure("report-done", count(fig.done as usize)),
        figure("report-overdue", count(fig.overdue.len())),
        figure("report-at-risk", count(fig.at_risk.len())),
        figure("report-rate", rate(fig.rate_done)),
        figure("report-rate-weighted", rate(fig.rate_weighted)),
    ];
    let chart = STATUSES
        .iter()
        .enumerate()
        .map(|(i, s)| ReportBar {
            label: status_label(*s),
            value: per_status[i],
        })
        .collect();
    let mut pair: [LocalizedText; 2] = Default::default();
    for (slot, p) in pair.iter_mut().zip(&parties) {
        *slot = p.name.clone();
    }
    Ok(ReportInput {
        parties: pair,
        scope: scope_name,
        as_of: langs::date(day),
        document_date: taawun_docs::DocDate {
            year: 2000,
            month: 1,
            day: 1,
        },
        marking: LocalizedText::default(),
        figures,
        chart,
        items: rows.into_iter().map(|r| r.2).collect(),
    })
}

const STATUSES: [ItemStatus; 5] = ItemStatus::ALL;

fn status_index(s: ItemStatus) -> usize {
    STATUSES.iter().position(|x| *x == s).unwrap_or(0)
}

fn status_label(s: ItemStatus) -> LocalizedText {
    langs::each(|l| i18n::message(l, &format!("status-{}", s.key())))
}
