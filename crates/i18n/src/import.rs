//! The import's words: the names of the fields a column can fill (which are also the items
//! export's headers, so an exported sheet imports back with its mapping guessed), the
//! sentences of row problems, and the guessing of a mapping from headers in any language.

use crate::catalogue::{format, message};
use crate::rules::{Wording, rule_key};
use crate::{FluentArgs, FluentValue};
use taawun_core::import::{Field, Mapping, Problem, RowProblem, SavedMapping, guess_mapping_with};
use taawun_core::{Id, Lang, Party};

/// `Field::label`: bring it into scope with `use taawun_i18n::FieldLabel;`.
pub trait FieldLabel {
    /// Column header / field name in a language: fr "Titre (arabe)", "Chef de file —
    /// Mali"; ar "العنوان (بالعربية)", "الهيئة المكلّفة — مالي".
    fn label(&self, lang: Lang, parties: &[Party]) -> String;
}

impl FieldLabel for Field {
    fn label(&self, lang: Lang, parties: &[Party]) -> String {
        let with = |key: &str, name: &str, value: String| {
            let mut args = FluentArgs::new();
            args.set(name.to_string(), FluentValue::from(value));
            format(lang, key, Some(&args))
        };
        let language = |of: Lang| message(lang, &format!("import-field-language-{}", of.code()));
        match self {
            Field::Code => message(lang, "import-field-code"),
            Field::Title(l) => with("import-field-title", "language", language(*l)),
            Field::Description(l) => with("import-field-description", "language", language(*l)),
            Field::Area => message(lang, "import-field-area"),
            Field::Lead(id) => with("import-field-lead", "party", party_name(*id, parties, lang)),
            Field::StartOn => message(lang, "import-field-start-on"),
            Field::DueOn => message(lang, "import-field-due-on"),
            Field::Id => message(lang, "import-field-id"),
            Field::Version => message(lang, "import-field-version"),
        }
    }
}

/// `RowProblem::message`: bring it into scope with `use taawun_i18n::ProblemWording;`.
pub trait ProblemWording {
    /// A full sentence in the reader's language naming the value and the field, e.g. fr
    /// « Organisme inconnu « Xyz » pour la partie Mali. ». The row is not in the sentence:
    /// the preview shows it beside, as a number the reader's locale formats.
    fn message(&self, lang: Lang, parties: &[Party]) -> String;
}

impl ProblemWording for RowProblem {
    fn message(&self, lang: Lang, parties: &[Party]) -> String {
        let key = problem_key(&self.problem, self.column.is_some());
        let mut args = FluentArgs::new();
        let mut set = |name: &'static str, value: String| args.set(name, FluentValue::from(value));
        let side = |id: Id| party_name(id, parties, lang);
        match &self.problem {
            Problem::Unmapped(Field::Title(_)) | Problem::Missing(Field::Title(_)) => {}
            Problem::Missing(Field::Lead(party)) => set("party", side(*party)),
            Problem::Unmapped(f) | Problem::Missing(f) => set("field", f.label(lang, parties)),
            Problem::BadDate(value) => {
                set("value", value.clone());
                if let Some(column) = &self.column {
                    set("column", column.clone());
                }
            }
            Problem::UnknownOrganisation { value, party }
            | Problem::OrganisationOfOtherParty { value, party } => {
                set("value", value.clone());
                set("party", side(*party));
            }
            Problem::UnknownArea(value) => set("value", value.clone()),
            Problem::DuplicateCode(code) | Problem::CodeTaken(code) => set("code", code.clone()),
            Problem::DuplicateId(id) => set("id", id.clone()),
            Problem::VersionConflict {
                code,
                yours,
                stored,
            } => {
                set("code", code.clone());
                set("yours", yours.clone());
                set("stored", stored.to_string());
            }
            // What the rules found reads as the rule's own message.
            Problem::Rule(e) => return e.message(lang),
        }
        format(lang, key, Some(&args))
    }
}

/// The catalogue key of a problem's sentence (a bad date names its column when it has one).
/// Exhaustive: a new `Problem` does not compile until it is given a key.
pub fn problem_key(problem: &Problem, in_column: bool) -> &'static str {
    match problem {
        Problem::Unmapped(Field::Title(_)) => "import-problem-unmapped-title",
        Problem::Unmapped(_) => "import-problem-unmapped",
        Problem::Missing(Field::Title(_)) => "import-problem-missing-title",
        Problem::Missing(Field::Lead(_)) => "import-problem-missing-lead",
        Problem::Missing(_) => "import-problem-missing",
        Problem::BadDate(_) if in_column => "import-problem-bad-date-in-column",
        Problem::BadDate(_) => "import-problem-bad-date",
        Problem::UnknownOrganisation { .. } => "import-problem-unknown-organisation",
        Problem::OrganisationOfOtherParty { .. } => "import-problem-organisation-of-other-party",
        Problem::UnknownArea(_) => "import-problem-unknown-area",
        Problem::DuplicateCode(_) => "import-problem-duplicate-code",
        Problem::CodeTaken(_) => "import-problem-code-taken",
        Problem::DuplicateId(_) => "import-problem-duplicate-id",
        Problem::VersionConflict { .. } => "import-problem-version-conflict",
        Problem::Rule(e) => rule_key(&e.rule),
    }
}

/// Guesses a mapping from a sheet's headers (`core::import::guess_mapping_with`), knowing
/// each field by its label in the three languages and by its key: an export in any language
/// imports back with every column found.
pub fn guess_mapping(
    headers: &[String],
    parties: &[Party],
    saved: Option<&SavedMapping>,
) -> Mapping {
    guess_mapping_with(headers, parties, saved, |f, lang| f.label(lang, parties))
}

/// A party as tables name it: its short name ("Mali"), else its formal name, else its ISO
/// code, else its id, so that a label never comes out empty.
fn party_name(id: Id, parties: &[Party], lang: Lang) -> String {
    let Some(p) = parties.iter().find(|p| p.id == id) else {
        return id.to_string();
    };
    let name = p.short_name.pick(lang).or_else(|| p.name.pick(lang));
    match (name, &p.iso_code) {
        (Some(n), _) => n.text.to_string(),
        (None, Some(iso)) => iso.clone(),
        (None, None) => id.to_string(),
    }
}
