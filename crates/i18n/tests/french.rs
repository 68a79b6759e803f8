//! French as a French proofreader expects it: the first of a month is "1er", session
//! ordinals are abbreviated "1re", "2e" (never "1ère", "2ème"), and a narrow no-break space
//! (U+202F) stands before `:` `;` `?` `!` `»`, after `«`, between thousands ("20 000") and
//! between a number and its unit ("10 Mo", "15 %"). Every French message is checked, in
//! every variant and rendered with sample arguments.

use chrono::NaiveDate;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::path::{Path, PathBuf};
use taawun_core::Lang;
use taawun_i18n::minutes::{dates_in_prose, session_ordinal};
use taawun_i18n::{FluentArgs, FluentValue, fmt, message_count};

const NNBSP: char = '\u{202f}';

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn the_first_of_every_month_is_1er() {
    for m in 1..=12 {
        let first = fmt::date(Lang::Fr, d(2026, m, 1));
        assert!(
            first.starts_with("1er ") && first.ends_with(" 2026"),
            "{first}"
        );
        let second = fmt::date(Lang::Fr, d(2026, m, 2));
        assert!(second.starts_with("2 "), "{second}");
        // Only the first: "11", "21" and "31" stay cardinal.
        for day in [11, 21] {
            let later = fmt::date(Lang::Fr, d(2026, m, day));
            assert!(!later.contains(&format!("{day}er")), "{later}");
        }
        // English and Arabic keep the cardinal.
        assert!(fmt::date(Lang::En, d(2026, m, 1)).starts_with("1 "));
        assert!(!fmt::date(Lang::Ar, d(2026, m, 1)).contains("er"));
    }
    assert_eq!(fmt::date(Lang::Fr, d(2026, 12, 1)), "1er décembre 2026");
    assert_eq!(
        dates_in_prose(Lang::Fr, d(2026, 12, 1), d(2026, 12, 3)),
        "du 1er au 3 décembre 2026"
    );
    assert_eq!(
        dates_in_prose(Lang::Fr, d(2026, 11, 30), d(2026, 12, 1)),
        "du 30 novembre 2026 au 1er décembre 2026"
    );
    assert_eq!(
        dates_in_prose(Lang::Fr, d(2026, 12, 1), d(2026, 12, 1)),
        "le 1er décembre 2026"
    );
}

