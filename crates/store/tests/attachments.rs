//! Files attached to records (issue 13, part 3), on real database files: content kept once
//! per SHA-256 and read back byte for byte, versions kept, the audit row written in the
//! same transaction as the file (a failing audit leaves no file), hidden records' files
//! out of every reader's reach, purge for administrators only — content gone, the chain
//! still whole, the audit keeping who, when, why and the hash — and the size limit.

// Only the fixtures are used here, not the whole suite.
#[allow(dead_code, unused_imports)]
mod suite;

use sha2::{Digest, Sha256};
use std::sync::Arc;
use suite::fixtures::*;
use taawun_core::attachment::{FileType, MAX_FILE_BYTES, Purpose};
use taawun_core::*;
use taawun_store::{Actor, FileSlot, NewFile, SqliteStore, Store, StoreError, Visible};

async fn written() -> (tempfile::TempDir, SqliteStore, World) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let w = world(&store).await;
    (dir, store, w)
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.7\n% the signed minutes {tag}\n%%EOF\n").into_bytes()
}

fn new_file(kind: RecordKind, id: Id, slot: FileSlot, content: Vec<u8>) -> NewFile {
    NewFile {
        record: kind,
        record_id: id,
        slot,
        name: "محضر الدورة الأولى.pdf".into(),
        file_type: FileType::Pdf,
        content,
    }
}

fn minutes(w: &World, content: Vec<u8>) -> NewFile {
    new_file(
        RecordKind::Session,
        w.session.id,
        FileSlot::New(Purpose::SignedMinutes),
        content,
    )
}

async fn count(store: &SqliteStore, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn secretariat(store: &SqliteStore, w: &World) -> User {
    account(
        store,
        "officer",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[w.commission.id],
    )
    .await
}

#[tokio::test]
async fn a_file_is_kept_by_its_hash_read_back_whole_and_audited_without_its_content() {
    let (_dir, store, w) = written().await;
    let officer = secretariat(&store, &w).await;
    let content = pdf("v1");
    let a = store
        .attach_file(&Actor::user(&officer), minutes(&w, content.clone()))
        .await
        .unwrap();
    assert_eq!(a.sha256, hex(&content));
    assert_eq!(
        (a.version, a.size, a.purpose),
        (1, content.len() as u64, Purpose::SignedMinutes)
    );
    assert_eq!(a.uploaded_by, "officer");
    assert_eq!(a.name, "محضر الدورة الأولى.pdf");
    assert_eq!(
        store.attachment_content(a.id).await.unwrap(),
        Some(content.clone())
    );
    let rows = store.audit_of(w.session.id).await.unwrap();
    let last = rows.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("attach_file", "officer")
    );
    let after = last.after.as_ref().unwrap().to_string();
    assert!(after.contains(&a.sha256), "{after}");
    assert!(
        !after.contains("the signed minutes"),
        "no content in the audit: {after}"
    );
    // The same scan attached to the agreement too is kept once.
    let again = new_file(
        RecordKind::Agreement,
        w.mou.id,
        FileSlot::New(Purpose::SignedAgreement),
        content,
    );
    // (The fixture's agreement belongs to no commission: the system attaches there.)
    store.attach_file(&actor(), again).await.unwrap();
    assert_eq!(count(&store, "blobs").await, 1);
    assert_eq!(count(&store, "attachments").await, 2);
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
}

#[tokio::test]
async fn replacing_adds_a_version_and_keeps_the_old_one_readable() {
    let (_dir, store, w) = written().await;
    let officer = secretariat(&store, &w).await;
    let acts = Actor::user(&officer);
    let v1 = store
        .attach_file(&acts, minutes(&w, pdf("v1")))
        .await
        .unwrap();
    let replace = new_file(
        RecordKind::Session,
        w.session.id,
        FileSlot::Replaces(v1.file_id),
        pdf("v2"),
    );
    let v2 = store.attach_file(&acts, replace).await.unwrap();
    assert_eq!(
        (v2.file_id, v2.version, v2.purpose),
        (v1.file_id, 2, Purpose::SignedMinutes)
    );
    assert_ne!(v1.sha256, v2.sha256);
    assert_eq!(
        store.attachment_content(v1.id).await.unwrap(),
        Some(pdf("v1"))
    );
    assert_eq!(
        store.attachment_content(v2.id).await.unwrap(),
        Some(pdf("v2"))
    );
    let v = Visible::new(Arc::new(store.clone()), officer.principal());
    let files = v
        .attachments(RecordKind::Session, w.session.id)
        .await
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].current().id, v2.id);
    assert_eq!(
        files[0].older().iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![v1.id]
    );
    let last = store.audit_of(w.session.id).await.unwrap().pop().unwrap();
    assert_eq!(last.action, "replace_file");
    assert_eq!(last.before.unwrap()["sha256"], v1.sha256);
    // A file of another record is no file of this one: nothing is written.
    let elsewhere = new_file(
        RecordKind::Agreement,
        w.mou.id,
        FileSlot::Replaces(v1.file_id),
        pdf("v3"),
    );
    refused(store.attach_file(&actor(), elsewhere).await, "NotFound");
    assert_eq!(count(&store, "attachments").await, 2);
}

