//! Shared fixtures of the rule tests: fixed ids and text helpers here, one valid record
//! of each kind in `records`, check inputs in `ctx`, the table runner in `table`.
// Each test file uses only part of the fixtures.
#![allow(dead_code, unused_imports)]

mod ctx;
mod records;
mod table;

pub use ctx::*;
pub use records::*;
pub use table::*;

use chrono::NaiveDate;
use taawun_core::{Id, LocalizedText};

pub const PARTY_A: Id = Id::from_u128(0xA1);
pub const PARTY_B: Id = Id::from_u128(0xB1);
/// A party that is not one of the commission's.
pub const PARTY_OUT: Id = Id::from_u128(0xC1);
pub const ORG_A: Id = Id::from_u128(0xA2);
pub const ORG_A2: Id = Id::from_u128(0xA3);
pub const ORG_B: Id = Id::from_u128(0xB2);
pub const ORG_OUT: Id = Id::from_u128(0xC2);
pub const RANK_A: Id = Id::from_u128(0xA4);
pub const RANK_B: Id = Id::from_u128(0xB4);
pub const PERSON_A1: Id = Id::from_u128(0xA5);
pub const PERSON_A2: Id = Id::from_u128(0xA6);
pub const PERSON_B1: Id = Id::from_u128(0xB5);
pub const PERSON_B2: Id = Id::from_u128(0xB6);
pub const PERSON_OUT: Id = Id::from_u128(0xC5);
/// An id that names no record.
pub const NOBODY: Id = Id::from_u128(0xDEAD);
pub const COMMISSION: Id = Id::from_u128(0x100);
pub const AGREEMENT: Id = Id::from_u128(0x200);
pub const PLAN: Id = Id::from_u128(0x300);
pub const ITEM: Id = Id::from_u128(0x301);
pub const AREA: Id = Id::from_u128(0x400);

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn text(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

/// Text present in no language.
pub fn blank() -> LocalizedText {
    LocalizedText::default()
}

/// Text present in every language, but only as whitespace (as a form or import may send it).
pub fn whitespace() -> LocalizedText {
    LocalizedText {
        ar: Some("  ".into()),
        fr: Some("\u{a0}\t".into()),
        en: Some("\n\u{3000}".into()),
    }
}

/// Text whose only value, in French, is `n` characters long.
pub fn long_text(n: usize) -> LocalizedText {
    text("", &"é".repeat(n), "")
}
