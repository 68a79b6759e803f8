//! Files attached to records, on SQLite (migration 0019): content in `blobs` by SHA-256,
//! one `attachments` row per version. Attaching and purging are decided inside their
//! transaction on the record's scope as stored (`core::access::decide_files`), and write
//! their audit row in it: the file's metadata, never its content.

use super::d::{Conn, DbRow};
use super::{
    Engine, audit,
    memo::{Memo, Reads},
    script::Pending,
};
use crate::scope::{Scope, Scoped};
use crate::{Actor, FileSlot, NewFile, StoreError, StoreResult};
use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sha2::{Digest, Sha256};
use sqlx::Row;
use taawun_core::attachment::{
    Attachment, FileType, MAX_FILE_BYTES, MAX_REASON_CHARS, Purpose, carries_files, clean_name,
};
use taawun_core::{rules::Rule, *};

const COLUMNS: &str = "id, file_id, record_kind, record_id, version, purpose, name, media_type, \
                       size, sha256, uploaded_by, uploaded_at";

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(what))
}

fn id_of(text: &str) -> StoreResult<Id> {
    text.parse()
        .map_err(|_| corrupt(format!("attachment id {text:?}")))
}

fn decode(r: &DbRow) -> StoreResult<Attachment> {
    let kind: String = r.try_get("record_kind")?;
    let purpose: String = r.try_get("purpose")?;
    let media: String = r.try_get("media_type")?;
    let at: String = r.try_get("uploaded_at")?;
    Ok(Attachment {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        file_id: id_of(&r.try_get::<String, _>("file_id")?)?,
        record: RecordKind::parse(&kind).ok_or_else(|| corrupt(format!("kind {kind:?}")))?,
        record_id: id_of(&r.try_get::<String, _>("record_id")?)?,
        version: r.try_get::<i64, _>("version")? as u32,
        purpose: Purpose::parse(&purpose).ok_or_else(|| corrupt(format!("purpose {purpose:?}")))?,
        name: r.try_get("name")?,
        file_type: FileType::from_media_type(&media)
            .ok_or_else(|| corrupt(format!("media type {media:?}")))?,
        size: r.try_get::<i64, _>("size")? as u64,
        sha256: r.try_get("sha256")?,
        uploaded_by: r.try_get("uploaded_by")?,
        uploaded_at: DateTime::parse_from_rfc3339(&at)
            .map_err(|_| corrupt(format!("time {at:?}")))?
            .with_timezone(&Utc),
    })
}

fn field_error(field: &str, rule: Rule) -> StoreError {
    let mut e = RuleErrors::default();
    e.push(field, rule);
    StoreError::Invalid(e)
}

fn not_found(kind: &'static str, id: Id) -> StoreError {
    StoreError::NotFound {
        kind,
        id: id.to_string(),
    }
}

/// The scope of the record a file is attached to, read in the transaction; `None` when
/// there is no such record of that kind.
async fn record_scope(conn: &mut Conn, kind: RecordKind, id: Id) -> StoreResult<Option<Scope>> {
    let mut pending = Pending::new(conn);
    let mut memo = Memo::default();
    let mut reads = Reads::new(&mut pending, &mut memo);
    macro_rules! of {
        ($t:ty) => {
            match reads.record::<$t>(id).await? {
                Some(r) => Some(r.scope(&mut reads).await?),
                None => None,
            }
        };
    }
    Ok(match kind {
        RecordKind::Party => of!(Party),
        RecordKind::Agreement => of!(Agreement),
        RecordKind::Session => of!(Session),
        RecordKind::ActionItem => of!(ActionItem),
        RecordKind::ProgressUpdate => of!(ProgressUpdate),
        RecordKind::Activity => of!(Activity),
        _ => None,
    })
}

/// Decides `action` on the record's files for the actor (trusted code may do anything): a
/// record the actor may not see is `NotFound`, as if it did not exist.
async fn decide(
    conn: &mut Conn,
    actor: &Actor,
    kind: RecordKind,
    id: Id,
    action: FileAction,
) -> StoreResult<()> {
    if !carries_files(kind) {
        return Err(not_found(kind.key(), id));
    }
    let scope = record_scope(conn, kind, id)
        .await?
        .ok_or_else(|| not_found(kind.key(), id))?;
    let Some(who) = &actor.principal else {
        return Ok(());
    };
    match scope.decide_files(who, action) {
        Ok(()) => Ok(()),
        Err(Denied::Hidden) => Err(not_found(kind.key(), id)),
        Err(Denied::NotAllowed) => Err(StoreError::Forbidden { kind: "attachment" }),
    }
}

