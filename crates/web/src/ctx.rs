//! The page context: the reader's language, the current path (for the language switch and
//! "back" links) and the helpers templates call for messages, localized text, dates and
//! numbers. Also kept in a task-local so an error page renders in the reader's language
//! even when it is produced far from any handler (rejections, fallback, panics).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use chrono::NaiveDate;
use std::convert::Infallible;
use taawun_core::{Lang, LocalizedText, Person};

use crate::{AppState, fmt, i18n, markup, markup::Markup, negotiate};

/// Paths longer than this are not echoed back into language-switch links.
const MAX_BACK_LEN: usize = 512;

#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    /// Path and query of the current request, used as `back` by the language switch.
    pub path: String,
    pub demo: bool,
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

impl<T: Count> Count for &T {
    fn count(&self) -> usize {
        (**self).count()
    }
}

tokio::task_local! {
    static CURRENT: Ctx;
}

impl Ctx {
    fn from_parts(parts: &Parts, demo: bool) -> Ctx {
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
        }
    }

    /// The context of the request being served; French at the root outside any request.
    pub fn current() -> Ctx {
        CURRENT.try_with(Ctx::clone).unwrap_or(Ctx {
            lang: negotiate::DEFAULT,
            path: String::from("/"),
            demo: false,
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

    pub fn date(&self, d: &NaiveDate) -> String {
        fmt::date(self.lang, *d)
    }

    /// An optional date, or a dash.
    pub fn date_opt(&self, d: &Option<NaiveDate>) -> String {
        d.map(|d| fmt::date(self.lang, d))
            .unwrap_or_else(|| String::from("—"))
    }

    pub fn number(&self, v: &f64) -> String {
        fmt::number(self.lang, *v)
    }

    pub fn percent(&self, p: &u8) -> String {
        i18n::message_with(
            self.lang,
            "percent",
            "value",
            &fmt::integer(self.lang, u64::from(*p)),
        )
    }

    pub fn example(&self) -> Markup {
        markup::example_badge(self.lang)
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
        Ok(Ctx::from_parts(parts, state.demo))
    }
}

/// Middleware: remembers the request's context for the whole of its handling.
pub async fn remember(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::from_parts(&parts, state.demo);
    CURRENT
        .scope(ctx, next.run(Request::from_parts(parts, body)))
        .await
}
