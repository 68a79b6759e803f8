//! Account secrets on SQLite: passwords, second factor and recovery codes, kept in
//! `credentials` apart from the user record. Each change is one transaction with its audit
//! row, whose before/after hold the user record only, never a secret.

use super::d::Conn;
use super::{Engine, audit, read, record::Record, script::Script, write::write_row};
use crate::{Actor, Credentials, StoreError, StoreResult};
use chrono::Utc;
use sqlx::Row;
use taawun_core::*;

/// The user whose secrets change, read inside the transaction.
pub(super) async fn load_user(conn: &mut Conn, id: Id) -> StoreResult<User> {
    read::by_id(conn, id).await?.ok_or(StoreError::NotFound {
        kind: User::KIND.key(),
        id: id.to_string(),
    })
}

/// Users change their own secrets; otherwise whoever may edit users (administrators), and
/// only for an account cleared no higher than themselves (`decide_grant`): setting the
/// password of a more cleared account would hand them its access.
pub(super) fn may_manage(actor: &Actor, user: &User) -> StoreResult<()> {
    let Some(who) = &actor.principal else {
        return Ok(());
    };
    if who.user_id == Some(user.id) {
        return Ok(());
    }
    let grant = user.grant();
    decide(who, Action::Edit, &Target::new(Kind::User))
        .and_then(|()| decide_grant(who, user.id, Some(&grant), &grant))
        .map_err(|_| StoreError::Forbidden {
            kind: User::KIND.key(),
        })
}

/// When a secret changes: the actor's time when it is dated (`Actor::at`), else now.
fn now(actor: &Actor) -> String {
    audit::micros(actor.at.unwrap_or_else(Utc::now))
}

/// The writes of setting `user`'s password hash, once `may_manage` allowed it: the
/// credentials row and the audit row (`save_all` adds them to its pending writes).
pub(super) fn push_password(
    script: &mut Script,
    actor: &Actor,
    user: &User,
    phc_hash: &str,
) -> StoreResult<()> {
    script.push(
        "insert into credentials (user_id, password_hash, updated_at) values (?, ?, ?)
         on conflict (user_id) do update
         set password_hash = excluded.password_hash, updated_at = excluded.updated_at",
        [user.id.into(), phc_hash.into(), now(actor).into()],
    );
    // The account itself is unchanged: before and after are the same record.
    let doc = serde_json::to_string(user)?;
    audit::push_action(
        script,
        actor,
        "set_password",
        User::KIND,
        user.id,
        Some(&doc),
        &doc,
    );
    Ok(())
}

/// The credentials columns of a row that has them.
fn credentials_in(r: &super::d::DbRow) -> StoreResult<Credentials> {
    let recovery: String = r.try_get("recovery_hashes")?;
    Ok(Credentials {
        password_hash: r.try_get("password_hash")?,
        totp_secret: r.try_get("totp_secret")?,
        recovery_hashes: serde_json::from_str(&recovery)?,
    })
}

impl Engine {
    pub(super) async fn credentials_of(&self, user: Id) -> StoreResult<Option<Credentials>> {
        let row = sqlx::query(&super::d::sql(
            "select password_hash, totp_secret, recovery_hashes from credentials
             where user_id = ?",
        ))
        .bind(user.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| credentials_in(&r)).transpose()
    }

    /// The user and their credentials, one statement: a session is checked on every request.
    pub(super) async fn account_of(
        &self,
        user: Id,
    ) -> StoreResult<Option<(User, Option<Credentials>)>> {
        let row = sqlx::query(&super::d::sql(
            "select u.doc, c.user_id is not null as has_credentials,
                    c.password_hash, c.totp_secret, c.recovery_hashes
               from users u left join credentials c on c.user_id = u.id
              where u.id = ?",
        ))
        .bind(user.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(None);
        };
        let u: User = read::decode(&r.try_get::<String, _>("doc")?)?;
        let has: bool = r.try_get("has_credentials")?;
        let credentials = if has { Some(credentials_in(&r)?) } else { None };
        Ok(Some((u, credentials)))
    }

    pub(super) async fn store_password(
        &self,
        actor: &Actor,
        user: Id,
        phc_hash: &str,
    ) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let u = load_user(&mut tx, user).await?;
        may_manage(actor, &u)?;
        let mut script = Script::default();
        push_password(&mut script, actor, &u, phc_hash)?;
        script.run(&mut tx).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(())
    }

    pub(super) async fn store_second_factor(
        &self,
        actor: &Actor,
        user: Id,
        totp_secret: Option<&str>,
        recovery_hashes: &[String],
    ) -> StoreResult<User> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let before = load_user(&mut tx, user).await?;
        may_manage(actor, &before)?;
        sqlx::query(&super::d::sql(
            "insert into credentials (user_id, password_hash, totp_secret, recovery_hashes,
                                      updated_at)
             values (?, '', ?, ?, ?)
             on conflict (user_id) do update
             set totp_secret = excluded.totp_secret,
                 recovery_hashes = excluded.recovery_hashes,
                 updated_at = excluded.updated_at",
        ))
        .bind(user.to_string())
        .bind(totp_secret)
        .bind(serde_json::to_string(recovery_hashes)?)
        .bind(now(actor))
        .execute(&mut *tx)
        .await?;
        // The flag lives in the user record so that pages and the login read it with the
        // account; a new version makes an editor's stale copy conflict instead of undoing it.
        let mut after = before.clone();
        after.totp_enabled = totp_secret.is_some();
        after.set_version(before.version + 1);
        let after_doc = serde_json::to_string(&after)?;
        write_row(&mut tx, &after, &after_doc, before.version).await?;
        let before_doc = serde_json::to_string(&before)?;
        audit::append_action(
            &mut tx,
            actor,
            "set_second_factor",
            User::KIND,
            user,
            Some(&before_doc),
            &after_doc,
        )
        .await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(after)
    }

    pub(super) async fn spend_recovery_code(&self, user: Id, hash: &str) -> StoreResult<bool> {
        // The write lock makes read-then-remove atomic: two logins with the same code
        // queue, and the second finds it gone.
        let mut tx = super::d::begin_write(&self.pool).await?;
        let stored: Option<String> = sqlx::query_scalar(&super::d::sql(
            "select recovery_hashes from credentials where user_id = ?",
        ))
        .bind(user.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let mut hashes: Vec<String> = match stored {
            Some(json) => serde_json::from_str(&json)?,
            None => return Ok(false),
        };
        let Some(at) = hashes.iter().position(|h| h == hash) else {
            return Ok(false);
        };
        hashes.remove(at);
        sqlx::query(&super::d::sql(
            "update credentials set recovery_hashes = ?, updated_at = ? where user_id = ?",
        ))
        .bind(serde_json::to_string(&hashes)?)
        .bind(audit::micros(Utc::now()))
        .bind(user.to_string())
        .execute(&mut *tx)
        .await?;
        let u = load_user(&mut tx, user).await?;
        let doc = serde_json::to_string(&u)?;
        let actor = Actor::new(u.username.clone());
        audit::append_action(
            &mut tx,
            &actor,
            "use_recovery_code",
            User::KIND,
            user,
            Some(&doc),
            &doc,
        )
        .await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(true)
    }
}
