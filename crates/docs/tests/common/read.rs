//! Reading PDFs back as a user would: poppler's `pdftotext` and `pdfinfo`, and text matching
//! that tolerates how they lay out wrapped and right-to-left lines.

use std::io::Write;
use std::process::{Command, Stdio};

/// Text of a PDF through poppler's `pdftotext`; panics (never skips) when it is missing.
pub fn pdftotext(pdf: &[u8], layout: bool) -> String {
    let mut args = vec!["-enc", "UTF-8"];
    if layout {
        args.push("-layout");
    }
    args.extend(["-", "-"]);
    let mut child = Command::new("pdftotext")
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pdftotext (Debian poppler-utils) must be installed: .ci/run installs it");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each page's words with their boxes, through `pdftotext -bbox`: `(text, y_min, y_max)` in
/// points from the page's top, in reading order.
pub fn words_by_page(pdf: &[u8]) -> Vec<Vec<(String, f64, f64)>> {
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-bbox", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (Debian poppler-utils) must be installed: .ci/run installs it");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    out.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let (tag, rest) = w.split_once('>').unwrap();
                    let text = rest.split("</word>").next().unwrap().to_string();
                    (text, attr(tag, "yMin"), attr(tag, "yMax"))
                })
                .collect()
        })
        .collect()
}

/// The output of poppler's `pdfinfo` with `args` (such as `-meta`); panics when it is missing.
pub fn pdfinfo(pdf: &[u8], args: &[&str]) -> String {
    // pdfinfo reads no standard input: it needs a file.
    let path = std::env::temp_dir().join(format!(
        "taawun-docs-{}-{:?}.pdf",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo")
        .args(args)
        .arg(&path)
        .output()
        .expect("pdfinfo (Debian poppler-utils) must be installed: .ci/run installs it");
    std::fs::remove_file(&path).unwrap();
    assert!(
        out.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Drops the bidi controls pdftotext puts around right-to-left runs and collapses line
/// breaks and runs of spaces, as wrapped lines split a sentence anywhere.
pub fn flat(s: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let s: String = s.chars().filter(|c| !bidi(*c)).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `sentence` in logical order within a short stretch of `text`. With a
/// left-to-right page, pdftotext places a wrapped Arabic paragraph's number and final stop
/// between its lines; the words themselves must still come in order.
pub fn words_in_order(text: &str, sentence: &str) -> bool {
    let words: Vec<&str> = sentence.trim_end_matches('.').split(' ').collect();
    let tokens: Vec<&str> = text.split(' ').collect();
    (0..tokens.len()).any(|start| {
        let bare = |t: &str| {
            t.trim_matches(|c: char| c == '.' || c.is_ascii_digit())
                .to_string()
        };
        let mut next = 0;
        for tok in &tokens[start..(start + words.len() + 6).min(tokens.len())] {
            if next < words.len() && bare(tok) == words[next] {
                next += 1;
            }
        }
        next == words.len() && bare(tokens[start]) == words[0]
    })
}

/// Each of `parts` found in `text`, each after the previous one.
pub fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for p in parts {
        let at = text[from..]
            .find(p)
            .unwrap_or_else(|| panic!("{p:?} missing (or out of order) in:\n{text}"));
        from += at + p.len();
    }
}
