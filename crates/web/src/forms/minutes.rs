//! The two buttons of the minutes page: adopt the version being drafted (both heads have
//! signed the paper originals, whose scan is attached to the session: the adoption names
//! the newest one not named before) and start the next version. The text adopted is drawn here,
//! through the secretary's `Visible`, at the moment of adoption; what may move and who may
//! move it is the store's to check (`check_minutes`, `Action::Adopt`), so a stale page or
//! a double click gets the rule's message on the minutes page and changes nothing.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use taawun_app::exchange::adoption;
use taawun_app::minutes::{adopt, draw, pending_scan, revise};
use taawun_core::{RecordKind, Session, User};
use taawun_i18n::Wording;

use super::input::Posted;
use super::page::{After, after};
use crate::auth::SignedIn;
use crate::auth::login::confirm_code;
use crate::extract::IdPath;
use crate::lookup::reader;
use crate::pages::minutes::refused;
use crate::{AppState, ctx::Ctx, error::WebError};

/// Which move.
#[derive(Clone, Copy)]
enum Move {
    Adopt,
    Revise,
}

pub(crate) async fn adopt_post(
    ctx: Ctx,
    s: State<AppState>,
    u: SignedIn,
    id: IdPath,
    p: Posted,
) -> Result<Response, WebError> {
    run(ctx, s, u, id, p, Move::Adopt).await
}

pub(crate) async fn revise_post(
    ctx: Ctx,
    s: State<AppState>,
    u: SignedIn,
    id: IdPath,
    p: Posted,
) -> Result<Response, WebError> {
    run(ctx, s, u, id, p, Move::Revise).await
}

async fn run(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
    how: Move,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let raw: Session = s
        .acting(&user)
        .stored(&v, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let mut rec = moved(&s, &v, &user, &raw, how).await?;
    rec.version = input.version();
    save_or_say(&ctx, &s, &user, &v, Ok(rec)).await
}

/// Saves the moved session and returns to the minutes; or the minutes page again with why
/// not: the move's own refusal (`Err`: the sentence, and the session), the rules', or a
/// stale version's.
async fn save_or_say(
    ctx: &Ctx,
    s: &AppState,
    user: &User,
    v: &taawun_store::Visible,
    rec: Result<Session, (String, taawun_core::Id)>,
) -> Result<Response, WebError> {
    let (status, notice, id) = match rec {
        Err((said, id)) => (StatusCode::UNPROCESSABLE_ENTITY, said, id),
        Ok(rec) => {
            let id = rec.id;
            match after(s.acting(user).save_session(&rec).await)? {
                After::Saved(_) => {
                    return Ok(Redirect::to(&format!("/sessions/{id}/minutes")).into_response());
                }
                After::Invalid(e) => {
                    let said: Vec<String> = e.0.iter().map(|e| e.message(ctx.lang)).collect();
                    (StatusCode::UNPROCESSABLE_ENTITY, said.join(" "), id)
                }
                After::Conflict => (StatusCode::CONFLICT, ctx.t("conflict-title"), id),
            }
        }
    };
    let shown = v.session(id).await?.ok_or(WebError::NotFound)?;
    refused(s, ctx, v, &shown, status, notice).await
}

/// A head of delegation adopts the version in force for their party (issue 16): they are
/// signed in as themselves, confirm with their current second-factor code, and this
/// instance signs the statement (`taawun_app::exchange::adoption`). The store then checks
/// the save adds nothing but that adoption (`Action::AdoptAsHead`, `check_adoptions`).
pub(crate) async fn adopt_as_head_post(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    Posted(input): Posted,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let raw: Session = s
        .acting(&user)
        .stored(&v, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let person = match user.person_id {
        Some(p) => v.person(p).await?,
        None => None,
    };
    let identity = s.exchange.as_deref();
    let mut made = adoption::adopt_as_head(identity, &user, person.as_ref(), &raw, Utc::now());
    // The code is spent only when everything else holds, so a refusal costs no code.
    if made.is_ok() && !confirm_code(&s, &user, input.get("code")).await? {
        made = Err(adoption::AdoptRefusal::SecondFactor);
    }
    let rec = match made {
        Ok(mut rec) => {
            rec.version = input.version();
            Ok(rec)
        }
        Err(r) => Err((ctx.t(&format!("adoption-refused-{}", r.key())), id)),
    };
    save_or_say(&ctx, &s, &user, &v, rec).await
}

async fn moved(
    s: &AppState,
    v: &taawun_store::Visible,
    user: &User,
    raw: &Session,
    how: Move,
) -> Result<Session, WebError> {
    Ok(match how {
        Move::Adopt => {
            let files = v.attachments(RecordKind::Session, raw.id).await?;
            let scan = pending_scan(&raw.minutes, &files);
            let drawn = draw(v, raw).await?;
            adopt(raw, drawn, s.clock.today(), &user.username, scan)
        }
        Move::Revise => revise(raw),
    })
}
