//! The dashboard benchmark of issue 4: a generated data set (50,000 action items and
//! 200,000 progress updates by default), then the figures of the overall and of one
//! commission's dashboard as a restricted-clearance reader sees them, through `Visible`
//! exactly as a page computes them. Build it in release:
//!
//!     cargo run --release -p taawun-store --example followup_bench [items] [updates]

use std::{sync::Arc, time::Duration, time::Instant};
use taawun_core::followup::{FollowupRules, figures};
use taawun_core::{ItemStatus, LocalizedText, Marking, Principal, ProgressUpdate, Role, new_id};
use taawun_store::{Actor, FactsScope, SqliteStore, Store, Visible, bench};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"));
    let items: usize = args.next().unwrap_or(50_000);
    let updates: usize = args.next().unwrap_or(200_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");

    let store = SqliteStore::open(&path).await.expect("open");
    let t = Instant::now();
    let g = bench::generate(&store, items, updates)
        .await
        .expect("generate");
    println!(
        "generated {items} items, {updates} updates in {:.1?}",
        t.elapsed()
    );
    store.close().await;

    // Reopened, as a server starting on the data would be: the first read is cold.
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).await.expect("reopen"));
    let reader = Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(g.parties[1]),
        clearance: Marking::Restricted,
        commissions: vec![],
    };
    let rules = FollowupRules::default();
    let dashboard = |scope: FactsScope| {
        let (store, reader) = (store.clone(), reader.clone());
        async move {
            let t = Instant::now();
            let v = Visible::new(store, reader);
            let facts = v.item_facts(scope).await.expect("facts");
            let f = figures(&facts, g.today, &rules);
            (t.elapsed(), facts.len(), f)
        }
    };

    let (cold, seen, f) = dashboard(FactsScope::All).await;
    println!(
        "overall, cold (first read after opening): {cold:.1?}; {seen} of {items} items visible, \
         {} done, {} overdue, {} at risk",
        f.done,
        f.overdue.len(),
        f.at_risk.len()
    );
    report(
        "overall",
        &mut runs(40, || dashboard(FactsScope::All)).await,
    );
    let one = FactsScope::Commission(g.commissions[0]);
    report("one commission", &mut runs(40, || dashboard(one)).await);

    // A report saved through the write path before each dashboard: the copy catches up
    // with the one item it changed.
    let item = f
        .due_within_90
        .first()
        .or(f.overdue.first())
        .copied()
        .expect("an item");
    let stored = store.item(item).await.expect("read").expect("item");
    let mut after_write = Vec::new();
    for n in 0..20u8 {
        let p = ProgressUpdate {
            id: new_id(),
            item_id: item,
            reported_on: g.today,
            party_id: stored.leads[usize::from(n % 2)].party_id,
            percent: n * 5,
            status: ItemStatus::InProgress,
            narrative: LocalizedText::default(),
            indicator_actual: None,
            example: true,
            protection: Default::default(),
            reporter: None,
            version: 0,
        };
        store
            .save_progress(&Actor::system(), &p)
            .await
            .expect("save");
        after_write.push(dashboard(FactsScope::All).await.0);
    }
    report("overall, each after a progress save", &mut after_write);
}

async fn runs<F, Fut, T>(n: usize, f: F) -> Vec<Duration>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = (Duration, usize, T)>,
{
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        times.push(f().await.0);
    }
    times
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what}, warm, {} runs: median {:.1?}, p90 {:.1?}, max {:.1?}",
        times.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
}
