//! A language-neutral table the web layer fills (headers already in the reader's language),
//! written out as .xlsx or .csv by `xlsx.rs` and `csv_out.rs`.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Sheet name (Excel limits: 31 chars, no []:*?/\ — sanitized on export, never an error).
    pub name: String,
    /// Right-to-left sheet (Arabic readers).
    pub rtl: bool,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
}

/// How a column's numbers are shown; the values keep their own type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Date,
    Number,
    /// Fractions shown as percentages: 0.25 reads "25%".
    Percent,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Int(i64),
}

/// Progress is reported after every this many rows, and once more at the end.
pub(crate) const PROGRESS_EVERY: usize = 500;

/// Calls `progress` every `PROGRESS_EVERY` rows and once at the end, never twice for one count.
pub(crate) struct Progress<'a> {
    report: &'a mut dyn FnMut(usize),
    last: Option<usize>,
}

impl<'a> Progress<'a> {
    pub(crate) fn new(report: &'a mut dyn FnMut(usize)) -> Self {
        Progress { report, last: None }
    }

    pub(crate) fn row_done(&mut self, rows_written: usize) {
        if rows_written.is_multiple_of(PROGRESS_EVERY) {
            self.emit(rows_written);
        }
    }

    pub(crate) fn finish(&mut self, rows_written: usize) {
        if self.last != Some(rows_written) {
            self.emit(rows_written);
        }
    }

    fn emit(&mut self, rows_written: usize) {
        (self.report)(rows_written);
        self.last = Some(rows_written);
    }
}

/// True when a spreadsheet program would take this text for a formula (or, for `\t` and `\r`,
/// could be tricked into one after its own trimming): the OWASP CSV-injection set.
pub(crate) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_every_500_and_once_at_the_end() {
        let mut seen = Vec::new();
        let mut report = |n| seen.push(n);
        let mut p = Progress::new(&mut report);
        for n in 1..=1200 {
            p.row_done(n);
        }
        p.finish(1200);
        assert_eq!(seen, [500, 1000, 1200]);

        let mut seen = Vec::new();
        let mut report = |n| seen.push(n);
        let mut p = Progress::new(&mut report);
        for n in 1..=1000 {
            p.row_done(n);
        }
        p.finish(1000);
        assert_eq!(
            seen,
            [500, 1000],
            "no duplicate report when the end falls on a step"
        );
    }

    #[test]
    fn formula_triggers() {
        for s in ["=1+1", "+33 6", "-2", "@SUM(A1)", "\t=x"] {
            assert!(looks_like_formula(s), "{s:?}");
        }
        for s in ["", "Bamako", "1-2", "مالي", " =x"] {
            assert!(!looks_like_formula(s), "{s:?}");
        }
    }
}
