//! `/exchange`: the exchange with partner instances, for those `decide_exchange` allows —
//! this instance's fingerprint, the partners with theirs and the last bundle each way, the
//! partners' records waiting for a secretariat user to say whether they are ours, and the
//! log of bundles and receipts with what their verification found. Administrators also
//! download the next bundle for a partner and import a partner's bundle or receipt file
//! (the air-gapped transport; `docs/exchange.md`).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use taawun_app::exchange::ExchangeError;
use taawun_app::exchange::admin::Overview;
use taawun_app::exchange::inbox::Arrived;
use taawun_core::Id;
use taawun_core::access::{ExchangeAction, decide_exchange};
use taawun_store::exchange::{Direction, LogRow, Outcome};

use super::views::{Crumb, render};
use crate::auth::SignedIn;
use crate::extract::IdPath;
use crate::{AppState, ctx::Ctx, error::WebError};

fn refused(e: ExchangeError) -> WebError {
    match e {
        ExchangeError::NotAllowed => WebError::Forbidden,
        ExchangeError::Store(s) => WebError::Store(s),
        ExchangeError::UnknownPartner(_) => WebError::NotFound,
        e => WebError::Internal(e.to_string()),
    }
}

fn allowed(ctx: &Ctx, a: ExchangeAction) -> Result<(), WebError> {
    decide_exchange(ctx.principal(), a).map_err(|_| WebError::Forbidden)
}

/// One row of a partner's log, worded.
pub struct LogLine {
    pub at: String,
    pub direction: String,
    pub kind: String,
    pub seq: String,
    pub outcome: String,
    pub refused: bool,
    pub key: String,
    pub detail: String,
}

pub struct PartnerLine {
    pub id: Id,
    pub name: String,
    pub fingerprint: String,
    pub party: String,
    pub clearance: String,
    pub revoked: bool,
    pub last_out: String,
    pub last_in: String,
    pub log: Vec<LogLine>,
}

pub struct ConflictLine {
    pub id: Id,
    pub partner_name: String,
    pub record: String,
    pub ours: String,
    pub theirs: String,
}

pub struct MatchLine {
    pub partner: Id,
    pub partner_name: String,
    pub kind: String,
    pub theirs_id: Id,
    pub theirs: String,
    pub ours_id: Id,
    pub ours: String,
}

#[derive(Template)]
#[template(path = "exchange.html")]
struct Page {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    own: Option<(Id, String)>,
    partners: Vec<PartnerLine>,
    matches: Vec<MatchLine>,
    conflicts: Vec<ConflictLine>,
    administer: bool,
    may_match: bool,
    /// What the last action came to, when the page answers one.
    notice: Option<String>,
    /// A receipt to carry back to the partner after an import.
    receipt: Option<String>,
}

fn seq_of(row: &Option<LogRow>, ctx: &Ctx) -> String {
    match row.as_ref().and_then(|r| r.seq) {
        Some(seq) => seq.to_string(),
        None => ctx.t("exchange-none"),
    }
}

fn log_line(ctx: &Ctx, r: &LogRow) -> LogLine {
    let detail = match r.detail.as_deref() {
        Some(d) => {
            let key = d.split(':').next().unwrap_or_default();
            if taawun_app::exchange::Refusal::ALL
                .iter()
                .any(|x| x.key() == key)
            {
                ctx.t(&format!("exchange-refused-{key}"))
            } else {
                d.to_string()
            }
        }
        None => String::new(),
    };
    LogLine {
        at: r.logged_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        direction: ctx.label(
            "exchange-dir",
            match r.direction {
                Direction::Out => "out",
                Direction::In => "in",
            },
        ),
        kind: ctx.label("exchange-kind", r.kind.key()),
        seq: r.seq.map(|s| s.to_string()).unwrap_or_default(),
        outcome: ctx.label("exchange-outcome", r.outcome.key()),
        refused: r.outcome == Outcome::Refused,
        key: r.key.clone().unwrap_or_default(),
        detail,
    }
}

async fn page(
    ctx: Ctx,
    state: &AppState,
    notice: Option<String>,
    receipt: Option<String>,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::View)?;
    let Overview {
        own,
        partners,
        candidates,
        conflicts,
    } = state
        .exchange_door()
        .overview(state.exchange.as_deref(), ctx.principal(), ctx.lang)
        .await
        .map_err(refused)?;
    let v = crate::lookup::reader(state, &ctx);
    let mut lines = Vec::new();
    for p in partners {
        let party = v
            .party(p.partner.party_id)
            .await?
            .map(|x| ctx.plain(&x.short_name))
            .unwrap_or_default();
        lines.push(PartnerLine {
            id: p.partner.instance_id,
            name: p.partner.name.clone(),
            fingerprint: p.partner.fingerprint.clone(),
            party,
            clearance: ctx.label("marking", p.partner.clearance.key()),
            revoked: p.partner.revoked_at.is_some(),
            last_out: seq_of(&p.last_out, &ctx),
            last_in: seq_of(&p.last_in, &ctx),
            log: p.log.iter().map(|r| log_line(&ctx, r)).collect(),
        });
    }
    let matches = candidates
        .into_iter()
        .map(|c| MatchLine {
            partner: c.candidate.partner,
            partner_name: c.partner_name,
            kind: ctx.label("entity", c.candidate.kind.key()),
            theirs_id: c.candidate.theirs,
            theirs: c.theirs.unwrap_or_default(),
            ours_id: c.candidate.ours,
            ours: c.ours.unwrap_or_default(),
        })
        .collect();
    let conflicts = conflicts
        .into_iter()
        .map(|c| ConflictLine {
            id: c.conflict.id,
            partner_name: c.partner_name,
            record: c.record.unwrap_or_default(),
            ours: c.ours,
            theirs: c.theirs,
        })
        .collect();
    let p = Page {
        title: ctx.t("exchange-title"),
        conflicts,
        crumbs: Vec::new(),
        own,
        partners: lines,
        matches,
        administer: decide_exchange(ctx.principal(), ExchangeAction::Administer).is_ok()
            && state.exchange.is_some(),
        may_match: decide_exchange(ctx.principal(), ExchangeAction::Match).is_ok(),
        notice,
        receipt,
        ctx,
    };
    Ok(render(&p)?.into_response())
}

pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(_): SignedIn,
) -> Result<Response, WebError> {
    page(ctx, &state, None, None).await
}

#[derive(Deserialize)]
pub struct MatchForm {
    partner: Id,
    theirs: Id,
    ours: Id,
    decision: String,
}

pub(crate) async fn decide(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(f): Form<MatchForm>,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::Match)?;
    let confirm = match f.decision.as_str() {
        "same" => true,
        "different" => false,
        _ => return Err(WebError::BadRequest("decision".into())),
    };
    let done = state
        .exchange_door()
        .decide_match(&user, f.partner, f.theirs, f.ours, confirm)
        .await
        .map_err(refused)?;
    let notice = match done {
        Some(_) => ctx.t("exchange-matched"),
        None => ctx.t("exchange-match-gone"),
    };
    page(ctx, &state, Some(notice), None).await
}

pub(crate) async fn download(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(partner): IdPath,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::Administer)?;
    let Some(identity) = state.exchange.clone() else {
        return Err(WebError::NotFound);
    };
    let sealed = state
        .exchange_door()
        .export(&identity, &user, partner)
        .await
        .map_err(refused)?;
    let Some(first) = sealed.first() else {
        let notice = ctx.t("exchange-nothing-to-send");
        return page(ctx, &state, Some(notice), None).await;
    };
    let name = format!("taawun-{}.bundle", &first.hash[..12]);
    // Several parts, and the blobs of the files they name, go as one file, which the import
    // reads part by part (`outbox::as_one_file`).
    let text = state
        .exchange_door()
        .as_one_file(&identity, partner, &sealed)
        .await
        .map_err(refused)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (
                header::CONTENT_DISPOSITION,
                crate::files::download::disposition(&name),
            ),
        ],
        text,
    )
        .into_response())
}

pub(crate) async fn import(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(_): SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::Administer)?;
    let Some(identity) = state.exchange.clone() else {
        return Err(WebError::NotFound);
    };
    let bytes = match multipart {
        Ok(mut m) => {
            let mut found = None;
            while let Ok(Some(field)) = m.next_field().await {
                if field.name() == Some("file") {
                    found = field.bytes().await.ok();
                    break;
                }
            }
            found
        }
        Err(_) => None,
    };
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        let notice = ctx.t("exchange-choose-file");
        return page(ctx, &state, Some(notice), None).await;
    };
    let got = state
        .exchange_door()
        .receive_file(&identity, &bytes)
        .await
        .map_err(refused)?;
    let mut notices = Vec::new();
    let mut receipts = Vec::new();
    for g in got {
        receipts.extend(g.receipt);
        notices.push(match g.outcome {
            Arrived::Applied { seq, records } => ctx.t_numbers(
                "exchange-result-applied",
                &[("seq", seq as u64), ("records", records as u64)],
            ),
            Arrived::AlreadyApplied { .. } => ctx.t("exchange-result-already"),
            Arrived::Receipt { .. } => ctx.t("exchange-result-receipt"),
            Arrived::Refused(r) => r.message(ctx.lang),
        });
    }
    let receipt = match receipts.len() {
        0 => None,
        1 => receipts.pop(),
        _ => Some(format!("[{}]", receipts.join(","))),
    };
    page(ctx, &state, Some(notices.join(" ")), receipt).await
}

#[derive(Deserialize)]
pub struct ReceiptForm {
    receipt: String,
}

/// The receipt of an import, handed back as a file to carry to the partner (it is
/// ciphertext to anyone but the partner, so passing it through the form reveals nothing).
pub(crate) async fn receipt(
    ctx: Ctx,
    SignedIn(_): SignedIn,
    Form(f): Form<ReceiptForm>,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::Administer)?;
    let one = taawun_app::exchange::envelope::header_of(f.receipt.as_bytes()).is_ok();
    let several = serde_json::from_str::<Vec<serde_json::Value>>(&f.receipt).is_ok_and(|v| {
        v.iter()
            .all(|e| taawun_app::exchange::envelope::header_of(e.to_string().as_bytes()).is_ok())
    });
    if !one && !several {
        return Err(WebError::BadRequest("receipt".into()));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (
                header::CONTENT_DISPOSITION,
                crate::files::download::disposition("taawun.receipt"),
            ),
        ],
        f.receipt,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct ResolveForm {
    conflict: Id,
    keep: String,
}

pub(crate) async fn resolve(
    ctx: Ctx,
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(f): Form<ResolveForm>,
) -> Result<Response, WebError> {
    allowed(&ctx, ExchangeAction::Match)?;
    let theirs = match f.keep.as_str() {
        "theirs" => true,
        "ours" => false,
        _ => return Err(WebError::BadRequest("keep".into())),
    };
    let done = state
        .exchange_door()
        .resolve(&user, f.conflict, theirs)
        .await
        .map_err(refused)?;
    let notice = if done {
        ctx.t("exchange-resolved")
    } else {
        ctx.t("exchange-match-gone")
    };
    page(ctx, &state, Some(notice), None).await
}
