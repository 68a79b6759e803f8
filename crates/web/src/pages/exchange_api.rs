//! What a partner instance asks of this one over HTTP (docs/exchange.md): the next bundle
//! for it (`GET /exchange/outbox?after=N`) and the receipt for a bundle it applied (`POST
//! /exchange/inbox`), and the blob of a file a bundle sent to it named (`GET
//! /exchange/file?sha256=…`). Requests are signed under RFC 9421 by the partner's key
//! (`app::exchange::httpsig`); `door`, run by the gate before the login wall, admits one
//! that verifies and marks it with its partner. A request that does not verify is not
//! admitted here and meets what any request to an unknown path meets; the handlers answer
//! "not found" to anything that reached them without a verified partner.

use crate::{AppState, WebError};
use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, body::Body};
use serde::Deserialize;
use taawun_app::exchange::inbox::Arrived;
use taawun_store::exchange::Partner;

const PATHS: [&str; 3] = ["/exchange/outbox", "/exchange/inbox", "/exchange/file"];

/// The partner a request comes from, once its signature verified.
#[derive(Clone)]
pub struct Verified(pub Partner);

/// Admits a partner's signed request (`Ok`, marked `Verified`), or hands it back untouched.
pub async fn door(state: &AppState, req: Request) -> Result<Request, Request> {
    let path = req.uri().path().to_string();
    if !PATHS.contains(&path.as_str()) || state.exchange.is_none() {
        return Err(req);
    }
    // Owned: the request's body is not `Sync`, so no borrow of it may cross an await.
    let (input, signature, query, method) = {
        let text = |name: &str| {
            req.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        (
            text("signature-input"),
            text("signature"),
            req.uri().query().map(str::to_string),
            req.method().as_str().to_string(),
        )
    };
    if input.is_none() {
        return Err(req);
    }
    let partner = state
        .exchange_door()
        .verify(
            &method,
            &path,
            query.as_deref(),
            input.as_deref(),
            signature.as_deref(),
        )
        .await;
    match partner {
        Some(p) => {
            let mut req = req;
            req.extensions_mut().insert(Verified(p));
            Ok(req)
        }
        None => Err(req),
    }
}

#[derive(Deserialize)]
pub struct After {
    after: Option<i64>,
}

fn envelope(text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        Body::from(text),
    )
        .into_response()
}

pub async fn outbox(
    State(state): State<AppState>,
    verified: Option<Extension<Verified>>,
    Query(after): Query<After>,
) -> Result<Response, WebError> {
    let (Some(Extension(Verified(partner))), Some(identity)) = (verified, state.exchange.clone())
    else {
        return Err(WebError::NotFound);
    };
    let next = state
        .exchange_door()
        .next_for(
            &identity,
            partner.instance_id,
            after.after.unwrap_or(0).max(0),
        )
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(match next {
        Some(text) => envelope(text),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

pub async fn inbox(
    State(state): State<AppState>,
    verified: Option<Extension<Verified>>,
    body: Bytes,
) -> Result<Response, WebError> {
    let (Some(Extension(Verified(partner))), Some(identity)) = (verified, state.exchange.clone())
    else {
        return Err(WebError::NotFound);
    };
    let got = state
        .exchange_door()
        .receive(&identity, &body)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    // Only what the verified partner itself sent is read here.
    if got.partner != Some(partner.instance_id) {
        return Ok(StatusCode::UNPROCESSABLE_ENTITY.into_response());
    }
    Ok(match (got.outcome, got.receipt) {
        (_, Some(receipt)) => envelope(receipt),
        (Arrived::Refused(_), None) => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
        _ => StatusCode::NO_CONTENT.into_response(),
    })
}

#[derive(Deserialize)]
pub struct FileQuery {
    sha256: Option<String>,
}

/// The sealed blob of a file sent to the verified partner; any other name is not found,
/// exactly as an unknown path.
pub async fn file(
    State(state): State<AppState>,
    verified: Option<Extension<Verified>>,
    Query(q): Query<FileQuery>,
) -> Result<Response, WebError> {
    let (Some(Extension(Verified(partner))), Some(identity), Some(sha)) =
        (verified, state.exchange.clone(), q.sha256)
    else {
        return Err(WebError::NotFound);
    };
    let blob = state
        .exchange_door()
        .blob(&identity, partner.instance_id, &sha)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    blob.map(envelope).ok_or(WebError::NotFound)
}
