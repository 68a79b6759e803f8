//! The one place that lists every page module's routes, and the layers around them.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::pages::{
    account, admin_users, agreements, assets, commissions, home, items, lang, login, organisations,
    parties, people, plans, sessions,
};
use crate::{AppState, WebError, auth, ctx, error};

/// Largest request body: a form with a long agreement article in three languages fits
/// (20 000 characters of Arabic per language is about 120 KB); anything larger is refused
/// before a handler or the CSRF check reads it.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Largest upload (a spreadsheet to import, `…/import` paths only): 10 MiB holds far more
/// than the importer's 20,000 rows; anything larger is refused with a clear page.
pub const UPLOAD_LIMIT: usize = 10 * 1024 * 1024;

/// The body limit of a request: uploads get theirs, every other request the form limit.
/// A declared length over it is refused at once; an undeclared one is cut off while read.
async fn limit_body(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if req.uri().path().ends_with("/import") {
        UPLOAD_LIMIT
    } else {
        BODY_LIMIT
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return WebError::TooLarge.into_response();
    }
    let req = req.map(|b| axum::body::Body::new(http_body_util::Limited::new(b, limit)));
    next.run(req).await
}

pub fn all() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(commissions::router())
        .merge(sessions::router())
        .merge(agreements::router())
        .merge(plans::router())
        .merge(items::router())
        .merge(crate::pages::item_list::router())
        .merge(crate::pages::dashboard::router())
        .merge(crate::pages::timeline::router())
        .merge(people::router())
        .merge(organisations::router())
        .merge(parties::router())
        .merge(crate::pages::vocabularies::router())
        .merge(crate::pages::history::router())
        .merge(crate::pages::search::router())
        .merge(crate::pages::notifications::router())
        .merge(lang::router())
        .merge(assets::router())
        .merge(login::router())
        .merge(account::router())
        .merge(admin_users::router())
        .merge(crate::pages::admin_second_factor::router())
        .merge(crate::forms::router())
        .merge(crate::documents::router())
        .merge(crate::exports::router())
        .merge(crate::import::router())
        .merge(crate::calendar::router())
        .merge(crate::pages::jobs::router())
        .fallback(error::not_found)
}

/// Layers, innermost first: panics become the 500 page (inside `remember`, so it is in the
/// reader's language), the gate (who is asking, CSRF, login wall; inside `remember` so its
/// refusals are localized), the login session, then compression, the body limit, and
/// headers every page wants.
pub fn layered(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router
        .layer(CatchPanicLayer::custom(error::from_panic))
        .layer(middleware::from_fn_with_state(state.clone(), auth::gate))
        .layer(middleware::from_fn(limit_body))
        .layer(middleware::from_fn_with_state(state.clone(), ctx::remember))
        .layer(auth::session_layer(&state))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
}
