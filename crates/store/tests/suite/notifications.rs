//! Notifications: recording the same reminder twice keeps one (so a reminder pass can run
//! again at any time), each user lists only their own, newest first, and the read and
//! e-mailed flags take effect.

use super::fixtures::*;
use taawun_core::followup::{Reminder, ReminderKind};
use taawun_core::*;
use taawun_store::Store;

fn reminder(kind: ReminderKind, record: Id, on: chrono::NaiveDate) -> Reminder {
    Reminder {
        kind,
        record_id: record,
        on,
    }
}

pub async fn notifications_are_recorded_once(store: &dyn Store) {
    let w = world(store).await;
    let u = account(
        store,
        "sec",
        Role::Secretariat,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let item = new_id();
    let due = reminder(ReminderKind::ItemDueSoon, item, date(2026, 12, 10));
    let late = reminder(ReminderKind::ItemOverdue, item, date(2026, 11, 30));
    assert_eq!(
        store.add_notifications(u.id, &[due, late]).await.unwrap(),
        2
    );
    // The same reminders again (a second pass, the next day's pass): nothing new.
    assert_eq!(
        store.add_notifications(u.id, &[late, due]).await.unwrap(),
        0
    );
    // A reminder about another date of the same record is another notification.
    let moved = reminder(ReminderKind::ItemDueSoon, item, date(2026, 12, 12));
    assert_eq!(
        store.add_notifications(u.id, &[due, moved]).await.unwrap(),
        1
    );
    assert_eq!(
        store.notifications(u.id, false, 100).await.unwrap().len(),
        3
    );
    // Read, then recorded again: it stays read (the user is not told twice).
    store.mark_notifications_read(u.id, None).await.unwrap();
    assert_eq!(store.add_notifications(u.id, &[due]).await.unwrap(), 0);
    assert_eq!(store.unread_notifications(u.id).await.unwrap(), 0);
}

pub async fn notifications_are_listed_per_user(store: &dyn Store) {
    let w = world(store).await;
    let a = account(
        store,
        "admin",
        Role::Administrator,
        &w.morocco,
        Marking::Secret,
        &[],
    )
    .await;
    let b = account(
        store,
        "editor",
        Role::PartyEditor,
        &w.mali,
        Marking::Secret,
        &[],
    )
    .await;
    let first = reminder(ReminderKind::ItemOverdue, new_id(), date(2026, 3, 31));
    let second = reminder(ReminderKind::AgreementExpires, w.mou.id, date(2026, 12, 10));
    store.add_notifications(a.id, &[first]).await.unwrap();
    store.add_notifications(a.id, &[second]).await.unwrap();
    store.add_notifications(b.id, &[first]).await.unwrap();

    let listed = store.notifications(a.id, false, 100).await.unwrap();
    let got: Vec<Reminder> = listed.iter().map(|n| n.reminder).collect();
    assert_eq!(got, vec![second, first], "newest first");
    assert!(
        listed
            .iter()
            .all(|n| n.user_id == a.id && !n.read && !n.emailed)
    );
    assert_eq!(store.notifications(a.id, false, 1).await.unwrap().len(), 1);
    assert_eq!(store.unread_notifications(a.id).await.unwrap(), 2);
    assert_eq!(store.unread_notifications(b.id).await.unwrap(), 1);

    // Marking one read leaves the other unread, and b's untouched.
    store
        .mark_notifications_read(a.id, Some(listed[0].id))
        .await
        .unwrap();
    let unread = store.notifications(a.id, true, 100).await.unwrap();
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0].reminder, first);
    assert_eq!(store.unread_notifications(b.id).await.unwrap(), 1);
    // Another user's id cannot mark it: the user is part of the key.
    store
        .mark_notifications_read(b.id, Some(unread[0].id))
        .await
        .unwrap();
    assert_eq!(store.unread_notifications(a.id).await.unwrap(), 1);

    // What is left to e-mail: unread and not yet sent, oldest first; then nothing.
    let pending = store.unmailed_notifications(a.id).await.unwrap();
    assert_eq!(pending.len(), 1);
    store
        .mark_notifications_emailed(&[pending[0].id])
        .await
        .unwrap();
    assert!(store.unmailed_notifications(a.id).await.unwrap().is_empty());
    assert!(store.notifications(a.id, true, 10).await.unwrap()[0].emailed);
    assert_eq!(store.unmailed_notifications(b.id).await.unwrap().len(), 1);
}
