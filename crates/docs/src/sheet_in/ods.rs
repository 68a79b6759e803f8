//! OpenDocument spreadsheets (.ods), read by us rather than calamine: `content.xml` is streamed
//! through a byte-counting reader into quick-xml, only the first table is read, and repeated
//! rows and cells (`table:number-rows-repeated`, `table:number-columns-repeated`) are handled
//! arithmetically. calamine expanded every repeat before any limit applied, so an 800-byte file
//! declaring one row × 16,384 cells × 1,000 rows took gigabytes.
//!
//! Repeats (see `ReadLimits::max_cells` for how they are counted): a run of empty cells only
//! moves the column on when a value follows it in its row, and is dropped at the row's end; a
//! run of empty rows only moves the row on when a row with values follows, and is dropped at
//! the table's end. A repeated cell holding a value must fit in the column limit before it is
//! copied; a repeated row holding values is copied one repeat at a time, so the row limit stops
//! it. Names are matched with the prefixes every OpenDocument writer uses (`table:`, `office:`,
//! `text:`).

use super::budget::{Budget, Metered};
use super::{Collector, text_cell};
use crate::sheet_error::{ReadLimits, SheetError};
use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};
use std::io::BufReader;
use taawun_core::sheet::{Cell, Sheet};

pub(super) fn read(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    let mut zip = super::workbook::open_zip(bytes, limits)?;
    let mut budget = Budget::new(limits);
    let entry = match zip.by_name("content.xml") {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Err(SheetError::NotASpreadsheet),
        Err(e) => return Err(SheetError::Damaged(e.to_string())),
    };
    let metered = Metered {
        inner: entry,
        budget: &mut budget,
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(metered));
    xml.config_mut().trim_text(false);
    let mut table = Table::new(limits);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(xml.get_ref().get_ref().budget.explain(e)),
        };
        let budget = &mut *xml.get_mut().get_mut().budget;
        let done = match event {
            Event::Start(e) => table.open(&e, false, budget)?,
            Event::Empty(e) => table.open(&e, true, budget)?,
            Event::End(e) => table.close(e.name().as_ref(), budget)?,
            Event::Text(t) => {
                table.text(&t.xml10_content());
                false
            }
            Event::CData(t) => {
                table.text(&t.xml10_content());
                false
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .map(str::to_string),
                    Err(e) => return Err(SheetError::Damaged(e.to_string())),
                };
                table.text(resolved.as_deref().unwrap_or(""));
                false
            }
            Event::Eof => return table.eof(),
            _ => false,
        };
        if done {
            return table.out.finish();
        }
    }
}

/// Where the reading is in the first table, and the row being read.
struct Table {
    out: Collector,
    limits: ReadLimits,
    saw_spreadsheet: bool,
    /// Inside the first table; tables nested in it (in a cell) are `nested`.
    in_table: bool,
    nested: usize,
    /// The row index the next row element starts at.
    next_row: usize,
    /// Empty rows not yet known to be followed by a row with values.
    pending_rows: usize,
    row: Row,
    cell: Option<OpenCell>,
}

#[derive(Default)]
struct Row {
    repeat: usize,
    /// The cells holding a value, by column.
    cells: Vec<(usize, Cell)>,
    /// The column the next cell element starts at (pending empty cells not included).
    col: usize,
    /// Empty cells not yet known to be followed by a value in this row, and how many of them
    /// are repeats not yet counted (each element was counted when it came).
    pending_cols: usize,
    pending_uncounted: u64,
    /// Bytes of text in `cells`, spent again for each repeat of the row.
    text_bytes: u64,
}

/// A cell element being read: its attributes and the text of its paragraphs.
struct OpenCell {
    repeat: usize,
    value_type: Option<String>,
    value: Option<String>,
    date_value: Option<String>,
    time_value: Option<String>,
    boolean_value: Option<String>,
    string_value: Option<String>,
    text: String,
    paragraphs: usize,
    /// Depth inside `text:p`/`text:h` (text counts there only) and inside comments (never).
    in_paragraph: usize,
    in_annotation: usize,
}

impl Table {
    fn new(limits: &ReadLimits) -> Self {
        Table {
            out: Collector::new(limits),
            limits: *limits,
            saw_spreadsheet: false,
            in_table: false,
            nested: 0,
            next_row: 0,
            pending_rows: 0,
            row: Row::default(),
            cell: None,
        }
    }

