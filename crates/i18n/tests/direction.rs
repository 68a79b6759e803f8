//! Left-to-right runs inside Arabic text keep their order. In a right-to-left line the
//! Unicode bidi algorithm turns ".xlsx" into "xlsx.", 2026-03-15 after an Arabic word into
//! 15-03-2026 (its digits become Arabic numbers, whose hyphens do not join them) and "15%"
//! into "%15" where the sign is not glued to its number. So the Arabic catalogue isolates
//! such runs (U+2066 LRI or U+2068 FSI … U+2069 PDI), and every percentage is written by
//! one helper, `fmt::percent`, which isolates it in Arabic.

use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
use std::path::{Path, PathBuf};
use taawun_core::Lang;
use taawun_i18n::fmt;

const OPENERS: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
const PDI: char = '\u{2069}';
/// What stands for a placeable: an object replacement, neutral and not Latin.
const SLOT: char = '\u{fffc}';

/// Every text a pattern can produce, one per path through its selects.
fn skeletons(p: &Pattern<&str>) -> Vec<String> {
    let mut all = vec![String::new()];
    for el in &p.elements {
        let pieces: Vec<String> = match el {
            PatternElement::TextElement { value } => vec![value.to_string()],
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => variants.iter().flat_map(|v| skeletons(&v.value)).collect(),
            PatternElement::Placeable { .. } => vec![SLOT.to_string()],
        };
        all = all
            .iter()
            .flat_map(|a| pieces.iter().map(move |b| format!("{a}{b}")))
            .collect();
    }
    all
}

/// The Latin runs of `text` that a right-to-left line would reorder and that no isolate
/// encloses, and isolates left open or closed twice.
fn unisolated_runs(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut depth = 0i32;
    let mut inside = Vec::with_capacity(chars.len());
    let mut faults = Vec::new();
    for &c in &chars {
        if OPENERS.contains(&c) {
            depth += 1;
        } else if c == PDI {
            depth -= 1;
            if depth < 0 {
                faults.push(format!("a PDI closes nothing in {text:?}"));
                depth = 0;
            }
        }
        inside.push(depth > 0);
    }
    if depth != 0 {
        faults.push(format!("an isolate is left open in {text:?}"));
    }
    let joins = |c: char| c.is_ascii_alphanumeric() || "./@_-`".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if !joins(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && joins(chars[i]) {
            i += 1;
        }
        // A full stop ending a sentence is not part of the run.
        let mut end = i;
        while end > start && chars[end - 1] == '.' {
            end -= 1;
        }
        let run: String = chars[start..end].iter().collect();
        let inner_marks = run.chars().any(|c| "./@_-`".contains(c));
        let letters = run.chars().any(|c| c.is_ascii_alphabetic());
        let digits = run.chars().any(|c| c.is_ascii_digit());
        let reordered = inner_marks && (letters || (digits && run.contains('-')));
        if reordered && !(start..end).all(|k| inside[k]) {
            faults.push(format!("{run:?} is not isolated in {text:?}"));
        }
    }
    faults
}

#[test]
fn the_check_sees_what_reorders() {
    assert_eq!(unisolated_runs("أرسل ملفًا بصيغة .xlsx.").len(), 1);
    assert_eq!(unisolated_runs("مثل 2026-03-15").len(), 1);
    assert_eq!(unisolated_runs("نسخة (PDF/A-2b)").len(), 1);
    assert!(unisolated_runs("نسخة (\u{2066}PDF/A-2b\u{2069})").is_empty());
    assert!(unisolated_runs("بصيغة \u{2066}.xlsx\u{2069}.").is_empty());
    assert!(unisolated_runs("ملف PDF أو ISO 3166، 50 ميغابايت").is_empty());
    assert_eq!(unisolated_runs("\u{2066}.xlsx").len(), 1);
}

#[test]
fn latin_runs_in_the_arabic_catalogue_are_isolated() {
    let source = include_str!("../locales/ar.ftl");
    let resource = fluent_syntax::parser::parse(source).expect("the catalogue parses");
    let mut faults = Vec::new();
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        for text in skeletons(value) {
            // A message in Latin letters only ("SHA-256") has no right-to-left line to
            // isolate from.
            if !text.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)) {
                continue;
            }
            for f in unisolated_runs(&text) {
                faults.push(format!("{}: {f}", m.id.name));
            }
        }
    }
    faults.sort();
    faults.dedup();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    // The runs the language review found reordered.
    for (key, run) in [
        ("doc-archival", "\u{2066}PDF/A-2b\u{2069}"),
        ("exports-xlsx", "\u{2066}.xlsx\u{2069}"),
        ("sheet-error-not-a-spreadsheet", "\u{2066}.csv\u{2069}"),
        ("form-bad-date", "\u{2066}YYYY-MM-DD\u{2069}"),
    ] {
        let text = taawun_i18n::message(Lang::Ar, key);
        assert!(text.contains(run), "{key}: {text:?}");
    }
}

#[test]
fn one_percent_form_per_language_isolated_in_arabic() {
    assert_eq!(fmt::percent(Lang::Fr, 15.0), "15\u{202f}%");
    assert_eq!(fmt::percent(Lang::En, 15.0), "15%");
    let ar = fmt::percent(Lang::Ar, 15.0);
    assert_eq!(ar, "\u{2066}15%\u{2069}");
    assert!(unisolated_runs(&format!("نسبة الإنجاز {ar}")).is_empty());
    assert_eq!(fmt::ltr(Lang::Ar, ".xlsx"), "\u{2066}.xlsx\u{2069}");
    assert_eq!(fmt::ltr(Lang::Fr, ".xlsx"), ".xlsx");
}

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, exts, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| exts.contains(&x))
        {
            out.push(p);
        }
    }
}

/// Nothing but `fmt::percent` writes a percent sign after a number: not a catalogue, a
/// template, a Typst document or another function (which would bring back "٪" beside "%",
/// "48,8 %" beside "49 %", or a mirrored "%15").
#[test]
fn percentages_are_written_by_fmt_percent_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    files(&root.join("crates/i18n/locales"), &["ftl"], &mut paths);
    files(&root.join("crates/web/templates"), &["html"], &mut paths);
    for krate in ["web", "app", "docs", "store", "cli", "i18n"] {
        files(
            &root.join("crates").join(krate).join("src"),
            &["rs", "typ"],
            &mut paths,
        );
    }
    let writers = [
        "}%",
        "} %",
        "}\u{202f}%",
        "}\\u{202f}%",
        "\\u{a0}%",
        "٪",
        "+ \"%\"",
        "{ $value }%",
    ];
    let mut bad = Vec::new();
    for p in paths {
        if p.ends_with("crates/i18n/src/fmt.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || code.starts_with('#') && p.extension().unwrap() == "ftl" {
                continue;
            }
            if writers.iter().any(|w| line.contains(w)) {
                bad.push(format!("{}:{}: {}", p.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "use fmt::percent:\n{}", bad.join("\n"));
}
