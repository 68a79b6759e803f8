//! One word per concept in each language, wherever a reader meets it: the catalogues, the
//! page templates and the Typst documents (the status report's own labels). The table below
//! is the language review's (issue 14, part 6): a forbidden variant anywhere fails.
//! Also: legends agree in gender, classification markings map one to one, every field a
//! rule can name has a label, and the calques the review listed stay fixed.

use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
use std::path::{Path, PathBuf};
use taawun_core::Lang;
use taawun_i18n::rules::FIELD_NAMES;
use taawun_i18n::{field_label, message};

/// A concept, the word each language uses for it, and the variants it must not take.
struct Term {
    concept: &'static str,
    lang: Lang,
    word: &'static str,
    not: &'static [&'static str],
}

const TERMS: &[Term] = &[
    // Arabic: the action item is الإجراء, so البند (which the report used) names nothing: a
    // clause is المادة, as the French article, and an agenda item نقطة جدول الأعمال.
    Term {
        concept: "action item",
        lang: Lang::Ar,
        word: "الإجراء",
        not: &["بند", "بنود"],
    },
    Term {
        concept: "clause",
        lang: Lang::Ar,
        word: "المادة",
        not: &["بند", "بنود"],
    },
    Term {
        concept: "clause",
        lang: Lang::Fr,
        word: "article",
        not: &["clause"],
    },
    Term {
        concept: "clause",
        lang: Lang::En,
        word: "article",
        not: &["clause"],
    },
    Term {
        concept: "lead body",
        lang: Lang::Ar,
        word: "الهيئة المكلّفة",
        not: &[
            "الجهة المسؤولة",
            "الجهات المسؤولة",
            "الهيئة المكلفة",
            "الهيئات المكلفة",
            "الجهة المكلفة",
        ],
    },
    Term {
        concept: "lead body",
        lang: Lang::Fr,
        word: "chef de file",
        not: &["pilote"],
    },
    Term {
        concept: "lead body",
        lang: Lang::En,
        word: "lead body",
        not: &["pilot"],
    },
    Term {
        concept: "due date",
        lang: Lang::Ar,
        word: "الأجل",
        not: &["تاريخ الاستحقاق"],
    },
    Term {
        concept: "progress narrative",
        lang: Lang::Ar,
        word: "وصف التقدم",
        not: &["السرد"],
    },
    // Moroccan usage names a quarter الفصل.
    Term {
        concept: "quarter",
        lang: Lang::Ar,
        word: "الفصل",
        not: &["الربع"],
    },
];

/// Every text a pattern can produce, one per path through its selects.
fn skeletons(p: &Pattern<&str>) -> Vec<String> {
    let mut all = vec![String::new()];
    for el in &p.elements {
        let pieces: Vec<String> = match el {
            PatternElement::TextElement { value } => vec![value.to_string()],
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => variants.iter().flat_map(|v| skeletons(&v.value)).collect(),
            PatternElement::Placeable { .. } => vec![" ".to_string()],
        };
        all = all
            .iter()
            .flat_map(|a| pieces.iter().map(move |b| format!("{a}{b}")))
            .collect();
    }
    all
}

