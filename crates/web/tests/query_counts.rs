//! Queries per page (issue 12, part 5): the main pages, served by the real router on the
//! `small` generated data set to a logged-in Restricted reader of the host state, each make
//! a bounded number of SQL statements, whatever the number of rows they show. Every
//! statement sqlx runs is counted where sqlx reports it (its `sqlx::query` events), so a
//! page that goes back to reading one record at a time per row fails here, long before a
//! benchmark notices.
//!
//! One test, run alone in its process: the counter is global.

mod common;

use common::browser::Browser;
use std::sync::atomic::{AtomicUsize, Ordering};
use taawun_app::generate::{Options, Profile};
use taawun_web::{AppState, app};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, Registry};

static QUERIES: AtomicUsize = AtomicUsize::new(0);

/// Counts the statements sqlx runs (one event each, at debug level).
struct CountQueries;

impl<S: tracing::Subscriber> Layer<S> for CountQueries {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            QUERIES.fetch_add(1, Ordering::Relaxed);
        }
    }
}

const PASSWORD: &str = "taawun-generated";

/// The first `/kind/UUID` link of a page.
fn first_link(html: &str, kind: &str) -> String {
    let start = html
        .find(&format!("href=\"/{kind}/"))
        .unwrap_or_else(|| panic!("no link to /{kind}/ in the page"))
        + "href=\"".len();
    html[start..start + kind.len() + 2 + 36].to_string()
}

/// Statements one GET makes (after a first, uncounted visit: one-time work such as the
/// statement cache filling is not the page's cost).
async fn queries_of(b: &mut Browser, uri: &str) -> (usize, String) {
    let warm = b.get(uri).await;
    assert_eq!(warm.status, 200, "{uri}: {}", warm.body);
    let before = QUERIES.load(Ordering::SeqCst);
    let page = b.get(uri).await;
    let n = QUERIES.load(Ordering::SeqCst) - before;
    assert_eq!(page.status, 200, "{uri}");
    (n, page.body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn main_pages_make_a_bounded_number_of_queries() {
    tracing::subscriber::set_global_default(Registry::default().with(CountQueries))
        .expect("one subscriber");
    let dir = tempfile::tempdir().unwrap();
    let store = common::fresh_store(dir.path()).await;
    let options = Options {
        profile: Profile::Small,
        seed: 1,
        password: PASSWORD.into(),
        one_by_one: false,
    };
    taawun_app::generate::run(&*store, &options, &|_| {})
        .await
        .unwrap();
    let router = app(AppState::new(store.clone(), false));
    let mut b = Browser::new(&router);
    let login = b.login("reader.host", PASSWORD).await;
    assert_eq!(login.status, 303, "{}", login.body);

    // Pages found by following links, as a reader would.
    let (_, home) = queries_of(&mut b, "/").await;
    let commission = first_link(&home, "commissions");
    let (_, items) = queries_of(&mut b, "/items").await;
    let item = first_link(&items, "items");
    let (_, item_page) = queries_of(&mut b, &item).await;
    let plan = first_link(&item_page, "plans");
    let (_, commission_page) = queries_of(&mut b, &commission).await;
    let session = first_link(&commission_page, "sessions");
    let (_, agreements) = queries_of(&mut b, "/agreements").await;
    let agreement = first_link(&agreements, "agreements");

    // (page, most statements it may make). Each list shows up to 50 rows (the plan 100),
    // every row naming several records: without reading ahead these were hundreds.
    let bounds: Vec<(String, usize)> = vec![
        ("/".into(), 40),
        ("/items".into(), 40),
        ("/items?page=2".into(), 40),
        ("/items?show=overdue".into(), 40),
        (item, 40),
        (plan, 40),
        (commission, 40),
        (session, 40),
        (agreement, 40),
        ("/commissions".into(), 40),
        ("/agreements".into(), 40),
        ("/search?q=hydrographie".into(), 40),
        // تعاون, "cooperation": in most records' texts, so its fifty hits are of up to
        // thirteen kinds, each read with its parents and references (about three
        // statements a kind, however many hits).
        ("/search?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86".into(), 60),
    ];
    let mut report = String::new();
    let mut over = vec![];
    for (uri, most) in &bounds {
        let (n, _) = queries_of(&mut b, uri).await;
        report.push_str(&format!("{n:>5}  (at most {most})  {uri}\n"));
        if n > *most {
            over.push(uri.clone());
        }
    }
    eprintln!("statements per page:\n{report}");
    assert!(over.is_empty(), "over their bound: {over:?}\n{report}");
    // The counter counts: a page reads at least its session and user.
    assert!(
        report.lines().all(|l| !l.trim_start().starts_with("0 ")),
        "{report}"
    );
}
