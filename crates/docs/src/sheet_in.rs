//! Reads an uploaded spreadsheet (.xlsx, .ods or .csv) into a `Sheet`: the format is taken
//! from the content, the name only breaks ties, and every failure is a `SheetError`. Every
//! limit of `ReadLimits` is spent while reading (`budget`), before anything is expanded.
//! Excel 97–2003 (.xls) files are refused: calamine reads them whole and sizes its memory from
//! what the file declares, which no check before it can bound.

mod budget;
mod delimited;
mod ods;
mod workbook;

use crate::sheet_error::{ReadLimits, SheetError};
use taawun_core::sheet::{Cell, Sheet};

/// Reads the first sheet of `bytes`: header = first non-empty row, trailing empty rows dropped,
/// every row padded to the header's width. Limits are checked while reading.
pub fn read_sheet(bytes: &[u8], file_name: &str, limits: &ReadLimits) -> Result<Sheet, SheetError> {
    if bytes.len() > limits.max_bytes {
        return Err(SheetError::TooLarge {
            max_bytes: limits.max_bytes,
        });
    }
    match sniff(bytes, file_name) {
        Format::Nothing => Err(SheetError::Empty),
        Format::Xlsx => workbook::read_xlsx(bytes, limits),
        Format::Ods => ods::read(bytes, limits),
        Format::Xls => Err(SheetError::OldOrProtected),
        Format::Delimited => delimited::read(bytes, limits),
        Format::Other => Err(SheetError::NotASpreadsheet),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Format {
    Nothing,
    Xlsx,
    Ods,
    Xls,
    Delimited,
    Other,
}

const ZIP_ENTRY: &[u8] = b"PK\x03\x04";
/// Compound File Binary: Excel 97–2003 (and password-protected .xlsx, which then fails to read).
const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// An OpenDocument file stores its type uncompressed as the first zip entry, "mimetype".
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

fn sniff(bytes: &[u8], file_name: &str) -> Format {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.is_empty() {
        return Format::Nothing;
    }
    if bytes.starts_with(ZIP_ENTRY) {
        let head = &bytes[..bytes.len().min(128)];
        let is_ods = head.windows(ODS_MIMETYPE.len()).any(|w| w == ODS_MIMETYPE);
        return if is_ods || ext == "ods" {
            Format::Ods
        } else {
            Format::Xlsx
        };
    }
    if bytes.starts_with(CFB) {
        return Format::Xls;
    }
    // A spreadsheet name on other bytes (or an empty zip, "PK\x05\x06") is not CSV text: parsing
    // it as such would hand the importer nonsense rows instead of telling the person.
    if bytes.starts_with(b"PK") || matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        return Format::Other;
    }
    Format::Delimited
}

/// Turns cells arriving in reading order (row by row) into a `Sheet`, enforcing the limits
/// as they come so that an oversized sheet stops the reader early.
pub(crate) struct Collector {
    limits: ReadLimits,
    header_row: Option<usize>,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Collector {
    pub(crate) fn new(limits: &ReadLimits) -> Self {
        Collector {
            limits: *limits,
            header_row: None,
            headers: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Takes one cell at a 0-based position; `Cell::Empty` is ignored.
    pub(crate) fn add(&mut self, row: usize, col: usize, cell: Cell) -> Result<(), SheetError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        if col >= self.limits.max_columns {
            return Err(SheetError::TooManyColumns {
                max: self.limits.max_columns,
            });
        }
        let header_row = *self.header_row.get_or_insert(row);
        if row < header_row {
            // Only an out-of-order file gets here; above the header means nothing to us.
            return Ok(());
        }
        if row == header_row {
            if self.headers.len() <= col {
                self.headers.resize(col + 1, String::new());
            }
            self.headers[col] = cell.display();
            return Ok(());
        }
        let index = row - header_row - 1;
        if index >= self.limits.max_rows {
            return Err(SheetError::TooManyRows {
                max: self.limits.max_rows,
            });
        }
        // A value under no header has no column to be imported into.
        if col >= self.headers.len() {
            return Ok(());
        }
        if self.rows.len() <= index {
            self.rows.resize_with(index + 1, Vec::new);
        }
        let cells = &mut self.rows[index];
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<Sheet, SheetError> {
        // Rows only exist up to the last one holding a value: trailing empty rows never do.
        if self.headers.is_empty() || self.rows.is_empty() {
            return Err(SheetError::Empty);
        }
        let width = self.headers.len();
        for row in &mut self.rows {
            row.resize(width, Cell::Empty);
        }
        Ok(Sheet {
            headers: self.headers,
            rows: self.rows,
        })
    }
}

/// Text as a cell: trimmed, and `Empty` when nothing is left.
pub(crate) fn text_cell(s: &str) -> Cell {
    let s = s.trim();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_and_the_name_only_breaks_ties() {
        assert_eq!(sniff(b"", "a.csv"), Format::Nothing);
        assert_eq!(sniff(b"PK\x03\x04rest", "a.csv"), Format::Xlsx);
        assert_eq!(sniff(b"PK\x03\x04rest", "a.ods"), Format::Ods);
        assert_eq!(sniff(CFB, "a.xlsx"), Format::Xls);
        assert_eq!(sniff(b"name,date\n", "a.xlsx"), Format::Other);
        assert_eq!(sniff(b"PK\x05\x06", "a.csv"), Format::Other);
        assert_eq!(sniff(b"name,date\n", "a.CSV"), Format::Delimited);
        assert_eq!(sniff(b"name,date\n", "export"), Format::Delimited);
    }

    #[test]
    fn header_is_the_first_non_empty_row_and_rows_are_padded() {
        let mut c = Collector::new(&ReadLimits::default());
        c.add(2, 0, text_cell(" Name ")).unwrap();
        c.add(2, 1, text_cell("Date")).unwrap();
        c.add(3, 0, text_cell("Awa")).unwrap();
        c.add(3, 7, text_cell("no header here")).unwrap();
        c.add(5, 1, Cell::Number(3.0)).unwrap();
        c.add(9, 0, text_cell("   ")).unwrap();
        let sheet = c.finish().unwrap();
        assert_eq!(sheet.headers, ["Name", "Date"]);
        assert_eq!(
            sheet.rows,
            [
                vec![Cell::Text("Awa".into()), Cell::Empty],
                vec![Cell::Empty, Cell::Empty],
                vec![Cell::Empty, Cell::Number(3.0)],
            ]
        );
    }

    #[test]
    fn limits_stop_the_reading() {
        let limits = ReadLimits {
            max_bytes: 100,
            max_rows: 2,
            max_columns: 3,
            ..ReadLimits::default()
        };
        let mut c = Collector::new(&limits);
        c.add(0, 0, text_cell("h")).unwrap();
        c.add(2, 0, text_cell("x")).unwrap();
        assert_eq!(
            c.add(3, 0, text_cell("x")),
            Err(SheetError::TooManyRows { max: 2 })
        );
        assert_eq!(
            c.add(1, 3, text_cell("x")),
            Err(SheetError::TooManyColumns { max: 3 })
        );
        let mut header_only = Collector::new(&limits);
        header_only.add(0, 0, text_cell("h")).unwrap();
        assert_eq!(header_only.finish(), Err(SheetError::Empty));
        assert_eq!(Collector::new(&limits).finish(), Err(SheetError::Empty));
    }
}