/// (where, text) of every message of a catalogue.
fn catalogue(lang: Lang) -> Vec<(String, String)> {
    let path = format!("{}/locales/{}.ftl", env!("CARGO_MANIFEST_DIR"), lang.code());
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str()).expect("the catalogue parses");
    let mut out = Vec::new();
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        for text in skeletons(value) {
            out.push((format!("{}.ftl {}", lang.code(), m.id.name), text));
        }
    }
    out
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// The words of a template a reader sees: without `{{ … }}`, `{% … %}` and tags.
fn template_text(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(i) = rest.find(['{', '<']) {
        out.push_str(&rest[..i]);
        let close = match &rest[i..] {
            r if r.starts_with("{{") => "}}",
            r if r.starts_with("{%") => "%}",
            r if r.starts_with("{#") => "#}",
            r if r.starts_with('<') => ">",
            _ => {
                out.push('{');
                rest = &rest[i + 1..];
                continue;
            }
        };
        match rest[i..].find(close) {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + close.len()..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The string literals of a Typst file: its labels (code and comments are not read).
fn typst_strings(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in src.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (i, s) in code.split('"').enumerate() {
            if i % 2 == 1 {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// (where, text) of everything a reader of `lang` can meet outside the catalogues. Templates
/// and documents hold all three languages' words; each term is looked for in all of them
/// when its script tells the language (Arabic), else in them as well (a Latin word of the
/// wrong language does no harm to the check: the forbidden variants are not shared).
fn templates_and_documents() -> Vec<(String, String)> {
    let root = workspace();
    let mut out = Vec::new();
    let mut html = Vec::new();
    files(&root.join("crates/web/templates"), "html", &mut html);
    assert!(html.len() > 20, "templates found: {}", html.len());
    for p in html {
        let src = std::fs::read_to_string(&p).unwrap();
        out.push((p.display().to_string(), template_text(&src)));
    }
    let mut typ = Vec::new();
    files(&root.join("crates/docs/src"), "typ", &mut typ);
    assert!(typ.len() >= 4, "documents found: {}", typ.len());
    for p in typ {
        let src = std::fs::read_to_string(&p).unwrap();
        for s in typst_strings(&src) {
            out.push((p.display().to_string(), s));
        }
    }
    out
}

#[test]
fn one_word_per_concept_in_every_catalogue_template_and_document() {
    let elsewhere = templates_and_documents();
    let mut faults = Vec::new();
    for term in TERMS {
        let mut texts = catalogue(term.lang);
        texts.extend(elsewhere.iter().cloned());
        for (place, text) in &texts {
            let lower = text.to_lowercase();
            for bad in term.not {
                if lower.contains(&bad.to_lowercase()) {
                    faults.push(format!(
                        "{place}: {:?} for {} ({}: {:?}) in {text:?}",
                        bad,
                        term.concept,
                        term.lang.code(),
                        term.word
                    ));
                }
            }
        }
        let used = catalogue(term.lang)
            .iter()
            .any(|(_, t)| t.to_lowercase().contains(&term.word.to_lowercase()));
        if !used {
            faults.push(format!(
                "{}: {:?} ({}) appears in no message",
                term.lang.code(),
                term.word,
                term.concept
            ));
        }
    }
    faults.sort();
    faults.dedup();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_scans_read_text_not_code() {
    assert_eq!(
        template_text(r#"<h2 id="h-clauses">{{ ctx.t("clauses-title") }}</h2> Texte {% if x %}"#)
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["Texte"]
    );
    assert_eq!(
        typst_strings(r#"#for c in data.clauses { x: "Pilotes", y: "a" } // "clause""#),
        ["Pilotes", "a"]
    );
}

/// The calques the review listed, each fixed in its message.
#[test]
fn the_reviewed_calques_stay_fixed() {
    let ar = |k| message(Lang::Ar, k);
    let fr = |k| message(Lang::Fr, k);
    // A feminine organisation is not تابع; the message names no gender now.
    assert!(!ar("rule-organisation-of-other-party").contains("تابع "));
    // الهيئة leads: تتولى.
    assert!(ar("items-led-title").contains("تتولى"));
    assert!(!ar("items-led-title").contains("يتولى"));
    assert_eq!(ar("field-narrative"), "وصف التقدم");
    assert!(ar("timeline-quarter").starts_with("الفصل"));
    assert_ne!(fr("col-reported-by"), "Rapporté par");
    assert_ne!(fr("form-occasion"), "Occasion");
    // Une notification : nouvelle.
    assert_eq!(fr("notifications-new"), "nouvelle");
}

/// Each legend's labels agree with the noun they count: the timeline's keys are actions
/// ("Réalisée", feminine) and periods, never "Réalisé" beside "Réalisée".
#[test]
fn legends_agree_in_gender() {
    let src =
        std::fs::read_to_string(workspace().join("crates/web/templates/timeline.html")).unwrap();
    let legend = src
        .lines()
        .find(|l| l.contains("class=\"legend\""))
        .expect("the timeline has a legend");
    let keys: Vec<&str> = legend
        .split("ctx.t(\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert!(keys.len() >= 4, "{keys:?}");
    let words: Vec<String> = keys
        .iter()
        .flat_map(|k| {
            message(Lang::Fr, k)
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    for w in &words {
        for ending in ["e", "s", "es"] {
            let other = format!("{w}{ending}");
            assert!(
                !words.contains(&other),
                "the legend says both {w:?} and {other:?}: {keys:?}"
            );
        }
    }
}

/// The Arabic classification names match the French levels one to one, as Moroccan texts
/// name them (see the note above `marking-restricted` in `ar.ftl`).
#[test]
fn markings_match_one_to_one() {
    let levels = ["unclassified", "restricted", "confidential", "secret"];
    let ar: Vec<String> = levels
        .iter()
        .map(|l| message(Lang::Ar, &format!("marking-{l}")))
        .collect();
    assert_eq!(ar, ["غير مصنف", "نشر محدود", "كتمان", "سري"]);
    let fr: Vec<String> = levels
        .iter()
        .map(|l| message(Lang::Fr, &format!("marking-{l}")))
        .collect();
    assert_eq!(
        fr,
        [
            "Non classifié",
            "Diffusion restreinte",
            "Confidentiel",
            "Secret"
        ]
    );
    // No name is another's with a word added ("سري" / "سري جدًا"), so a banner cannot read
    // one level for another.
    for (i, a) in ar.iter().enumerate() {
        for (j, b) in ar.iter().enumerate() {
            assert!(i == j || !b.contains(a.as_str()), "{a} / {b}");
        }
    }
}

/// Every field name a rule reports (the literals of `core`'s checks, positions as `0`) has
/// a `field-…` label in the three languages, so no message says "leads:" or
/// "display_name:".
#[test]
fn every_field_a_rule_names_has_a_label() {
    let dir = workspace().join("crates/core/src");
    let mut sources = Vec::new();
    files(&dir.join("rules"), "rs", &mut sources);
    sources.push(dir.join("rules.rs"));
    let mut names = Vec::new();
    for p in sources {
        let src = std::fs::read_to_string(&p).unwrap();
        for (i, piece) in src.split('"').enumerate() {
            let field = piece.replace(['{', '}'], "");
            let looks_like_path = i % 2 == 1
                && !field.is_empty()
                && field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                && !field.starts_with('.')
                && !field.ends_with('.');
            if looks_like_path {
                names.push(field);
            }
        }
    }
    names.sort();
    names.dedup();
    assert!(names.len() > 30, "{names:?}");
    let mut unlabelled = Vec::new();
    for path in &names {
        // `leads.n.party_id`: the last segment that is not a position names the field.
        let last = path
            .split('.')
            .rev()
            .find(|s| s.len() > 1 && s.chars().any(|c| c != '_'))
            .unwrap_or(path);
        if !FIELD_NAMES.contains(&last) {
            unlabelled.push(path.clone());
            continue;
        }
        for lang in Lang::ALL {
            let label = field_label(last, lang);
            let key = format!("field-{last}");
            let arabic = label
                .chars()
                .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
            if label == key || (lang == Lang::Ar) != arabic {
                unlabelled.push(format!("{path} ({})", lang.code()));
            }
        }
    }
    assert!(
        unlabelled.is_empty(),
        "fields without labels: {unlabelled:?}"
    );
}
