//! The store test suite: backend-independent cases that take a fresh, empty `&dyn Store`
//! and go through the trait only. Each backend's test file runs every case against its
//! own store (see `tests/sqlite.rs`); a new backend passes when it runs them all.
//! The `Visible` cases take an `Arc<dyn Store>`, as `Visible` itself does.

mod access;
mod accounts;
mod batch;
mod counters;
mod demo;
mod feeds;
mod figures;
pub mod fixtures;
mod followup;
mod notifications;
mod queries;
mod records;
mod rules;
mod search;
mod search_names;
mod settings;
mod visible;
mod writes;

pub use access::*;
pub use accounts::*;
pub use batch::*;
pub use counters::*;
pub use demo::*;
pub use feeds::*;
pub use figures::*;
pub use followup::*;
pub use notifications::*;
pub use queries::*;
pub use records::*;
pub use rules::*;
pub use search::*;
pub use search_names::*;
pub use settings::*;
pub use visible::*;
pub use writes::*;
