//! `/agreements/{id}/text.pdf`: the agreement's text — title, parties, signature, summary
//! and its clauses (articles) — in one language or two side by side.

use axum::extract::{Query, State};
use axum::response::Response;
use taawun_core::LocalizedText;
use taawun_docs::{AgreementInput, ClauseText, agreement_pdf};

use super::langs;
use super::pdf::{PdfQuery, attachment, layout_code, today, typeset};
use crate::jobs_limit::JobHolder;
use crate::lookup::{Lookup, reader};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath, fmt, i18n};

pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    JobHolder(holder): JobHolder,
    IdPath(id): IdPath,
    Query(q): Query<PdfQuery>,
) -> Result<Response, WebError> {
    let layout = q.layout(&ctx)?;
    let v = reader(&state, &ctx);
    let a = v.agreement(id).await?.ok_or(WebError::NotFound)?;
    let mut lk = Lookup::new(&v);
    let mut parties = Vec::new();
    for p in &a.party_ids {
        parties.extend(lk.party(*p).await?.map(|p| p.name));
    }
    let signed = match a.signed_on {
        Some(on) => langs::each(|l| {
            let date = fmt::date(l, on);
            let place = a.signed_place.show(l);
            if place.is_empty() {
                i18n::message_with(l, "doc-signed-on", "date", &date)
            } else {
                crate::i18n::message_args(l, "doc-signed-at", &[("place", place), ("date", &date)])
            }
        }),
        None => LocalizedText::default(),
    };
    let clauses = v
        .clauses(a.id)
        .await?
        .into_iter()
        .map(|c| ClauseText {
            number: c.number,
            heading: c.heading,
            body: c.text,
        })
        .collect();
    let input = AgreementInput {
        title: a.title.clone(),
        kind: langs::message(&format!("kind-{}", a.kind.key())),
        parties,
        signed,
        summary: a.summary.clone(),
        document_date: today(&state),
        marking: langs::marking(&v, &ctx),
        clauses,
    };
    let archival = q.archival();
    let pdf = typeset(&state, &holder, move || {
        agreement_pdf(&input, layout, archival)
    })
    .await?;
    let name = format!(
        "{}-{}.pdf",
        a.reference
            .as_deref()
            .filter(|r| r.is_ascii() && !r.contains('"'))
            .unwrap_or("agreement"),
        layout_code(layout)
    );
    Ok(attachment(pdf, "application/pdf", &name))
}
