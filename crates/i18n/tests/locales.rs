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
    // Keys built at run time (`lang-name-{}`) are checked by enumeration below. Only what
    // can be a catalogue id counts: the demo data's `t("باماكو", "Bamako", …)` builds a
    // localized text, it asks the catalogue for nothing.
    keys.retain(|k| {
        k.starts_with(|c: char| c.is_ascii_lowercase())
            && k.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    });
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
    wanted.extend(attachment::Purpose::ALL.map(|p| format!("file-purpose-{}", p.key())));
    {
        use attachment::FileRefusal::*;
        let refusals = [
            Empty,
            TooLarge { max_bytes: 1 },
            NotAccepted,
            Damaged,
            Bomb,
            Scanner,
            ScannerFailed,
        ];
        wanted.extend(
            refusals
                .iter()
                .map(|r| taawun_i18n::files::file_refusal_key(r).to_string()),
        );
    }
    for action in ["attach_file", "replace_file", "purge_file"] {
        wanted.push(format!("history-action-{action}"));
    }
    for lang in LANGS {
        let known = messages(lang);
        for key in &wanted {
            assert!(known.contains(key), "{lang}.ftl lacks {key}");
        }
    }
}

/// One rule of each kind. `kind` is exhaustive, so a new `Rule` fails to compile here until
/// it is given a sample, and the sample then needs its sentence in every catalogue.
fn rule_samples() -> Vec<taawun_core::rules::Rule> {
    use taawun_core::rules::Rule::{self, *};
    use taawun_core::{ItemStatus, Lifecycle};
    fn kind(r: &Rule) -> usize {
        match r {
            Required => 0,
            TooLong { .. } => 1,
            TooShort { .. } => 2,
            EndBeforeStart => 3,
            DueBeforeStart => 4,
            DateBefore { .. } => 5,
            DateMissing => 6,
            PercentOutOfRange => 7,
            NotPositive => 8,
            OrdinalTaken => 9,
            Duplicate => 10,
            TooFewParties => 11,
            MemberOfOtherParty => 12,
            PartyNotInCommission => 13,
            LeadNotOfPlanParty => 14,
            DuplicateSide => 15,
            MissingSide => 16,
            TwoHeads => 17,
            OrganisationOfOtherParty => 18,
            BadIsoCode => 19,
            LifecycleTransition { .. } => 20,
            StatusTransition { .. } => 21,
            NotALeadParty => 22,
            OnlyWhenCancelled => 23,
            CancelledBySecretariat => 24,
            Unknown => 25,
            MinutesAdopted => 26,
            MinutesScanMissing => 27,
            MinutesAdoption => 28,
            PartnersRecord => 29,
        }
    }
    let mut all = vec![
        Required,
        TooLong { max: 500 },
        TooShort { min: 12 },
        EndBeforeStart,
        DueBeforeStart,
        DateBefore { other: "signed_on" },
        DateMissing,
        PercentOutOfRange,
        NotPositive,
        OrdinalTaken,
        Duplicate,
        TooFewParties,
        MemberOfOtherParty,
        PartyNotInCommission,
        LeadNotOfPlanParty,
        DuplicateSide,
        MissingSide,
        TwoHeads,
        OrganisationOfOtherParty,
        BadIsoCode,
        NotALeadParty,
        OnlyWhenCancelled,
        CancelledBySecretariat,
        Unknown,
        MinutesAdopted,
        MinutesScanMissing,
        MinutesAdoption,
        PartnersRecord,
    ];
    for from in Lifecycle::ALL {
        all.extend(Lifecycle::ALL.map(|to| LifecycleTransition { from, to }));
    }
    for from in ItemStatus::ALL {
        all.extend(ItemStatus::ALL.map(|to| StatusTransition { from, to }));
    }
    let seen: BTreeSet<usize> = all.iter().map(kind).collect();
    assert_eq!(seen.len(), 30, "a rule kind has no sample");
    all
}

/// A sentence worded from the catalogue: its key exists in this language, and every
/// argument it names was given (Fluent shows a missing one as `{$name}`).
fn assert_worded(known: &BTreeSet<String>, lang: &str, key: &str, text: &str) {
    assert!(known.contains(key), "{lang}.ftl lacks {key}");
    assert!(!text.contains('{') && text != key, "{lang} {key}: {text:?}");
}

