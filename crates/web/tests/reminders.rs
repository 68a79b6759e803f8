//! Reminders, through the real pass and pages: who is told about what according to role
//! and party (never about a record hidden from them), the in-app list and its header
//! count, and a pass without SMTP configured (no mail, no error). E-mail: `reminders_smtp`.

mod common;
mod forms_support;
mod reminders_support;

use reminders_support::{fixture, pairs};
use taawun_app::remind::{RemindConfig, run_once};
use taawun_core::{Marking, Role};

#[tokio::test]
async fn each_user_is_reminded_of_what_they_follow_and_may_see() {
    let f = fixture().await;
    let admin = f
        .user("admin", Role::Administrator, "MA", Marking::Secret, false)
        .await;
    let sec_high = f
        .user("sec-high", Role::Secretariat, "MA", Marking::Secret, true)
        .await;
    let sec_low = f
        .user(
            "sec-low",
            Role::Secretariat,
            "MA",
            Marking::Unclassified,
            true,
        )
        .await;
    let sec_other = f
        .user("sec-other", Role::Secretariat, "ML", Marking::Secret, false)
        .await;
    let editor_ml = f
        .user("editor-ml", Role::PartyEditor, "ML", Marking::Secret, false)
        .await;
    let editor_low = f
        .user(
            "editor-low",
            Role::PartyEditor,
            "ML",
            Marking::Restricted,
            false,
        )
        .await;
    let reader = f
        .user("reader", Role::Reader, "MA", Marking::Secret, true)
        .await;
    let auditor = f
        .user("auditor", Role::Auditor, "ML", Marking::Secret, true)
        .await;

    let pass = run_once(f.store(), f.today, &RemindConfig::default())
        .await
        .unwrap();
    assert_eq!(pass.mailed + pass.failed, 0, "no SMTP: no mail");

    let everything = pairs(&[
        ("item_overdue", "2.1"),
        ("item_overdue", "3.1"),
        ("item_overdue", "9.9"),
        ("agreement_expires", "MoU"),
    ]);
    let visible_items = pairs(&[("item_overdue", "2.1"), ("item_overdue", "3.1")]);
    assert_eq!(f.told(&admin).await, everything);
    assert_eq!(f.told(&sec_high).await, everything);
    // The Secret item 9.9 does not exist for an unclassified officer of the same commission.
    let mut low = visible_items.clone();
    low.insert(("agreement_expires".into(), "MoU".into()));
    assert_eq!(f.told(&sec_low).await, low);
    // The secretariat of no commission here hears of nothing.
    assert!(f.told(&sec_other).await.is_empty());
    // Party editors: the items their party leads (both sides lead all of them), no agreements.
    let mut ml = visible_items.clone();
    ml.insert(("item_overdue".into(), "9.9".into()));
    assert_eq!(f.told(&editor_ml).await, ml);
    assert_eq!(f.told(&editor_low).await, visible_items);
    assert!(f.told(&reader).await.is_empty());
    assert!(f.told(&auditor).await.is_empty());

    // A second pass on the same day, and one the next day, record nothing new.
    let again = run_once(f.store(), f.today, &RemindConfig::default())
        .await
        .unwrap();
    assert_eq!(again.added, 0);
    let next = f.today.succ_opt().unwrap();
    let later = run_once(f.store(), next, &RemindConfig::default())
        .await
        .unwrap();
    assert_eq!(later.added, 0);
    assert_eq!(f.told(&admin).await, everything);
}

#[tokio::test]
async fn the_notification_list_and_its_header_count() {
    let f = fixture().await;
    let (mut sec, user) =
        f.w.login_cleared("sec", f.w.morocco, Role::Secretariat, Marking::Unclassified)
            .await;
    let page = sec.get("/notifications").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Aucune notification."), "{}", page.body);
    assert!(!page.body.contains("non lue"));

    run_once(f.store(), f.today, &RemindConfig::default())
        .await
        .unwrap();
    let page = sec.get("/notifications").await;
    assert_eq!(page.status, 200);
    // Three reminders (2.1, 3.1 overdue, the MoU expiring), all unread, counted in the header.
    assert!(page.body.contains("3 non lues"), "{}", page.body);
    assert!(page.body.contains("En retard") && page.body.contains("Expiration"));
    let item21 = f.w.d.store.items(f.w.d.ids.plan).await.unwrap();
    let item21 = item21.iter().find(|i| i.code == "2.1").unwrap();
    assert!(
        page.body
            .contains(&format!("href=\"/items/{}\"", item21.id))
    );
    assert!(
        page.body
            .contains(&format!("href=\"/agreements/{}\"", f.mou.id))
    );
    assert!(
        !page.body.contains(&f.secret_item.to_string()),
        "hidden item listed"
    );
    // Every page's header carries the count.
    let home = sec.get("/").await;
    assert!(home.body.contains("href=\"/notifications\""));
    assert!(home.body.contains("3 non lues"));

    // "Mark all as read" is a form with the CSRF token; without it, refused.
    assert!(page.body.contains("action=\"/notifications/read\""));
    let forged = sec
        .post_raw("/notifications/read", String::new(), &[])
        .await;
    assert_eq!(forged.status, 403, "{}", forged.body);
    assert_eq!(f.store().unread_notifications(user.id).await.unwrap(), 3);
    let r = sec.post("/notifications/read", &[]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(f.store().unread_notifications(user.id).await.unwrap(), 0);
    let page = sec.get("/notifications").await;
    assert!(!page.body.contains("non lue"));
    assert!(!page.body.contains("action=\"/notifications/read\""));
    assert!(page.body.contains("En retard"), "read ones stay listed");

    // In Arabic, the list speaks Arabic.
    let ar = sec.get("/lang/ar?back=/notifications").await;
    assert_eq!(ar.status, 303);
    let page = sec.get("/notifications").await;
    assert!(page.body.contains("الإشعارات") && page.body.contains("متأخر"));
}

#[tokio::test]
async fn outside_demo_mode_anonymous_visitors_are_sent_to_login() {
    let d = common::instance(false, taawun_web::auth::AuthConfig::default()).await;
    let r = d.get("/notifications", &[]).await;
    assert_eq!(r.status, 303);
    assert!(
        r.headers["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}

#[tokio::test]
async fn a_demo_visitor_sees_an_example_of_a_secretariat_officers_reminders() {
    let d = common::demo().await;
    let r = d.get("/notifications", &[("cookie", "lang=en")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Example: the reminders"), "{}", r.body);
    // As of the demo's day (1 December 2026) items 2.1 and 3.1 are overdue.
    for title in [
        "Exchange visits of experts between the two staffs",
        "Set up a liaison mechanism for coordination against terrorism and organised crime",
    ] {
        assert!(r.body.contains(title), "{title} listed");
    }
    // A visitor reads; nothing to mark as read.
    assert!(!r.body.contains("/notifications/read"));
}