/// Lower-case hex SHA-256, computed off the async workers: 50 MB take a while.
async fn sha256_of(content: Vec<u8>) -> StoreResult<(String, Vec<u8>)> {
    tokio::task::spawn_blocking(move || {
        let digest = Sha256::digest(&content);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        (hex, content)
    })
    .await
    .map_err(|e| StoreError::Open(format!("hashing a file: {e}")))
}

async fn version_row(conn: &mut Conn, id: Id) -> StoreResult<Option<Attachment>> {
    let sql = format!("select {COLUMNS} from attachments where id = ?");
    let row = sqlx::query(&super::d::sql(&sql))
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(decode).transpose()
}

impl Engine {
    pub(super) async fn file_attach(
        &self,
        actor: &Actor,
        file: NewFile,
    ) -> StoreResult<Attachment> {
        if file.content.is_empty() {
            return Err(field_error("file", Rule::Required));
        }
        if file.content.len() as u64 > MAX_FILE_BYTES {
            return Err(field_error(
                "file",
                Rule::TooLong {
                    max: MAX_FILE_BYTES as usize,
                },
            ));
        }
        let NewFile {
            record,
            record_id,
            slot,
            name,
            file_type,
            content,
        } = file;
        // Hashed before the write lock is taken: nobody waits on it.
        let (sha256, content) = sha256_of(content).await?;
        let mut tx = super::d::begin_write(&self.pool).await?;
        decide(&mut tx, actor, record, record_id, FileAction::Attach).await?;
        let (file_id, version, purpose, previous) = match slot {
            FileSlot::New(purpose) => {
                let id = new_id();
                (id, 1, purpose, None)
            }
            FileSlot::Replaces(file_id) => {
                // The newest version, of this record's file: a file id of another record
                // (perhaps a hidden one) is no file here.
                let sql = format!(
                    "select {COLUMNS} from attachments
                     where file_id = ? and record_id = ? order by version desc limit 1"
                );
                let row = sqlx::query(&super::d::sql(&sql))
                    .bind(file_id.to_string())
                    .bind(record_id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                let latest = row
                    .as_ref()
                    .map(decode)
                    .transpose()?
                    .ok_or_else(|| not_found("attachment", file_id))?;
                (file_id, latest.version + 1, latest.purpose, Some(latest))
            }
        };
        // A party's file is its emblem, an image; nobody else's file is an emblem.
        if !Purpose::for_kind(record).contains(&purpose) || !purpose.accepts(file_type) {
            return Err(field_error("purpose", Rule::Unknown));
        }
        let at = Utc::now().trunc_subsecs(6);
        let attachment = Attachment {
            // The first version's id is the file's: a file is found by its first upload.
            id: if version == 1 { file_id } else { new_id() },
            file_id,
            record,
            record_id,
            version,
            purpose,
            name: clean_name(&name),
            file_type,
            size: content.len() as u64,
            sha256,
            uploaded_by: actor.name.clone(),
            uploaded_at: at,
        };
        // The same content attached twice (to two records, or again) is kept once.
        sqlx::query(&super::d::sql(
            "insert into blobs (sha256, size, content) values (?, ?, ?)
             on conflict (sha256) do nothing",
        ))
        .bind(&attachment.sha256)
        .bind(attachment.size as i64)
        .bind(&content)
        .execute(&mut *tx)
        .await?;
        let sql = format!(
            "insert into attachments ({COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        );
        sqlx::query(&super::d::sql(&sql))
            .bind(attachment.id.to_string())
            .bind(file_id.to_string())
            .bind(record.key())
            .bind(record_id.to_string())
            .bind(i64::from(version))
            .bind(purpose.key())
            .bind(&attachment.name)
            .bind(file_type.media_type())
            .bind(attachment.size as i64)
            .bind(&attachment.sha256)
            .bind(&attachment.uploaded_by)
            .bind(at.to_rfc3339_opts(SecondsFormat::Micros, true))
            .execute(&mut *tx)
            .await?;
        let action = if previous.is_some() {
            "replace_file"
        } else {
            "attach_file"
        };
        let before = previous.as_ref().map(serde_json::to_string).transpose()?;
        let after = serde_json::to_string(&attachment)?;
        audit::append_action(
            &mut tx,
            actor,
            action,
            record,
            record_id,
            before.as_deref(),
            &after,
        )
        .await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(attachment)
    }

    pub(super) async fn files_of(
        &self,
        kind: RecordKind,
        record: Id,
    ) -> StoreResult<Vec<Attachment>> {
        let sql = format!(
            "select {COLUMNS} from attachments where record_id = ? and record_kind = ?
             order by file_id, version desc"
        );
        let rows = sqlx::query(&super::d::sql(&sql))
            .bind(record.to_string())
            .bind(kind.key())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    pub(super) async fn files_of_many(
        &self,
        kind: RecordKind,
        records: &[Id],
    ) -> StoreResult<Vec<Attachment>> {
        let mut out = Vec::new();
        for chunk in records.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "select {COLUMNS} from attachments where record_kind = ? and record_id in ({marks})
                 order by file_id, version desc"
            );
            let text = super::d::sql(&sql);
            let mut q = sqlx::query(&text).bind(kind.key());
            for id in chunk {
                q = q.bind(id.to_string());
            }
            for row in q.fetch_all(&self.pool).await? {
                out.push(decode(&row)?);
            }
        }
        Ok(out)
    }

    pub(super) async fn file_version(&self, id: Id) -> StoreResult<Option<Attachment>> {
        let mut conn = self.pool.acquire().await?;
        version_row(&mut conn, id).await
    }

    pub(super) async fn file_content(&self, id: Id) -> StoreResult<Option<Vec<u8>>> {
        let content: Option<Vec<u8>> = sqlx::query_scalar(&super::d::sql(
            "select b.content from attachments a join blobs b on b.sha256 = a.sha256
             where a.id = ?",
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(content)
    }

    pub(super) async fn file_purge(
        &self,
        actor: &Actor,
        id: Id,
        reason: &str,
    ) -> StoreResult<Attachment> {
        let reason = reason.trim();
        let mut tx = super::d::begin_write(&self.pool).await?;
        let found = version_row(&mut tx, id)
            .await?
            .ok_or_else(|| not_found("attachment", id))?;
        // Permission before the reason: a refusal must not depend on what was typed.
        decide(
            &mut tx,
            actor,
            found.record,
            found.record_id,
            FileAction::Purge,
        )
        .await?;
        if reason.is_empty() {
            return Err(field_error("reason", Rule::Required));
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(field_error(
                "reason",
                Rule::TooLong {
                    max: MAX_REASON_CHARS,
                },
            ));
        }
        sqlx::query(&super::d::sql("delete from attachments where id = ?"))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        // The content goes with its last version naming it: nothing of it stays behind.
        sqlx::query(&super::d::sql(
            "delete from blobs where sha256 = ?
               and not exists (select 1 from attachments where sha256 = ?)",
        ))
        .bind(&found.sha256)
        .bind(&found.sha256)
        .execute(&mut *tx)
        .await?;
        // Who and when are the row's own; why and the hash are its document. The name stays
        // out: a misfiled classified file's very name may be what must not remain here.
        let after = serde_json::json!({
            "purged": {
                "id": found.id,
                "file_id": found.file_id,
                "version": found.version,
                "sha256": found.sha256,
                "size": found.size,
                "media_type": found.file_type.media_type(),
                "reason": reason,
            }
        })
        .to_string();
        audit::append_action(
            &mut tx,
            actor,
            "purge_file",
            found.record,
            found.record_id,
            None,
            &after,
        )
        .await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(found)
    }
}

/// A file of a partner's record, as the exchange received it (its content already checked
/// against its SHA-256): its blob, its version row under the partner's ids, and its audit
/// row, inside the bundle's transaction. A version already held is left as it is.
pub(super) async fn insert_received(
    conn: &mut super::d::Conn,
    actor: &crate::Actor,
    attachment: &Attachment,
    content: &[u8],
) -> StoreResult<()> {
    let held: Option<i32> =
        sqlx::query_scalar(&super::d::sql("select 1 from attachments where id = ?"))
            .bind(attachment.id.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    if held.is_some() {
        return Ok(());
    }
    sqlx::query(&super::d::sql(
        "insert into blobs (sha256, size, content) values (?, ?, ?)
         on conflict (sha256) do nothing",
    ))
    .bind(&attachment.sha256)
    .bind(attachment.size as i64)
    .bind(content)
    .execute(&mut *conn)
    .await?;
    let sql =
        format!("insert into attachments ({COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlx::query(&super::d::sql(&sql))
        .bind(attachment.id.to_string())
        .bind(attachment.file_id.to_string())
        .bind(attachment.record.key())
        .bind(attachment.record_id.to_string())
        .bind(i64::from(attachment.version))
        .bind(attachment.purpose.key())
        .bind(clean_name(&attachment.name))
        .bind(attachment.file_type.media_type())
        .bind(attachment.size as i64)
        .bind(&attachment.sha256)
        .bind(&attachment.uploaded_by)
        .bind(
            attachment
                .uploaded_at
                .to_rfc3339_opts(SecondsFormat::Micros, true),
        )
        .execute(&mut *conn)
        .await?;
    let after = serde_json::to_string(attachment)?;
    audit::append_action(
        conn,
        actor,
        if attachment.version > 1 {
            "replace_file"
        } else {
            "attach_file"
        },
        attachment.record,
        attachment.record_id,
        None,
        &after,
    )
    .await
}
