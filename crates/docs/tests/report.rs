//! The action-plan status report read back by poppler's `pdftotext` and `pdfinfo`: title,
//! scope, figures, chart values, items in order with joined Arabic, flags on exactly the
//! flagged rows, the marking on every page, metadata and PDF/A identification.
mod common;

use common::plan::{AREAS, STATUSES, code, demo_report, is_overdue};
use common::{flat, in_order, pdfinfo, pdftotext, t};
use taawun_docs::{Layout, ReportInput, report_pdf};

fn text_of(r: &ReportInput, layout: Layout) -> String {
    let pdf = report_pdf(r, layout, false).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    flat(&pdftotext(&pdf, false))
}

/// (ar, fr) title of item `i` of the eight-item demo.
fn title(i: usize) -> (&'static str, &'static str) {
    AREAS[i / 2].1[i % 2]
}

/// The value printed beside a chart label: the only number on the first line naming the
/// label after the chart's heading (statuses also appear in the table further down).
fn chart_value(laid: &str, heading: &str, label: &str) -> u32 {
    let lines: Vec<String> = laid.lines().map(flat).collect();
    let start = lines
        .iter()
        .position(|l| l.contains(heading))
        .unwrap_or_else(|| panic!("chart heading {heading:?} missing:\n{laid}"));
    let line = lines[start + 1..]
        .iter()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("bar {label:?} missing:\n{laid}"));
    let numbers: Vec<u32> = line.split(' ').filter_map(|w| w.parse().ok()).collect();
    assert_eq!(numbers.len(), 1, "one value beside {label:?} in {line:?}");
    numbers[0]
}

fn expected_counts(r: &ReportInput) -> Vec<u32> {
    r.chart.iter().map(|b| b.value).collect()
}

#[test]
fn french_report_shows_title_scope_figures_chart_and_items_in_order() {
    let r = demo_report(8);
    let text = text_of(&r, Layout::Fr);
    in_order(
        &text,
        &[
            "Royaume du Maroc — République du Mali",
            "Rapport d'état du plan d'action",
            "Commission militaire mixte maroco-malienne",
            "Situation au 15 juin 2025",
            "8 Total des actions",
            "2 En retard",
            "12 % Taux de réalisation",
            "Actions par statut conjoint",
        ],
    );
    let items: Vec<String> = (0..8)
        .flat_map(|i| [code(i, 8), title(i).1.to_string()])
        .collect();
    in_order(&text, &items.iter().map(String::as_str).collect::<Vec<_>>());
    in_order(
        &text,
        &[
            "Formation militaire",
            "Échange d'expertise",
            "Coordination antiterroriste",
            "Enseignement militaire",
        ],
    );
    assert!(text.contains("Maroc Inspection générale des FAR — Non démarré, 0 %"));
    assert!(!text.contains("تكوين"), "no Arabic in the French layout");

    let laid = pdftotext(&report_pdf(&r, Layout::Fr, false).unwrap(), true);
    let counts = expected_counts(&r);
    assert_eq!(
        counts,
        [2, 4, 1, 1],
        "the demo's statuses (a check of the demo itself)"
    );
    for ((_, fr, _), n) in STATUSES.iter().zip(counts) {
        assert_eq!(
            chart_value(&laid, "Actions par statut conjoint", fr),
            n,
            "{fr}"
        );
    }
}

#[test]
fn arabic_report_has_joined_titles_in_logical_order() {
    let r = demo_report(8);
    let text = text_of(&r, Layout::Ar);
    in_order(
        &text,
        &[
            "تقرير حالة خطة العمل",
            "اللجنة العسكرية المشتركة المغربية المالية",
            "مجموع الإجراءات",
            "الإجراءات حسب الحالة المشتركة",
        ],
    );
    let laid = pdftotext(&report_pdf(&r, Layout::Ar, false).unwrap(), true);
    for (i, row) in rows(&laid, 8).iter().enumerate() {
        let ar = title(i).0;
        assert!(words_in_row(row, ar), "{ar:?} in its row:\n{row}");
    }
    assert!(text.contains("التدريب العسكري") && text.contains("التعليم العسكري"));
    assert!(
        !text.contains("Formation"),
        "no French in the Arabic layout"
    );

    let laid = pdftotext(&report_pdf(&r, Layout::Ar, false).unwrap(), true);
    for ((ar, _, _), n) in STATUSES.iter().zip(expected_counts(&r)) {
        assert_eq!(
            chart_value(&laid, "الإجراءات حسب الحالة المشتركة", ar),
            n,
            "{ar}"
        );
    }
}

