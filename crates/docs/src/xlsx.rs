//! A `Table` as an .xlsx workbook of one sheet: bold frozen header with a filter, real dates
//! and numbers, widths from the content, right-to-left for Arabic readers.

use crate::DocsError;
use crate::table::{ColumnKind, Progress, Table, Value};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet};

/// Excel's own limits: one sheet holds 1,048,576 rows (one is our header) and 16,384 columns;
/// one cell holds 32,767 characters.
const MAX_DATA_ROWS: usize = 1_048_575;
const MAX_COLUMNS: usize = 16_384;
const MAX_CELL_CHARS: usize = 32_767;
/// Column widths in characters: narrow columns keep room for the filter button, wide text
/// wraps off-screen rather than pushing every other column away.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// The table as .xlsx bytes.
pub fn xlsx(t: &Table) -> Result<Vec<u8>, DocsError> {
    xlsx_with_progress(t, &mut |_| {})
}

/// As [`xlsx`], reporting the number of rows written every 500 rows and at the end, so a large
/// export can show its progress.
pub fn xlsx_with_progress(
    t: &Table,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<u8>, DocsError> {
    if t.rows.len() > MAX_DATA_ROWS || t.columns.len() > MAX_COLUMNS {
        return Err(DocsError::Spreadsheet(format!(
            "{} rows × {} columns exceed one Excel sheet",
            t.rows.len(),
            t.columns.len()
        )));
    }
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let percent = Format::new().set_num_format("0.0%");

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&t.name)).map_err(spreadsheet)?;
    sheet.set_right_to_left(t.rtl);

    let mut widths: Vec<usize> = t.columns.iter().map(|c| text_width(&c.header)).collect();
    for (c, column) in t.columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as ColNum, cell_text(&column.header), &bold)
            .map_err(spreadsheet)?;
    }

    let mut progress = Progress::new(progress);
    for (r, row) in t.rows.iter().enumerate() {
        let at = (r + 1) as RowNum;
        for (c, value) in row.iter().enumerate().take(t.columns.len()) {
            let kind = t.columns[c].kind;
            let shown = write_value(sheet, at, c as ColNum, value, kind, &date, &percent)?;
            widths[c] = widths[c].max(shown);
        }
        progress.row_done(r + 1);
    }

    if !t.columns.is_empty() {
        let last_col = (t.columns.len() - 1) as ColNum;
        sheet.set_freeze_panes(1, 0).map_err(spreadsheet)?;
        sheet
            .autofilter(0, 0, t.rows.len() as RowNum, last_col)
            .map_err(spreadsheet)?;
        for (c, width) in widths.iter().enumerate() {
            // +2 for padding and the filter button beside the header.
            let width = (*width).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
            sheet
                .set_column_width(c as ColNum, width as f64)
                .map_err(spreadsheet)?;
        }
    }

    let bytes = workbook.save_to_buffer().map_err(spreadsheet)?;
    progress.finish(t.rows.len());
    Ok(bytes)
}

/// Writes one value and returns how many characters wide it shows, for the column width.
fn write_value(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: &Value,
    kind: ColumnKind,
    date: &Format,
    percent: &Format,
) -> Result<usize, DocsError> {
    let number = |sheet: &mut Worksheet, n: f64| -> Result<usize, DocsError> {
        if !n.is_finite() {
            // Excel has no NaN or infinity: an empty cell says "no value" honestly.
            return Ok(0);
        }
        if kind == ColumnKind::Percent {
            sheet.write_number_with_format(row, col, n, percent)
        } else {
            sheet.write_number(row, col, n)
        }
        .map_err(spreadsheet)?;
        Ok(n.to_string().len())
    };
    match value {
        Value::Empty => Ok(0),
        // Always a string cell: text such as "=1+1" must never become a formula.
        Value::Text(s) => {
            sheet
                .write_string(row, col, cell_text(s))
                .map_err(spreadsheet)?;
            Ok(text_width(s))
        }
        Value::Date(d) if excel_can_date(d) => {
            sheet
                .write_date_with_format(row, col, d, date)
                .map_err(spreadsheet)?;
            Ok(10)
        }
        // Outside Excel's calendar (before 1900): the ISO text rather than a wrong number.
        Value::Date(d) => {
            let iso = d.format("%Y-%m-%d").to_string();
            sheet.write_string(row, col, &iso).map_err(spreadsheet)?;
            Ok(iso.len())
        }
        Value::Number(n) => number(sheet, *n),
        Value::Int(i) => number(sheet, *i as f64),
    }
}

fn excel_can_date(d: &NaiveDate) -> bool {
    (1900..=9999).contains(&d.year())
}

/// Text cut to Excel's cell limit rather than failing a whole export on one long note.
fn cell_text(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((cut, _)) => &s[..cut],
        None => s,
    }
}

fn text_width(s: &str) -> usize {
    // The widest line, as a multi-line cell shows.
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// A name Excel accepts, from any caller's name: forbidden characters become "-", ends
/// trimmed of spaces and apostrophes, at most 31 UTF-16 units, never blank nor "History".
pub(crate) fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let trim = |s: &str| {
        s.trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_string()
    };
    let mut out = String::new();
    let mut units = 0;
    for c in trim(&cleaned).chars() {
        units += c.len_utf16();
        if units > 31 {
            break;
        }
        out.push(c);
    }
    let out = trim(&out);
    if out.is_empty() {
        "Sheet1".to_string()
    } else if out.eq_ignore_ascii_case("history") {
        // Reserved by Excel for change tracking.
        format!("{out}-1")
    } else {
        out
    }
}

fn spreadsheet(e: rust_xlsxwriter::XlsxError) -> DocsError {
    DocsError::Spreadsheet(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable() {
        assert_eq!(sheet_name("Sessions 2025/2026"), "Sessions 2025-2026");
        assert_eq!(sheet_name("a[b]:c*d?e\\f"), "a-b--c-d-e-f");
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name("   "), "Sheet1");
        assert_eq!(sheet_name("History"), "History-1");
        let long = "اللجنة العسكرية المشتركة المغربية المالية";
        let cut = sheet_name(long);
        assert_eq!(cut.encode_utf16().count(), 31);
        assert!(long.starts_with(&cut));
        // An emoji is two UTF-16 units: never split in half.
        let emoji = format!("{}🙂", "x".repeat(30));
        assert_eq!(sheet_name(&emoji), "x".repeat(30));
    }

    #[test]
    fn long_text_is_cut_on_a_character() {
        let s = "م".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(cell_text(&s).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cell_text("short"), "short");
    }
}
