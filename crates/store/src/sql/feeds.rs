//! Calendar feeds on SQLite: rows keyed by the token's hash. Creating and revoking one is
//! allowed as changing a password is (`accounts::may_manage`) and audited like it, as an
//! account event whose before and after hold the user record, never the hash.

use super::d::{Conn, DbRow};
use super::{
    Engine,
    accounts::{load_user, may_manage},
    audit, read,
};
use crate::{Actor, CalendarFeed, StoreError, StoreResult};
use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sqlx::Row;
use taawun_core::{rules::Rule, *};

const COLUMNS: &str = "id, user_id, commission_id, created_at, revoked_at";

/// The instant as stored: microseconds and `Z`, so the text sorts in time order and a
/// feed read back equals the one returned when it was created.
fn stamp() -> (DateTime<Utc>, String) {
    let at = Utc::now().trunc_subsecs(6);
    (at, at.to_rfc3339_opts(SecondsFormat::Micros, true))
}

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(what))
}

fn id_of(text: &str) -> StoreResult<Id> {
    text.parse()
        .map_err(|_| corrupt(format!("calendar feed id {text:?}")))
}

fn time_of(text: &str) -> StoreResult<DateTime<Utc>> {
    Ok(DateTime::parse_from_rfc3339(text)
        .map_err(|_| corrupt(format!("calendar feed time {text:?}")))?
        .with_timezone(&Utc))
}

fn decode(r: &DbRow) -> StoreResult<CalendarFeed> {
    let commission: Option<String> = r.try_get("commission_id")?;
    let revoked: Option<String> = r.try_get("revoked_at")?;
    Ok(CalendarFeed {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        user_id: id_of(&r.try_get::<String, _>("user_id")?)?,
        commission_id: commission.as_deref().map(id_of).transpose()?,
        created_at: time_of(&r.try_get::<String, _>("created_at")?)?,
        revoked_at: revoked.as_deref().map(time_of).transpose()?,
    })
}

fn field_error(field: &str, rule: Rule) -> StoreError {
    let mut e = RuleErrors::default();
    e.push(field, rule);
    StoreError::Invalid(e)
}

/// Appends the account event on the feed's user: the user record before and after (it does
/// not change), as `set_password` does.
async fn audit_event(conn: &mut Conn, actor: &Actor, action: &str, user: &User) -> StoreResult<()> {
    let doc = serde_json::to_string(user)?;
    audit::append_action(conn, actor, action, User::KIND, user.id, Some(&doc), &doc).await
}

impl Engine {
    pub(super) async fn feed_create(
        &self,
        actor: &Actor,
        user: Id,
        commission: Option<Id>,
        token_hash: &str,
    ) -> StoreResult<CalendarFeed> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let owner = load_user(&mut tx, user).await?;
        may_manage(actor, &owner)?;
        // An empty hash would be one every caller could present.
        if token_hash.is_empty() {
            return Err(field_error("token_hash", Rule::Required));
        }
        if let Some(c) = commission
            && !read::exists(&mut *tx, "commissions", c).await?
        {
            return Err(field_error("commission_id", Rule::Unknown));
        }
        let (created_at, created_text) = stamp();
        let feed = CalendarFeed {
            id: new_id(),
            user_id: user,
            commission_id: commission,
            created_at,
            revoked_at: None,
        };
        let inserted = sqlx::query(&super::d::sql(
            "insert into calendar_feeds (id, user_id, commission_id, token_hash, created_at)
             values (?, ?, ?, ?, ?)",
        ))
        .bind(feed.id.to_string())
        .bind(user.to_string())
        .bind(commission.map(|c| c.to_string()))
        .bind(token_hash)
        .bind(created_text)
        .execute(&mut *tx)
        .await;
        // Two feeds with one token would serve one of them to the other's holder.
        if let Err(sqlx::Error::Database(db)) = &inserted
            && db.kind() == sqlx::error::ErrorKind::UniqueViolation
        {
            return Err(field_error("token_hash", Rule::Duplicate));
        }
        inserted?;
        audit_event(&mut tx, actor, "create_calendar_feed", &owner).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(feed)
    }

    pub(super) async fn feed_by_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<CalendarFeed>> {
        // A disabled account's feeds stop with its logins; they work again if it is
        // enabled again, since nothing was revoked.
        let sql = format!(
            "select {COLUMNS} from calendar_feeds f
             where token_hash = ? and revoked_at is null
               and exists(select 1 from users u where u.id = f.user_id and u.active = 1)"
        );
        let row = sqlx::query(&super::d::sql(&sql))
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(decode).transpose()
    }

    pub(super) async fn feeds_of(&self, user: Id) -> StoreResult<Vec<CalendarFeed>> {
        // Ids are UUIDv7: they break ties in creation order.
        let sql = format!(
            "select {COLUMNS} from calendar_feeds where user_id = ?
             order by created_at desc, id desc"
        );
        let rows = sqlx::query(&super::d::sql(&sql))
            .bind(user.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    pub(super) async fn feed_revoke(&self, actor: &Actor, feed: Id) -> StoreResult<bool> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let sql = format!("select {COLUMNS} from calendar_feeds where id = ?");
        let row = sqlx::query(&super::d::sql(&sql))
            .bind(feed.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(found) = row.as_ref().map(decode).transpose()? else {
            return Err(StoreError::NotFound {
                kind: "calendar_feed",
                id: feed.to_string(),
            });
        };
        let owner = load_user(&mut tx, found.user_id).await?;
        // Permission before the answer: whether a feed is revoked is the owner's business.
        may_manage(actor, &owner)?;
        if found.revoked_at.is_some() {
            return Ok(false);
        }
        sqlx::query(&super::d::sql(
            "update calendar_feeds set revoked_at = ? where id = ?",
        ))
        .bind(stamp().1)
        .bind(feed.to_string())
        .execute(&mut *tx)
        .await?;
        audit_event(&mut tx, actor, "revoke_calendar_feed", &owner).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(true)
    }
}
