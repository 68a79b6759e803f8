//! The minutes PDF read back by poppler's `pdftotext`: Arabic joined and in logical order,
//! ar‖fr paragraphs side by side, the marking on every page, PDF/A identification.
mod common;

use common::{DECISIONS, demo, flat, in_order, pdftotext, t, words_in_order};
use taawun_docs::{Delegate, DocDate, DocsError, Layout, minutes_pdf};

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
            "محضر الدورة الأولى",
            "بين المملكة المغربية وجمهورية مالي",
            "وفد المملكة المغربية",
            "عميد",
            "عبد الغني مهيب",
            "محمد ماسولي ساماكي",
            "لواء",
            "صديق ساماكي",
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
            "Procès-verbal de la 1re session",
            "Entre le Royaume du Maroc et la République du Mali",
            "Délégation du Royaume du Maroc",
            "Général de brigade",
            "Abdelghani Mouhib",
            "Mahamadou Massaoulé Samaké",
            "Général de division",
            "Sadiq Samaké",
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
            "Minutes of the 1st session",
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
                "محدود"
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
                    page.matches("محدود").count() >= 2,
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
        xmp.contains("Procès-verbal de la 1re session"),
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
    assert!(
        bytes.contains("محضر الدورة الأولى"),
        "Arabic title in metadata"
    );
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

/// The pages of a PDF as pdftotext reads them, without the empty tail.
fn pages(pdf: &[u8]) -> Vec<String> {
    pdftotext(pdf, false)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(flat)
        .collect()
}

#[test]
fn closing_formula_and_both_signatures_share_a_page_wherever_the_page_breaks() {
    // Adding decisions one by one moves the end of the text across a page break: at some
    // count the formula would fall at a page's foot and the signatures on the next.
    for layout in [Layout::Fr, Layout::ArFr, Layout::Ar] {
        let (formula, heads) = match layout {
            Layout::Ar => (
                "حرر بباماكو",
                ["رئيس وفد المملكة المغربية", "رئيس وفد جمهورية مالي"],
            ),
            _ => (
                "Fait à Bamako, le 19 février 2025",
                [
                    "Chef de la délégation du Royaume du Maroc",
                    "Chef de la délégation de la République du Mali",
                ],
            ),
        };
        let mut multi_page = false;
        for extra in (10..40).step_by(3) {
            let mut m = demo();
            m.decisions.extend((0..extra).map(|i| {
                t(
                    &format!("قرار إضافي رقم {i}"),
                    &format!("Décision supplémentaire {i}"),
                    "",
                )
            }));
            let pages = pages(&minutes_pdf(&m, layout, false).unwrap());
            multi_page |= pages.len() > 1;
            let with_formula: Vec<usize> = (0..pages.len())
                .filter(|n| pages[*n].contains(formula) || words_in_order(&pages[*n], formula))
                .collect();
            assert_eq!(with_formula.len(), 1, "{layout:?}, {extra}: one formula");
            let page = &pages[with_formula[0]];
            for head in heads {
                assert!(
                    page.contains(head) || words_in_order(page, head),
                    "{layout:?}, {extra} more decisions: {head:?} not on the formula's page:\n{page}"
                );
            }
        }
        assert!(multi_page, "{layout:?}: the text never ran over a page");
    }
}

#[test]
fn empty_fields_leave_no_stray_punctuation() {
    let mut m = demo();
    m.delegations[0].members = vec![
        Delegate {
            rank: t("", "Général de brigade", ""),
            ..Delegate::default()
        },
        Delegate {
            name: t("", "Nadia Tazi", ""),
            function: t("", "Conseillère", ""),
            ..Delegate::default()
        },
    ];
    let text = flat(&pdftotext(
        &minutes_pdf(&m, Layout::Fr, false).unwrap(),
        false,
    ));
    assert!(text.contains("Général de brigade"), "{text}");
    assert!(!text.contains("Général de brigade,"), "{text}");
    assert!(text.contains("Nadia Tazi, Conseillère"), "{text}");
    assert!(!text.contains("— ,") && !text.contains(", ,"), "{text}");
}

#[test]
fn a_draft_says_so_on_every_page_and_an_adopted_text_prints_its_hash() {
    let mut m = demo();
    m.decisions
        .extend((0..70).map(|i| t(&format!("قرار {i}"), &format!("Décision {i}"), "")));
    m.draft_mark = Some(t("مشروع", "PROJET", "DRAFT"));
    for layout in [Layout::Fr, Layout::ArFr] {
        let pages = pages(&minutes_pdf(&m, layout, false).unwrap());
        assert!(pages.len() >= 2);
        for (n, page) in pages.iter().enumerate() {
            assert!(page.contains("PROJET"), "{layout:?} page {}: {page}", n + 1);
        }
    }
    let hash = "9f2c".repeat(16);
    m.draft_mark = None;
    m.fingerprint = Some(t(
        &format!("الصيغة 1 المعتمدة — SHA-256: {hash}"),
        &format!("Version 1 adoptée — SHA-256 : {hash}"),
        "",
    ));
    let pages = pages(&minutes_pdf(&m, Layout::Fr, false).unwrap());
    for (n, page) in pages.iter().enumerate() {
        assert!(!page.contains("PROJET"), "page {}", n + 1);
        assert!(
            page.replace(' ', "").contains(&hash),
            "page {}: hash missing:\n{page}",
            n + 1
        );
    }
}