#[test]
fn every_rule_problem_and_sheet_error_is_worded_in_each_catalogue() {
    use taawun_core::import::{Field, Problem, RowProblem, fields};
    use taawun_core::rules::RuleError;
    use taawun_core::sheet::SheetError;
    use taawun_core::{Id, Lang, Party};
    use taawun_i18n::import::problem_key;
    use taawun_i18n::rules::{FIELD_NAMES, rule_key};
    use taawun_i18n::sheet::sheet_error_key;
    use taawun_i18n::{FieldLabel, ProblemWording, Wording};

    let party = Party {
        id: Id::from_u128(0x1B),
        kind: taawun_core::PartyKind::State,
        iso_code: Some("ML".into()),
        name: taawun_core::LocalizedText::new("جمهورية مالي", "République du Mali", ""),
        short_name: Default::default(),
        protection: Default::default(),
        version: 1,
    };
    let parties = [party];
    let mut problems = Vec::new();
    for f in fields(&parties) {
        problems.push(Problem::Unmapped(f.clone()));
        problems.push(Problem::Missing(f));
    }
    problems.extend([
        Problem::BadDate("31/02/2026".into()),
        Problem::UnknownOrganisation {
            value: "Garde".into(),
            party: parties[0].id,
        },
        Problem::OrganisationOfOtherParty {
            value: "FAR".into(),
            party: parties[0].id,
        },
        Problem::UnknownArea("Cyber".into()),
        Problem::DuplicateCode("1.6".into()),
        Problem::CodeTaken("2.1".into()),
        Problem::DuplicateId("7f3c".into()),
        Problem::VersionConflict {
            code: "2.1".into(),
            yours: "2".into(),
            stored: 3,
        },
        Problem::Rule(RuleError::new(
            "due_on",
            taawun_core::rules::Rule::DueBeforeStart,
        )),
    ]);
    // Exhaustive, like the rules' `kind`: a new problem fails to compile until it has a sample.
    let kind = |p: &Problem| match p {
        Problem::Unmapped(_) => 0,
        Problem::Missing(_) => 1,
        Problem::BadDate(_) => 2,
        Problem::UnknownOrganisation { .. } => 3,
        Problem::OrganisationOfOtherParty { .. } => 4,
        Problem::UnknownArea(_) => 5,
        Problem::DuplicateCode(_) => 6,
        Problem::CodeTaken(_) => 7,
        Problem::DuplicateId(_) => 9,
        Problem::VersionConflict { .. } => 10,
        Problem::Rule(_) => 8,
    };
    let problem_kinds: BTreeSet<usize> = problems.iter().map(kind).collect();
    assert_eq!(
        problem_kinds.len(),
        11,
        "an import problem kind has no sample"
    );
    let sheet_errors = [
        SheetError::TooLarge {
            max_bytes: 10 * 1024 * 1024,
        },
        SheetError::TooManyRows { max: 20_000 },
        SheetError::TooManyColumns { max: 100 },
        SheetError::Empty,
        SheetError::NotASpreadsheet,
        SheetError::Damaged("zip".into()),
        SheetError::NotUtf8,
        SheetError::UnpacksTooLarge {
            max_bytes: 128 * 1024 * 1024,
        },
        SheetError::TooManyCells { max: 2_500_000 },
        SheetError::TooSlow,
        SheetError::OldOrProtected,
    ];
    // Exhaustive too: a new reading error fails to compile until it has a sample above.
    let sheet_kind = |e: &SheetError| match e {
        SheetError::TooLarge { .. } => 0,
        SheetError::TooManyRows { .. } => 1,
        SheetError::TooManyColumns { .. } => 2,
        SheetError::Empty => 3,
        SheetError::NotASpreadsheet => 4,
        SheetError::Damaged(_) => 5,
        SheetError::NotUtf8 => 6,
        SheetError::UnpacksTooLarge { .. } => 7,
        SheetError::TooManyCells { .. } => 8,
        SheetError::TooSlow => 9,
        SheetError::OldOrProtected => 10,
    };
    let sheet_kinds: BTreeSet<usize> = sheet_errors.iter().map(sheet_kind).collect();
    assert_eq!(sheet_kinds.len(), 11, "a sheet error kind has no sample");

    for (code, lang) in LANGS.into_iter().zip([Lang::Ar, Lang::Fr, Lang::En]) {
        assert_eq!(lang.code(), code);
        let known = messages(code);
        for name in FIELD_NAMES {
            assert!(known.contains(&format!("field-{name}")), "{code}: {name}");
        }
        for rule in rule_samples() {
            let e = RuleError::new("title", rule);
            assert_worded(&known, code, rule_key(&e.rule), &e.message(lang));
        }
        for problem in &problems {
            for column in [None, Some("Date".to_string())] {
                let p = RowProblem {
                    row: 2,
                    column: column.clone(),
                    problem: problem.clone(),
                };
                let key = problem_key(problem, column.is_some());
                assert_worded(&known, code, key, &p.message(lang, &parties));
            }
        }
        for f in fields(&parties)
            .iter()
            .chain([&Field::Lead(Id::from_u128(9))])
        {
            assert!(!f.label(lang, &parties).contains('{'), "{code} {f:?}");
        }
        for e in &sheet_errors {
            assert_worded(&known, code, sheet_error_key(e), &e.message(lang));
        }
    }
}
