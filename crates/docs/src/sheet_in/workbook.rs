//! .xlsx workbooks through calamine, bounded: before calamine opens the archive, every entry
//! is inflated once through a byte-counting reader against the whole file's budget (so a
//! deflate bomb stops after the budget, whatever the archive declares), and the shared strings
//! are counted; then the first visible sheet is streamed cell by cell, each cell element
//! (empty ones too) spending one cell of the budget, with the deadline checked as it goes.

use super::budget::{Budget, Metered, drain};
use super::{Collector, text_cell};
use crate::sheet_error::{ReadLimits, SheetError};
use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use chrono::NaiveDate;
use quick_xml::events::Event;
use std::io::{BufReader, Cursor};
use taawun_core::sheet::{Cell, Sheet};

/// How often (in cells) the deadline is looked at while streaming a sheet.
const CLOCK_EVERY: u64 = 4096;

pub(super) fn read_xlsx(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    let mut budget = Budget::new(limits);
    inflate_all(bytes, limits, &mut budget)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    budget.clock()?;
    let name = first_sheet(book.sheets_metadata())?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    let mut out = Collector::new(limits);
    let mut seen: u64 = 0;
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        // Every cell element counts, `<c/>` included: a flood of empty cells is work too.
        budget.cells(1)?;
        seen += 1;
        if seen.is_multiple_of(CLOCK_EVERY) {
            budget.clock()?;
        }
        let (row, col) = cell.get_position();
        out.add(row as usize, col as usize, from_ref(cell.get_value()))?;
    }
    out.finish()
}

/// The archive over an upload, refused early when its entries *declare* more than the budget
/// (honest archives say their size; a lying one is caught while inflating).
pub(super) fn open_zip<'a>(
    bytes: &'a [u8],
    limits: &ReadLimits,
) -> Result<zip::ZipArchive<Cursor<&'a [u8]>>, SheetError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > limits.max_unpacked_bytes as u64 {
        return Err(SheetError::UnpacksTooLarge {
            max_bytes: limits.max_unpacked_bytes,
        });
    }
    Ok(zip)
}

/// Inflates every entry through the budget; the shared strings are also counted, since
/// calamine keeps them all and reserves room for as many as the file claims.
fn inflate_all(bytes: &[u8], limits: &ReadLimits, budget: &mut Budget) -> Result<(), SheetError> {
    let mut zip = open_zip(bytes, limits)?;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(damaged)?;
        if entry
            .name()
            .map_err(damaged)?
            .to_ascii_lowercase()
            .ends_with("sharedstrings.xml")
        {
            count_strings(entry, limits, budget)?;
        } else {
            drain(entry, budget)?;
        }
    }
    Ok(())
}

/// Refuses a shared-string table holding, or declaring, more strings than the cell limit.
fn count_strings(
    entry: impl std::io::Read,
    limits: &ReadLimits,
    budget: &mut Budget,
) -> Result<(), SheetError> {
    let too_many = SheetError::TooManyCells {
        max: limits.max_cells,
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(Metered {
        inner: entry,
        budget,
    }));
    let mut buf = Vec::new();
    let mut strings: usize = 0;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "sst" => {
                    // calamine reserves room for `uniqueCount` strings before reading one.
                    let claimed = e
                        .try_get_attribute("uniqueCount")
                        .ok()
                        .flatten()
                        .and_then(|a| a.value.trim().parse::<u64>().ok());
                    if claimed.is_some_and(|n| n > limits.max_cells as u64) {
                        return Err(too_many);
                    }
                }
                "si" => {
                    strings += 1;
                    if strings > limits.max_cells {
                        return Err(too_many);
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(xml.get_ref().get_ref().budget.explain(e)),
        }
    }
}

/// The sheet a person sees on opening the file: the first visible worksheet (charts and hidden
/// sheets skipped), else the first worksheet at all.
fn first_sheet(sheets: &[calamine::Sheet]) -> Result<String, SheetError> {
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
        .ok_or(SheetError::Empty)
}

/// Excel's calendar: serial 1 is 1900-01-01, 2958465 is 9999-12-31. Outside it (or for a time
/// of day alone, below 1) a "date" is better kept as the number it is.
const EXCEL_DATES: std::ops::Range<f64> = 1.0..2_958_466.0;

fn from_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s),
        DataRef::DateTime(d) => {
            let serial = d.as_f64();
            // The range check first: calamine's conversion panics on absurd serials.
            let date = (d.is_datetime() && EXCEL_DATES.contains(&serial))
                .then(|| d.as_datetime())
                .flatten();
            match date {
                Some(dt) => Cell::Date(dt.date()),
                None => Cell::Number(serial),
            }
        }
        // OpenDocument writes dates as ISO text, "2025-02-17" or "2025-02-17T09:30:00".
        DataRef::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| text_cell(s), Cell::Date),
        DataRef::DurationIso(s) => text_cell(s),
        // What the person sees in the cell, "#DIV/0!": the importer reports it as a bad value.
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A zip without a workbook inside is some other document; anything else is damage.
fn xlsx_error(e: XlsxError) -> SheetError {
    match e {
        XlsxError::FileNotFound(_)
        | XlsxError::RelationshipNotFound
        | XlsxError::WorksheetNotFound(_) => SheetError::NotASpreadsheet,
        other => SheetError::Damaged(other.to_string()),
    }
}

fn damaged(e: impl std::fmt::Display) -> SheetError {
    SheetError::Damaged(e.to_string())
}
