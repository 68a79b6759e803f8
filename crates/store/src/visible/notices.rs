//! The reader's own notifications, as they may see them now: a reminder about a record
//! that has since been hidden from them (clearance lowered, record reclassified) is left
//! out of the list and of the unread count, so neither hints at it.

use super::Visible;
use crate::StoreResult;
use taawun_core::followup::Notification;

impl Visible {
    /// The reader's notifications about records they may see, newest first, at most
    /// `limit` looked at. None for a reader without an account.
    pub async fn notifications(
        &self,
        unread_only: bool,
        limit: u32,
    ) -> StoreResult<Vec<Notification>> {
        let Some(user) = self.who.user_id else {
            return Ok(vec![]);
        };
        let mut kept = Vec::new();
        for n in self.store.notifications(user, unread_only, limit).await? {
            let r = n.reminder;
            if self.can_see_id(r.kind.entity(), r.record_id).await? {
                kept.push(n);
            }
        }
        Ok(kept)
    }

    /// What the header of the reader's pages shows, read in one round trip: their party, as
    /// they may see it like any other record, `unread_notifications(cap)`, and the Arabic
    /// usage they chose for dates.
    pub async fn header(&self, cap: u32) -> StoreResult<crate::HeaderRow> {
        let (Some(user), Some(party_id)) = (self.who.user_id, self.who.party_id) else {
            return Ok(crate::HeaderRow {
                unread: self.unread_notifications(cap).await?,
                ..Default::default()
            });
        };
        let row = self.store.header_of(user, party_id).await?;
        let party = self
            .keep_one(self.stored(party_id, async { Ok(row.party) }).await?)
            .await?;
        Ok(crate::HeaderRow {
            party,
            unread: self.unread_seen(row.unread, cap).await?,
            arabic_dates: row.arabic_dates,
        })
    }

    /// How many of the reader's notifications are unread, counting at most `cap`.
    pub async fn unread_notifications(&self, cap: u32) -> StoreResult<u32> {
        let Some(user) = self.who.user_id else {
            return Ok(0);
        };
        let plain = self.store.unread_notifications(user).await?;
        self.unread_seen(plain, cap).await
    }

    /// Of `plain` unread notifications, how many are about records the reader may see (at
    /// most `cap`). Most requests have nothing unread and stop at the plain count.
    async fn unread_seen(&self, plain: u32, cap: u32) -> StoreResult<u32> {
        if plain == 0 {
            return Ok(0);
        }
        let seen = self.notifications(true, cap).await?;
        Ok(u32::try_from(seen.len()).unwrap_or(u32::MAX))
    }

    /// The reader's notifications not yet read nor e-mailed, about records they may see.
    pub async fn unmailed_notifications(&self) -> StoreResult<Vec<Notification>> {
        let Some(user) = self.who.user_id else {
            return Ok(vec![]);
        };
        let mut kept = Vec::new();
        for n in self.store.unmailed_notifications(user).await? {
            let r = n.reminder;
            if self.can_see_id(r.kind.entity(), r.record_id).await? {
                kept.push(n);
            }
        }
        Ok(kept)
    }
}
