//! A record's files for the reader. A file has no protection of its own: it is seen exactly
//! when its record is, so a hidden record's files do not exist for the reader — its list is
//! empty, a version of it is `None` (the page's 404), and a count made from these lists
//! counts nothing of it.

use super::Visible;
use crate::StoreResult;
use std::collections::HashMap;
use taawun_core::attachment::{AttachedFile, Attachment, carries_files, group_versions};
use taawun_core::*;

impl Visible {
    /// The record's files, each with its versions newest first, in the order they were
    /// first uploaded; empty when the reader may not see the record.
    pub async fn attachments(
        &self,
        kind: RecordKind,
        record: Id,
    ) -> StoreResult<Vec<AttachedFile>> {
        if !carries_files(kind) || !self.can_see_id(kind, record).await? {
            return Ok(vec![]);
        }
        Ok(group_versions(self.store.attachments(kind, record).await?))
    }

    /// The files of each of several records of one kind, read in one query: a record the
    /// reader may not see has no entry (and so no files), like one without files.
    pub async fn attachments_of(
        &self,
        kind: RecordKind,
        records: &[Id],
    ) -> StoreResult<HashMap<Id, Vec<AttachedFile>>> {
        if !carries_files(kind) {
            return Ok(HashMap::new());
        }
        let mut seen = Vec::with_capacity(records.len());
        for id in records {
            if self.can_see_id(kind, *id).await? {
                seen.push(*id);
            }
        }
        let mut by_record: HashMap<Id, Vec<Attachment>> = HashMap::new();
        if !seen.is_empty() {
            for a in self.store.attachments_of(kind, &seen).await? {
                by_record.entry(a.record_id).or_default().push(a);
            }
        }
        Ok(by_record
            .into_iter()
            .map(|(id, all)| (id, group_versions(all)))
            .collect())
    }

    /// One version of a file, when the reader may see its record.
    pub async fn attachment(&self, id: Id) -> StoreResult<Option<Attachment>> {
        let Some(found) = self.store.attachment(id).await? else {
            return Ok(None);
        };
        if !self.can_see_id(found.record, found.record_id).await? {
            return Ok(None);
        }
        Ok(Some(found))
    }

    /// One version and its content, when the reader may see its record.
    pub async fn attachment_content(&self, id: Id) -> StoreResult<Option<(Attachment, Vec<u8>)>> {
        let Some(found) = self.attachment(id).await? else {
            return Ok(None);
        };
        Ok(self
            .store
            .attachment_content(id)
            .await?
            .map(|content| (found, content)))
    }

    /// Whether the reader may take `action` on the record's files (to offer the upload and
    /// purge forms; the store decides again on the write).
    pub async fn allows_files(
        &self,
        action: FileAction,
        kind: RecordKind,
        record: Id,
    ) -> StoreResult<bool> {
        if !carries_files(kind) {
            return Ok(false);
        }
        Ok(self
            .scope_of(kind, record)
            .await?
            .is_some_and(|s| s.decide_files(&self.who, action).is_ok()))
    }
}
