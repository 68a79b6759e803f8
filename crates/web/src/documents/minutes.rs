//! `/sessions/{id}/minutes.pdf`: the session's minutes (procès-verbal / محضر), filled from
//! what the reader may see of the session.

use axum::extract::{Query, State};
use axum::response::Response;
use taawun_core::{DelegationRole, LocalizedText, Session};
use taawun_docs::{Delegate, Delegation, MinutesInput, Signatory, minutes_pdf};
use taawun_store::{StoreResult, Visible};

use super::langs;
use super::pdf::{PdfQuery, attachment, layout_code, today, typeset};
use crate::jobs_limit::JobHolder;
use crate::lookup::{Lookup, reader};
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    JobHolder(holder): JobHolder,
    IdPath(id): IdPath,
    Query(q): Query<PdfQuery>,
) -> Result<Response, WebError> {
    let layout = q.layout(&ctx)?;
    let v = reader(&state, &ctx);
    let Some(session) = v.session(id).await? else {
        return Err(WebError::NotFound);
    };
    let mut input = load(&v, &session).await?;
    input.document_date = today(&state);
    input.marking = langs::marking(&v, &ctx);
    let archival = q.archival();
    let pdf = typeset(&state, &holder, move || {
        minutes_pdf(&input, layout, archival)
    })
    .await?;
    let name = format!("minutes-{}-{}.pdf", session.ordinal, layout_code(layout));
    Ok(attachment(pdf, "application/pdf", &name))
}

/// The minutes' content; date and marking are set by the caller after the last read.
pub async fn load(v: &Visible, s: &Session) -> StoreResult<MinutesInput> {
    let mut lk = Lookup::new(v);
    let commission = v.commission(s.commission_id).await?;
    let mut parties: [LocalizedText; 2] = Default::default();
    if let Some(c) = &commission {
        for (slot, pid) in parties.iter_mut().zip(&c.party_ids) {
            if let Some(p) = lk.party(*pid).await? {
                *slot = p.name;
            }
        }
    }
    let mut delegations = Vec::new();
    let mut signatories: [Signatory; 2] = Default::default();
    for (n, d) in s.delegations.iter().enumerate() {
        let party = lk
            .party(d.party_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        let mut members = Vec::new();
        let mut head = None;
        for m in d.in_protocol_order() {
            // A member the reader may not see is left out, as on the session page.
            let Some(p) = lk.person(m.person_id).await? else {
                continue;
            };
            let rank = match p.rank_id {
                Some(r) => lk.rank(r).await?.map(|r| r.label).unwrap_or_default(),
                None => LocalizedText::default(),
            };
            let delegate = Delegate {
                name: langs::person(&p),
                rank,
                function: p.function.clone(),
            };
            // The head signs; a delegation recorded without one is signed by its first member.
            if head.is_none() || m.role == DelegationRole::Head {
                head = Some(delegate.clone());
            }
            members.push(delegate);
        }
        if let (Some(slot), Some(h)) = (signatories.get_mut(n), head) {
            *slot = Signatory {
                party: party.clone(),
                name: h.name,
                function: h.function,
            };
        }
        delegations.push(Delegation { party, members });
    }
    let agreements = v.agreements_of_session(s.id).await?;
    Ok(MinutesInput {
        parties,
        commission: commission.map(|c| c.name).unwrap_or_default(),
        session_ordinal: s.ordinal,
        dates: langs::span(s.start_on, s.end_on),
        place: s.place.clone(),
        document_date: taawun_docs::DocDate {
            year: 2000,
            month: 1,
            day: 1,
        },
        marking: LocalizedText::default(),
        delegations,
        agenda: s.agenda.iter().map(|a| a.title.clone()).collect(),
        decisions: s.decisions.iter().map(|d| d.text.clone()).collect(),
        agreements_signed: agreements.into_iter().map(|a| a.title).collect(),
        side_events: s.side_events.iter().map(|e| e.title.clone()).collect(),
        signatories,
    })
}
