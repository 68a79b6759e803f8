//! A late item says so wherever its status appears: the demo's item 3.1, past its due date
//! and still open on `demo::as_of()`, reads "En retard" beside it on the home page, the
//! plan, the agreement, the items list, the session's agenda and the next-session proposal,
//! in words (not only a colour); an item on time does not.

mod common;

use common::{demo, send};
use taawun_web::clock::Clock;
use taawun_web::{AppState, app};

/// Each place the item's link appears: the text that follows it up to the end of its row,
/// list entry or label.
fn entries_of<'a>(page: &'a str, href: &str) -> Vec<&'a str> {
    let link = format!("href=\"{href}\"");
    page.match_indices(&link)
        .map(|(at, _)| {
            let rest = &page[at..];
            let end = ["</tr>", "</li>", "</label>", "</p>"]
                .iter()
                .filter_map(|e| rest.find(e))
                .min()
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Whether an entry shows the item's status: the status badge, or a side's state.
fn shows_status(entry: &str) -> bool {
    entry.contains("class=\"st ") || entry.contains("En cours") || entry.contains("متأخر")
}

#[tokio::test]
async fn a_late_item_is_flagged_late_on_every_page_that_lists_it() {
    let d = demo().await;
    let today = taawun_store::demo::as_of();
    let app = app(AppState::new(d.store.clone(), true).with_clock(Clock::Fixed(today)));
    let items = d.store.items(d.ids.plan).await.unwrap();
    let late = items.iter().find(|i| i.code == "3.1").expect("item 3.1");
    assert!(late.status.is_open() && late.due_on.is_some_and(|d| d < today));
    let on_time = items
        .iter()
        .find(|i| i.status.is_open() && i.due_on.is_some_and(|d| d >= today))
        .expect("an open item not yet due");
    let i = &d.ids;
    // A 2nd session whose agenda carries both items over.
    let mut second = d.store.session(i.session).await.unwrap().unwrap();
    second.id = taawun_core::new_id();
    second.version = 0;
    second.ordinal = 2;
    second.minutes = Default::default();
    second.agenda = vec![taawun_core::AgendaItem {
        title: taawun_core::LocalizedText::new("متابعة", "Suivi", "Follow-up"),
        item_ids: vec![late.id, on_time.id],
        conclusions: Default::default(),
        example: false,
    }];
    let second = d
        .store
        .save_session(&taawun_store::Actor::system(), &second)
        .await
        .unwrap();
    let pages = [
        "/".to_string(),
        format!("/plans/{}", i.plan),
        format!("/agreements/{}", i.agreement),
        "/items?show=all".to_string(),
        format!("/sessions/{}", second.id),
        format!("/commissions/{}/next-session", i.commission),
    ];
    for page in &pages {
        let body = send(&app, page, &[("cookie", "lang=fr")]).await.body;
        let entries = entries_of(&body, &format!("/items/{}", late.id));
        let with_status: Vec<&&str> = entries.iter().filter(|e| shows_status(e)).collect();
        assert!(
            !with_status.is_empty(),
            "{page} lists 3.1 with its status: {entries:?}"
        );
        for entry in with_status {
            assert!(entry.contains("En retard"), "{page}: {entry}");
        }
        for entry in entries_of(&body, &format!("/items/{}", on_time.id)) {
            assert!(!entry.contains("En retard"), "{page}: {entry}");
        }
    }
    // In Arabic too.
    let body = send(
        &app,
        &format!("/plans/{}", i.plan),
        &[("cookie", "lang=ar")],
    )
    .await
    .body;
    let entries = entries_of(&body, &format!("/items/{}", late.id));
    assert!(entries.iter().any(|e| e.contains("متأخر")), "{entries:?}");
}

/// At risk in words too: the demo's 1.2, behind its schedule on `demo::as_of()` but not yet
/// due, reads "À risque" beside its status in the item lists; 4.1, on track, does not, and
/// neither does 3.1, which is late (one flag, the graver).
#[tokio::test]
async fn an_item_at_risk_says_so_in_the_lists() {
    let d = demo().await;
    let today = taawun_store::demo::as_of();
    let app = app(AppState::new(d.store.clone(), true).with_clock(Clock::Fixed(today)));
    let items = d.store.items(d.ids.plan).await.unwrap();
    let by_code = |c: &str| items.iter().find(|i| i.code == c).unwrap().id;
    for page in [
        "/".to_string(),
        format!("/plans/{}", d.ids.plan),
        "/items?show=all".to_string(),
    ] {
        let body = send(&app, &page, &[("cookie", "lang=fr")]).await.body;
        let risky = entries_of(&body, &format!("/items/{}", by_code("1.2")));
        assert!(
            risky.iter().any(|e| e.contains("À risque")),
            "{page}: {risky:?}"
        );
        for code in ["4.1", "3.1"] {
            for e in entries_of(&body, &format!("/items/{}", by_code(code))) {
                assert!(!e.contains("À risque"), "{page} {code}: {e}");
            }
        }
    }
}

/// The plan's export says it as the pages do: 3.1 "En retard", 1.2 "À risque", 4.1 neither.
#[tokio::test]
async fn the_export_says_late_and_at_risk_in_words() {
    let d = demo().await;
    let today = taawun_store::demo::as_of();
    let app = app(AppState::new(d.store.clone(), true).with_clock(Clock::Fixed(today)));
    let r = send(
        &app,
        &format!("/export/items.csv?plan={}", d.ids.plan),
        &[("cookie", "lang=fr")],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let line = |code: &str| {
        r.body
            .lines()
            .find(|l| l.starts_with(&format!("{code};")) || l.starts_with(&format!("{code},")))
            .unwrap_or_else(|| panic!("no {code} in {}", r.body))
            .to_string()
    };
    assert!(line("3.1").contains("En retard"), "{}", line("3.1"));
    assert!(line("1.2").contains("À risque"), "{}", line("1.2"));
    let on_track = line("4.1");
    assert!(
        !on_track.contains("En retard") && !on_track.contains("À risque"),
        "{on_track}"
    );
}
