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
pub mod rules;
pub mod sheet;

pub use catalogue::{format, message, message_args, message_count, message_with};
/// Arguments of a message, for callers that build them (numbers, several values).
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use import::{FieldLabel, ProblemWording, guess_mapping};
pub use rules::{Wording, field_label};
