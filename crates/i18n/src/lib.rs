//! Every user-facing sentence of Taawun, and the locale formats around them: one Fluent
//! catalogue per language (`locales/*.ftl`, embedded), plural-aware, and ICU4X dates and
//! numbers. `docs`, `app` and `web` word what they show through this crate, so a sentence
//! exists once, in three languages, and the locale test sees all of them.
//!
//! `core` says what went wrong as data (`RuleError`, `RowProblem`, `SheetError`, import
//! `Field`s); the traits here give those types the methods their callers use
//! (`e.message(lang)`, `p.message(lang, parties)`, `f.label(lang, parties)`): a caller only
//! needs `use taawun_i18n::{Wording, ProblemWording, FieldLabel};`.

pub mod catalogue;
pub mod files;
pub mod fmt;
pub mod import;
pub mod minutes;
pub mod rules;
pub mod sheet;

pub use catalogue::{format, message, message_args, message_count, message_with};
/// Arguments of a message, for callers that build them (numbers, several values).
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use import::{FieldLabel, ProblemWording, guess_mapping};
pub use rules::{Wording, field_label};

/// A text made by `f` in each language: a bilingual document needs every sentence in each
/// of its languages, not only in the reader's.
pub fn each(f: impl Fn(taawun_core::Lang) -> String) -> taawun_core::LocalizedText {
    let mut t = taawun_core::LocalizedText::default();
    for l in taawun_core::Lang::ALL {
        t.set(l, Some(f(l)));
    }
    t
}
