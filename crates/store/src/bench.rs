//! Benchmark support: a generated data set of the size issue 4 measures dashboards on.
//! For benchmarks only — it bypasses rules, permissions, audit and search (see
//! `sqlite/bench.rs`); `examples/followup_bench.rs` runs the measurement.

pub use crate::sqlite::Generated;
use crate::{SqliteStore, StoreResult};

/// Fills an empty `store` with `items` action items and `updates` progress updates (plus
/// two parties, four commissions, forty plans…), in one transaction.
pub async fn generate(store: &SqliteStore, items: usize, updates: usize) -> StoreResult<Generated> {
    store.generate(items, updates).await
}
