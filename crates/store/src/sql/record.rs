//! What the write path needs to know about a record type: its table, and the column and
//! link-table values derived from the record. Every write goes through these, so the JSON
//! document and the indexed columns of a row are always computed from the same value.

use super::d::{Args, Db};
use chrono::NaiveDate;
use serde::{Serialize, de::DeserializeOwned};
use sqlx::query::Query;
use taawun_core::{Id, Kinded, LocalizedText, Protection, RecordKind, party::fold};

/// A value bound to a column. Three kinds cover the schema: ids and dates are text.
#[derive(Debug, Clone, PartialEq)]
pub(in super::super) enum Value {
    Text(String),
    Int(i64),
    Null,
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<RecordKind> for Value {
    // The kind's key: the text the audit log and the search index have always held.
    fn from(v: RecordKind) -> Self {
        Value::Text(v.key().to_string())
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<u32> for Value {
    fn from(v: u32) -> Self {
        Value::Int(v.into())
    }
}
impl From<Id> for Value {
    fn from(v: Id) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<NaiveDate> for Value {
    // ISO `yyyy-mm-dd`: text comparison then agrees with date order.
    fn from(v: NaiveDate) -> Self {
        Value::Text(v.format("%Y-%m-%d").to_string())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// Binds one value to the next placeholder of a query.
pub(in super::super) fn bind<'q>(q: Query<'q, Db, Args<'q>>, v: Value) -> Query<'q, Db, Args<'q>> {
    match v {
        Value::Text(s) => q.bind(super::d::text(s)),
        Value::Int(i) => q.bind(i),
        Value::Null => q.bind(super::d::null()),
    }
}

/// The rows a record owns in one link table. They are replaced wholesale on each save, so
/// the table always mirrors the record's current lists.
pub(super) struct Links {
    pub table: &'static str,
    /// Column holding the owning record's id.
    pub owner: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
}

/// A record type stored in its own table. Its kind (`Kinded::KIND`) names it in the audit
/// log, the search index and errors.
pub(super) trait Record:
    Kinded + Serialize + DeserializeOwned + Clone + Send + Sync + Unpin + 'static
{
    const TABLE: &'static str;

    fn id(&self) -> Id;
    fn version(&self) -> i64;
    fn set_version(&mut self, version: i64);
    /// The record's classification and releasability, validated on every save.
    fn protection(&self) -> Protection;
    /// The indexed columns, besides `id`, `version` and `doc`.
    fn columns(&self) -> Vec<(&'static str, Value)>;
    /// Every link table the type owns, each listed even when it has no rows, so that a
    /// save clears rows the record no longer holds.
    fn links(&self) -> Vec<Links> {
        Vec::new()
    }
}

/// A sort key for a localized name: the first language present, folded (case and Latin
/// accents ignored) so that `État-major` sorts among the e's and not after `z`.
pub(super) fn sort_name(t: &LocalizedText) -> String {
    fold(t.values().next().unwrap_or_default())
}

/// A sort key that orders printed codes naturally: each run of digits is left-padded, so
/// `1.2` sorts before `1.10` and `2` before `10`.
pub(super) fn natural_key(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            let trimmed = digits.trim_start_matches('0');
            out.push_str(&format!("{trimmed:0>12}"));
            digits.clear();
        }
    };
    for c in code.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_key_orders_codes_as_printed() {
        let mut codes = vec!["1.10", "2", "1.2", "10.1", "1.1a", "A.3", "1.02"];
        codes.sort_by_key(|c| natural_key(c));
        assert_eq!(codes, ["1.1a", "1.2", "1.02", "1.10", "2", "10.1", "A.3"]);
    }

    #[test]
    fn dates_bind_as_iso_text() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 7).unwrap();
        assert_eq!(Value::from(d), Value::Text("2025-02-07".into()));
        assert_eq!(Value::from(None::<NaiveDate>), Value::Null);
    }
}
