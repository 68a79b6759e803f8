//! The audit log: one row per write, appended inside the write's own transaction so the
//! log can never miss a change nor record one that was rolled back.

use super::d::Conn;
use super::{Engine, script::Script};
use crate::{Actor, AuditEntry, StoreError, StoreResult};
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use taawun_core::{Id, RecordKind, new_id};

/// The row for one save, added to the save's script; `before` is the stored JSON, `None`
/// when creating.
pub(super) fn push(
    script: &mut Script,
    actor: &Actor,
    entity: RecordKind,
    entity_id: Id,
    before: Option<&str>,
    after: &str,
) {
    let action = if before.is_some() { "update" } else { "create" };
    push_action(script, actor, action, entity, entity_id, before, after);
}

/// Appends the row for one save; `before` is the stored JSON, `None` when creating.
pub(super) async fn append(
    conn: &mut Conn,
    actor: &Actor,
    entity: RecordKind,
    entity_id: Id,
    before: Option<&str>,
    after: &str,
) -> StoreResult<()> {
    let mut script = Script::default();
    push(&mut script, actor, entity, entity_id, before, after);
    script.run(conn).await?;
    Ok(())
}

/// Appends a row for an event other than a save (`set_password`…); the caller makes sure
/// `before` and `after` hold no secret.
pub(super) async fn append_action(
    conn: &mut Conn,
    actor: &Actor,
    action: &str,
    entity: RecordKind,
    entity_id: Id,
    before: Option<&str>,
    after: &str,
) -> StoreResult<()> {
    let mut script = Script::default();
    push_action(&mut script, actor, action, entity, entity_id, before, after);
    script.run(conn).await?;
    Ok(())
}

pub(super) fn push_action(
    script: &mut Script,
    actor: &Actor,
    action: &str,
    entity: RecordKind,
    entity_id: Id,
    before: Option<&str>,
    after: &str,
) {
    let (id, at) = stamp(actor, action, entity_id, after);
    let (column, value) = match super::d::APPENDED {
        Some(order) => (", seq", format!(", {order}")),
        None => ("", String::new()),
    };
    script.push_insert(
        &format!(
            "insert into audit_log (id, at, actor, action, entity, entity_id, before, after{column})"
        ),
        &format!("(?, ?, ?, ?, ?, ?, ?, ?{value})"),
        "",
        [
            id.into(),
            at.into(),
            actor.name.as_str().into(),
            action.into(),
            entity.into(),
            entity_id.into(),
            before.into(),
            after.into(),
        ],
    );
}

/// The row's id and time. A dated actor (`Actor::at`) gives both: the time is its own and
/// the id a UUIDv7 of that time whose other bits are a digest of what the row records, so
/// a replayed history writes the same rows whenever it is replayed, and two rows of one
/// write (a report and the item it moves) still differ.
pub(super) fn stamp(actor: &Actor, action: &str, entity_id: Id, after: &str) -> (Id, String) {
    let Some(at) = actor.at else {
        return (new_id(), micros(Utc::now()));
    };
    use sha2::{Digest, Sha256};
    let mut digest = Sha256::new();
    for part in [action, &entity_id.to_string(), &micros(at), after] {
        digest.update(part.as_bytes());
        digest.update([0]);
    }
    let digest = digest.finalize();
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or_default();
    let id = uuid::Builder::from_unix_timestamp_millis(
        millis,
        &digest[..10].try_into().unwrap_or_default(),
    )
    .into_uuid();
    (id, micros(at))
}

/// Fixed precision and a `Z` suffix: the text sorts in time order.
pub(super) fn micros(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl Engine {
    pub(super) async fn audit_rows(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>> {
        // The chain's place breaks ties between rows written within the same microsecond:
        // rows are sealed in the order they were appended.
        let rows = sqlx::query(&super::d::sql(
            "select id, at, actor, action, entity, entity_id, before, after
             from audit_log where entity_id = ? order by at, seq",
        ))
        .bind(entity_id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(entry).collect()
    }
}

fn entry(row: &super::d::DbRow) -> StoreResult<AuditEntry> {
    // Corrupt carries a serde error; `custom` builds one that names the bad column.
    let corrupt = |what: &str, e: String| {
        StoreError::Corrupt(serde::de::Error::custom(format!("audit {what}: {e}")))
    };
    let id_of = |col: &str| -> StoreResult<Id> {
        let text: String = row.try_get(col)?;
        text.parse()
            .map_err(|e: uuid::Error| corrupt(col, e.to_string()))
    };
    let json = |col: &str| -> StoreResult<Option<serde_json::Value>> {
        let text: Option<String> = row.try_get(col)?;
        Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
    };
    let entity: String = row.try_get("entity")?;
    let entity = RecordKind::parse(&entity)
        .ok_or_else(|| corrupt("entity", format!("unknown kind {entity:?}")))?;
    let at: String = row.try_get("at")?;
    let at = DateTime::parse_from_rfc3339(&at)
        .map_err(|e| corrupt("at", e.to_string()))?
        .with_timezone(&Utc);
    Ok(AuditEntry {
        id: id_of("id")?,
        at,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        entity,
        entity_id: id_of("entity_id")?,
        before: json("before")?,
        after: json("after")?,
    })
}
