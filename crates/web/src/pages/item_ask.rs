//! Asking a side's lead body for news of an item (`POST /items/{id}/ask`): the offers the
//! item page shows, the request, and the notice the page shows after it. What a request does
//! is `taawun_app::ask`; who may make one is `core::access` (`Action::RequestUpdate`).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taawun_app::ask::{AskError, Asked};
use taawun_core::{Action, ActionItem, Id, RecordKind};
use taawun_store::{StoreResult, Visible};

use crate::auth::SignedIn;
use crate::ctx::Ctx;
use crate::extract::IdPath;
use crate::forms::Posted;
use crate::lookup::{Lookup, reader};
use crate::{AppState, error::WebError};

/// A side the reader may ask: a form posting `party` to `action`, its button's words.
pub struct Offer {
    pub action: String,
    pub party: Id,
    pub button: String,
}

/// The sides of an open `item` the reader may ask for news: none unless `core::access` lets
/// them.
pub async fn offers(
    ctx: &Ctx,
    v: &Visible,
    lk: &mut Lookup<'_>,
    item: &ActionItem,
) -> StoreResult<Vec<Offer>> {
    // News of a finished or cancelled item is nothing to chase.
    if !item.status.is_open() {
        return Ok(vec![]);
    }
    let Some(scope) = v.scope_of(RecordKind::ActionItem, item.id).await? else {
        return Ok(vec![]);
    };
    if scope.decide(v.principal(), Action::RequestUpdate).is_err() {
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    for lead in &item.leads {
        let Some(party) = lk.party(lead.party_id).await? else {
            continue;
        };
        out.push(Offer {
            action: format!("/items/{}/ask", item.id),
            party: lead.party_id,
            button: taawun_i18n::message_with(
                ctx.lang,
                "item-ask-button",
                "party",
                &ctx.plain(&party.short_name),
            ),
        });
    }
    Ok(out)
}

/// `?asked=N&to=PARTY` (or `asked=again`) after a request: what the page says.
#[derive(Debug, Default, Deserialize)]
pub struct AfterAsk {
    asked: Option<String>,
    to: Option<Id>,
}

/// The notice for the query a request redirected with; nothing for any other query.
pub async fn notice(
    ctx: &Ctx,
    lk: &mut Lookup<'_>,
    item: &ActionItem,
    q: &AfterAsk,
) -> StoreResult<Option<String>> {
    let (Some(asked), Some(to)) = (&q.asked, q.to) else {
        return Ok(None);
    };
    // Only a lead party of the item is named: the query cannot make the page name another.
    if !item.leads.iter().any(|l| l.party_id == to) {
        return Ok(None);
    }
    let Some(party) = lk.party(to).await? else {
        return Ok(None);
    };
    let party = ctx.plain(&party.short_name);
    Ok(match asked.as_str() {
        "again" => Some(taawun_i18n::message_with(
            ctx.lang,
            "item-ask-again",
            "party",
            &party,
        )),
        "forwarded" => Some(taawun_i18n::message_with(
            ctx.lang,
            "item-ask-forwarded",
            "party",
            &party,
        )),
        n => n
            .parse::<u64>()
            .ok()
            .map(|n| ctx.tn_with("item-ask-done", n, "party", &party)),
    })
}

pub(crate) async fn post(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let Ok(party) = input.get("party").parse::<Id>() else {
        return Err(WebError::BadRequest(String::from("party: not an id")));
    };
    let asked = s
        .acting(&user)
        .request_update(&v, id, party, s.clock.today())
        .await;
    let asked = match asked {
        Ok(a) => a,
        Err(AskError::NotFound) => return Err(WebError::NotFound),
        Err(AskError::Forbidden) => return Err(WebError::Forbidden),
        Err(AskError::NotALead) => {
            return Err(WebError::BadRequest(String::from("party: not a lead")));
        }
        Err(AskError::Store(e)) => return Err(e.into()),
    };
    let count = match asked {
        Asked::Notified(n) => {
            if n > 0 {
                s.remind_now.notify_one();
            }
            n.to_string()
        }
        Asked::AlreadyToday => String::from("again"),
        Asked::Forwarded => String::from("forwarded"),
    };
    Ok(Redirect::to(&format!("/items/{id}?asked={count}&to={party}#ask")).into_response())
}