#[test]
fn bilingual_report_shows_every_item_in_both_languages() {
    let r = demo_report(8);
    let text = text_of(&r, Layout::ArFr);
    assert!(text.contains("Rapport d'état du plan d'action"));
    assert!(text.contains("تقرير حالة خطة العمل"));
    let laid = pdftotext(&report_pdf(&r, Layout::ArFr, false).unwrap(), true);
    for (i, row) in rows(&laid, 8).iter().enumerate() {
        let (ar, fr) = title(i);
        assert!(words_in_row(row, fr), "{fr:?} in its row:\n{row}");
        assert!(words_in_row(row, ar), "{ar:?} in its row:\n{row}");
        let (side_fr, side_ar) = (
            "Maroc Inspection générale des FAR",
            "المغرب المفتشية العامة للقوات المسلحة الملكية",
        );
        assert!(words_in_row(row, side_fr), "French side in:\n{row}");
        assert!(words_in_row(row, side_ar), "Arabic side in:\n{row}");
    }
    for ((ar, fr, _), n) in STATUSES.iter().zip(expected_counts(&r)) {
        // One bar per status, both labels on its line.
        assert_eq!(chart_value(&laid, "Actions par statut conjoint", fr), n);
        assert_eq!(chart_value(&laid, "Actions par statut conjoint", ar), n);
    }
}

/// The words of `title` in logical order within a row, other columns' words between them
/// (a cell's lines share the page's lines with the cells beside it).
fn words_in_row(row: &str, title: &str) -> bool {
    // pdftotext glues an Arabic word to the Latin one printed right after it: split them.
    let arabic = |c: char| ('\u{600}'..='\u{6ff}').contains(&c);
    let mut spaced = String::new();
    for c in row.chars() {
        if spaced
            .chars()
            .last()
            .is_some_and(|p| arabic(p) != arabic(c) && !p.is_whitespace())
        {
            spaced.push(' ');
        }
        spaced.push(c);
    }
    let mut tokens = spaced.split_whitespace();
    title
        .split(' ')
        .all(|word| tokens.any(|t| t.trim_matches([',', '.', '،']) == word))
}

/// For each item, the printed lines from its code's line to the next item's: its row.
fn rows(laid: &str, n: usize) -> Vec<String> {
    let lines: Vec<String> = laid.lines().map(flat).collect();
    let starts: Vec<usize> = (0..n)
        .map(|i| {
            let code = code(i, n);
            lines
                .iter()
                .position(|l| l.split(' ').any(|w| w == code))
                .unwrap_or_else(|| panic!("{code} on no line"))
        })
        .collect();
    (0..n)
        .map(|i| {
            let end = starts.get(i + 1).copied().unwrap_or(lines.len());
            lines[starts[i]..end].join("\n")
        })
        .collect()
}

#[test]
fn overdue_and_at_risk_words_flag_exactly_the_flagged_rows() {
    let n = 40;
    let r = demo_report(n);
    for (layout, overdue, at_risk) in [
        (Layout::Fr, vec!["En retard"], vec!["À risque"]),
        (Layout::Ar, vec!["متأخر"], vec!["معرض للتأخر"]),
        (
            Layout::ArFr,
            vec!["En retard", "متأخر"],
            vec!["À risque", "معرض للتأخر"],
        ),
    ] {
        let laid = pdftotext(&report_pdf(&r, layout, false).unwrap(), true);
        let rows = rows(&laid, n);
        let flagged = |row: &str, words: &[&str]| words.iter().all(|w| row.contains(w));
        let unflagged = |row: &str, words: &[&str]| words.iter().all(|w| !row.contains(w));
        for (i, row) in rows.iter().enumerate() {
            let item = &r.items[i];
            assert_eq!(item.overdue, is_overdue(i));
            if item.overdue {
                assert!(
                    flagged(row, &overdue),
                    "{layout:?} item {i} unflagged:\n{row}"
                );
            } else {
                assert!(
                    unflagged(row, &overdue),
                    "{layout:?} item {i} flagged:\n{row}"
                );
            }
            if item.at_risk {
                assert!(
                    flagged(row, &at_risk),
                    "{layout:?} item {i} not at risk:\n{row}"
                );
            } else {
                assert!(
                    unflagged(row, &at_risk),
                    "{layout:?} item {i} at risk:\n{row}"
                );
            }
        }
        assert!(r.items.iter().any(|i| i.overdue) && r.items.iter().any(|i| i.at_risk));
    }
}

