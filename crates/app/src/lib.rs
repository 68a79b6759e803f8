//! The use cases both front ends run. `web` and `cli` extract their input (a form, a
//! command line), call a function here or read through `Visible`, and present the result;
//! what an import, an export, a reminder pass or an account creation *does* is written once,
//! here, over `store` and `docs`, in the languages of `i18n`. No HTTP, no HTML, no SQL.

pub mod accounts;
pub mod ask;
pub mod exchange;
pub mod export;
pub mod files;
pub mod generate;
pub mod import;
pub mod items;
pub mod jobs;
pub mod lookup;
pub mod minutes;
pub mod next_session;
pub mod remind;