#[tokio::test]
async fn a_hidden_records_files_do_not_exist_for_the_reader() {
    let (_dir, store, w) = written().await;
    let officer = secretariat(&store, &w).await;
    // The session is marked secret.
    let mut s = w.session.clone();
    s.protection = marked(Marking::Secret);
    let s = store.save_session(&actor(), &s).await.unwrap();
    let a = store
        .attach_file(&Actor::user(&officer), minutes(&w, pdf("secret")))
        .await
        .unwrap();
    let senegal = store
        .save_party(&actor(), &party("SN", "السنغال", "République du Sénégal"))
        .await
        .unwrap();
    let below = account(
        &store,
        "below",
        Role::Administrator,
        &w.mali,
        Marking::Confidential,
        &[],
    )
    .await;
    let outsider = account(
        &store,
        "outsider",
        Role::Administrator,
        &senegal,
        Marking::Secret,
        &[],
    )
    .await;
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    for reader in [&below, &outsider] {
        let v = Visible::new(shared.clone(), reader.principal());
        assert!(
            v.attachments(RecordKind::Session, s.id)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            v.attachment(a.id).await.unwrap(),
            None,
            "{}",
            reader.username
        );
        assert_eq!(v.attachment_content(a.id).await.unwrap(), None);
        for action in FileAction::ALL {
            assert!(
                !v.allows_files(action, RecordKind::Session, s.id)
                    .await
                    .unwrap()
            );
        }
        // Writing to it or purging it: as if it did not exist, never "forbidden".
        refused(
            store
                .attach_file(&Actor::user(reader), minutes(&w, pdf("x")))
                .await,
            "NotFound",
        );
        refused(
            store
                .purge_attachment(&Actor::user(reader), a.id, "misfiled")
                .await,
            "NotFound",
        );
    }
    // Someone who may see it sees the file.
    let cleared = account(
        &store,
        "cleared",
        Role::Reader,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    let v = Visible::new(shared, cleared.principal());
    assert_eq!(
        v.attachments(RecordKind::Session, s.id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        v.attachment_content(a.id).await.unwrap().unwrap().1,
        pdf("secret")
    );
}

#[tokio::test]
async fn attaching_is_editing_the_record() {
    let (_dir, store, w) = written().await;
    let reader = account(
        &store,
        "reader",
        Role::Reader,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let editor = account(
        &store,
        "editor",
        Role::PartyEditor,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let elsewhere = account(
        &store,
        "other",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    for u in [&reader, &editor, &elsewhere] {
        refused(
            store
                .attach_file(&Actor::user(u), minutes(&w, pdf("x")))
                .await,
            "Forbidden",
        );
    }
    assert_eq!(count(&store, "attachments").await, 0);
    assert_eq!(count(&store, "blobs").await, 0);
}

#[tokio::test]
async fn only_an_administrator_purges_and_the_audit_keeps_who_when_why_and_the_hash() {
    let (_dir, store, w) = written().await;
    let officer = secretariat(&store, &w).await;
    let admin = account(
        &store,
        "admin",
        Role::Administrator,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let content = pdf("misfiled");
    let a = store
        .attach_file(&Actor::user(&officer), minutes(&w, content.clone()))
        .await
        .unwrap();
    // The same content on another record: its blob must outlive this purge.
    let kept = new_file(
        RecordKind::Agreement,
        w.mou.id,
        FileSlot::New(Purpose::Supporting),
        content.clone(),
    );
    let kept = store.attach_file(&actor(), kept).await.unwrap();
    refused(
        store
            .purge_attachment(&Actor::user(&officer), a.id, "wrong record")
            .await,
        "Forbidden",
    );
    refused(
        store
            .purge_attachment(&Actor::user(&admin), a.id, "   ")
            .await,
        "Invalid",
    );
    assert_eq!(
        store.attachment_content(a.id).await.unwrap(),
        Some(content.clone())
    );

    store
        .purge_attachment(
            &Actor::user(&admin),
            a.id,
            "Classified annex filed on the wrong session",
        )
        .await
        .unwrap();
    assert_eq!(store.attachment(a.id).await.unwrap(), None);
    assert_eq!(store.attachment_content(a.id).await.unwrap(), None);
    assert_eq!(
        store.attachment_content(kept.id).await.unwrap(),
        Some(content.clone())
    );
    let last = store.audit_of(w.session.id).await.unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("purge_file", "admin")
    );
    let purged = &last.after.as_ref().unwrap()["purged"];
    assert_eq!(purged["sha256"], a.sha256);
    assert_eq!(
        purged["reason"],
        "Classified annex filed on the wrong session"
    );
    let text = last.after.unwrap().to_string();
    assert!(
        !text.contains("misfiled") && !text.contains("محضر"),
        "{text}"
    );
    assert!((chrono::Utc::now() - last.at).num_seconds() < 60);
    // Purging the last version naming the content deletes the content itself.
    store
        .purge_attachment(&Actor::user(&admin), kept.id, "duplicate")
        .await
        .unwrap();
    assert_eq!(count(&store, "blobs").await, 0);
    let left: i64 = sqlx::query_scalar("select count(*) from blobs where sha256 = ?")
        .bind(&a.sha256)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
}

#[tokio::test]
async fn an_empty_or_oversized_file_is_refused_and_nothing_is_written() {
    let (_dir, store, w) = written().await;
    let audit_rows = count(&store, "audit_log").await;
    refused(
        store.attach_file(&actor(), minutes(&w, vec![])).await,
        "Invalid",
    );
    let over = vec![b'%'; MAX_FILE_BYTES as usize + 1];
    refused(
        store.attach_file(&actor(), minutes(&w, over)).await,
        "Invalid",
    );
    assert_eq!(count(&store, "attachments").await, 0);
    assert_eq!(count(&store, "audit_log").await, audit_rows);
    // Exactly the limit is accepted.
    let at = vec![b'%'; MAX_FILE_BYTES as usize];
    let a = store.attach_file(&actor(), minutes(&w, at)).await.unwrap();
    assert_eq!(a.size, MAX_FILE_BYTES);
}

#[tokio::test]
async fn a_file_whose_audit_row_fails_is_not_kept() {
    let (_dir, store, w) = written().await;
    sqlx::raw_sql(
        "create trigger no_file_audit before insert on audit_log
         when new.action = 'attach_file' begin select raise(abort, 'audit refused'); end",
    )
    .execute(store.pool())
    .await
    .unwrap();
    let failed = store.attach_file(&actor(), minutes(&w, pdf("x"))).await;
    assert!(matches!(failed, Err(StoreError::Database(_))), "{failed:?}");
    assert_eq!(count(&store, "attachments").await, 0);
    assert_eq!(count(&store, "blobs").await, 0);
}

#[tokio::test]
async fn names_keep_their_last_segment_without_control_or_bidi_characters() {
    let (_dir, store, w) = written().await;
    let mut f = minutes(&w, pdf("x"));
    f.name = "C:\\fakepath\\scan\u{202E}fdp.exe\n".into();
    let a = store.attach_file(&actor(), f).await.unwrap();
    assert_eq!(a.name, "scanfdp.exe");
}

/// A party editor attaches to what their party leads or reported, and only there: the
/// other party's editor is refused on a report it did not make, and both on the session,
/// as when editing them.
#[tokio::test]
async fn a_party_editor_attaches_to_their_partys_records_and_the_other_partys_is_refused() {
    let (_dir, store, w) = written().await;
    let shared = store.save_item(&actor(), &w.item("1.8")).await.unwrap();
    let malian_report = store
        .save_progress(&actor(), &progress(&shared, &w.mali, date(2025, 5, 1), 40))
        .await
        .unwrap();
    let mali_editor = account(
        &store,
        "editor.ml",
        Role::PartyEditor,
        &w.mali,
        Marking::Secret,
        &[w.commission.id],
    )
    .await;
    let morocco_editor = account(
        &store,
        "editor.ma",
        Role::PartyEditor,
        &w.morocco,
        Marking::Secret,
        &[w.commission.id],
    )
    .await;
    let file = |kind, id| {
        new_file(
            kind,
            id,
            FileSlot::New(Purpose::Supporting),
            pdf("evidence"),
        )
    };
    // Their own: accepted.
    store
        .attach_file(
            &Actor::user(&mali_editor),
            file(RecordKind::ProgressUpdate, malian_report.id),
        )
        .await
        .unwrap();
    store
        .attach_file(
            &Actor::user(&morocco_editor),
            file(RecordKind::ActionItem, shared.id),
        )
        .await
        .unwrap();
    // The other party's: refused, nothing written.
    let before = count(&store, "attachments").await;
    refused(
        store
            .attach_file(
                &Actor::user(&morocco_editor),
                file(RecordKind::ProgressUpdate, malian_report.id),
            )
            .await,
        "Forbidden",
    );
    for editor in [&mali_editor, &morocco_editor] {
        refused(
            store
                .attach_file(
                    &Actor::user(editor),
                    file(RecordKind::Session, w.session.id),
                )
                .await,
            "Forbidden",
        );
    }
    assert_eq!(count(&store, "attachments").await, before);
}

/// The same scan sent at once by several officers: every upload is its own file, the
/// content is kept once, and the audit chain stays whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_uploads_of_the_same_content_keep_one_blob_and_every_version() {
    let (_dir, store, w) = written().await;
    let officer = secretariat(&store, &w).await;
    let content = pdf("sent twice at once");
    let mut uploads = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let store = store.clone();
        let acts = Actor::user(&officer);
        let f = minutes(&w, content.clone());
        uploads.spawn(async move { store.attach_file(&acts, f).await });
    }
    while let Some(done) = uploads.join_next().await {
        done.unwrap().unwrap();
    }
    assert_eq!(count(&store, "attachments").await, 8);
    assert_eq!(count(&store, "blobs").await, 1);
    let shown: Vec<_> = store
        .attachments(RecordKind::Session, w.session.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.sha256)
        .collect();
    assert!(shown.iter().all(|h| *h == hex(&content)));
    assert_eq!(store.check(None).await.unwrap(), Vec::<String>::new());
}
