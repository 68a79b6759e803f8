//! Lists shown a page at a time: the `?page=N` of a list's address, the store window it
//! reads, the count line ("12 actions", or "more than 1,000 actions" past the counting
//! bound) and the previous/next links. The store selects the page (`taawun_store::Window`);
//! this only says which one.

use std::future::Future;
use taawun_store::{StoreResult, Window, Windowed};

use super::views::{Link, Pager};
use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

/// How far a list counts its rows beyond the page shown: past it, "more than 1,000".
pub const COUNT_TO: u64 = 1_000;

/// `?page=N`, kept as text so that a malformed number shows the first page rather than an
/// error page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    pub page: Option<String>,
}

impl PageQuery {
    /// The page asked for, from 1.
    pub fn number(&self) -> u64 {
        self.page
            .as_deref()
            .and_then(|p| p.trim().parse::<u64>().ok())
            .unwrap_or(1)
            .max(1)
    }
}

/// One page of a list read by `read`, `per` rows a page, counted up to `COUNT_TO` or to the
/// end of the page, whichever is further. A page past the end (an old link, a typed
/// number) gives the last one. Returns the page read and its number.
pub async fn fetch<T, F, Fut>(page: u64, per: u64, read: F) -> StoreResult<(Windowed<T>, u64)>
where
    F: Fn(Window) -> Fut,
    Fut: Future<Output = StoreResult<Windowed<T>>>,
{
    let window = |page: u64| {
        let offset = (page - 1).saturating_mul(per);
        Window {
            offset,
            limit: per,
            count_to: COUNT_TO.max(offset.saturating_add(per)),
        }
    };
    let found = read(window(page)).await?;
    if found.rows.is_empty() && page > 1 && !found.more {
        let last = found.count.div_ceil(per).max(1);
        return Ok((read(window(last)).await?, last));
    }
    Ok((found, page))
}

/// The number of pages, when the count is exact.
pub fn pages<T>(found: &Windowed<T>, per: u64) -> Option<u64> {
    (!found.more).then(|| found.count.div_ceil(per).max(1))
}

/// Previous and next pages of `found`, page `page`, at `href(n)`: "n / pages", or "n" when
/// the count stopped at its bound (there is then a next page).
pub fn pager<T>(found: &Windowed<T>, page: u64, per: u64, href: impl Fn(u64) -> String) -> Pager {
    let pages = pages(found, per);
    let link = |n: u64| Link {
        href: href(n),
        label: Markup(escape(&match pages {
            Some(pages) => format!("{n} / {pages}"),
            None => n.to_string(),
        })),
    };
    Pager {
        prev: (page > 1).then(|| link(page - 1)),
        next: pages.is_none_or(|p| page < p).then(|| link(page + 1)),
    }
}

/// "12 actions" with the plural message `key`, or "more than 1,000 actions" with
/// `{key}-over` when the count stopped at its bound.
pub fn count_text<T>(ctx: &Ctx, key: &str, found: &Windowed<T>) -> String {
    if found.more {
        ctx.t_over(&format!("{key}-over"), found.count)
    } else {
        ctx.tn(key, found.count as usize)
    }
}
