//! The store in the SQL both engines speak: the one write path (permission, version,
//! rules, rows and links, search entry, audit, follow-up), its batch, the reads, windows
//! and counts, accounts, feeds, settings, notifications and attachments.
//!
//! This directory is compiled twice, once inside each engine's module (`sqlite.rs` and
//! `postgres.rs` name it with `#[path]`), so each copy is typed to its engine's connection
//! without generic bounds on every function. What differs between the engines comes from
//! the including module: `Engine` (the store type, holding `pool`) and `dialect` (`d`
//! here): connection and row types, how a write transaction begins, how statements are
//! sent, and the few expressions the engines spell differently (JSON fields, string
//! aggregation, full-text search, the audit rows' append order).

use super::{Engine, dialect as d};

mod accounts;
mod attachments;
mod audit;
mod batch;
mod counters;
// Only SQLite's store generates a benchmark's data set: PostgreSQL's benchmark copies a
// generated SQLite database (`taawun copy`), the path a real deployment takes.
#[cfg(feature = "bench")]
#[allow(dead_code)]
pub(super) mod bench;
mod changes;
mod context;
mod counts;
pub(super) mod effective;
mod exchange;
mod facts;
mod feeds;
pub(super) mod follow;
mod guard;
mod item_window;
mod login;
mod many;
mod memo;
mod notices;
mod plan_window;
pub(super) mod read;
pub(super) mod record;
pub(super) mod records;
pub(super) mod script;
pub(super) mod seal;
pub(super) mod search;
mod settings;
mod store_impl;
pub(super) mod tallies;
mod windows;
pub(super) use windows::Reaches;
pub(super) mod write;
