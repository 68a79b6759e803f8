//! Files attached to records (issue 13, part 3): the "Files" section of the agreement,
//! session and action-item pages (`section`), the upload of a file or a new version
//! (`upload`), the download (`download`) and an administrator's purge (`purge`). What a
//! file may be is `taawun_app::files::check`'s; who may see, attach or purge is the store's
//! (`Visible::attachments`, `Store::attach_file`, `decide_files`). A reader who may not see
//! the record gets the same 404 for its files as for the record.

pub(crate) mod download;
mod purge;
mod upload;

pub(crate) use download::download;
pub(crate) use purge::purge;
pub(crate) use upload::upload;

use std::collections::HashMap;
use taawun_core::attachment::{AttachedFile, Attachment, Purpose};
use taawun_core::{FileAction, Id, RecordKind};
use taawun_store::{StoreResult, Visible};

use crate::ctx::Ctx;

/// One version as listed.
pub(crate) struct VersionView {
    pub href: String,
    pub name: String,
    pub purpose: String,
    pub version: u32,
    pub size: String,
    pub when: String,
    pub iso: String,
    pub uploader: String,
    pub sha256: String,
    /// The purge form's action, for administrators.
    pub purge_action: Option<String>,
}

/// One file: its version in force and the older ones.
pub(crate) struct FileView {
    pub file_id: Id,
    pub current: VersionView,
    pub older: Vec<VersionView>,
}

/// The "Files" section of a record's page.
pub(crate) struct FilesView {
    /// The section's id: `files` for the page's own record, `files-{id}` for a progress
    /// update's or an activity's on its item's page (which are `nested`, a level lower).
    pub anchor: String,
    pub nested: bool,
    pub files: Vec<FileView>,
    /// Where the upload form posts, when the reader may attach files here.
    pub upload_action: Option<String>,
    /// Every purpose, with its label, the record's usual one first.
    pub purposes: Vec<(&'static str, String)>,
}

/// The path segment of a record kind's pages that carry files.
fn segment(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Party => Some("parties"),
        RecordKind::Agreement => Some("agreements"),
        RecordKind::Session => Some("sessions"),
        RecordKind::ActionItem => Some("items"),
        RecordKind::ProgressUpdate => Some("progress"),
        RecordKind::Activity => Some("activities"),
        _ => None,
    }
}

/// The usual purpose of a record's files: a session's minutes, an agreement's original.
fn usual_purpose(kind: RecordKind) -> Purpose {
    match kind {
        RecordKind::Party => Purpose::Emblem,
        RecordKind::Session => Purpose::SignedMinutes,
        RecordKind::Agreement => Purpose::SignedAgreement,
        _ => Purpose::Supporting,
    }
}

fn version_view(ctx: &Ctx, a: &Attachment, may_purge: bool) -> VersionView {
    VersionView {
        href: format!("/files/{}", a.id),
        name: a.name.clone(),
        purpose: ctx.label("file-purpose", a.purpose.key()),
        version: a.version,
        size: ctx.t_numbers("files-bytes", &[("size", a.size)]),
        when: format!(
            "{} {}",
            ctx.date(&a.uploaded_at.date_naive()),
            a.uploaded_at.format("%H:%M UTC")
        ),
        iso: a.uploaded_at.to_rfc3339(),
        uploader: a.uploaded_by.clone(),
        sha256: a.sha256.clone(),
        purge_action: may_purge.then(|| format!("/files/{}/purge", a.id)),
    }
}

/// The section for the record `kind`/`id`, which the page has already read through `v`.
pub(crate) async fn section(
    ctx: &Ctx,
    v: &Visible,
    kind: RecordKind,
    id: Id,
) -> StoreResult<FilesView> {
    let files = v.attachments(kind, id).await?;
    build(ctx, v, kind, id, &files, "files".to_string()).await
}

/// The sections of several records of one kind shown on one page (an item's progress
/// updates and activities), their files read in one query. A record gets a section when
/// it has files or the reader may attach some; each is anchored `files-{id}`.
pub(crate) async fn sections(
    ctx: &Ctx,
    v: &Visible,
    kind: RecordKind,
    ids: &[Id],
) -> StoreResult<HashMap<Id, FilesView>> {
    let mut all = v.attachments_of(kind, ids).await?;
    let mut out = HashMap::new();
    for id in ids {
        let files = all.remove(id).unwrap_or_default();
        let view = build(ctx, v, kind, *id, &files, format!("files-{id}")).await?;
        if !view.files.is_empty() || view.upload_action.is_some() {
            out.insert(*id, view);
        }
    }
    Ok(out)
}

async fn build(
    ctx: &Ctx,
    v: &Visible,
    kind: RecordKind,
    id: Id,
    files: &[AttachedFile],
    anchor: String,
) -> StoreResult<FilesView> {
    let may_attach = v.allows_files(FileAction::Attach, kind, id).await?;
    let may_purge = v.allows_files(FileAction::Purge, kind, id).await?;
    let files = files
        .iter()
        .map(|f| FileView {
            file_id: f.current().file_id,
            current: version_view(ctx, f.current(), may_purge),
            older: f
                .older()
                .iter()
                .map(|a| version_view(ctx, a, may_purge))
                .collect(),
        })
        .collect();
    let usual = usual_purpose(kind);
    let mut purposes = vec![(usual.key(), ctx.label("file-purpose", usual.key()))];
    purposes.extend(
        Purpose::for_kind(kind)
            .into_iter()
            .filter(|p| *p != usual)
            .map(|p| (p.key(), ctx.label("file-purpose", p.key()))),
    );
    Ok(FilesView {
        nested: anchor != "files",
        anchor,
        files,
        upload_action: may_attach
            .then(|| segment(kind).map(|s| format!("/{s}/{id}/files")))
            .flatten(),
        purposes,
    })
}

/// Where a record's files are shown: its own page's "Files" section, or for a progress
/// update or an activity (which have no page of their own), its section on its item's
/// page; an activity of no item, its form. `None` when the reader may not see the record.
pub(crate) async fn record_href(
    v: &Visible,
    kind: RecordKind,
    id: Id,
) -> StoreResult<Option<String>> {
    Ok(match kind {
        RecordKind::Party => v
            .party(id)
            .await?
            .map(|p| format!("/parties/{}#files", p.id)),
        RecordKind::Agreement => v
            .agreement(id)
            .await?
            .map(|a| format!("/agreements/{}#files", a.id)),
        RecordKind::Session => v
            .session(id)
            .await?
            .map(|s| format!("/sessions/{}#files", s.id)),
        RecordKind::ActionItem => v.item(id).await?.map(|i| format!("/items/{}#files", i.id)),
        RecordKind::ProgressUpdate => v
            .progress_update(id)
            .await?
            .map(|p| format!("/items/{}#files-{id}", p.item_id)),
        RecordKind::Activity => v.activity(id).await?.map(|a| match a.item_id {
            Some(item) => format!("/items/{item}#files-{id}"),
            None => format!("/activities/{id}/edit"),
        }),
        _ => None,
    })
}
