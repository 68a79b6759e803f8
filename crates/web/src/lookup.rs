//! The reader's view of the store for one request, and a cache over it of the records pages
//! name in passing (parties, people, ranks, organisations, areas), so a page that mentions
//! the same person five times reads it once. Everything goes through `Visible`: a hidden
//! record is absent here exactly as an unknown one is.

use taawun_core::Principal;
use taawun_store::Visible;

use crate::{AppState, ctx::Ctx};

// The cache lives in `taawun-app`, where export tables use it too.
pub use taawun_app::lookup::Lookup;

/// The store as the request's principal may see it. One per request: it also records the
/// highest marking read, for the page's banner. Pages, forms and documents take their
/// `Visible` from here and nowhere else; the few reads made as another principal (a
/// calendar feed's owner, the demo's example officer) build theirs where they say so.
pub fn reader(state: &AppState, ctx: &Ctx) -> Visible {
    reader_of(state, ctx.principal())
}

/// The same, for the principal `auth::gate` has just recognised, before the request's
/// context exists (it counts the header's unread notifications).
pub fn reader_of(state: &AppState, principal: &Principal) -> Visible {
    state.doors.visible(principal.clone())
}
