//! Who changed what, newest first (the "recent changes" page, migration 0021), and the
//! secretariat's request for news of an item: its editors' notifications and its audit row,
//! written together.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;
use taawun_core::followup::{Reminder, ReminderKind};
use taawun_core::{Id, RecordKind};

use super::{Engine, audit};
use crate::{Actor, ChangeRow, StoreError, StoreResult};

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(what))
}

fn row_of(r: &super::d::DbRow) -> StoreResult<ChangeRow> {
    let entity: String = r.try_get("entity")?;
    let entity_id: String = r.try_get("entity_id")?;
    let at: String = r.try_get("at")?;
    Ok(ChangeRow {
        position: r.try_get("position")?,
        at: DateTime::parse_from_rfc3339(&at)
            .map_err(|e| corrupt(format!("audit at: {e}")))?
            .with_timezone(&Utc),
        actor: r.try_get("actor")?,
        action: r.try_get("action")?,
        entity: RecordKind::parse(&entity)
            .ok_or_else(|| corrupt(format!("audit entity {entity:?}")))?,
        entity_id: entity_id
            .parse()
            .map_err(|e: uuid::Error| corrupt(format!("audit entity_id: {e}")))?,
    })
}

impl Engine {
    pub(super) async fn changes_before(
        &self,
        kind: Option<RecordKind>,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<ChangeRow>> {
        // The documents (before/after) stay where they are: the page shows none of them.
        let before = before.unwrap_or(i64::MAX);
        let rows = match kind {
            Some(k) => {
                let sql = format!(
                    "select {p} as position, at, actor, action, entity, entity_id from audit_log
                     where entity = ? and {p} < ? order by {p} desc limit ?",
                    p = super::d::APPEND_ORDER
                );
                sqlx::query(&super::d::sql(&sql))
                    .bind(k.key())
                    .bind(before)
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                let sql = format!(
                    "select {p} as position, at, actor, action, entity, entity_id from audit_log
                     where {p} < ? order by {p} desc limit ?",
                    p = super::d::APPEND_ORDER
                );
                sqlx::query(&super::d::sql(&sql))
                    .bind(before)
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        rows.iter().map(row_of).collect()
    }

    pub(super) async fn ask_update(
        &self,
        actor: &Actor,
        item: Id,
        party: Id,
        users: &[Id],
        on: NaiveDate,
    ) -> StoreResult<u64> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let reminder = Reminder {
            kind: ReminderKind::UpdateRequested,
            record_id: item,
            on,
        };
        let at = super::notices::now();
        let mut added = 0;
        for user in users {
            added += super::notices::insert(&mut tx, *user, &reminder, &at).await?;
        }
        // Asked again the same day, everyone already notified: nothing happened, nothing
        // to audit.
        if added > 0 {
            let after = serde_json::json!({ "party_id": party }).to_string();
            audit::append_action(
                &mut tx,
                actor,
                crate::REQUEST_UPDATE,
                RecordKind::ActionItem,
                item,
                None,
                &after,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(added)
    }
}
