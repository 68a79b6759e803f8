//! Every user-facing sentence of Taawun, and the locale formats around them: one Fluent
//! catalogue per language (`locales/*.ftl`, embedded), plural-aware, and ICU4X dates and
//! numbers. `docs`, `app` and `web` word what they show through this crate, so a sentence
//! exists once, in three languages, and the locale test sees all of them.

pub mod catalogue;
pub mod fmt;

pub use catalogue::{format, message, message_args, message_count, message_with};
/// Arguments of a message, for callers that build them (numbers, several values).
pub use fluent_bundle::{FluentArgs, FluentValue};
