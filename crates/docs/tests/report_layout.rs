//! The status report's page layout as a reader sees it (issue 14, part 5): from page 2 on,
//! the repeated column headings stand clear of the marking line above them, in one language
//! and in two.

mod common;

use common::plan::demo_report;
use common::words_by_page;
use taawun_docs::{Layout, report_pdf};

#[test]
fn repeated_headings_stand_clear_of_the_marking_line() {
    let r = demo_report(40);
    for layout in [Layout::Fr, Layout::ArFr] {
        let pdf = report_pdf(&r, layout, false).unwrap();
        let pages = words_by_page(&pdf);
        assert!(pages.len() >= 3, "{layout:?}: {} pages", pages.len());
        for (n, words) in pages.iter().enumerate().skip(1) {
            // The marking line is the page's first line; the next line down is the top of
            // the repeated headings.
            let marking = words.iter().find(|w| w.0 == "DIFFUSION").unwrap();
            let top = words
                .iter()
                .filter(|w| w.1 > marking.1 + 2.0)
                .map(|w| w.1)
                .fold(f64::INFINITY, f64::min);
            let gap = top - marking.2;
            assert!(
                gap >= 3.0,
                "{layout:?} page {}: headings {gap:.1} pt under the marking",
                n + 1
            );
        }
    }
}
