//! The import benchmark: the demo, then 10,000 new action items (a lead body on each of the
//! commission's two sides) saved to the demo plan with `save_items`, as a secretariat user
//! assigned to the commission, through the full write path (permission, rules, rows, links,
//! search entries, audit). An import must stay under 2 s in all, so the store's part should
//! stay well under 1.5 s. Prints the time taken and the process's CPU time for it. Build it
//! in release:
//!
//!     cargo run --release -p taawun-store --example import_bench [items]
//!
//! It runs once at each durability level (`--durability full`, the default, and `normal`)
//! and prints what `full` costs on this one large commit, as a ratio of the two times.

use std::time::Instant;
use taawun_core::*;
use taawun_store::{Actor, Durability, SqliteStore, Store, demo};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .map_or(10_000, |a| a.parse().expect("a number of items"));
    let full = one(Durability::Full, count).await;
    let normal = one(Durability::Normal, count).await;
    println!(
        "durability full {full} ms, normal {normal} ms: full/normal = {:.2}",
        full as f64 / normal.max(1) as f64
    );
}

/// One import of `count` items into a fresh demo database at `durability`: its time in ms.
async fn one(durability: Durability, count: usize) -> u128 {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open_with(&dir.path().join("bench.db"), durability)
        .await
        .expect("open");
    demo::load(&store).await.expect("demo");

    let plan = store
        .plans(None)
        .await
        .expect("plans")
        .into_iter()
        .next()
        .expect("the demo has a plan");
    let commission = store
        .commission(plan.commission_id)
        .await
        .expect("read")
        .expect("the plan's commission");
    assert_eq!(commission.party_ids.len(), 2, "a commission of two parties");
    let mut leads = Vec::new();
    for party in &commission.party_ids {
        let o = store
            .organisations(Some(*party))
            .await
            .expect("organisations")
            .into_iter()
            .next()
            .expect("an organisation on each side");
        leads.push(Lead {
            party_id: *party,
            organisation_id: o.id,
        });
    }
    let area = store.areas().await.expect("areas")[0].id;
    let secretariat = User {
        person_id: None,
        id: new_id(),
        username: "sec.import".into(),
        display_name: "Import".into(),
        party_id: commission.party_ids[0],
        organisation_id: None,
        role: Role::Secretariat,
        clearance: Marking::Secret,
        commission_ids: vec![commission.id],
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    };
    let secretariat = store
        .save_user(&Actor::system(), &secretariat)
        .await
        .expect("user");

    let items: Vec<ActionItem> = (1..=count)
        .map(|n| ActionItem {
            id: new_id(),
            plan_id: plan.id,
            code: format!("IMP-{n:05}"),
            title: LocalizedText::new(
                &format!("إجراء مستورد {n}"),
                &format!("Action importée {n}"),
                "",
            ),
            description: LocalizedText::default(),
            area_id: area,
            clause_ids: vec![],
            leads: leads.clone(),
            start_on: None,
            due_on: None,
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: None,
            example: true,
            protection: Default::default(),
            version: 0,
        })
        .collect();

    let before = store.items(plan.id).await.expect("items").len();
    let cpu_before = cpu_ms();
    let t = Instant::now();
    let saved = store
        .save_items(&Actor::user(&secretariat), &items, &|_| {})
        .await
        .expect("save_items");
    let took = t.elapsed();
    let cpu = cpu_ms().zip(cpu_before).map(|(a, b)| a - b);
    println!(
        "{durability:?}: save_items: {} items in {} ms (process CPU: {})",
        saved.len(),
        took.as_millis(),
        cpu.map_or("unknown".into(), |ms| format!("{ms} ms"))
    );
    let after = store.items(plan.id).await.expect("items").len();
    println!("items in the plan: {before} before, {after} after");
    took.as_millis()
}

/// CPU time the process has used (user and system), from Linux's `/proc/self/stat`: on a
/// machine shared with other work it tells what the import itself cost when the wall
/// clock also counts waiting for a core.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses: utime and stime are the
    // 12th and 13th, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}
