//! A spreadsheet as read from a file (.xlsx or .csv), before any meaning is given to its
//! columns: the reader in `taawun-docs` produces it (or a `SheetError`), `import` maps it onto
//! records.

use chrono::NaiveDate;

/// One cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date (or date and time: the time is dropped).
    Date(NaiveDate),
}

impl Cell {
    /// The value as a person would read it in the cell, trimmed; empty for `Empty`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            // Whole numbers without a trailing ".0": a code typed as 12 reads "12".
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.display().is_empty()
    }
}

/// The first sheet of a file: its header row and the rows under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// Header texts, trimmed, one per column.
    pub headers: Vec<String>,
    /// Data rows; every row has `headers.len()` cells (short rows are padded with `Empty`).
    pub rows: Vec<Vec<Cell>>,
}

/// Why a spreadsheet could not be read, as data: the reader in `taawun-docs` returns it, and
/// `taawun-i18n` words it for the person who uploaded the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("file larger than {max_bytes} bytes")]
    TooLarge { max_bytes: usize },
    #[error("more than {max} rows")]
    TooManyRows { max: usize },
    #[error("more than {max} columns")]
    TooManyColumns { max: usize },
    /// No header, or a header and no rows under it.
    #[error("no rows")]
    Empty,
    #[error("not a spreadsheet")]
    NotASpreadsheet,
    /// A spreadsheet that could not be read to the end; the detail is for logs, not readers.
    #[error("damaged spreadsheet: {0}")]
    Damaged(String),
    #[error("text is not UTF-8")]
    NotUtf8,
    /// The archive inflates to more than the reader's budget (counted as it is inflated,
    /// not as declared), or repeats would expand past it.
    #[error("unpacks to more than {max_bytes} bytes")]
    UnpacksTooLarge { max_bytes: usize },
    /// More cell positions than the reader walks for one file (see `ReadLimits::max_cells`).
    #[error("more than {max} cells")]
    TooManyCells { max: usize },
    /// Reading did not finish before the reader's deadline.
    #[error("reading took too long")]
    TooSlow,
    /// An Excel 97–2003 (.xls) or password-protected workbook: a compound file that cannot be
    /// read within bounded memory, so it is refused rather than read.
    #[error("old or password-protected workbook")]
    OldOrProtected,
}
