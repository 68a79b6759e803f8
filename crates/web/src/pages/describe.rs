//! A record named by kind and id (as search hits and audit rows name them), read through
//! `Visible` and described for a list: its localized title, kind and page. A record the
//! reader may not see is `None`, exactly like an unknown one.

use taawun_core::{Id, Protection, RecordKind};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

pub struct Described {
    pub title: Markup,
    /// Plain text of the title, for `<title>`.
    pub plain: String,
    pub kind: String,
    /// The page showing the record; ranks and areas have none.
    pub href: Option<String>,
    pub protection: Protection,
}

/// Reads and describes a record; `None` when unknown or hidden.
pub async fn describe(
    ctx: &Ctx,
    v: &Visible,
    entity: RecordKind,
    id: Id,
) -> StoreResult<Option<Described>> {
    let lang = ctx.lang;
    let text = |t: &taawun_core::LocalizedText| (ctx.text(t), ctx.plain(t));
    let found = match entity {
        RecordKind::Party => v
            .party(id)
            .await?
            .map(|p| (text(&p.name), Some(format!("/parties/{id}")), p.protection)),
        RecordKind::Organisation => v.organisation(id).await?.map(|o| {
            (
                text(&o.name),
                Some(format!("/organisations/{id}")),
                o.protection,
            )
        }),
        RecordKind::Rank => v
            .rank(id)
            .await?
            .map(|r| (text(&r.label), None, r.protection)),
        RecordKind::Person => v.person(id).await?.map(|p| {
            let plain = crate::markup::person_plain(lang, &p);
            (
                (ctx.name(&p), plain),
                Some(format!("/people/{id}")),
                p.protection,
            )
        }),
        RecordKind::Area => v
            .area(id)
            .await?
            .map(|a| (text(&a.name), None, a.protection)),
        RecordKind::Agreement => v.agreement(id).await?.map(|a| {
            (
                text(&a.title),
                Some(format!("/agreements/{id}")),
                a.protection,
            )
        }),
        RecordKind::Clause => match v.clause(id).await? {
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
        RecordKind::Commission => v.commission(id).await?.map(|c| {
            (
                text(&c.name),
                Some(format!("/commissions/{id}")),
                c.protection,
            )
        }),
        RecordKind::Session => match v.session(id).await? {
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
        RecordKind::ActionPlan => v
            .plan(id)
            .await?
            .map(|p| (text(&p.title), Some(format!("/plans/{id}")), p.protection)),
        RecordKind::ActionItem => v.item(id).await?.map(|i| {
            let title = format!("{} {}", escape(&i.code), ctx.text(&i.title));
            let plain = format!("{} {}", i.code, ctx.plain(&i.title));
            (
                (Markup(title), plain),
                Some(format!("/items/{id}")),
                i.protection,
            )
        }),
        RecordKind::ProgressUpdate => v.progress_update(id).await?.map(|u| {
            let plain = format!("{} — {}", ctx.date(&u.reported_on), ctx.percent(&u.percent));
            let title = Markup(escape(&plain));
            (
                (title, plain),
                Some(format!("/items/{}", u.item_id)),
                u.protection,
            )
        }),
        RecordKind::Activity => v.activity(id).await?.map(|a| {
            let href = a.item_id.map(|i| format!("/items/{i}"));
            (text(&a.title), href, a.protection)
        }),
        RecordKind::User => v.user(id).await?.map(|u| {
            let plain = format!("{} ({})", u.display_name, u.username);
            let title = Markup(format!("<bdi>{}</bdi>", escape(&plain)));
            (
                (title, plain),
                Some(format!("/admin/users/{id}")),
                Protection::default(),
            )
        }),
    };
    Ok(found.map(|((title, plain), href, protection)| Described {
        title,
        plain,
        kind: ctx.label("entity", entity.key()),
        href,
        protection,
    }))
}

/// The sentence a record's page shows when the record came from a partner's instance
/// (issue 16): where it is kept, and that only the reader's side of it changes here.
pub(crate) async fn origin(
    ctx: &Ctx,
    v: &Visible,
    kind: RecordKind,
    id: Id,
) -> StoreResult<Option<String>> {
    Ok(v.origin(kind, id).await?.map(|name| {
        taawun_i18n::message_args(ctx.lang, "record-from-partner", &[("partner", &name)])
    }))
}
