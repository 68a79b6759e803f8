//! The minutes PDF read back by poppler's `pdftotext`: Arabic joined and in logical order,
//! ar‖fr paragraphs side by side, the marking on every page, PDF/A identification.
mod common;

use common::{DECISIONS, demo, flat, in_order, pdftotext, t, words_in_order};
use taawun_docs::{DocDate, DocsError, Layout, minutes_pdf};

fn render(layout: Layout) -> String {
    let pdf = minutes_pdf(&demo(), layout, false).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    flat(&pdftotext(&pdf, false))
}

#[test]
fn arabic_minutes_have_joined_names_ranks_and_decisions_in_order() {
    let text = render(Layout::Ar);
    in_order(
        &text,
        &[
            "محضر الدورة",
            "عبد الغني مهيب",
            "عميد",
            "محمد ماسولي ساماكي",
            "صديق ساماكي",
            "لواء",
            DECISIONS[0].0,
            DECISIONS[1].0,
            DECISIONS[2].0,
        ],
    );
    assert!(
        !text.contains("Abdelghani"),
        "no French in the Arabic layout"
    );
}

#[test]
fn french_minutes_have_names_ranks_and_decisions_in_order() {
    let text = render(Layout::Fr);
    in_order(
        &text,
        &[
            "Procès-verbal de la session 1",
            "Abdelghani Mouhib",
            "Général de brigade",
            "Mahamadou Massaoulé Samaké",
            "Sadiq Samaké",
            "Général de division",
            DECISIONS[0].1,
            DECISIONS[1].1,
            DECISIONS[2].1,
        ],
    );
    assert!(
        !text.contains("عبد الغني"),
        "no Arabic in the French layout"
    );
}

#[test]
fn english_minutes_render() {
    let text = render(Layout::En);
    in_order(
        &text,
        &[
            "Minutes of session 1",
            "Abdelghani Mouhib",
            "Brigadier General",
            "Decisions",
        ],
    );
}

#[test]
fn bilingual_minutes_keep_each_paragraph_beside_its_translation() {
    let pdf = minutes_pdf(&demo(), Layout::ArFr, false).unwrap();
    let text = flat(&pdftotext(&pdf, false));
    for (ar, fr) in DECISIONS {
        assert!(
            words_in_order(&text, ar),
            "Arabic decision {ar:?} missing:\n{text}"
        );
        assert!(text.contains(fr), "French decision {fr:?} missing:\n{text}");
    }
    assert!(text.contains("عبد الغني مهيب") && text.contains("Abdelghani Mouhib"));

    // With -layout each printed line keeps its place on the page: the first words of
    // decision N in Arabic and in French stand on the same line (or the next one).
    let laid = pdftotext(&pdf, true);
    let lines: Vec<&str> = laid.lines().collect();
    let line_of = |needle: &str| {
        lines
            .iter()
            .position(|l| flat(l).contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} on no line of:\n{laid}"))
    };
    let mut previous = 0;
    for (ar, fr) in DECISIONS {
        let ar_start: String = ar.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let fr_start: String = fr.split(' ').take(3).collect::<Vec<_>>().join(" ");
        let (a, f) = (line_of(&ar_start), line_of(&fr_start));
        assert!(
            a.abs_diff(f) <= 1,
            "{ar_start:?} on line {a}, {fr_start:?} on line {f}"
        );
        assert!(a.min(f) >= previous, "decisions keep their order");
        previous = a.max(f);
    }
}

#[test]
fn marking_is_in_header_and_footer_of_every_page() {
    let mut m = demo();
    // Enough decisions to run over several pages.
    let more = (0..80).map(|i| {
        t(
            &format!("قرار إضافي رقم {i}"),
            &format!("Décision supplémentaire {i}"),
            "",
        )
    });
    m.decisions.extend(more);
    for layout in [Layout::Fr, Layout::ArFr, Layout::Ar] {
        let pdf = minutes_pdf(&m, layout, false).unwrap();
        let text = pdftotext(&pdf, false);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(
            pages.len() >= 3,
            "{layout:?}: expected several pages, got {}",
            pages.len()
        );
        for (n, page) in pages.iter().enumerate() {
            let needle = if layout == Layout::Ar {
                "سري"
            } else {
                "DIFFUSION RESTREINTE"
            };
            let count = page.matches(needle).count();
            assert!(
                count >= 2,
                "{layout:?} page {}: marking {count} times:\n{page}",
                n + 1
            );
            if layout == Layout::ArFr {
                assert!(
                    page.matches("سري").count() >= 2,
                    "Arabic marking on page {}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn archival_output_declares_pdfa_2b_title_and_language() {
    let pdf = minutes_pdf(&demo(), Layout::Fr, true).unwrap();
    let bytes = String::from_utf8_lossy(&pdf);
    let xmp = &bytes[bytes.find("<x:xmpmeta").expect("XMP metadata")..];
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""),
        "PDF/A part 2 in XMP"
    );
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || xmp.contains("pdfaid:conformance=\"B\""),
        "conformance B in XMP"
    );
    assert!(
        xmp.contains("Procès-verbal de la session 1"),
        "title in XMP"
    );
    assert!(xmp.contains("2025-02-19"), "document date in XMP");
    assert!(
        xmp.contains(">fr<") || xmp.contains("fr</rdf:li>"),
        "language in XMP"
    );
}

#[test]
fn plain_output_carries_title_too() {
    let pdf = minutes_pdf(&demo(), Layout::Ar, false).unwrap();
    let bytes = String::from_utf8_lossy(&pdf);
    assert!(!bytes.contains("pdfaid:part"), "not archival unless asked");
    assert!(bytes.contains("محضر الدورة 1"), "Arabic title in metadata");
}

#[test]
fn user_text_that_looks_like_markup_is_printed_verbatim() {
    let hostile = r#"#panic("x") *b* _i_ `c` $x$ \ <l> @r [a] ] // = - + 1."#;
    let mut m = demo();
    m.decisions = vec![t(hostile, hostile, hostile)];
    let text = flat(&pdftotext(
        &minutes_pdf(&m, Layout::Fr, false).unwrap(),
        false,
    ));
    assert!(text.contains(hostile), "verbatim {hostile:?} in:\n{text}");
}

#[test]
fn impossible_document_date_is_refused() {
    let mut m = demo();
    m.document_date = DocDate {
        year: 2025,
        month: 2,
        day: 30,
    };
    assert!(matches!(
        minutes_pdf(&m, Layout::Fr, true),
        Err(DocsError::InvalidDate(_))
    ));
}
