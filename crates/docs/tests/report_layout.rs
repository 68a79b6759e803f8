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

/// Wherever the page breaks fall, a heading never stands alone at a page foot: the items'
/// title shares its page with the column headings and the first item, and each area band
/// with the first item of its area, in one language and in two. The sweep lengthens the chart bar by bar, so that the
/// break passes over every heading in turn.
/// A word on a page: its text and its top and bottom.
type Word = (String, f64, f64);

#[test]
fn no_heading_is_left_alone_at_a_page_foot() {
    let base = demo_report(8);
    let mut orphans = Vec::new();
    for (layout, extra) in [Layout::Fr, Layout::ArFr]
        .into_iter()
        .flat_map(|l| (0..44).map(move |e| (l, e)))
    {
        let mut r = base.clone();
        for k in 0..extra {
            r.chart.push(taawun_docs::ReportBar {
                label: taawun_core::text::LocalizedText::new(
                    &format!("فئة {k}"),
                    &format!("Catégorie {k}"),
                    &format!("Category {k}"),
                ),
                value: 1,
            });
        }
        let pdf = report_pdf(&r, layout, false).unwrap();
        let pages = words_by_page(&pdf);
        let page_of = |pred: &dyn Fn(&[Word], usize) -> bool| {
            pages
                .iter()
                .position(|words| (0..words.len()).any(|i| pred(words, i)))
        };
        // The items' title is "Actions" on its own line (the chart's reads "Actions par …").
        let title =
            page_of(&|w, i| w[i].0 == "Actions" && w.get(i + 1).is_none_or(|n| n.0 != "par"));
        let first = page_of(&|w, i| w[i].0 == "FOR-001");
        if title != first {
            orphans.push(format!(
                "{layout:?} +{extra} bars: title on {title:?}, FOR-001 on {first:?}"
            ));
        }
        // Each area band with its area's first item (the band is the first word of its
        // kind on the pages: it comes before the titles that repeat it).
        for (band, code) in [
            ("Échange", "EXP-003"),
            ("Coordination", "CT-005"),
            ("Enseignement", "ENS-007"),
        ] {
            let b = page_of(&|w, i| w[i].0 == band);
            let c = page_of(&|w, i| w[i].0 == code);
            if b.is_some() && b != c {
                orphans.push(format!(
                    "{layout:?} +{extra} bars: band {band} on {b:?}, {code} on {c:?}"
                ));
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "headings alone at a page foot:\n{}",
        orphans.join("\n")
    );
}
