//! A session's agenda as its page shows it: each line with the action items carried over
//! under it (`AgendaItem::item_ids`), linked, with their joint status. Items the reader
//! may not see were already removed by `Visible`; one deleted since is skipped.

use taawun_core::Session;
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;
use crate::markup::{Markup, escape};

pub struct CarriedItem {
    pub href: String,
    pub label: Markup,
    pub status: String,
    /// Open past its due date (`followup::overdue_on`), said beside the status.
    pub late: bool,
}

pub struct AgendaLine {
    pub title: Markup,
    pub example: bool,
    pub items: Vec<CarriedItem>,
}

pub async fn lines(ctx: &Ctx, v: &Visible, s: &Session) -> StoreResult<Vec<AgendaLine>> {
    let mut out = Vec::with_capacity(s.agenda.len());
    for a in &s.agenda {
        let mut items = Vec::new();
        for id in &a.item_ids {
            if let Some(i) = v.item(*id).await? {
                items.push(CarriedItem {
                    href: format!("/items/{id}"),
                    label: Markup(format!("{} {}", escape(&i.code), ctx.text(&i.title))),
                    status: ctx.label("status", i.status.key()),
                    late: taawun_core::followup::overdue_on(i.status, i.due_on, ctx.today),
                });
            }
        }
        out.push(AgendaLine {
            title: ctx.text(&a.title),
            example: a.example,
            items,
        });
    }
    Ok(out)
}
