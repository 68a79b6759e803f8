//! Times renders of demo-like minutes: `cargo run --release -p taawun-docs --example minutes_bench [N]`.
#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;
use taawun_docs::{Layout, minutes_pdf};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let m = common::demo();
    // The first render parses the embedded fonts once per process; report it apart.
    let first = Instant::now();
    minutes_pdf(&m, Layout::ArFr, false).expect("renders");
    println!(
        "first render (fonts parsed): {:.1} ms",
        first.elapsed().as_secs_f64() * 1e3
    );
    for (layout, archival) in [
        (Layout::ArFr, false),
        (Layout::ArFr, true),
        (Layout::Fr, false),
    ] {
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                // Cold caches each time: a server renders different minutes each request.
                typst::comemo::evict(0);
                let t = Instant::now();
                minutes_pdf(&m, layout, archival).expect("renders");
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[n / 2];
        println!("{layout:?} archival={archival}: median {median:.1} ms over {n} renders");
    }
}
