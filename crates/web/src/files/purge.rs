//! `POST /files/{id}/purge`: an administrator deletes a misfiled version for good, giving
//! the reason the audit row keeps with who, when and the hash. The store decides who may
//! (`decide_files(Purge)`); a version of a record the reader may not see is a 404.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use taawun_store::StoreError;

use super::{record_href, upload::refused};
use crate::auth::SignedIn;
use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

pub(crate) async fn purge(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let Some(found) = v.attachment(id).await? else {
        return Err(WebError::NotFound);
    };
    let back = record_href(&v, found.record, found.record_id).await?;
    let reason = fields
        .iter()
        .find(|(k, _)| k == "reason")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    match s.acting(&user).purge_attachment(id, reason).await {
        Ok(_) => Ok(Redirect::to(back.as_deref().unwrap_or("/")).into_response()),
        Err(StoreError::Invalid(_)) => {
            Ok(refused(&ctx, ctx.t("files-purge-reason-required"), back))
        }
        Err(StoreError::NotFound { .. }) => Err(WebError::NotFound),
        Err(e) => Err(e.into()),
    }
}
