//! The three catalogues hold the same messages, none empty, and every key the code and
//! templates ask for exists.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGS: [&str; 3] = ["ar", "fr", "en"];

/// This crate's folder: the catalogues are in `locales/`.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace: every crate's sources ask the catalogue for keys.
fn workspace() -> PathBuf {
    root().join("../..")
}

/// Message ids of a catalogue, failing on syntax errors, terms-less empties and blank
/// values or variants.
fn messages(lang: &str) -> BTreeSet<String> {
    let path = root().join(format!("locales/{lang}.ftl"));
    let source = std::fs::read_to_string(&path).expect("catalogue readable");
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl has syntax errors: {errors:?}"));
    let mut ids = BTreeSet::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let id = m.id.name.to_string();
                let value = m
                    .value
                    .unwrap_or_else(|| panic!("{lang}: {id} has no value"));
                check_pattern(lang, &id, &value);
                assert!(ids.insert(id.clone()), "{lang}: {id} defined twice");
            }
            Entry::Junk { content } => panic!("{lang}.ftl has junk: {content}"),
            _ => {}
        }
    }
    ids
}

/// A pattern must have visible text, and so must every variant of every select.
fn check_pattern(lang: &str, id: &str, p: &Pattern<&str>) {
    let mut visible = false;
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => visible |= !value.trim().is_empty(),
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { variants, .. } => {
                    visible = true;
                    for v in variants {
                        check_pattern(lang, id, &v.value);
                    }
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    visible |= !value.trim().is_empty()
                }
                Expression::Inline(_) => visible = true,
            },
        }
    }
    assert!(visible, "{lang}: {id} (or one of its variants) is empty");
}

#[test]
fn catalogues_have_the_same_non_empty_messages() {
    let fr = messages("fr");
    for lang in ["ar", "en"] {
        let other = messages(lang);
        let missing: Vec<_> = fr.difference(&other).collect();
        let extra: Vec<_> = other.difference(&fr).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang}.ftl has keys French lacks: {extra:?}"
        );
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Keys the code asks for: `t("key"`, `tn("key"` (templates and Rust), and the first string
/// literal of `message(`, `message_with(`, `message_count(` calls.
fn used_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let bytes = text.as_bytes();
    for token in ["t(\"", "tn(\""] {
        for (at, _) in text.match_indices(token) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let rest = &text[at + token.len()..];
            keys.extend(rest.split('"').next().map(str::to_string));
        }
    }
    for token in ["message(", "message_with(", "message_count("] {
        for (at, _) in text.match_indices(token) {
            let call = &text[at + token.len()..];
            let call = &call[..call.find(')').unwrap_or(call.len())];
            if let Some(lit) = call.split('"').nth(1) {
                keys.push(lit.to_string());
            }
        }
    }
    // Keys built at run time (`lang-name-{}`) are checked by enumeration below.
    keys.retain(|k| !k.contains('{') && !k.is_empty());
    keys
}

#[test]
fn every_key_used_exists() {
    let known = messages("fr");
    let mut paths = Vec::new();
    // The crates that word what they show through the catalogue (core and store cannot:
    // the arrows point the other way).
    for krate in ["i18n", "docs", "app", "web", "cli"] {
        files(
            &workspace().join("crates").join(krate).join("src"),
            "rs",
            &mut paths,
        );
    }
    files(
        &workspace().join("crates/web/templates"),
        "html",
        &mut paths,
    );
    let mut seen = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("source readable");
        for key in used_keys(&text) {
            seen += 1;
            assert!(
                known.contains(&key),
                "{} uses missing key {key}",
                path.display()
            );
        }
    }
    assert!(
        seen > 100,
        "the scanner found only {seen} keys; has the call pattern changed?"
    );
}

#[test]
fn every_enum_label_and_language_name_exists() {
    use taawun_core::*;
    let mut wanted: Vec<String> = Vec::new();
    wanted.extend(AgreementKind::ALL.map(|k| format!("kind-{}", k.key())));
    wanted.extend(Lifecycle::ALL.map(|k| format!("lifecycle-{}", k.key())));
    wanted.extend(ItemStatus::ALL.map(|k| format!("status-{}", k.key())));
    wanted.extend(DelegationRole::ALL.map(|k| format!("role-{}", k.key())));
    wanted.extend(ActivityKind::ALL.map(|k| format!("activity-{}", k.key())));
    let events = [
        SideEventKind::Visit,
        SideEventKind::Meeting,
        SideEventKind::Ceremony,
        SideEventKind::Demonstration,
    ];
    wanted.extend(events.map(|k| format!("event-{}", k.key())));
    let occasions = [StatementOccasion::Opening, StatementOccasion::Closing];
    wanted.extend(occasions.map(|k| format!("occasion-{}", k.key())));
    for link in [LinkKind::Amends, LinkKind::Supersedes, LinkKind::Implements] {
        wanted.push(format!("link-{}", link.key()));
        wanted.push(format!("link-in-{}", link.key()));
    }
    wanted.extend(Lang::ALL.map(|l| format!("lang-name-{}", l.code())));
    for lang in LANGS {
        let known = messages(lang);
        for key in &wanted {
            assert!(known.contains(key), "{lang}.ftl lacks {key}");
        }
    }
}
