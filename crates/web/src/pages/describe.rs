//! A record named by kind and id (as search hits and audit rows name them), read through
//! `Visible` and described for a list: its localized title, kind and page. A record the
//! reader may not see is `None`, exactly like an unknown one.

use taawun_core::{Id, Protection};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

/// The kinds of record, as the audit log and the search index name them.
pub const ENTITIES: [&str; 14] = [
    "party",
    "organisation",
    "rank",
    "person",
    "area",
    "agreement",
    "clause",
    "commission",
    "session",
    "action_plan",
    "action_item",
    "progress_update",
    "activity",
    "user",
];

pub struct Described {
    pub title: Markup,
    /// Plain text of the title, for `<title>`.
    pub plain: String,
    pub kind: String,
    /// The page showing the record; ranks and areas have none.
    pub href: Option<String>,
    pub protection: Protection,
}

/// Reads and describes a record; `None` when unknown, hidden or of an unknown kind.
pub async fn describe(
    ctx: &Ctx,
    v: &Visible,
    entity: &str,
    id: Id,
) -> StoreResult<Option<Described>> {
    let lang = ctx.lang;
    let text = |t: &taawun_core::LocalizedText| (ctx.text(t), ctx.plain(t));
    let found = match entity {
        "party" => v
            .party(id)
            .await?
            .map(|p| (text(&p.name), Some(format!("/parties/{id}")), p.protection)),
        "organisation" => v.organisation(id).await?.map(|o| {
            (
                text(&o.name),
                Some(format!("/organisations/{id}")),
                o.protection,
            )
        }),
        "rank" => v
            .rank(id)
            .await?
            .map(|r| (text(&r.label), None, r.protection)),
        "person" => v.person(id).await?.map(|p| {
            let plain = crate::markup::person_plain(lang, &p);
            (
                (ctx.name(&p), plain),
                Some(format!("/people/{id}")),
                p.protection,
            )
        }),
        "area" => v
            .area(id)
            .await?
            .map(|a| (text(&a.name), None, a.protection)),
        "agreement" => v.agreement(id).await?.map(|a| {
            (
                text(&a.title),
                Some(format!("/agreements/{id}")),
                a.protection,
            )
        }),
        "clause" => match v.clause(id).await? {
            Some(c) => {
                let number = ctx.tn("clause-number", c.number);
                // A visible clause has a visible agreement: its scope includes it.
                let (title, plain) = match v.agreement(c.agreement_id).await? {
                    Some(a) => (
                        format!("{} — {}", escape(&number), ctx.text(&a.title)),
                        format!("{number} — {}", ctx.plain(&a.title)),
                    ),
                    None => (escape(&number), number),
                };
                let href = format!("/agreements/{}#clause-{}", c.agreement_id, c.number);
                Some(((Markup(title), plain), Some(href), c.protection))
            }
            None => None,
        },
        "commission" => v.commission(id).await?.map(|c| {
            (
                text(&c.name),
                Some(format!("/commissions/{id}")),
                c.protection,
            )
        }),
        "session" => match v.session(id).await? {
            Some(s) => {
                let mut plain = super::sessions::ordinal_title(ctx, s.ordinal);
                let mut title = escape(&plain);
                if let Some(c) = v.commission(s.commission_id).await? {
                    title.push_str(&format!(" — {}", ctx.text(&c.name)));
                    plain.push_str(&format!(" — {}", ctx.plain(&c.name)));
                }
                Some((
                    (Markup(title), plain),
                    Some(format!("/sessions/{id}")),
                    s.protection,
                ))
            }
            None => None,
        },
        "action_plan" => v
            .plan(id)
            .await?
            .map(|p| (text(&p.title), Some(format!("/plans/{id}")), p.protection)),
        "action_item" => v.item(id).await?.map(|i| {
            let title = format!("{} {}", escape(&i.code), ctx.text(&i.title));
            let plain = format!("{} {}", i.code, ctx.plain(&i.title));
            (
                (Markup(title), plain),
                Some(format!("/items/{id}")),
                i.protection,
            )
        }),
        "progress_update" => v.progress_update(id).await?.map(|u| {
            let plain = format!("{} — {}", ctx.date(&u.reported_on), ctx.percent(&u.percent));
            let title = Markup(escape(&plain));
            (
                (title, plain),
                Some(format!("/items/{}", u.item_id)),
                u.protection,
            )
        }),
        "activity" => v.activity(id).await?.map(|a| {
            let href = a.item_id.map(|i| format!("/items/{i}"));
            (text(&a.title), href, a.protection)
        }),
        "user" => v.user(id).await?.map(|u| {
            let plain = format!("{} ({})", u.display_name, u.username);
            let title = Markup(format!("<bdi>{}</bdi>", escape(&plain)));
            (
                (title, plain),
                Some(format!("/admin/users/{id}")),
                Protection::default(),
            )
        }),
        _ => None,
    };
    Ok(found.map(|((title, plain), href, protection)| Described {
        title,
        plain,
        kind: ctx.label("entity", entity),
        href,
        protection,
    }))
}
