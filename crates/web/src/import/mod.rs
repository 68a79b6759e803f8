//! Importing an action plan's items from a spreadsheet: `/plans/{id}/import` takes an .xlsx
//! or .csv file, shows how its columns map onto item fields (guessed from the headers, or
//! remembered from the reader's last import) and every row's problems in the reader's
//! language; `/plans/{id}/import/{upload}` changes the mapping or commits. Rows are
//! committed all together or not at all (`Store::save_items`), as a job whose progress the
//! reader can follow.

mod page;
mod uploads;
mod world;

pub use uploads::Uploads;
pub use world::{ImportWorld, MAPPING_KEY};

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use taawun_core::import::{Field, Mapping, Preview, SavedMapping, guess_mapping, prepare};
use taawun_core::{Action, Id, Kind, Target, User, new_id};
use taawun_docs::{ReadLimits, read_sheet};
use taawun_store::{Actor, StoreError, Visible};

use crate::auth::SignedIn;
use crate::jobs::Outcome;
use crate::lookup::reader;
use crate::{AppState, ctx::Ctx, error::WebError, extract::IdPath};

/// The plan's import world, if the reader may add items to it.
async fn world_for(v: &Visible, ctx: &Ctx, plan: Id) -> Result<ImportWorld, WebError> {
    let world = ImportWorld::load(v, plan)
        .await?
        .ok_or(WebError::NotFound)?;
    let target = Target::new(Kind::ActionItem).in_commission(Some(world.plan.commission_id));
    taawun_core::decide(ctx.principal(), Action::Create, &target).map_err(|d| match d {
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
    let sheet = match read_sheet(&bytes, &name, &ReadLimits::default()) {
        Ok(sheet) => sheet,
        Err(e) => return refuse(e.message(ctx.lang)),
    };
    let saved = saved_mapping(&s, &user).await?;
    let mapping = guess_mapping(&sheet.headers, &world.parties, saved.as_ref());
    let id = s.uploads.put(user.id, pid, name, sheet);
    let upload = s.uploads.get(id, user.id, pid).ok_or(WebError::NotFound)?;
    let preview = prepared(&world, &upload.sheet, &mapping, &user);
    page::preview_page(&ctx, &v, &world, id, &upload, &mapping, &preview, None)
}

async fn saved_mapping(s: &AppState, user: &User) -> Result<Option<SavedMapping>, WebError> {
    Ok(s.store
        .user_setting(user.id, MAPPING_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// The rows as new items, originated by the importer's party as items made in a form are.
pub fn prepared(
    world: &ImportWorld,
    sheet: &taawun_core::sheet::Sheet,
    mapping: &Mapping,
    user: &User,
) -> Preview {
    let mut preview = prepare(sheet, mapping, &world.context(), &mut new_id);
    for item in &mut preview.items {
        item.protection.originator.get_or_insert(user.party_id);
    }
    preview
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
    let mapping = Mapping(
        (0..columns)
            .map(|i| value(&format!("col{i}")).and_then(|k| Field::from_key(k, &world.parties)))
            .collect(),
    );
    let preview = prepared(&world, &upload.sheet, &mapping, &user);
    let commit = value("action") == Some("commit");
    if !commit || !preview.is_clean() {
        return page::preview_page(
            &ctx, &v, &world, upload_id, &upload, &mapping, &preview, None,
        );
    }
    let saved = SavedMapping::from_mapping(&upload.sheet.headers, &mapping, &world.parties);
    if let Ok(json) = serde_json::to_string(&saved) {
        s.store
            .set_user_setting(user.id, MAPPING_KEY, &json)
            .await?;
    }
    s.uploads.take(upload_id);
    let label = ctx.t("import-job");
    let (job_id, job) = s.jobs.start(Some(user.id), label);
    job.writing(preview.items.len());
    let (store, j, c) = (s.store.clone(), job.clone(), ctx.clone());
    let items = preview.items;
    tokio::spawn(async move {
        let tick = {
            let j = j.clone();
            move |n: usize| j.set_done(n)
        };
        let outcome = match store.save_items(&Actor::user(&user), &items, &tick).await {
            Ok(saved) => Outcome::Done {
                href: format!("/plans/{pid}?imported={}", saved.len()),
            },
            Err(e) => Outcome::Failed {
                message: failure(&c, &e),
            },
        };
        j.finish(outcome);
    });
    Ok(crate::pages::jobs::answer(&s, job_id, &job).await)
}

/// Why a commit failed, for the reader: the row and the rule when the store names them.
fn failure(ctx: &Ctx, e: &StoreError) -> String {
    match e {
        StoreError::InBatch { index, source } => {
            // Data rows start on the sheet's row 2, under the headers.
            let row = crate::fmt::integer(ctx.lang, (*index + 2) as u64);
            let why = match source.as_ref() {
                StoreError::Invalid(errors) => errors
                    .0
                    .iter()
                    .map(|r| r.message(ctx.lang))
                    .collect::<Vec<_>>()
                    .join(" "),
                StoreError::Forbidden { .. } => ctx.t("error-forbidden"),
                _ => ctx.t("job-failed"),
            };
            crate::i18n::message_args(
                ctx.lang,
                "import-row-failed",
                &[("row", &row), ("why", &why)],
            )
        }
        _ => {
            tracing::error!(error = %e, "import failed");
            ctx.t("job-failed")
        }
    }
}
