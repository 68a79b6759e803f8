//! `POST /{agreements|sessions|items|progress|activities}/{id}/files`: a new file, or a new
//! version of one (`replaces`), as a multipart form whose first part is the CSRF token.
//! The file is read as it streams in and refused the moment it passes
//! `attachment::MAX_FILE_BYTES` (a declared length over the route's limit is refused before
//! anything is read: `routes::limit_body`); then its type is checked by content and the
//! installation's scanner asked (`taawun_app::files::check`), and only then is it stored.
//! A refused file changes nothing.

use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Field, Multipart, MultipartError, MultipartRejection};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use taawun_core::attachment::{FileRefusal, MAX_FILE_BYTES, Purpose};
use taawun_core::{FileAction, Kinded, RecordKind};
use taawun_i18n::Wording;
use taawun_store::{FileSlot, NewFile, StoreError};

use crate::auth::SignedIn;
use crate::lookup::reader;
use crate::pages::views::Crumb;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// Why an upload was refused, in the reader's language, with a way back to the record.
#[derive(Template)]
#[template(path = "file_refused.html")]
struct Refused {
    ctx: Ctx,
    title: String,
    crumbs: Vec<Crumb>,
    message: String,
    back: Option<String>,
}

/// The refusal page (422): nothing was stored.
pub(super) fn refused(ctx: &Ctx, message: String, back: Option<String>) -> Response {
    refused_with(StatusCode::UNPROCESSABLE_ENTITY, ctx, message, back)
}

/// The refusal page with its status (413 for a file over the limit).
fn refused_with(status: StatusCode, ctx: &Ctx, message: String, back: Option<String>) -> Response {
    let page = Refused {
        ctx: ctx.clone(),
        title: ctx.t("files-title"),
        crumbs: vec![Crumb::home(ctx)],
        message,
        back,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => WebError::from(e).into_response(),
    }
}

/// What the form sent.
#[derive(Default)]
struct Sent {
    purpose: Option<String>,
    replaces: Option<String>,
    /// `minutes`: the form is the minutes page's.
    then: Option<String>,
    name: String,
    content: Vec<u8>,
}

/// Why the form could not be read.
enum Unread {
    TooLarge,
    Broken,
}

/// Whether our body limit cut the body: its error is somewhere in the chain of sources.
fn over_limit(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

fn unread(e: MultipartError) -> Unread {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE || over_limit(&e) {
        Unread::TooLarge
    } else {
        Unread::Broken
    }
}

/// A field's bytes, chunk by chunk, refused as soon as they pass `max`. The buffer grows
/// by doubling but never past `max`, so a file at the limit holds no more than the limit.
async fn bounded(field: &mut Field<'_>, max: u64) -> Result<Vec<u8>, Unread> {
    let mut out: Vec<u8> = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(unread)? {
        let needed = out.len() + chunk.len();
        if needed as u64 > max {
            return Err(Unread::TooLarge);
        }
        if needed > out.capacity() {
            let grown = needed.max(out.capacity() * 2).min(max as usize);
            out.reserve_exact(grown - out.len());
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

async fn read_form(mut m: Multipart) -> Result<Sent, Unread> {
    let mut sent = Sent::default();
    while let Some(mut field) = m.next_field().await.map_err(unread)? {
        let text = |b: Vec<u8>| String::from_utf8(b).map_err(|_| Unread::Broken);
        match field.name() {
            Some("file") => {
                sent.name = field.file_name().unwrap_or("").to_string();
                sent.content = bounded(&mut field, MAX_FILE_BYTES).await?;
            }
            Some("purpose") => sent.purpose = Some(text(bounded(&mut field, 64).await?)?),
            Some("replaces") => sent.replaces = Some(text(bounded(&mut field, 64).await?)?),
            Some("then") => sent.then = Some(text(bounded(&mut field, 64).await?)?),
            // The token (checked by the gate) and anything else: read past, bounded.
            _ => {
                bounded(&mut field, 16 * 1024).await?;
            }
        }
    }
    Ok(sent)
}

pub(crate) async fn upload<R: Kinded>(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(id): IdPath,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let kind: RecordKind = R::KIND;
    let v = reader(&s, &ctx);
    // Decided before the body is read: a record the reader may not see is a 404 like an
    // unknown one, and nobody streams 50 MB to a record they may not attach to.
    let Some(back) = super::record_href(&v, kind, id).await? else {
        return Err(WebError::NotFound);
    };
    if !v.allows_files(FileAction::Attach, kind, id).await? {
        return Err(WebError::Forbidden);
    }
    let say = |r: FileRefusal| Ok(refused(&ctx, r.message(ctx.lang), Some(back.clone())));
    let Ok(multipart) = multipart else {
        return say(FileRefusal::Empty);
    };
    let sent = match read_form(multipart).await {
        Ok(sent) => sent,
        Err(Unread::TooLarge) => {
            let too_large = FileRefusal::TooLarge {
                max_bytes: MAX_FILE_BYTES,
            };
            return Ok(refused_with(
                StatusCode::PAYLOAD_TOO_LARGE,
                &ctx,
                too_large.message(ctx.lang),
                Some(back),
            ));
        }
        Err(Unread::Broken) => return say(FileRefusal::Empty),
    };
    if sent.content.is_empty() {
        return say(FileRefusal::Empty);
    }
    let slot = match sent.replaces.as_deref().filter(|r| !r.is_empty()) {
        Some(raw) => FileSlot::Replaces(
            uuid::Uuid::try_parse(raw).map_err(|_| WebError::BadRequest("replaces".into()))?,
        ),
        None => FileSlot::New(
            sent.purpose
                .as_deref()
                .and_then(Purpose::parse)
                .ok_or_else(|| WebError::BadRequest("purpose".into()))?,
        ),
    };
    let purpose = match slot {
        FileSlot::New(p) if !Purpose::for_kind(kind).contains(&p) => {
            return Err(WebError::BadRequest("purpose".into()));
        }
        FileSlot::New(p) => p,
        // A new version keeps its file's purpose: on a party, an emblem.
        FileSlot::Replaces(_) => Purpose::for_kind(kind)[0],
    };
    let (content, verdict) = taawun_app::files::check(sent.content, s.scanner.clone()).await;
    let file_type = match verdict {
        Ok(t) if !purpose.accepts(t) => return say(FileRefusal::NotAnEmblem),
        Ok(t) => t,
        Err(r) => return say(r),
    };
    let then = sent.then;
    let file = NewFile {
        record: kind,
        record_id: id,
        slot,
        name: sent.name,
        file_type,
        content,
    };
    match s.acting(&user).attach_file(file).await {
        // Sent from the minutes page, where adopting comes next: back there. One fixed
        // place, never an address from the form.
        Ok(_) if kind == RecordKind::Session && then.as_deref() == Some("minutes") => {
            Ok(Redirect::to(&format!("/sessions/{id}/minutes")).into_response())
        }
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        // A file id that is not one of this record's files.
        Err(StoreError::NotFound { .. }) => Err(WebError::NotFound),
        Err(e) => Err(e.into()),
    }
}
