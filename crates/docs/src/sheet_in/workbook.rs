//! Workbooks through calamine: .xlsx streamed cell by cell (so row limits stop it early),
//! .ods and .xls read whole, as calamine only offers them that way.

use super::{Collector, text_cell};
use crate::sheet_error::{ReadLimits, SheetError};
use calamine::{Data, DataRef, Ods, Reader, SheetType, SheetVisible, Xls, Xlsx, XlsxError};
use chrono::NaiveDate;
use std::io::Cursor;
use taawun_core::sheet::{Cell, Sheet};

/// How much a workbook may say it unpacks to, per byte of upload. Real workbooks stay under
/// ~20×; a "zip bomb" declares far more. (Only declared sizes can be checked before reading;
/// the sheet itself is streamed and stops at the row limit either way.)
const MAX_UNPACK_RATIO: u64 = 32;

pub(super) fn read_xlsx(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    check_declared_size(bytes, limits)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let name = first_sheet(book.sheets_metadata())?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    let mut out = Collector::new(limits);
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        let (row, col) = cell.get_position();
        out.add(row as usize, col as usize, from_ref(cell.get_value()))?;
    }
    out.finish()
}

pub(super) fn read_ods(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    check_declared_size(bytes, limits)?;
    let book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(damaged)?;
    read_whole(book, limits)
}

pub(super) fn read_xls(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    let book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(damaged)?;
    read_whole(book, limits)
}

fn read_whole<RS, R>(mut book: R, limits: &ReadLimits) -> Result<Sheet, SheetError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let name = first_sheet(book.sheets_metadata())?;
    let range = book.worksheet_range(&name).map_err(damaged)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut out = Collector::new(limits);
    for (row, col, value) in range.used_cells() {
        out.add(row + top as usize, col + left as usize, from_data(value))?;
    }
    out.finish()
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

fn check_declared_size(bytes: &[u8], limits: &ReadLimits) -> Result<(), SheetError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let budget = (limits.max_bytes as u64).saturating_mul(MAX_UNPACK_RATIO);
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        total = total.saturating_add(entry.size());
    }
    if total > budget {
        return Err(SheetError::TooLarge {
            max_bytes: limits.max_bytes,
        });
    }
    Ok(())
}

fn from_data(value: &Data) -> Cell {
    // Borrowing each owned value as calamine's streaming type keeps one conversion.
    from_ref(&match value {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    })
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
