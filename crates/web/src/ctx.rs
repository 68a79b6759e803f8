//! The page context: the reader's language, the current path (for the language switch and
//! "back" links) and the helpers templates call for messages, localized text, dates and
//! numbers. Also kept in a task-local so an error page renders in the reader's language
//! even when it is produced far from any handler (rejections, fallback, panics).
//! It also carries who is asking (`who`, set by `auth::gate`): the principal permission
//! decisions are made for, the header's user, and the CSRF token forms must carry.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use chrono::NaiveDate;
use std::convert::Infallible;
use std::sync::Arc;
use taawun_core::{Action, Kind, Lang, LocalizedText, Person, Principal, Target, User, decide};

use crate::auth::Who;
use crate::{AppState, fmt, i18n, markup, markup::Markup, negotiate};

/// Paths longer than this are not echoed back into language-switch links.
const MAX_BACK_LEN: usize = 512;

#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    /// Path and query of the current request, used as `back` by the language switch.
    pub path: String,
    pub demo: bool,
    /// The day follow-up is judged on (`AppState::clock`): what is overdue today.
    pub today: chrono::NaiveDate,
    /// Who is asking; anonymous outside the gate (static files, errors before it ran).
    pub who: Arc<Who>,
    /// The classification banner of the page (see `banner`); Unclassified until a page
    /// loader sets it from what it read.
    pub banner: crate::banner::Banner,
}

/// One link of the language switch.
pub struct LangLink {
    pub code: &'static str,
    pub dir: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// Anything a plural message can count; templates pass numbers by reference, Rust by value.
pub trait Count {
    fn count(&self) -> usize;
}

impl Count for usize {
    fn count(&self) -> usize {
        *self
    }
}

impl Count for u32 {
    fn count(&self) -> usize {
        usize::try_from(*self).unwrap_or(usize::MAX)
    }
}

impl Count for u64 {
    fn count(&self) -> usize {
        usize::try_from(*self).unwrap_or(usize::MAX)
    }
}

impl<T: Count> Count for &T {
    fn count(&self) -> usize {
        (**self).count()
    }
}

tokio::task_local! {
    static CURRENT: Ctx;
}

impl Ctx {
    pub(crate) fn from_parts(parts: &Parts, demo: bool, today: chrono::NaiveDate) -> Ctx {
        let path = parts
            .uri
            .path_and_query()
            .map(|pq| pq.as_str())
            .filter(|p| p.len() <= MAX_BACK_LEN)
            .unwrap_or("/")
            .to_string();
        Ctx {
            lang: negotiate::lang_of(&parts.headers),
            path,
            demo,
            today,
            who: parts
                .extensions
                .get::<Arc<Who>>()
                .cloned()
                .unwrap_or_else(|| Arc::new(Who::anonymous())),
            banner: Default::default(),
        }
    }

    /// An anonymous reader of `lang` at the root: for the layers that answer before
    /// `remember` has set the request's context.
    pub(crate) fn in_lang(lang: Lang, demo: bool) -> Ctx {
        Ctx {
            lang,
            demo,
            ..Ctx::current()
        }
    }

