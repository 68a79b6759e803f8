//! Reading a date from a cell as secretariats type them: day first (the convention in
//! Morocco and Mali), ISO, Arabic-Indic digits, or a date cell Excel stored as a number.

use crate::sheet::Cell;
use chrono::{Datelike, Days, NaiveDate};

/// Years a number cell may name as an Excel serial date. Outside them a number is far more
/// likely a typing slip (a year, a percentage) than a date, and is refused.
const SERIAL_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The date in a cell: `Ok(None)` when blank (dates are optional), `Err` with the cell's
/// text when it is not a date in an accepted form.
pub(super) fn read_date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    let date = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(t) if t.trim().is_empty() => return Ok(None),
        Cell::Date(d) => Some(*d),
        Cell::Text(t) => from_text(t),
        Cell::Number(n) => from_serial(*n),
        Cell::Bool(_) => None,
    };
    date.map(Some).ok_or_else(|| cell.display())
}

/// `yyyy-mm-dd`, `dd/mm/yyyy`, `dd.mm.yyyy` or `dd-mm-yyyy`; day and month may have one
/// digit. Arabic-Indic and Eastern Arabic-Indic digits count as digits, and the direction
/// marks an Arabic editor may insert around them are ignored.
fn from_text(text: &str) -> Option<NaiveDate> {
    let plain: String = text
        .chars()
        .filter(|c| !is_direction_mark(*c))
        .map(western_digit)
        .collect();
    let plain = plain.trim();
    let sep = plain.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = plain.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|d| d.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day) = match (a.len(), c.len()) {
        (4, _) if sep == '-' => (a, b, c),
        (1 | 2, 4) => (c, b, a),
        _ => return None,
    };
    if month.len() > 2 || day.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Days since 1899-12-30, Excel's count for every date after February 1900; a fraction is
/// a time of day and is dropped.
fn from_serial(n: f64) -> Option<NaiveDate> {
    // NaN and infinities fall outside the range too.
    if !(0.0..=1e6).contains(&n) {
        return None;
    }
    let day =
        NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(n.floor() as u64))?;
    SERIAL_YEARS.contains(&day.year()).then_some(day)
}

fn western_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        other => other,
    }
}

/// Left-to-right, right-to-left and Arabic letter marks, embeddings and isolates.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
