//! Times renders of a 500-item status report: `cargo run --release -p taawun-docs --example report_bench [RUNS] [ITEMS]`.
#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;
use taawun_docs::{Layout, report_pdf};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let runs = args.next().flatten().unwrap_or(10);
    let items = args.next().flatten().unwrap_or(500);
    let r = common::plan::demo_report(items);
    // The first render parses the embedded fonts once per process; report it apart.
    let first = Instant::now();
    let pdf = report_pdf(&r, Layout::ArFr, false).expect("renders");
    println!(
        "first render (fonts parsed): {:.1} ms, {} KiB",
        first.elapsed().as_secs_f64() * 1e3,
        pdf.len() / 1024
    );
    for (layout, archival) in [
        (Layout::ArFr, false),
        (Layout::ArFr, true),
        (Layout::Fr, false),
        (Layout::Fr, true),
    ] {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                // Cold caches each time: a server renders a different report each request.
                typst::comemo::evict(0);
                let t = Instant::now();
                report_pdf(&r, layout, archival).expect("renders");
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let (median, max) = (times[runs / 2], times[runs - 1]);
        println!(
            "{items} items, {layout:?} archival={archival}: median {median:.1} ms, max {max:.1} ms over {runs} renders"
        );
    }
}
