//! The text of an agreement read back by poppler's `pdftotext` and `pdfinfo`: articles in
//! order, each beside its translation in Arabic ‖ French, user text verbatim.
mod common;

use common::mou::{CLAUSES, demo_agreement};
use common::{flat, in_order, pdfinfo, pdftotext, t, words_in_order};
use taawun_docs::{AgreementInput, ClauseText, Layout, agreement_pdf};

fn text_of(a: &AgreementInput, layout: Layout) -> String {
    let pdf = agreement_pdf(a, layout, false).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    flat(&pdftotext(&pdf, false))
}

#[test]
fn french_agreement_shows_heading_then_articles_in_order() {
    let text = text_of(&demo_agreement(), Layout::Fr);
    let mut parts = vec![
        "Mémorandum d'entente",
        "Mémorandum d'entente dans le domaine de la coopération militaire",
        "Entre le Royaume du Maroc et la République du Mali",
        "Signé à Bamako le 19 février 2025",
        "Résumé",
        "Le mémorandum pose les principes de base",
    ];
    let numbers: Vec<String> = (1..=CLAUSES.len())
        .map(|n| format!("Article {n}"))
        .collect();
    for ((_, heading, _, body), number) in CLAUSES.iter().zip(&numbers) {
        parts.extend([number.as_str(), heading, body]);
    }
    in_order(&text, &parts);
    assert!(!text.contains("المادة"), "no Arabic in the French layout");
}

#[test]
fn arabic_agreement_has_joined_articles_in_logical_order() {
    let text = text_of(&demo_agreement(), Layout::Ar);
    in_order(
        &text,
        &[
            "مذكرة تفاهم في مجال التعاون العسكري",
            "بين المملكة المغربية وجمهورية مالي",
            "حررت بباماكو في",
        ],
    );
    let mut from = 0;
    for (n, (heading, _, body, _)) in CLAUSES.iter().enumerate() {
        let number = format!("المادة {}", n + 1);
        let at = text[from..]
            .find(&number)
            .unwrap_or_else(|| panic!("{number} missing or out of order:\n{text}"));
        from += at + number.len();
        let rest = &text[from..];
        assert!(
            rest.starts_with(&format!(" {heading}")),
            "{heading} after {number}"
        );
        assert!(
            words_in_order(rest, body),
            "{body:?} after {number}:\n{text}"
        );
    }
    assert!(!text.contains("Article"), "no French in the Arabic layout");
}

#[test]
fn english_agreement_numbers_articles() {
    let text = text_of(&demo_agreement(), Layout::En);
    in_order(
        &text,
        &[
            "Memorandum of understanding on military cooperation",
            "Between the Kingdom of Morocco and the Republic of Mali",
            "Signed at Bamako on 19 February 2025",
            "Article 1",
            "Article 4",
        ],
    );
}

#[test]
fn bilingual_agreement_keeps_each_article_beside_its_translation() {
    let pdf = agreement_pdf(&demo_agreement(), Layout::ArFr, false).unwrap();
    let laid = pdftotext(&pdf, true);
    let lines: Vec<String> = laid.lines().map(flat).collect();
    // The first line holding `needle`, from line `from` on.
    let line_of = |needle: &str, from: usize| {
        from + lines[from..]
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} on no line from {from} of:\n{laid}"))
    };
    let mut previous = 0;
    for (n, (heading_ar, heading_fr, body_ar, body_fr)) in CLAUSES.iter().enumerate() {
        let fr = line_of(&format!("Article {}", n + 1), previous);
        // pdftotext lays out the Arabic line visually: the number before the word.
        let ar = line_of(&format!("{} المادة", n + 1), previous);
        assert!(
            fr.abs_diff(ar) <= 1,
            "article {}: lines {fr} and {ar}",
            n + 1
        );
        // Headings and the first words of the bodies stand level too.
        let (h_fr, h_ar) = (line_of(heading_fr, fr), line_of(heading_ar, ar));
        assert!(
            h_fr.abs_diff(h_ar) <= 1,
            "{heading_fr}: lines {h_fr} and {h_ar}"
        );
        let start = |s: &str, k| s.split(' ').take(k).collect::<Vec<_>>().join(" ");
        let (b_fr, b_ar) = (
            line_of(&start(body_fr, 3), h_fr),
            line_of(&start(body_ar, 2), h_ar),
        );
        assert!(
            b_fr.abs_diff(b_ar) <= 1,
            "body of article {}: lines {b_fr} and {b_ar}",
            n + 1
        );
        previous = b_fr.max(b_ar);
    }
    let text = flat(&pdftotext(&pdf, false));
    for (_, _, body_ar, body_fr) in CLAUSES {
        assert!(text.contains(body_fr), "{body_fr:?} whole");
        assert!(words_in_order(&text, body_ar), "{body_ar:?} whole");
    }
}

#[test]
fn clause_text_that_looks_like_markup_is_printed_verbatim() {
    let hostile = r#"#panic("x") *x* _i_ `c` $ x $ \ <l> @r [a] ] // = + 1."#;
    let mut a = demo_agreement();
    a.clauses[1] = ClauseText {
        number: 2,
        heading: t("*x*", "*x*", "*x*"),
        // A line break separates two paragraphs of the body.
        body: t(hostile, &format!("{hostile}\nSecond $ paragraph."), hostile),
    };
    for layout in [Layout::Fr, Layout::ArFr] {
        let text = text_of(&a, layout);
        in_order(
            &text,
            &[
                "Article 2",
                "*x*",
                hostile,
                "Second $ paragraph.",
                "Article 3",
            ],
        );
    }
}

#[test]
fn metadata_carry_title_language_and_pdfa_when_archival() {
    let a = demo_agreement();
    let pdf = agreement_pdf(&a, Layout::Fr, true).unwrap();
    let info = pdfinfo(&pdf, &[]);
    assert!(
        info.contains(
            "Title:           Mémorandum d'entente dans le domaine de la coopération militaire"
        ),
        "{info}"
    );
    let xmp = pdfinfo(&pdf, &["-meta"]);
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>fr</rdf:li>"),
        "{xmp}"
    );
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""),
        "PDF/A part 2 in:\n{xmp}"
    );
    let plain = agreement_pdf(&a, Layout::Ar, false).unwrap();
    let xmp = pdfinfo(&plain, &["-meta"]);
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>ar</rdf:li>"),
        "{xmp}"
    );
    assert!(
        xmp.contains("مذكرة تفاهم في مجال التعاون العسكري"),
        "Arabic title"
    );
    assert!(!xmp.contains("pdfaid:part"), "not archival unless asked");
}

#[test]
fn marking_is_on_every_page_of_a_long_agreement() {
    let mut a = demo_agreement();
    // Example: the four articles repeated until the text runs over several pages.
    a.clauses = (0..40)
        .map(|i| {
            let (h_ar, h_fr, b_ar, b_fr) = CLAUSES[i % CLAUSES.len()];
            ClauseText {
                number: i as u32 + 1,
                heading: t(h_ar, h_fr, h_fr),
                body: t(b_ar, b_fr, b_fr),
            }
        })
        .collect();
    a.signed = Default::default();
    for layout in [Layout::Fr, Layout::ArFr] {
        let text = pdftotext(&agreement_pdf(&a, layout, false).unwrap(), false);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() >= 3, "{layout:?}: {} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            let count = page.matches("DIFFUSION RESTREINTE").count();
            assert!(
                count >= 2,
                "{layout:?} page {}: marking {count} times",
                n + 1
            );
        }
        assert!(flat(&text).contains("Article 40"));
        assert!(!flat(&text).contains("Signé à"), "no empty signature line");
    }
}