    /// An element opens (`empty`: and closes at once). Returns true when the first table is done.
    fn open(
        &mut self,
        e: &BytesStart,
        empty: bool,
        budget: &mut Budget,
    ) -> Result<bool, SheetError> {
        let name = e.name();
        let name = name.as_ref();
        if name == "office:spreadsheet" {
            self.saw_spreadsheet = true;
            return Ok(false);
        }
        if name == "table:table" {
            if self.in_table {
                self.nested += usize::from(!empty);
                return Ok(false);
            }
            if empty {
                // A table without rows is the whole sheet, and it is empty.
                return Ok(true);
            }
            self.in_table = true;
            return Ok(false);
        }
        if !self.in_table || self.nested > 0 {
            return Ok(false);
        }
        if let Some(cell) = &mut self.cell {
            match name {
                "text:p" | "text:h" => {
                    if cell.paragraphs > 0 && cell.in_annotation == 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                    cell.in_paragraph += usize::from(!empty);
                }
                "office:annotation" => cell.in_annotation += usize::from(!empty),
                _ if cell.in_paragraph == 0 || cell.in_annotation > 0 => {}
                "text:s" => {
                    // "n spaces" as one element: spent as the bytes it expands to.
                    let n = number(attr(e, "text:c")?.as_deref())?.unwrap_or(1);
                    budget.bytes(n as u64)?;
                    cell.text.extend(std::iter::repeat_n(' ', n));
                }
                "text:tab" => cell.text.push('\t'),
                "text:line-break" => cell.text.push('\n'),
                _ => {}
            }
            return Ok(false);
        }
        match name {
            "table:table-row" => {
                let repeat = repeat(e, "table:number-rows-repeated")?;
                self.row = Row {
                    repeat,
                    ..Row::default()
                };
                if empty {
                    self.end_row(budget)?;
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                budget.cells(1)?;
                let cell = OpenCell {
                    repeat: repeat(e, "table:number-columns-repeated")?,
                    value_type: attr(e, "office:value-type")?,
                    value: attr(e, "office:value")?,
                    date_value: attr(e, "office:date-value")?,
                    time_value: attr(e, "office:time-value")?,
                    boolean_value: attr(e, "office:boolean-value")?,
                    string_value: attr(e, "office:string-value")?,
                    text: String::new(),
                    paragraphs: 0,
                    in_paragraph: 0,
                    in_annotation: 0,
                };
                if empty {
                    self.place(cell, budget)?;
                } else {
                    self.cell = Some(cell);
                }
            }
            _ => {}
        }
        Ok(false)
    }

    /// An element closes. Returns true when the first table is done.
    fn close(&mut self, name: &str, budget: &mut Budget) -> Result<bool, SheetError> {
        if !self.in_table {
            return Ok(false);
        }
        if name == "table:table" {
            if self.nested == 0 {
                return Ok(true);
            }
            self.nested -= 1;
            return Ok(false);
        }
        if self.nested > 0 {
            return Ok(false);
        }
        match (name, &mut self.cell) {
            ("table:table-cell" | "table:covered-table-cell", Some(_)) => {
                if let Some(cell) = self.cell.take() {
                    self.place(cell, budget)?;
                }
            }
            ("text:p" | "text:h", Some(cell)) => {
                cell.in_paragraph = cell.in_paragraph.saturating_sub(1);
            }
            ("office:annotation", Some(cell)) => {
                cell.in_annotation = cell.in_annotation.saturating_sub(1);
            }
            ("table:table-row", None) => self.end_row(budget)?,
            _ => {}
        }
        Ok(false)
    }

    fn text(&mut self, s: &str) {
        if let Some(cell) = &mut self.cell
            && cell.in_paragraph > 0
            && cell.in_annotation == 0
        {
            cell.text.push_str(s);
        }
    }

    fn eof(self) -> Result<Sheet, SheetError> {
        if self.in_table {
            return Err(SheetError::Damaged(String::from(
                "content.xml ends inside a table",
            )));
        }
        if !self.saw_spreadsheet {
            return Err(SheetError::NotASpreadsheet);
        }
        Err(SheetError::Empty)
    }

    /// A cell element ends: an empty run waits for a value after it; a value takes its place
    /// after the empty cells before it, once for each repeat, within the column limit.
    fn place(&mut self, cell: OpenCell, budget: &mut Budget) -> Result<(), SheetError> {
        let repeat = cell.repeat;
        let value = cell.value();
        let row = &mut self.row;
        if value == Cell::Empty {
            row.pending_cols = row.pending_cols.saturating_add(repeat);
            row.pending_uncounted += repeat as u64 - 1;
            return Ok(());
        }
        budget.cells(row.pending_uncounted + repeat as u64 - 1)?;
        let first = row.col.saturating_add(row.pending_cols);
        (row.pending_cols, row.pending_uncounted) = (0, 0);
        if first.saturating_add(repeat) > self.limits.max_columns {
            return Err(SheetError::TooManyColumns {
                max: self.limits.max_columns,
            });
        }
        let text_bytes = text_len(&value);
        budget.bytes(text_bytes * (repeat as u64 - 1))?;
        row.text_bytes += text_bytes * repeat as u64;
        for col in first..first + repeat {
            row.cells.push((col, value.clone()));
        }
        row.col = first + repeat;
        Ok(())
    }

    /// A row element ends: an empty run waits for a row with values after it; a row with
    /// values is handed to the collector once per repeat, spending its cells each time, so
    /// the row limit stops a huge repeat after at most `max_rows` copies.
    fn end_row(&mut self, budget: &mut Budget) -> Result<(), SheetError> {
        let row = std::mem::take(&mut self.row);
        budget.clock()?;
        if row.cells.is_empty() {
            self.pending_rows = self.pending_rows.saturating_add(row.repeat);
            return Ok(());
        }
        let first = self.next_row.saturating_add(self.pending_rows);
        self.pending_rows = 0;
        for r in 0..row.repeat {
            if r > 0 {
                budget.cells(row.col as u64)?;
                budget.bytes(row.text_bytes)?;
                budget.clock()?;
            }
            for (col, value) in &row.cells {
                self.out.add(first.saturating_add(r), *col, value.clone())?;
            }
        }
        self.next_row = first.saturating_add(row.repeat);
        Ok(())
    }
}

impl OpenCell {
    /// The cell's value as its type says (calamine's reading, kept: numbers from `office:value`,
    /// dates from `office:date-value`, text from the paragraphs).
    fn value(&self) -> Cell {
        let or_text = |raw: &Option<String>| match raw {
            Some(v) => text_cell(v),
            None => text_cell(&self.text),
        };
        match self.value_type.as_deref() {
            Some("float" | "percentage" | "currency") => self
                .value
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .map_or_else(|| or_text(&self.value), Cell::Number),
            Some("date") => self
                .date_value
                .as_deref()
                .and_then(|d| d.get(..10))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map_or_else(|| or_text(&self.date_value), Cell::Date),
            Some("time") => or_text(&self.time_value),
            Some("boolean") => match self.boolean_value.as_deref() {
                Some("true") => Cell::Bool(true),
                Some("false") => Cell::Bool(false),
                _ => text_cell(&self.text),
            },
            Some("string") => or_text(&self.string_value),
            // A cell with no type holds no value (OpenDocument's "void"); text is kept anyway.
            _ => text_cell(&self.text),
        }
    }
}

fn text_len(cell: &Cell) -> u64 {
    match cell {
        Cell::Text(s) => s.len() as u64,
        _ => 0,
    }
}

/// An attribute's value, unescaped.
fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, SheetError> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| SheetError::Damaged(e.to_string()))?;
        if a.key.as_ref() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| SheetError::Damaged(e.to_string()))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

fn number(raw: Option<&str>) -> Result<Option<usize>, SheetError> {
    raw.map(|v| {
        v.trim()
            .parse::<usize>()
            .map_err(|_| SheetError::Damaged(format!("not a count: {v}")))
    })
    .transpose()
}

/// A repeat count: absent is one, zero is read as one.
fn repeat(e: &BytesStart, name: &str) -> Result<usize, SheetError> {
    Ok(number(attr(e, name)?.as_deref())?.unwrap_or(1).max(1))
}
