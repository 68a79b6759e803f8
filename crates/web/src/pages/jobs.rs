//! `/jobs/{id}`: the progress of a long export or import, refreshing itself until done;
//! `/jobs/{id}/file`: its file. Only the reader who started a job can see it; anyone else
//! gets the same 404 as for an unknown id.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;
use taawun_core::Id;

use super::views::{Crumb, render};
use crate::documents::attachment;
use crate::jobs::{Job, Outcome, Phase};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// The answer to the request that started `job`: its result when it ends within the
/// instance's wait, else a redirect to its progress page.
pub async fn answer(state: &AppState, id: Id, job: &Arc<Job>) -> Response {
    if job.wait(state.jobs.wait).await {
        match job.outcome() {
            Some(Outcome::File {
                bytes,
                content_type,
                file_name,
            }) => return attachment((*bytes).clone(), &content_type, &file_name),
            Some(Outcome::Done { href }) => return Redirect::to(&href).into_response(),
            // A failure is shown on the job's page, in the reader's language.
            _ => {}
        }
    }
    Redirect::to(&format!("/jobs/{id}")).into_response()
}

#[derive(askama::Template)]
#[template(path = "job.html")]
struct JobPage {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    /// Still running: the page refreshes itself.
    running: bool,
    /// "Reading records: 4 500" / "Writing: 4 500 of 10 000 rows".
    status: String,
    done: usize,
    total: usize,
    file: Option<String>,
    next: Option<String>,
    failure: Option<String>,
}

async fn owned(state: &AppState, ctx: &Ctx, id: Id) -> Result<Arc<Job>, WebError> {
    state
        .jobs
        .find(id, ctx.user().map(|u| u.id))
        .await
        .ok_or(WebError::NotFound)
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    let job = owned(&state, &ctx, id).await?;
    let (done, total) = job.progress();
    let outcome = job.outcome();
    let count = |n: usize| crate::fmt::integer(ctx.lang, n as u64);
    let status = match (job.phase(), &outcome) {
        (_, Some(Outcome::Failed { .. })) => ctx.t("job-failed"),
        (_, Some(_)) => ctx.t("job-finished"),
        (Phase::Reading, None) => {
            crate::i18n::message_with(ctx.lang, "job-reading", "count", &count(done))
        }
        (Phase::Writing, None) => crate::i18n::message_args(
            ctx.lang,
            "job-writing",
            &[("done", &count(done)), ("total", &count(total))],
        ),
    };
    let title = job.label.clone();
    let page = JobPage {
        crumbs: vec![Crumb::home(&ctx)],
        running: outcome.is_none(),
        status,
        done,
        total,
        file: matches!(outcome, Some(Outcome::File { .. })).then(|| format!("/jobs/{id}/file")),
        next: match &outcome {
            Some(Outcome::Done { href }) => Some(href.clone()),
            _ => None,
        },
        failure: match &outcome {
            Some(Outcome::Failed { message }) => Some(message.clone()),
            _ => None,
        },
        title,
        ctx,
    };
    let html = render(&page)?;
    // Never cached: the reader reloads it to see the progress move.
    Ok((StatusCode::OK, [(header::CACHE_CONTROL, "no-store")], html).into_response())
}

pub(crate) async fn file(
    ctx: Ctx,
    State(state): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    match owned(&state, &ctx, id).await?.outcome() {
        Some(Outcome::File {
            bytes,
            content_type,
            file_name,
        }) => Ok(attachment((*bytes).clone(), &content_type, &file_name)),
        _ => Err(WebError::NotFound),
    }
}
