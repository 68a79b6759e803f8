//! The one route table: every path the application answers, with its methods and handler,
//! grouped by area (`table`), and the layers around them (`layered`). Handlers live in their
//! page, form or document modules; only this file says which path reaches which.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::routing::{MethodRouter, get, post};
use taawun_core::{
    ActionItem, ActionPlan, Activity, Agreement, Area, Clause, Commission, Organisation, Party,
    Person, ProgressUpdate, Rank, Session,
};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::forms::handlers::{create, create_top, edit, new, new_top, update};
use crate::forms::{next_session, session};
use crate::pages::{
    account, admin_second_factor, admin_users, agreements, assets, commissions, dashboard, history,
    home, item_list, items, jobs, lang, login, notifications, organisations, parties, people,
    plans, search, sessions, timeline, vocabularies,
};
use crate::{AppState, WebError, auth, calendar, ctx, documents, error, exports, files, import};

/// Largest request body: a form with a long agreement article in three languages fits
/// (20 000 characters of Arabic per language is about 120 KB); anything larger is refused
/// before a handler or the CSRF check reads it.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Largest upload (a spreadsheet to import, `…/import` paths only): 10 MiB holds far more
/// than the importer's 20,000 rows; anything larger is refused with a clear page.
pub const UPLOAD_LIMIT: usize = 10 * 1024 * 1024;

/// Largest body of a file upload (`…/files` paths only): the largest file
/// (`attachment::MAX_FILE_BYTES`, 50 MiB) and room for the form's other parts and the
/// multipart framing. The handler refuses the file itself the moment it passes the file
/// limit, so this only stops what is not the file.
pub const FILE_UPLOAD_LIMIT: usize = taawun_core::attachment::MAX_FILE_BYTES as usize + 64 * 1024;

