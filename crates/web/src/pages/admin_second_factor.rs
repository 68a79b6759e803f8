//! Turning off another user's second factor, for those `decide` lets manage users: the way
//! back in for someone who lost their phone and their recovery codes. The store removes the
//! TOTP secret and the recovery codes and writes the audit row; one's own factor is turned
//! off from `/account`, with a current code.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use taawun_core::Action;

use super::admin_users::allowed;
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

pub(crate) async fn turn_off(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    IdPath(id): IdPath,
) -> Result<Response, WebError> {
    allowed(&ctx, Action::Edit)?;
    if id == me.id {
        return Err(WebError::Forbidden);
    }
    let user = crate::lookup::reader(&state, &ctx)
        .user(id)
        .await?
        .ok_or(WebError::NotFound)?;
    if user.totp_enabled {
        state.acting(&me).set_second_factor(id, None, &[]).await?;
        tracing::info!(by = %me.username, user = %user.username, "second factor turned off");
    }
    Ok(Redirect::to(&format!("/admin/users/{id}?second_factor=off")).into_response())
}