#[test]
fn session_ordinals_are_1re_and_2e_in_the_minutes_and_on_the_pages() {
    for (n, want) in [(1, "1re session"), (2, "2e session"), (11, "11e session")] {
        assert_eq!(session_ordinal(Lang::Fr, n), want);
        assert_eq!(message_count(Lang::Fr, "session-ordinal", n as usize), want);
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
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

/// "1ère", "2ème", "3eme": the long forms French typography abbreviates "1re", "2e".
fn long_ordinals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 1..chars.len() {
        if !chars[i - 1].is_ascii_digit() {
            continue;
        }
        let rest: String = chars[i..].iter().take(3).collect();
        if ["ère", "ème", "eme", "ere"].contains(&rest.as_str()) {
            found.push(
                chars[i.saturating_sub(4)..(i + 3).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn no_long_ordinals_in_catalogues_templates_documents_or_code() {
    let root = workspace();
    let mut paths = Vec::new();
    files(&root.join("crates/i18n/locales"), &["ftl"], &mut paths);
    files(&root.join("crates/web/templates"), &["html"], &mut paths);
    files(&root.join("crates/docs/src"), &["typ", "rs"], &mut paths);
    for krate in ["core", "store", "app", "web", "i18n"] {
        files(
            &root.join("crates").join(krate).join("src"),
            &["rs"],
            &mut paths,
        );
    }
    assert!(paths.len() > 20, "{paths:?}");
    let mut bad = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        for hit in long_ordinals(&text) {
            bad.push(format!("{}: {hit:?}", p.display()));
        }
    }
    assert!(bad.is_empty(), "write 1re, 2e:\n{}", bad.join("\n"));
}

/// What French typography wants changed in `text`, each with its context.
fn typography_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        chars[i.saturating_sub(12)..(i + 6).min(chars.len())]
            .iter()
            .collect()
    };
    let mut faults = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        match c {
            ':' | ';' | '?' | '!' | '»' => {
                // An address ("https://") or a time ("10:30") is no punctuation.
                let not_prose = c == ':' && (next == Some('/') || (digit(prev) && digit(next)));
                if prev.is_some() && prev != Some(NNBSP) && !not_prose {
                    faults.push(format!("no narrow space before {c:?}: {:?}", around(i)));
                }
            }
            '«' if next != Some(NNBSP) => {
                faults.push(format!("no narrow space after «: {:?}", around(i)));
            }
            '%' if prev != Some(NNBSP) && (digit(prev) || prev == Some(' ')) => {
                faults.push(format!("no narrow space before %: {:?}", around(i)));
            }
            ' ' | '\u{a0}' if digit(prev) => {
                let rest: String = chars[i + 1..].iter().take(4).collect();
                let r: Vec<char> = rest.chars().collect();
                let thousands = r.len() >= 3
                    && r[..3].iter().all(char::is_ascii_digit)
                    && r.get(3).is_none_or(|c| !c.is_ascii_digit());
                let unit = ["Mo", "Ko", "Go", "o"].iter().any(|u| {
                    rest.starts_with(u)
                        && rest[u.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                if thousands || unit {
                    faults.push(format!("a number needs a narrow space: {:?}", around(i)));
                }
            }
            _ => {}
        }
    }
    faults
}

#[test]
fn the_typography_check_sees_what_it_should() {
    assert!(
        typography_faults("Échéance\u{202f}: « x\u{202f}» ; 20\u{202f}000 et 10\u{202f}Mo").len()
            == 2
    );
    assert!(typography_faults("Non traduit :").len() == 1);
    assert!(typography_faults("Non traduit:").len() == 1);
    assert!(typography_faults("20 000 lignes, 10 Mo, 15 %").len() == 3);
    assert!(typography_faults("15%").len() == 1);
    assert!(typography_faults("«\u{202f}oui\u{202f}» à 10:30, https://x.org\u{202f}?").is_empty());
    assert!(typography_faults("12 mois, 2 octets").is_empty());
}

/// Every text a pattern can produce, one per path through its selects, with each other
/// placeable written `X`.
fn skeletons(p: &Pattern<&str>) -> Vec<String> {
    let mut all = vec![String::new()];
    for el in &p.elements {
        let pieces: Vec<String> = match el {
            PatternElement::TextElement { value } => vec![value.to_string()],
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => variants.iter().flat_map(|v| skeletons(&v.value)).collect(),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => vec![value.to_string()],
            PatternElement::Placeable { .. } => vec!["X".to_string()],
        };
        all = all
            .iter()
            .flat_map(|a| pieces.iter().map(move |b| format!("{a}{b}")))
            .collect();
    }
    all
}

fn variables(p: &Pattern<&str>, out: &mut Vec<String>) {
    let inline = |i: &InlineExpression<&str>, out: &mut Vec<String>| match i {
        InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                if let InlineExpression::VariableReference { id } = a {
                    out.push(id.name.to_string());
                }
            }
        }
        _ => {}
    };
    for el in &p.elements {
        match el {
            PatternElement::Placeable {
                expression: Expression::Select { selector, variants },
            } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            PatternElement::Placeable {
                expression: Expression::Inline(i),
            } => inline(i, out),
            PatternElement::TextElement { .. } => {}
        }
    }
}

#[test]
fn every_french_message_spaces_its_punctuation_and_numbers() {
    let source = include_str!("../locales/fr.ftl");
    let resource = fluent_syntax::parser::parse(source).expect("the catalogue parses");
    let mut faults = Vec::new();
    let mut checked = 0;
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        let id = m.id.name;
        for text in skeletons(value) {
            faults.extend(
                typography_faults(&text)
                    .into_iter()
                    .map(|f| format!("{id}: {f}")),
            );
        }
        let mut vars = Vec::new();
        variables(value, &mut vars);
        // Rendered as the pages render it, with counts small and large and with text.
        let samples = [
            FluentValue::from(1),
            FluentValue::from(3),
            FluentValue::from(20000),
            FluentValue::from("valeur"),
        ];
        for sample in samples {
            let mut args = FluentArgs::new();
            for v in &vars {
                args.set(v.clone(), sample.clone());
            }
            let text = taawun_i18n::format(Lang::Fr, id, Some(&args));
            faults.extend(
                typography_faults(&text)
                    .into_iter()
                    .map(|f| format!("{id}: {f}")),
            );
        }
        checked += 1;
    }
    assert!(checked > 500, "{checked} messages");
    faults.sort();
    faults.dedup();
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn large_counts_are_grouped_with_a_narrow_space() {
    assert_eq!(fmt::integer(Lang::Fr, 20000), "20\u{202f}000");
    assert_eq!(fmt::number(Lang::Fr, 20000.0), "20\u{202f}000");
    let rows = message_count(Lang::Fr, "import-rows", 20000);
    assert!(rows.starts_with("20\u{202f}000 "), "{rows}");
    assert_eq!(message_count(Lang::En, "import-rows", 20000), "20,000 rows");
    // Below a thousand, as written.
    assert!(message_count(Lang::Fr, "import-rows", 999).starts_with("999 "));
}