/// The body limit of a request: uploads get theirs, every other request the form limit.
/// A declared length over it is refused at once; an undeclared one is cut off while read.
async fn limit_body(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = req.uri().path();
    let limit = if path.ends_with("/import") {
        UPLOAD_LIMIT
    } else if path.ends_with("/files") {
        FILE_UPLOAD_LIMIT
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

/// What a page may load: everything from this server, nothing inline (the pages carry no
/// script and no style attribute), no plug-ins, and no framing by anyone (clickjacking:
/// every state-changing page is a form).
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// Browser features no page uses, refused outright.
const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// Pages show records a reader was cleared for: a shared computer's cache or the back
/// button after logout must not show them again. Pages (HTML) that set no cache rule get
/// `no-store`; the stylesheet and downloads keep their own.
async fn no_store_pages(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Every route of the application: its path, its method(s) and its handler, grouped by
/// area. A page is found here in one hop; its handler lives in the module named.
// One line per route, however long, so the table reads as a list.
#[rustfmt::skip]
fn table() -> Table {
    let mut t = Table::default();

    // Home, the language switch, static files and the health check.
    t.at("/", get(home::home));
    t.at("/lang/{code}", get(lang::switch));
    t.at("/static/app.css", get(assets::app_css));
    t.at("/healthz", get(assets::healthz));

    // Signing in and out, and the user's own account (password, second factor).
    t.at("/login", get(login::login_form).post(login::login_post));
    t.at("/login/code", get(login::code_form).post(login::code_post));
    t.at("/logout", post(login::logout));
    t.at("/account", get(account::show));
    t.at("/account/password", post(account::change_password));
    t.at("/account/arabic-dates", post(account::set_arabic_dates));
    t.at("/account/totp", get(account::enrol_page).post(account::enrol_confirm));
    t.at("/account/totp/start", post(account::enrol_start));
    t.at("/account/totp/disable", post(account::disable));

    // User administration.
    t.at("/admin/users", get(admin_users::list));
    t.at("/admin/users/new", get(admin_users::new_form).post(admin_users::create));
    t.at("/admin/users/{id}", get(admin_users::edit_form).post(admin_users::update));
    t.at("/admin/users/{id}/password", post(admin_users::reset_password));
    t.at("/admin/users/{id}/second-factor", post(admin_second_factor::turn_off));

    // Vocabularies: parties, organisations, people, ranks, areas (pages, then forms).
    t.at("/parties", get(vocabularies::parties));
    t.at("/parties/new", get(new_top::<Party>).post(create_top::<Party>));
    t.at("/parties/{id}", get(parties::show));
    t.at("/parties/{id}/edit", get(edit::<Party>).post(update::<Party>));
    t.at("/organisations/new", get(new_top::<Organisation>).post(create_top::<Organisation>));
    t.at("/organisations/{id}", get(organisations::show));
    t.at("/organisations/{id}/edit", get(edit::<Organisation>).post(update::<Organisation>));
    t.at("/people/new", get(crate::forms::person::new_get).post(crate::forms::person::new_post));
    t.at("/people/{id}", get(people::show));
    t.at("/people/{id}/edit", get(edit::<Person>).post(update::<Person>));
    t.at("/ranks", get(vocabularies::ranks));
    t.at("/ranks/new", get(new_top::<Rank>).post(create_top::<Rank>));
    t.at("/ranks/{id}/edit", get(edit::<Rank>).post(update::<Rank>));
    t.at("/areas", get(vocabularies::areas));
    t.at("/areas/new", get(new_top::<Area>).post(create_top::<Area>));
    t.at("/areas/{id}/edit", get(edit::<Area>).post(update::<Area>));

    // Agreements and their articles, with their PDFs.
    t.at("/agreements", get(agreements::list));
    t.at("/agreements/new", get(new_top::<Agreement>).post(create_top::<Agreement>));
    t.at("/agreements/{id}", get(agreements::show));
    t.at("/agreements/{id}/edit", get(edit::<Agreement>).post(update::<Agreement>));
    t.at("/agreements/{id}/clauses/new", get(new::<Clause>).post(create::<Clause>));
    t.at("/clauses/{id}/edit", get(edit::<Clause>).post(update::<Clause>));
    t.at("/agreements/{id}/text.pdf", get(documents::agreement::download));
    t.at("/agreements/{id}/report.pdf", get(documents::report::of_agreement));

    // Commissions, their report and calendar feed.
    t.at("/commissions", get(commissions::list));
    t.at("/commissions/new", get(new_top::<Commission>).post(create_top::<Commission>));
    t.at("/commissions/{id}", get(commissions::show));
    t.at("/commissions/{id}/edit", get(edit::<Commission>).post(update::<Commission>));
    t.at("/commissions/{id}/report.pdf", get(documents::report::of_commission));
    t.at("/calendar/commissions/{id}/taawun.ics", get(calendar::of_commission));

    // Sessions: the page, the minutes, and the form in parts (each writes its own part).
    t.at("/commissions/{id}/sessions/new", get(session::new).post(session::create));
    t.at("/commissions/{id}/next-session", get(next_session::page).post(next_session::confirm));
    t.at("/sessions/{id}", get(sessions::show));
    t.at("/sessions/{id}/minutes.pdf", get(documents::minutes::download));
    t.at("/sessions/{id}/edit", get(session::basics_get).post(session::basics_post));
    t.at("/sessions/{id}/delegations", get(session::delegations_get).post(session::delegations_post));
    t.at("/sessions/{id}/agenda", get(session::agenda_get).post(session::agenda_post));
    t.at("/sessions/{id}/decisions", get(session::decisions_get).post(session::decisions_post));
    t.at("/sessions/{id}/statements", get(session::statements_get).post(session::statements_post));
    t.at("/sessions/{id}/side-events", get(session::events_get).post(session::events_post));
    t.at("/sessions/{id}/minutes", get(crate::pages::minutes::show));
    t.at("/sessions/{id}/minutes/edit", get(session::minutes_get).post(session::minutes_post));
    t.at("/sessions/{id}/minutes/adopt", post(crate::forms::minutes::adopt_post));
    t.at("/sessions/{id}/minutes/revise", post(crate::forms::minutes::revise_post));
    t.at("/sessions/{id}/minutes/adopt-as-head", post(crate::forms::minutes::adopt_as_head_post));

    // Action plans: the page, its timeline, the form, and importing items from a sheet.
    t.at("/commissions/{id}/plans/new", get(new::<ActionPlan>).post(create::<ActionPlan>));
    t.at("/plans/{id}", get(plans::show));
    t.at("/plans/{id}/edit", get(edit::<ActionPlan>).post(update::<ActionPlan>));
    t.at("/plans/{id}/timeline", get(timeline::show));
    t.at("/plans/{id}/report.pdf", get(documents::report::of_plan));
    t.at("/plans/{id}/import", get(import::start).post(import::upload));
    t.at("/plans/{id}/import/{upload}", post(import::review));

    // Action items, their activities and progress updates (only ever added: a report is
    // corrected by a later one).
    t.at("/items", get(item_list::list));
    t.at("/plans/{id}/items/new", get(new::<ActionItem>).post(create::<ActionItem>));
    t.at("/items/{id}", get(items::show));
    t.at("/items/{id}/ask", post(crate::pages::item_ask::post));
    t.at("/items/{id}/edit", get(edit::<ActionItem>).post(update::<ActionItem>));
    t.at("/items/{id}/activities/new", get(new::<Activity>).post(create::<Activity>));
    t.at("/activities/{id}/edit", get(edit::<Activity>).post(update::<Activity>));
    t.at("/items/{id}/progress/new", get(new::<ProgressUpdate>).post(create::<ProgressUpdate>));

    // Files attached to records: upload (a new file or version), download, purge.
    t.at("/parties/{id}/files", post(files::upload::<Party>));
    t.at("/agreements/{id}/files", post(files::upload::<Agreement>));
    t.at("/sessions/{id}/files", post(files::upload::<Session>));
    t.at("/items/{id}/files", post(files::upload::<ActionItem>));
    t.at("/progress/{id}/files", post(files::upload::<ProgressUpdate>));
    t.at("/activities/{id}/files", post(files::upload::<Activity>));
    t.at("/files/{id}", get(files::download));
    t.at("/files/{id}/purge", post(files::purge));

    // Dashboards.
    t.at("/changes", get(crate::pages::changes::list));
    t.at("/dashboard", get(dashboard::overall));
    t.at("/dashboard/parties/{id}", get(dashboard::party));
    t.at("/dashboard/commissions/{id}", get(dashboard::commission));
    t.at("/dashboard/agreements/{id}", get(dashboard::agreement));

    // Search, a record's history, notifications.
    t.at("/search", get(search::search));
    t.at("/history/{entity}/{id}", get(history::show));
    t.at("/notifications", get(notifications::list));
    t.at("/notifications/read", post(notifications::mark_all_read));

    // Spreadsheet exports (`/export/{list}.xlsx` and `.csv` for each list `exports::List`
    // names) and the long jobs that produce them.
    t.at("/exports", get(exports::page));
    for (path, handler) in exports::downloads() {
        t.at(&path, handler);
    }
    t.at("/jobs/{id}", get(jobs::show));
    t.at("/jobs/{id}/file", get(jobs::file));

    // Calendar feeds: the user's subscriptions, and a feed opened by its secret token (the
    // one door past the login wall besides `/login`).
    t.at("/account/calendar", get(calendar::account::show).post(calendar::account::create));
    t.at("/account/calendar/{id}/revoke", post(calendar::account::revoke));
    t.at("/calendar/feeds/{token}/taawun.ics", get(calendar::by_token));

    // The exchange with partner instances: its page (partners, matches, log; bundle files
    // out and in), then the partners' signed pulls and receipts (a request not signed by a
    // registered partner meets what an unknown path meets).
    t.at("/exchange", get(crate::pages::exchange::show));
    t.at("/exchange/matches", post(crate::pages::exchange::decide));
    t.at("/exchange/conflicts", post(crate::pages::exchange::resolve));
    t.at("/exchange/partners/{id}/bundle", post(crate::pages::exchange::download));
    t.at("/exchange/import", post(crate::pages::exchange::import));
    t.at("/exchange/receipt", post(crate::pages::exchange::receipt));
    t.at("/exchange/outbox", get(crate::pages::exchange_api::outbox));
    t.at("/exchange/inbox", post(crate::pages::exchange_api::inbox));
    t.at("/exchange/file", get(crate::pages::exchange_api::file));

    t
}

/// The routes in the order `table` lists them.
#[derive(Default)]
struct Table {
    routes: Vec<(String, MethodRouter<AppState>)>,
}

impl Table {
    /// Adds `path`, with every method it answers in one `MethodRouter`.
    fn at(&mut self, path: &str, methods: MethodRouter<AppState>) {
        self.routes.push((path.to_string(), methods));
    }

    #[cfg(test)]
    fn paths(&self) -> impl Iterator<Item = &str> {
        self.routes.iter().map(|(p, _)| p.as_str())
    }

    fn router(self) -> Router<AppState> {
        self.routes
            .into_iter()
            .fold(Router::new(), |r, (path, methods)| r.route(&path, methods))
    }
}

/// The whole application's routes, and the not-found page for every other path.
pub fn all() -> Router<AppState> {
    table().router().fallback(error::not_found)
}

/// The layers around every route. Each `.layer` wraps all that was added before it, so the
/// last added runs first on a request. In the order a request meets them:
/// 1. the headers every page wants (`Referrer-Policy`, `X-Content-Type-Options`,
///    `Permissions-Policy`, `Content-Security-Policy`, then `Cache-Control: no-store` on
///    pages), set on the way out when the response lacks them;
/// 2. compression of the response;
/// 3. the login session (`tower-sessions`), loaded before anything asks who is there; a
///    session it cannot save becomes the storage page (`unsaved_is_a_storage_fault`);
/// 4. `ctx::remember`: the request's context, so every page below, error pages included,
///    is in the reader's language;
/// 5. the body limit (spreadsheets 10 MiB, files 50 MiB, everything else 1 MiB), before anything reads a body;
/// 6. `auth::gate`: who is asking, the CSRF check, the login wall (inside `remember`, so
///    its refusals are localized);
/// 7. axum's own extractor body limit switched off (`limit_body` is the one limit);
/// 8. panics become the 500 page (inside `remember`, so in the reader's language);
///
/// then the route's handler, or the not-found page.
pub fn layered(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router
        .layer(CatchPanicLayer::custom(error::from_panic))
        // axum's extractors would cut a multipart or form body at their own 2 MB default,
        // below the documented 10 MB upload: `limit_body` is the one limit, per path.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(state.clone(), auth::gate))
        .layer(middleware::from_fn(limit_body))
        .layer(middleware::from_fn_with_state(state.clone(), ctx::remember))
        .layer(auth::session_layer(&state))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::sessions::unsaved_is_a_storage_fault,
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(no_store_pages))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
}

#[cfg(test)]
mod tests;
