//! Small pieces of the administration pages: the links to the shared vocabularies' lists,
//! and whether a user's second factor may be turned off from their page.

use taawun_core::{Action, Id, Kind, Target, decide};

use super::views::Link;
use crate::markup::{Markup, escape};
use crate::{AppState, ctx::Ctx, error::WebError};

/// `/parties`, `/ranks` and `/areas`, when `decide` lets the reader create vocabulary.
pub fn vocabularies(ctx: &Ctx) -> Vec<Link> {
    if decide(
        ctx.principal(),
        Action::Create,
        &Target::new(Kind::Taxonomy),
    )
    .is_err()
    {
        return Vec::new();
    }
    [
        ("/parties", ctx.t("vocab-parties-title")),
        ("/ranks", ctx.t("vocab-ranks-title")),
        ("/areas", ctx.t("vocab-areas-title")),
    ]
    .into_iter()
    .map(|(href, label)| Link {
        href: href.into(),
        label: Markup(escape(&label)),
    })
    .collect()
}

/// Whether the user `id` has a second factor the reader may turn off: someone else's, and
/// the reader may edit users.
pub async fn second_factor(ctx: &Ctx, state: &AppState, id: Option<Id>) -> Result<bool, WebError> {
    let Some(id) = id else { return Ok(false) };
    let me = ctx.user().map(|u| u.id);
    if me == Some(id) || decide(ctx.principal(), Action::Edit, &Target::new(Kind::User)).is_err() {
        return Ok(false);
    }
    Ok(crate::lookup::reader(state, ctx)
        .user(id)
        .await?
        .is_some_and(|u| u.totp_enabled))
}
