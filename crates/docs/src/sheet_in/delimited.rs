//! CSV (and its semicolon and tab cousins): UTF-8 with or without a BOM, delimiter guessed
//! from the header line. Cells stay text: a CSV has no types, and guessing would turn a code
//! like "007" into 7.

use super::budget::Budget;
use super::{Collector, text_cell};
use crate::sheet_error::{ReadLimits, SheetError};
use taawun_core::sheet::Sheet;

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Bytes looked at for NULs: text never has them, binary files nearly always do early on.
const SNIFF_LEN: usize = 8192;

pub(super) fn read(bytes: &[u8], limits: &ReadLimits) -> Result<Sheet, SheetError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) {
        return Err(SheetError::NotASpreadsheet);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| SheetError::NotUtf8)?;
    let Some(header_line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(SheetError::Empty);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(header_line))
        .from_reader(text.as_bytes());
    let mut out = Collector::new(limits);
    // Every field counts as a cell, empty ones too: a line of ten million commas is work.
    let mut budget = Budget::new(limits);
    let mut record = csv::StringRecord::new();
    let mut row = 0;
    while reader
        .read_record(&mut record)
        .map_err(|e| SheetError::Damaged(e.to_string()))?
    {
        for (col, field) in record.iter().enumerate() {
            out.add(row, col, text_cell(field))?;
        }
        budget.cells(record.len() as u64)?;
        budget.clock()?;
        row += 1;
    }
    out.finish()
}

/// The most frequent of `,` `;` tab outside quotes; comma when none appears (one column).
/// French-locale Excel saves with `;`, other tools use tabs.
fn delimiter(header_line: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header_line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == b) {
            slot.1 += 1;
        }
    }
    // Ties go to the earlier entry: max_by_key keeps the last maximum, so reverse first.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_the_header_line() {
        assert_eq!(delimiter("Nom;Date;Montant"), b';');
        assert_eq!(delimiter("name,date"), b',');
        assert_eq!(delimiter("name\tdate\tplace"), b'\t');
        assert_eq!(
            delimiter("\"a;b;c\",d"),
            b',',
            "quoted separators do not count"
        );
        assert_eq!(delimiter("single"), b',');
    }
}
