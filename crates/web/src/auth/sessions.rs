//! `tower_sessions::SessionStore` over the `Store` trait's login-session table. Rows are
//! keyed by the SHA-256 of the session id, never the id itself: someone who reads a backup
//! or the database file cannot take over the sessions in it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use taawun_store::Store;
use tower_sessions::SessionStore;
use tower_sessions::cookie::time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};

use super::totp::hex;

#[derive(Clone)]
pub struct StoreSessions {
    store: crate::doors::Logins,
}

impl std::fmt::Debug for StoreSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreSessions")
    }
}

impl StoreSessions {
    pub(crate) fn new(store: crate::doors::Logins) -> Self {
        StoreSessions { store }
    }
}

fn key(id: &Id) -> String {
    hex(&Sha256::digest(id.to_string().as_bytes()))
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn to_chrono(t: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or_default()
}

fn to_time(t: DateTime<Utc>) -> Option<OffsetDateTime> {
    let nanos = i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos());
    OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()
}

#[async_trait]
impl SessionStore for StoreSessions {
    /// A new id is drawn again in the (2^-128) case it is taken, so two people never share
    /// a session.
    async fn create(&self, record: &mut Record) -> Result<()> {
        while self
            .store
            .session_load(&key(&record.id))
            .await
            .map_err(backend)?
            .is_some()
        {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let json = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        self.store
            .session_save(&key(&record.id), &json, to_chrono(record.expiry_date))
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((json, expiry)) = self.store.session_load(&key(id)).await.map_err(backend)? else {
            return Ok(None);
        };
        // The store filters expired rows already; checking again costs nothing and keeps
        // this correct over any backend.
        if expiry <= Utc::now() {
            return Ok(None);
        }
        let data = serde_json::from_str(&json).map_err(|e| Error::Decode(e.to_string()))?;
        let expiry_date = to_time(expiry).ok_or_else(|| Error::Decode("expiry".into()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.store.session_delete(&key(id)).await.map_err(backend)
    }
}

/// Middleware around the session layer. When the layer cannot save a session after the
/// handler (a full or failing disk), it answers a bare 500 and the page is lost; a login
/// form sent then would carry a token nobody stored and come back as "form expired". The
/// reader gets the storage page instead, in their language, saying nothing was saved. Our
/// own 500 pages always have a body, so an empty one can only be the layer's.
pub async fn unsaved_is_a_storage_fault(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::HttpBody;
    // Only the language is kept: the page is built in the rare case it is needed.
    let lang = crate::negotiate::lang_of(req.headers());
    let res = next.run(req).await;
    if res.status() == axum::http::StatusCode::INTERNAL_SERVER_ERROR
        && res.body().size_hint().exact() == Some(0)
    {
        let ctx = crate::ctx::Ctx::in_lang(lang, state.demo);
        return crate::error::answer_in(ctx, crate::error::WebError::SessionUnsaved).await;
    }
    res
}

/// Deletes expired sessions every `every`, for as long as the server runs. Takes the store
/// the binary opened (it runs beside the router, not in a request).
pub async fn purge_forever(store: Arc<dyn Store>, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match store.login_sessions_purge().await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(n, "expired login sessions deleted"),
            Err(e) => tracing::warn!(error = %e, "purging login sessions failed"),
        }
    }
}
