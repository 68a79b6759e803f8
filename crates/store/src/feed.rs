//! Calendar subscriptions: a calendar app polls a URL holding a secret token. The store
//! keeps only the token's SHA-256 (hex, computed by the caller), so a copy of the database
//! does not let anyone read someone's calendar.

use chrono::{DateTime, Utc};
use taawun_core::Id;

/// A calendar subscription: its secret token is known only to the user (the store keeps its
/// SHA-256, hex, computed by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFeed {
    pub id: Id,
    pub user_id: Id,
    /// None: the user's own feed (everything concerning them); Some: one commission's
    /// sessions and deadlines.
    pub commission_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    /// When the feed stopped working; a revoked feed is never served again.
    pub revoked_at: Option<DateTime<Utc>>,
}
