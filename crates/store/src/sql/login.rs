//! Login sessions for the web's session layer: opaque JSON with an expiry. Not domain
//! records, so neither audited nor permission-checked; the web layer owns their meaning.

use super::Engine;
use crate::{StoreError, StoreResult};
use chrono::{DateTime, Utc};

/// Expiry as unix microseconds: exact integer comparison, and a lossless round trip at the
/// precision browsers' cookies and tower-sessions care about.
fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

impl Engine {
    pub(super) async fn session_load(
        &self,
        id: &str,
    ) -> StoreResult<Option<(String, DateTime<Utc>)>> {
        let row: Option<(String, i64)> = sqlx::query_as(&super::d::sql(
            "select data, expiry from login_sessions where id = ? and expiry > ?",
        ))
        .bind(id)
        .bind(micros(Utc::now()))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(data, expiry)| {
            let at = DateTime::from_timestamp_micros(expiry).ok_or_else(|| {
                StoreError::Corrupt(serde::de::Error::custom(format!(
                    "login session expiry {expiry}"
                )))
            })?;
            Ok((data, at))
        })
        .transpose()
    }

    pub(super) async fn session_save(
        &self,
        id: &str,
        json: &str,
        expiry: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(&super::d::sql(
            "insert into login_sessions (id, data, expiry) values (?, ?, ?)
             on conflict (id) do update set data = excluded.data, expiry = excluded.expiry",
        ))
        .bind(id)
        .bind(json)
        .bind(micros(expiry))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(super) async fn session_delete(&self, id: &str) -> StoreResult<()> {
        sqlx::query(&super::d::sql("delete from login_sessions where id = ?"))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub(super) async fn sessions_purge(&self) -> StoreResult<u64> {
        let done = sqlx::query(&super::d::sql(
            "delete from login_sessions where expiry <= ?",
        ))
        .bind(micros(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}
