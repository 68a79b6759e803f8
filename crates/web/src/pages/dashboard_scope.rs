//! The record a dashboard (or the list behind one of its figures) is about, read through
//! `Visible`: a commission, an agreement, a party, or everything the reader may see.

use taawun_core::LocalizedText;
use taawun_store::{FactsScope, StoreResult, Visible};

use super::views::Link;
use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

/// The scope's record as a link, and its name as plain text (for the page title); `None`
/// when it names a record the reader may not see (or none exists), which the dashboard
/// answers with a 404 like any hidden record.
pub async fn named(
    ctx: &Ctx,
    v: &Visible,
    scope: FactsScope,
) -> StoreResult<Option<(Link, String)>> {
    let link = |href: String, text: &LocalizedText| {
        let link = Link {
            href,
            label: ctx.text(text),
        };
        (link, ctx.plain(text))
    };
    Ok(match scope {
        FactsScope::All => {
            let all = ctx.t("dashboard-scope-all");
            let link = Link {
                href: "/dashboard".into(),
                label: Markup(escape(&all)),
            };
            Some((link, all))
        }
        FactsScope::Commission(id) => v
            .commission(id)
            .await?
            .map(|c| link(format!("/commissions/{id}"), &c.name)),
        FactsScope::Agreement(id) => v
            .agreement(id)
            .await?
            .map(|a| link(format!("/agreements/{id}"), &a.title)),
        FactsScope::Party(id) => v
            .party(id)
            .await?
            .map(|p| link(format!("/parties/{id}"), &p.short_name)),
        FactsScope::Plan(id) => v
            .plan(id)
            .await?
            .map(|p| link(format!("/plans/{id}"), &p.title)),
    })
}
