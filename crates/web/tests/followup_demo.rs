//! The follow-up pages on the demo, judged on `demo::as_of()`: every dashboard, the item
//! list, the timeline and an item page stay under the 50 KB budget (with the stylesheet) in
//! the three languages; the header, the commission, party, agreement and plan pages link
//! to them; and every catalogue holds the labels those pages build at run time.

mod common;

use common::{demo, send};
use taawun_core::Lang;
use taawun_web::clock::Clock;
use taawun_web::{AppState, app};

const BUDGET: usize = 50 * 1024;

#[tokio::test]
async fn follow_up_pages_of_the_demo_are_linked_and_light() {
    let d = demo().await;
    let app =
        app(AppState::new(d.store.clone(), true)
            .with_clock(Clock::Fixed(taawun_store::demo::as_of())));
    let i = &d.ids;
    let css = send(&app, "/static/app.css", &[]).await.body.len();
    let pages = [
        ("/dashboard".to_string(), "/".to_string()),
        (
            format!("/dashboard/commissions/{}", i.commission),
            format!("/commissions/{}", i.commission),
        ),
        (
            format!("/dashboard/parties/{}", i.party),
            format!("/parties/{}", i.party),
        ),
        (
            format!("/dashboard/agreements/{}", i.agreement),
            format!("/agreements/{}", i.agreement),
        ),
        (
            format!("/plans/{}/timeline", i.plan),
            format!("/plans/{}", i.plan),
        ),
        ("/items?show=all".to_string(), "/dashboard".to_string()),
        (format!("/items/{}", i.item), format!("/plans/{}", i.plan)),
    ];
    for (page, from) in &pages {
        let linking = send(&app, from, &[]).await.body;
        assert!(
            linking.contains(&format!("href=\"{}\"", page.replace('&', "&#38;"))),
            "{from} links {page}"
        );
        for lang in Lang::ALL {
            let cookie = format!("lang={}", lang.code());
            let r = send(&app, page, &[("cookie", &cookie)]).await;
            assert_eq!(r.status, 200, "{page}");
            assert!(
                r.body.len() + css < BUDGET,
                "{page} in {lang:?}: {} B + {css} B",
                r.body.len()
            );
        }
    }
    // The demo's plan judged on 1 December 2026 has late and done items to show.
    let dash = send(&app, "/dashboard", &[("cookie", "lang=en")])
        .await
        .body;
    assert!(dash.contains("id=\"chart-area\"") && dash.contains("Overdue actions"));
}

/// Labels named at run time (`label(prefix, key)` and `dashboard-list-{key}`), which the
/// locale test's scanner cannot see.
#[test]
fn run_time_labels_exist_in_every_catalogue() {
    let mut keys: Vec<String> = [
        "all",
        "counted",
        "done",
        "open",
        "cancelled",
        "overdue",
        "at_risk",
        "due30",
        "due90",
    ]
    .iter()
    .map(|k| format!("item-list-show-{k}"))
    .collect();
    keys.extend(["overdue", "at-risk", "due-soon"].map(|k| format!("dashboard-list-{k}")));
    keys.extend(["enters_into_force", "expires", "notice_date"].map(|k| format!("deadline-{k}")));
    keys.extend(taawun_core::Direction::ALL.map(|d| format!("direction-{}", d.key())));
    for lang in ["ar", "fr", "en"] {
        let path = format!("{}/../i18n/locales/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        for k in &keys {
            assert!(
                text.lines().any(|l| l.starts_with(&format!("{k} ="))),
                "{lang}.ftl lacks {k}"
            );
        }
    }
}
