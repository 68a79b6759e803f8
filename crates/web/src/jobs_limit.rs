//! The web's side of the job limits (issue 10, finding 9): whose work a request starts
//! (`JobHolder`: the signed-in user, or a demo visitor by client address), and the 429 page
//! a refused start becomes. The limits themselves are `taawun_app::jobs`'s, counted in the
//! database.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use taawun_app::jobs::{Holder, StartError};

use crate::auth::{ClientAddr, Who};
use crate::{AppState, error::WebError};

/// What `Retry-After` says when work is refused: jobs take seconds, not minutes, and the
/// reader's own finish first.
pub const RETRY_AFTER: Duration = Duration::from_secs(10);

/// Whose job a request would start.
pub struct JobHolder(pub Holder);

impl FromRequestParts<AppState> for JobHolder {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let user = parts
            .extensions
            .get::<Arc<Who>>()
            .and_then(|w| w.user.as_ref().map(|u| u.id));
        Ok(JobHolder(match user {
            Some(id) => Holder::user(id),
            None => {
                let ClientAddr(addr) = ClientAddr::from_request_parts(parts, state).await?;
                Holder::visitor(addr)
            }
        }))
    }
}

impl From<StartError> for WebError {
    fn from(e: StartError) -> Self {
        match e {
            StartError::Busy(b) => WebError::Busy(b),
            StartError::Store(e) => WebError::Store(e),
        }
    }
}
