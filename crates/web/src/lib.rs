//! HTTP side of Taawun: server-rendered, trilingual pages over the `Store`, and static assets.
//!
//! `app` builds the whole router; each page module owns its routes and `routes::all` lists them.

mod ctx;
mod error;
mod extract;
mod fmt;
mod i18n;
mod lookup;
mod markup;
mod negotiate;
mod pages;
mod routes;

use std::sync::Arc;

pub use error::WebError;

/// What every handler can reach: the store it reads through, and whether the instance runs
/// on demo data (then a banner says so on every page).
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn taawun_store::Store>,
    pub demo: bool,
}

/// The complete application with its state applied, ready to serve.
pub fn app(state: AppState) -> axum::Router {
    routes::layered(routes::all(), state.clone()).with_state(state)
}
