//! Notifications on SQLite: reminders recorded per user, read and e-mailed flags. The
//! unique key (user, kind, record, date) with `on conflict do nothing` is what makes a
//! reminder pass idempotent; everything else is plain rows.

use super::Engine;
use super::d::DbRow;
use crate::{StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sqlx::Row;
use taawun_core::followup::{Notification, Reminder, ReminderKind};
use taawun_core::{Id, new_id};

pub(super) fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(what))
}

fn id_of(text: &str) -> StoreResult<Id> {
    text.parse()
        .map_err(|_| corrupt(format!("notification id {text:?}")))
}

fn decode(r: &DbRow) -> StoreResult<Notification> {
    let kind: String = r.try_get("kind")?;
    let on: String = r.try_get("on_date")?;
    let created: String = r.try_get("created_at")?;
    let read_at: Option<String> = r.try_get("read_at")?;
    let emailed_at: Option<String> = r.try_get("emailed_at")?;
    Ok(Notification {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        user_id: id_of(&r.try_get::<String, _>("user_id")?)?,
        reminder: Reminder {
            kind: ReminderKind::parse(&kind)
                .ok_or_else(|| corrupt(format!("notification kind {kind:?}")))?,
            record_id: id_of(&r.try_get::<String, _>("record_id")?)?,
            on: NaiveDate::parse_from_str(&on, "%Y-%m-%d")
                .map_err(|_| corrupt(format!("notification date {on:?}")))?,
        },
        created_at: DateTime::parse_from_rfc3339(&created)
            .map_err(|_| corrupt(format!("notification time {created:?}")))?
            .with_timezone(&Utc),
        read: read_at.is_some(),
        emailed: emailed_at.is_some(),
    })
}

/// Records one notification inside the caller's transaction, unless that user already has
/// it (same kind, record and date): 1 when new, 0 otherwise.
pub(super) async fn insert(
    conn: &mut super::d::Conn,
    user: Id,
    r: &Reminder,
    at: &str,
) -> StoreResult<u64> {
    let done = sqlx::query(&super::d::sql(
        "insert into notifications (id, user_id, kind, record_id, on_date, created_at)
         values (?, ?, ?, ?, ?, ?)
         on conflict (user_id, kind, record_id, on_date) do nothing",
    ))
    .bind(new_id().to_string())
    .bind(user.to_string())
    .bind(r.kind.key())
    .bind(r.record_id.to_string())
    .bind(r.on.format("%Y-%m-%d").to_string())
    .bind(at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

const COLUMNS: &str = "id, user_id, kind, record_id, on_date, created_at, read_at, emailed_at";

impl Engine {
    pub(super) async fn notify(&self, user: Id, reminders: &[Reminder]) -> StoreResult<u64> {
        // One transaction: a pass's notifications for a user appear together.
        let mut tx = super::d::begin_write(&self.pool).await?;
        let at = now();
        let mut added = 0;
        for r in reminders {
            added += insert(&mut tx, user, r, &at).await?;
        }
        tx.commit().await?;
        Ok(added)
    }

    pub(super) async fn notices_of(
        &self,
        user: Id,
        unread_only: bool,
        limit: u32,
    ) -> StoreResult<Vec<Notification>> {
        // Ids are UUIDv7: within one pass (same created_at) the later insert comes first.
        let sql = format!(
            "select {COLUMNS} from notifications
             where user_id = ? and (? = 0 or read_at is null)
             order by created_at desc, id desc limit ?"
        );
        let rows = sqlx::query(&super::d::sql(&sql))
            .bind(user.to_string())
            .bind(i64::from(unread_only))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    pub(super) async fn unread_of(&self, user: Id) -> StoreResult<u32> {
        let n: i64 = sqlx::query_scalar(&super::d::sql(
            "select count(*) from notifications where user_id = ? and read_at is null",
        ))
        .bind(user.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// A party's stored record and the user's plain unread count, one statement: every
    /// page's header shows both.
    pub(super) async fn header_row(&self, user: Id, party: Id) -> StoreResult<crate::HeaderRow> {
        let (doc, unread, arabic_dates): (Option<String>, i64, Option<String>) =
            sqlx::query_as(&super::d::sql(
                "select (select doc from parties where id = ?),
                    (select count(*) from notifications where user_id = ? and read_at is null),
                    (select value from user_settings where user_id = ? and key = ?)",
            ))
            .bind(party.to_string())
            .bind(user.to_string())
            .bind(user.to_string())
            .bind(crate::ARABIC_DATES_KEY)
            .fetch_one(&self.pool)
            .await?;
        let party = doc.map(|d| super::read::decode(&d)).transpose()?;
        Ok(crate::HeaderRow {
            party,
            unread: u32::try_from(unread).unwrap_or(u32::MAX),
            arabic_dates,
        })
    }

    pub(super) async fn mark_read(&self, user: Id, one: Option<Id>) -> StoreResult<()> {
        sqlx::query(&super::d::sql(
            "update notifications set read_at = ?
             where user_id = ? and read_at is null and (? is null or id = ?)",
        ))
        .bind(now())
        .bind(user.to_string())
        .bind(one.map(|i| i.to_string()))
        .bind(one.map(|i| i.to_string()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(super) async fn unmailed_of(&self, user: Id) -> StoreResult<Vec<Notification>> {
        let sql = format!(
            "select {COLUMNS} from notifications
             where user_id = ? and read_at is null and emailed_at is null
             order by created_at, id"
        );
        let rows = sqlx::query(&super::d::sql(&sql))
            .bind(user.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    pub(super) async fn mark_emailed(&self, ids: &[Id]) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let at = now();
        for id in ids {
            sqlx::query(&super::d::sql(
                "update notifications set emailed_at = ? where id = ?",
            ))
            .bind(&at)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
