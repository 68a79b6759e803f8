//! Per-user settings on SQLite: one JSON text per (user, key), replaced on every write.
//! Plain rows like notifications: neither versioned nor audited.

use super::Engine;
use crate::{StoreError, StoreResult};
use chrono::{SecondsFormat, Utc};
use taawun_core::{Id, Kinded, RuleErrors, User, rules::Rule};

/// Longest key, in characters: a name, not data.
pub(super) const MAX_KEY: usize = 200;
/// Largest value, in bytes (64 KiB): room for a column mapping, not for a document.
pub(super) const MAX_VALUE: usize = 64 * 1024;

fn check(key: &str, value: &str) -> StoreResult<()> {
    let mut e = RuleErrors::default();
    if key.is_empty() {
        e.push("key", Rule::Required);
    }
    if key.chars().count() > MAX_KEY {
        e.push("key", Rule::TooLong { max: MAX_KEY });
    }
    if value.len() > MAX_VALUE {
        e.push("value", Rule::TooLong { max: MAX_VALUE });
    }
    e.into_result().map_err(StoreError::Invalid)
}

impl Engine {
    pub(super) async fn setting_of(&self, user: Id, key: &str) -> StoreResult<Option<String>> {
        let value = sqlx::query_scalar(&super::d::sql(
            "select value from user_settings where user_id = ? and key = ?",
        ))
        .bind(user.to_string())
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(value)
    }

    pub(super) async fn setting_save(&self, user: Id, key: &str, value: &str) -> StoreResult<()> {
        check(key, value)?;
        // One statement: the row is written only for a known user, so an unknown one is
        // `NotFound` rather than a foreign-key error.
        let done = sqlx::query(&super::d::sql(
            "insert into user_settings (user_id, key, value, updated_at)
             select ?1, ?2, ?3, ?4 where exists(select 1 from users where id = ?1)
             on conflict (user_id, key) do update
             set value = excluded.value, updated_at = excluded.updated_at",
        ))
        .bind(user.to_string())
        .bind(key)
        .bind(value)
        .bind(Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true))
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                kind: User::KIND.key(),
                id: user.to_string(),
            });
        }
        Ok(())
    }
}