/// The images of a PDF as poppler's `pdfimages -list` reads them: one line per image.
fn images(pdf: &[u8]) -> Vec<String> {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("taawun-images-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2) // the column names and the rule under them
        .map(str::to_string)
        .collect()
}

#[test]
fn the_header_prints_each_uploaded_emblem_and_nothing_where_there_is_none() {
    let emblem = include_bytes!("fixtures/emblem.png").to_vec();
    let mut m = demo();
    // None uploaded: no image at all, no box where one would go.
    assert!(images(&minutes_pdf(&m, Layout::Fr, false).unwrap()).is_empty());
    // Both: two images, on the first page, the names still printed under them.
    m.emblems = [Some(emblem.clone()), Some(emblem.clone())];
    for layout in [Layout::Fr, Layout::ArFr] {
        let pdf = minutes_pdf(&m, layout, false).unwrap();
        let found = images(&pdf);
        assert_eq!(found.len(), 2, "{layout:?}: {found:?}");
        assert!(
            found
                .iter()
                .all(|l| l.split_whitespace().next() == Some("1"))
        );
        assert!(flat(&pdftotext(&pdf, false)).contains("Royaume du Maroc"));
    }
    // One side only: one image.
    m.emblems = [None, Some(emblem)];
    assert_eq!(
        images(&minutes_pdf(&m, Layout::Fr, false).unwrap()).len(),
        1
    );
}

#[test]
fn an_emblem_that_does_not_decode_leaves_the_minutes_printed_without_emblems() {
    let mut m = demo();
    // A PNG signature over nothing: the upload's check by signature takes it.
    let mut broken = b"\x89PNG\r\n\x1a\n".to_vec();
    broken.extend_from_slice(&[0u8; 64]);
    m.emblems = [Some(broken), None];
    let pdf = minutes_pdf(&m, Layout::Fr, false).expect("still printed");
    assert!(images(&pdf).is_empty());
    assert!(flat(&pdftotext(&pdf, false)).contains("Procès-verbal de la 1re session"));
}

#[test]
fn adopted_minutes_print_the_heads_adoptions_and_carry_them_attached() {
    let mut m = demo();
    m.adoptions_heading = t(
        "اعتماد رئيسي الوفدين",
        "Adoption par les chefs",
        "Adoption by the heads",
    );
    m.adoptions = vec![t(
        "عن المملكة المغربية: عبد الغني مهيب",
        "Pour le Royaume du Maroc : Abdelghani Mouhib, clé 565A 2455",
        "For the Kingdom of Morocco: Abdelghani Mouhib, key 565A 2455",
    )];
    let json = r#"{"format":"taawun-minutes-adoptions/1","version":1}"#;
    m.attachment = Some(json.into());
    for (layout, archival) in [(Layout::Fr, false), (Layout::ArFr, true)] {
        let pdf = minutes_pdf(&m, layout, archival).unwrap();
        let files = taawun_docs::attached_files(&pdf).unwrap();
        assert_eq!(files, vec![json.as_bytes().to_vec()], "{layout:?}");
        let text = flat(&pdftotext(&pdf, false));
        assert!(text.contains("Abdelghani Mouhib, clé 565A 2455"), "{text}");
    }
    // Archival with an attachment is PDF/A-3b, which allows it.
    let pdf = minutes_pdf(&m, Layout::Fr, true).unwrap();
    let bytes = String::from_utf8_lossy(&pdf);
    assert!(
        bytes.contains("<pdfaid:part>3</pdfaid:part>") || bytes.contains("pdfaid:part=\"3\""),
        "PDF/A part 3"
    );
    // Minutes without adoptions carry nothing; a file that is not a PDF is said to be so.
    let plain = minutes_pdf(&demo(), Layout::Fr, false).unwrap();
    assert!(taawun_docs::attached_files(&plain).unwrap().is_empty());
    assert!(taawun_docs::attached_files(b"not a pdf").is_err());
}

#[test]
fn an_attached_file_that_inflates_without_end_is_refused_not_read() {
    use lopdf::{Document, Object, Stream, dictionary};
    use std::io::Write as _;
    // 64 MiB of zeros, deflated to some 64 KiB: a small PDF that would become large.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..64 {
        z.write_all(&zeros).unwrap();
    }
    let bomb = z.finish().unwrap();
    assert!(bomb.len() < 1024 * 1024);
    let mut doc = Document::with_version("1.7");
    doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Filter" => "FlateDecode" },
        bomb,
    ));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog" });
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    let err = taawun_docs::attached_files(&pdf).unwrap_err();
    assert!(err.contains("inflates beyond 16 MiB"), "{err}");
}
