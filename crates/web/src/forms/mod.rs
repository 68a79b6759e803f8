//! Forms for the whole chain: one module per record form, on shared pieces. A form is
//! declared once (`spec`): each field names the core path it fills, so the same list
//! renders the widgets (`render`), reads the post (`parse`) and places the store's rule
//! errors (`errors`). Saving starts from the record as stored, never from the `Visible`
//! copy the form was shown from: references the user cannot see are kept (see `keep`).

mod choices;
mod conflict;
mod errors;
mod input;
mod keep;
mod links;
mod page;
mod parse;
mod record;
mod render;
mod spec;

pub(crate) use input::Posted;
pub use links::{actions, list_actions};

mod activity;
mod agenda;
mod agreement;
mod area;
mod clause;
mod commission;
pub(crate) mod handlers;
mod item;
pub(crate) mod minutes;
pub(crate) mod next_session;
mod organisation;
mod party;
pub(crate) mod person;
mod plan;
mod progress;
mod rank;
pub(crate) mod session;
mod session_parts;

use taawun_core::{
    Action, Denied, Id, Principal, Protection, RecordKind, Releasability, Target, User, decide,
};
use taawun_store::Visible;

use crate::ctx::Ctx;
use crate::error::WebError;
use spec::{Field, Item, Ty};

/// The record as the reader may see it, if they may also edit it: hidden or unknown is
/// 404, visible but not theirs to edit is 403.
async fn editable<R>(
    v: &Visible,
    entity: RecordKind,
    id: Id,
    shown: Option<R>,
) -> Result<R, WebError> {
    let record = shown.ok_or(WebError::NotFound)?;
    if v.allows(Action::Edit, entity, id).await? {
        Ok(record)
    } else {
        Err(WebError::Forbidden)
    }
}

/// Whether the principal may create a record described by `target` (the store decides
/// again when saving; this spares the user a form they could never send).
fn may(who: &Principal, action: Action, target: &Target) -> Result<(), WebError> {
    decide(who, action, target).map_err(|d| match d {
        Denied::Hidden => WebError::NotFound,
        Denied::NotAllowed => WebError::Forbidden,
    })
}

/// A new record's protection: the user's party is its originator.
fn originated(user: &User) -> Protection {
    Protection {
        originator: Some(user.party_id),
        ..Protection::default()
    }
}

/// A record saved with no originator (before originators existed, or by the demo) is
/// joint; it gets the editor's party only when it is being released to its originator only,
/// which needs one. Filling it in on any edit would change its protection, which only the
/// secretariat and administrators may (`decide_protection`): a party editor's plain edit
/// must keep the protection as stored.
fn keep_originator(p: &mut Protection, user: &User) {
    if p.originator.is_none() && p.releasability == Releasability::OriginatorOnly {
        p.originator = Some(user.party_id);
    }
}

/// The protection fieldset: marking (up to the user's clearance) and releasability; the
/// originator is never typed.
fn protection(ctx: &Ctx) -> Item {
    Item::Group {
        legend: ctx.t("form-protection"),
        nullable: None,
        items: vec![
            Item::Field(Field::new(
                "protection.marking",
                ctx.t("form-marking"),
                Ty::Select(choices::markings(ctx)),
            )),
            Item::Field(
                Field::new(
                    "protection.releasability",
                    ctx.t("form-releasability"),
                    Ty::Select(choices::releasabilities(ctx)),
                )
                .hint(ctx.t("form-releasability-hint")),
            ),
        ],
    }
}

/// A localized-text field, required or not, long (textarea) or single-line.
fn text3(path: &str, label: String, long: bool, optional: bool) -> Item {
    let max = if long {
        taawun_core::rules::MAX_TEXT
    } else {
        taawun_core::rules::MAX_SHORT
    };
    let f = Field::new(path, label, Ty::Text3 { long, max });
    Item::Field(if optional { f.optional() } else { f })
}

fn field(path: &str, label: String, ty: Ty) -> Item {
    Item::Field(Field::new(path, label, ty))
}

fn optional(path: &str, label: String, ty: Ty) -> Item {
    Item::Field(Field::new(path, label, ty).optional())
}

/// A single line of text of at most `MAX_SHORT` characters.
fn line(dir: &'static str) -> Ty {
    Ty::Line {
        max: taawun_core::rules::MAX_SHORT,
        dir,
    }
}