#[test]
fn marking_is_in_header_and_footer_of_every_page_of_a_long_report() {
    let r = demo_report(120);
    for layout in [Layout::Fr, Layout::ArFr, Layout::Ar] {
        let pdf = report_pdf(&r, layout, false).unwrap();
        let text = pdftotext(&pdf, false);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() >= 5, "{layout:?}: {} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let needles: &[&str] = match layout {
                Layout::Ar => &["محدود"],
                Layout::ArFr => &["محدود", "DIFFUSION RESTREINTE"],
                _ => &["DIFFUSION RESTREINTE"],
            };
            for needle in needles {
                let count = page.matches(needle).count();
                assert!(
                    count >= 2,
                    "{layout:?} page {}: {needle} {count} times",
                    n + 1
                );
            }
        }
        // Every item made it, the last one included.
        assert!(flat(&text).contains(&code(119, 120)));
    }
}

#[test]
fn metadata_carry_title_and_language() {
    let r = demo_report(8);
    for (layout, title, lang) in [
        (
            Layout::Fr,
            "Rapport d'état du plan d'action — Commission militaire mixte maroco-malienne",
            "fr",
        ),
        (
            Layout::Ar,
            "تقرير حالة خطة العمل — اللجنة العسكرية المشتركة المغربية المالية",
            "ar",
        ),
        (
            Layout::En,
            "Action plan status report — Moroccan–Malian",
            "en",
        ),
    ] {
        let pdf = report_pdf(&r, layout, false).unwrap();
        let info = pdfinfo(&pdf, &[]);
        let title_line = info
            .lines()
            .find(|l| l.starts_with("Title:"))
            .expect("a title");
        assert!(title_line.contains(title), "{layout:?}: {title_line}");
        let xmp = pdfinfo(&pdf, &["-meta"]);
        assert!(
            xmp.contains(&format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>")),
            "{layout:?}: language {lang} in:\n{xmp}"
        );
        assert!(!xmp.contains("pdfaid:part"), "not archival unless asked");
    }
    let both = pdfinfo(&report_pdf(&r, Layout::ArFr, false).unwrap(), &[]);
    assert!(both.contains("تقرير حالة خطة العمل") && both.contains("Rapport d'état"));
}

#[test]
fn archival_report_declares_pdfa_2b() {
    let pdf = report_pdf(&demo_report(8), Layout::ArFr, true).unwrap();
    let xmp = pdfinfo(&pdf, &["-meta"]);
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""),
        "PDF/A part 2 in:\n{xmp}"
    );
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || xmp.contains("pdfaid:conformance=\"B\""),
        "conformance B in:\n{xmp}"
    );
    assert!(xmp.contains("2025-06-15"), "document date in XMP");
}

#[test]
fn an_empty_plan_prints_a_no_items_line() {
    let mut r = demo_report(0);
    r.figures.clear();
    r.chart.clear();
    for (layout, line) in [
        (Layout::Fr, "Aucune action"),
        (Layout::Ar, "لا توجد إجراءات"),
        (Layout::En, "No items"),
    ] {
        let text = text_of(&r, layout);
        assert!(text.contains(line), "{layout:?}: {line:?} in:\n{text}");
    }
    let both = text_of(&r, Layout::ArFr);
    assert!(both.contains("Aucune action") && both.contains("لا توجد إجراءات"));
}

#[test]
fn user_text_that_looks_like_markup_is_printed_verbatim() {
    let hostile = r#"#panic("x") *b* _i_ $x$ <l> @r [a] // = - + 1."#;
    let mut r = demo_report(2);
    r.items[0].code = "#x*".into();
    r.items[0].title = t(hostile, hostile, hostile);
    r.scope = t(hostile, hostile, hostile);
    let text = text_of(&r, Layout::Fr);
    assert!(text.contains("#x*"), "code verbatim");
    assert_eq!(
        text.matches(hostile).count(),
        2,
        "scope and title verbatim in:\n{text}"
    );
}
