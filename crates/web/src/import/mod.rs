//! Importing an action plan's items from a spreadsheet: `/plans/{id}/import` takes an .xlsx
//! or .csv file, shows how its columns map onto item fields (guessed from the headers, or
//! remembered from the reader's last import) and every row's problems in the reader's
//! language; `/plans/{id}/import/{upload}` changes the mapping or commits. Rows are
//! committed all together or not at all, as a job whose progress the reader can follow.
//! What an import does is `taawun_app::import`'s; here are its pages and the uploads kept
//! between the preview and the commit.

mod page;
mod uploads;

pub use uploads::Uploads;

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use taawun_app::import::{self, ImportWorld, ReadRefusal};
use taawun_core::Id;
use taawun_docs::ReadLimits;
use taawun_i18n::Wording;
use taawun_store::Visible;

use crate::auth::SignedIn;
use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// What a "busy" answer asks the browser to wait: about as long as a refused bomb takes.
const RETRY_AFTER_SECONDS: &str = "5";

/// The plan's import world, if the reader may add items to it.
async fn world_for(v: &Visible, ctx: &Ctx, plan: Id) -> Result<ImportWorld, WebError> {
    let world = ImportWorld::load(v, plan)
        .await?
        .ok_or(WebError::NotFound)?;
    world.may_add(ctx.principal()).map_err(|d| match d {
        taawun_core::Denied::Hidden => WebError::NotFound,
        taawun_core::Denied::NotAllowed => WebError::Forbidden,
    })?;
    Ok(world)
}

pub(crate) async fn start(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(_user): SignedIn,
    IdPath(pid): IdPath,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let world = world_for(&v, &ctx, pid).await?;
    page::upload_page(&ctx, &v, &world, None, StatusCode::OK)
}

/// Why no file could be taken from an upload.
enum Refusal {
    /// Over the upload limit: the 413 page, as for a declared length over it.
    TooLarge,
    /// Anything else, already a sentence in the reader's language.
    Said(String),
}

/// Whether our body limit (`routes::limit_body`) cut the upload: its error sits somewhere
/// in the multipart error's chain of sources.
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

/// The file from the form's `file` field, with its name.
async fn file_of(ctx: &Ctx, mut m: Multipart) -> Result<(String, Vec<u8>), Refusal> {
    let broken = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE || over_limit(&e) {
            Refusal::TooLarge
        } else {
            Refusal::Said(ctx.t("import-unreadable-upload"))
        }
    };
    while let Some(field) = m.next_field().await.map_err(broken)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(broken)?;
            if name.is_empty() && bytes.is_empty() {
                break;
            }
            return Ok((name, bytes.to_vec()));
        }
    }
    Err(Refusal::Said(ctx.t("import-choose-file")))
}

pub(crate) async fn upload(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    IdPath(pid): IdPath,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let v = reader(&s, &ctx);
    let world = world_for(&v, &ctx, pid).await?;
    let refuse = |message: String| {
        page::upload_page(
            &ctx,
            &v,
            &world,
            Some(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let multipart = match multipart {
        Ok(m) => m,
        Err(_) => return refuse(ctx.t("import-unreadable-upload")),
    };
    let (name, bytes) = match file_of(&ctx, multipart).await {
        Ok(f) => f,
        Err(Refusal::TooLarge) => return Err(WebError::TooLarge),
        Err(Refusal::Said(message)) => return refuse(message),
    };
    let read = s
        .sheet_readers
        .read(bytes, name.clone(), ReadLimits::default())
        .await;
    let sheet = match read {
        Ok(sheet) => sheet,
        Err(ReadRefusal::Sheet(e)) => return refuse(e.message(ctx.lang)),
        Err(ReadRefusal::Busy) => {
            let mut page = page::upload_page(
                &ctx,
                &v,
                &world,
                Some(ctx.t("import-busy")),
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            page.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
            return Ok(page);
        }
    };
    let mapping = s.acting(&user).guess_mapping(&world, &sheet).await?;
    let id = s.uploads.put(user.id, pid, name, sheet);
    let upload = s.uploads.get(id, user.id, pid).ok_or(WebError::NotFound)?;
    let preview = import::prepared(&world, &upload.sheet, &mapping, &user);
    page::preview_page(&ctx, &v, &world, id, &upload, &mapping, &preview, None)
}

pub(crate) async fn review(
    ctx: Ctx,
    State(s): State<AppState>,
    SignedIn(user): SignedIn,
    Path((pid, upload_id)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let parse = |raw: &str| -> Result<Id, WebError> {
        uuid::Uuid::try_parse(raw).map_err(|_| WebError::BadRequest(String::from("id")))
    };
    let (pid, upload_id) = (parse(&pid)?, parse(&upload_id)?);
    let v = reader(&s, &ctx);
    let world = world_for(&v, &ctx, pid).await?;
    let Some(upload) = s.uploads.get(upload_id, user.id, pid) else {
        // Expired, already committed, or someone else's: start again.
        return page::upload_page(
            &ctx,
            &v,
            &world,
            Some(ctx.t("import-upload-expired")),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let value = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let columns = upload.sheet.headers.len();
    let mapping = import::chosen(&world, columns, |i| value(&format!("col{i}")));
    let preview = import::prepared(&world, &upload.sheet, &mapping, &user);
    let commit = value("action") == Some("commit");
    if !commit || !preview.is_clean() || preview.to_write().is_empty() {
        return page::preview_page(
            &ctx, &v, &world, upload_id, &upload, &mapping, &preview, None,
        );
    }
    s.acting(&user)
        .remember_mapping(&world, &upload.sheet, &mapping)
        .await?;
    let next = move |w: import::Written| {
        format!("/plans/{pid}?imported={}&updated={}", w.created, w.updated)
    };
    // The upload is kept until the job is accepted: a reader told to wait (429) can commit
    // the same preview again.
    let (job_id, job) = s
        .acting(&user)
        .start_import(&s.jobs, ctx.lang, import::Batch::of(&preview), next)
        .await?;
    s.uploads.take(upload_id);
    Ok(crate::pages::jobs::answer(&s, job_id, &job).await)
}