    /// The context of the request being served; French at the root outside any request.
    pub fn current() -> Ctx {
        CURRENT.try_with(Ctx::clone).unwrap_or(Ctx {
            lang: negotiate::DEFAULT,
            path: String::from("/"),
            demo: false,
            today: chrono::Utc::now().date_naive(),
            who: Arc::new(Who::anonymous()),
            banner: Default::default(),
        })
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// A catalogue message.
    pub fn t(&self, key: &str) -> String {
        i18n::message(self.lang, key)
    }

    /// A plural-aware catalogue message with `$count`.
    pub fn tn(&self, key: &str, count: impl Count) -> String {
        i18n::message_count(self.lang, key, count.count())
    }

    /// A plural-aware message with `$count` and one more named text (a party's name…).
    pub fn tn_with(&self, key: &str, count: impl Count, name: &str, value: &str) -> String {
        let mut args = taawun_i18n::FluentArgs::new();
        args.set("count", taawun_i18n::FluentValue::from(count.count()));
        args.set(
            name.to_string(),
            taawun_i18n::FluentValue::from(value.to_string()),
        );
        i18n::format(self.lang, key, Some(&args))
    }

    /// A count that stopped at its bound ("more than 1,000 actions"): the number written as
    /// the language writes numbers, with no plural to choose.
    pub fn t_over(&self, key: &str, count: u64) -> String {
        let written = crate::fmt::integer(self.lang, count);
        i18n::message_args(self.lang, key, &[("count", written.as_str())])
    }

    /// A catalogue message with named numbers, each written as the language writes numbers
    /// (for messages with no plural to choose).
    pub fn t_numbers(&self, key: &str, numbers: &[(&str, u64)]) -> String {
        let written: Vec<(&str, String)> = numbers
            .iter()
            .map(|(name, n)| (*name, fmt::integer(self.lang, *n)))
            .collect();
        let args: Vec<(&str, &str)> = written.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::message_args(self.lang, key, &args)
    }

    /// The label of an enum value: `label("status", "in_progress")` → `status-in_progress`.
    pub fn label(&self, prefix: &str, key: &str) -> String {
        i18n::message(self.lang, &format!("{prefix}-{key}"))
    }

    pub fn text(&self, value: &LocalizedText) -> Markup {
        markup::text(self.lang, value)
    }

    pub fn plain(&self, value: &LocalizedText) -> String {
        markup::plain(self.lang, value)
    }

    pub fn name(&self, person: &Person) -> Markup {
        markup::person_name(self.lang, person)
    }

    /// A date as the reader reads dates: in Arabic, in the usage they chose, if any.
    pub fn date(&self, d: &NaiveDate) -> String {
        fmt::date_in(self.lang, self.who.arabic_dates.as_deref(), *d)
    }

    /// An optional date, or a dash.
    pub fn date_opt(&self, d: &Option<NaiveDate>) -> String {
        d.map_or_else(|| String::from("—"), |d| self.date(&d))
    }

    pub fn number(&self, v: &f64) -> String {
        fmt::number(self.lang, *v)
    }

    /// A whole percentage in the reader's language (`fmt::percent`).
    pub fn percent(&self, p: &u8) -> String {
        fmt::percent(self.lang, f64::from(*p))
    }

    pub fn example(&self) -> Markup {
        markup::example_badge(self.lang)
    }

    /// The principal permission decisions are made for.
    pub fn principal(&self) -> &Principal {
        &self.who.principal
    }

    /// The logged-in user, if any.
    pub fn user(&self) -> Option<&User> {
        self.who.user.as_ref()
    }

    /// The user's unread notifications (see `pages::notifications`), for the header.
    pub fn unread(&self) -> u32 {
        self.who.unread
    }

    /// Whether the menu offers the exchange with partner instances (`decide_exchange`).
    pub fn sees_exchange(&self) -> bool {
        self.user().is_some()
            && taawun_core::access::decide_exchange(
                self.principal(),
                taawun_core::access::ExchangeAction::View,
            )
            .is_ok()
    }

    /// Whether the menu offers the recent changes (`access::may_follow_changes`).
    pub fn follows_changes(&self) -> bool {
        self.user().is_some() && taawun_core::access::may_follow_changes(self.principal())
    }

    pub fn csrf_field(&self) -> Markup {
        Markup(format!(
            "<input type=\"hidden\" name=\"csrf\" value=\"{}\">",
            markup::escape(&self.who.csrf)
        ))
    }

    /// The header's line about the user: role and party.
    pub fn user_role(&self) -> String {
        self.user()
            .map(|u| self.label("user-role", u.role.key()))
            .unwrap_or_default()
    }

    pub fn user_party(&self) -> Markup {
        match &self.who.party {
            Some(p) => self.text(&p.short_name),
            None => Markup::default(),
        }
    }

    /// Whether the header links to user administration (asked of `decide`, like any right).
    pub fn may_admin_users(&self) -> bool {
        self.user().is_some()
            && decide(self.principal(), Action::View, &Target::new(Kind::User)).is_ok()
    }

    /// The login link, returning to the current page.
    pub fn login_href(&self) -> String {
        crate::auth::login_href(&self.path)
    }

    /// Links to /lang/xx for the three languages, each returning to the current page.
    pub fn switch(&self) -> Vec<LangLink> {
        let back = markup::query_encode(&self.path);
        Lang::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                dir: l.dir(),
                // Each language is named in itself, so a lost reader finds theirs.
                name: i18n::message(l, "lang-self"),
                href: format!("/lang/{}?back={back}", l.code()),
                current: l == self.lang,
            })
            .collect()
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, Infallible> {
        Ok(Ctx::from_parts(parts, state.demo, state.clock.today()))
    }
}

/// Runs the rest of the request with a context rebuilt from it (after the gate added who is
/// asking), so error pages deeper down know the user too.
pub async fn within_request(
    req: Request,
    demo: bool,
    today: chrono::NaiveDate,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::from_parts(&parts, demo, today);
    within(ctx, next.run(Request::from_parts(parts, body))).await
}

/// Runs `fut` with `ctx` as the current context.
pub(crate) async fn within<T>(ctx: Ctx, fut: impl std::future::Future<Output = T>) -> T {
    CURRENT.scope(ctx, fut).await
}

/// Middleware: remembers the request's context for the whole of its handling.
pub async fn remember(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::from_parts(&parts, state.demo, state.clock.today());
    within(ctx, next.run(Request::from_parts(parts, body))).await
}
