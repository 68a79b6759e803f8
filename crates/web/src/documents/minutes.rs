//! `/sessions/{id}/minutes.pdf`: the session's minutes (procès-verbal / محضر), the draft
//! as it stands or, with `?version=n`, an adopted version as it was signed. Which text a
//! reader gets, and what it says, is `taawun_app::minutes`'s to decide.

use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use taawun_app::exchange::adoption;
use taawun_app::minutes::{Chosen, choose, emblems, word};
use taawun_docs::minutes_pdf;

use super::langs;
use super::pdf::{PdfQuery, attachment, layout_code, today, typeset};
use crate::jobs_limit::JobHolder;
use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// `?layout=…&archival=1&version=n`.
#[derive(Debug, Default, Deserialize)]
pub struct MinutesQuery {
    pub layout: Option<String>,
    pub archival: Option<String>,
    pub version: Option<String>,
}

impl MinutesQuery {
    /// The adopted version asked for; anything but a number is a bad link.
    pub fn version(&self) -> Result<Option<u32>, WebError> {
        match self.version.as_deref() {
            None | Some("") => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| WebError::BadRequest(format!("version {v:?}"))),
        }
    }

    fn pdf(&self) -> PdfQuery {
        PdfQuery {
            layout: self.layout.clone(),
            archival: self.archival.clone(),
        }
    }
}

pub async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    JobHolder(holder): JobHolder,
    IdPath(id): IdPath,
    Query(q): Query<MinutesQuery>,
) -> Result<Response, WebError> {
    let layout = q.pdf().layout(&ctx)?;
    let version = q.version()?;
    let v = reader(&state, &ctx);
    let session = v.session(id).await?.ok_or(WebError::NotFound)?;
    let chosen = choose(&v, &session, version)
        .await?
        .ok_or(WebError::NotFound)?;
    let mut input = word(chosen.text(), chosen.stage());
    input.emblems = emblems(&v, &session).await?;
    input.document_date = today(&state);
    input.marking = langs::marking(&v, &ctx);
    // An adopted version prints its heads' adoptions and carries them for `taawun verify`.
    if let Chosen::Adopted(a) = &chosen {
        let keys = state
            .exchange_door()
            .adoption_keys(state.exchange.as_deref())
            .await?;
        if let Some(p) = adoption::printed(&session, a.version, &keys) {
            let mut names = Vec::new();
            for a in &p.adoptions {
                if let Some(party) = v.party(a.party).await? {
                    names.push((a.party, party.name));
                }
            }
            adoption::onto_pdf(&mut input, &p, |id| {
                names
                    .iter()
                    .find(|(p, _)| *p == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            });
        }
    }
    let archival = q.pdf().archival();
    let pdf = typeset(&state, &holder, move || {
        minutes_pdf(&input, layout, archival)
    })
    .await?;
    let stage = version.map(|n| format!("v{n}-")).unwrap_or_default();
    let name = format!(
        "minutes-{}-{stage}{}.pdf",
        session.ordinal,
        layout_code(layout)
    );
    Ok(attachment(pdf, "application/pdf", &name))
}
