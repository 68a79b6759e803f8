//! A `Table` as CSV: UTF-8 with a byte-order mark (without it Excel reads Arabic as Latin-1),
//! comma-separated, CRLF, ISO dates, and text that could run as a formula neutralised.

use crate::table::{Progress, Table, Value, looks_like_formula};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as CSV bytes.
pub fn csv(t: &Table) -> Vec<u8> {
    csv_with_progress(t, &mut |_| {})
}

/// As [`csv`], reporting the number of rows written every 500 rows and at the end.
pub fn csv_with_progress(t: &Table, progress: &mut dyn FnMut(usize)) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        // Rows shorter than the header stay short rather than failing the export.
        .flexible(true)
        .from_writer(BOM.to_vec());
    write(&mut w, t.columns.iter().map(|c| neutralised(&c.header)));
    let mut progress = Progress::new(progress);
    for (r, row) in t.rows.iter().enumerate() {
        write(&mut w, row.iter().take(t.columns.len()).map(field));
        progress.row_done(r + 1);
    }
    let out = w.into_inner().expect("flushing CSV into memory");
    progress.finish(t.rows.len());
    out
}

/// Writing into a Vec cannot fail: the writer's only errors are IO errors of its sink.
fn write(w: &mut csv::Writer<Vec<u8>>, fields: impl Iterator<Item = String>) {
    w.write_record(fields).expect("writing CSV into memory");
}

fn field(value: &Value) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(s) => neutralised(s),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Number(n) if n.is_finite() => n.to_string(),
        Value::Number(_) => String::new(),
        Value::Int(i) => i.to_string(),
    }
}

/// A leading apostrophe makes Excel and LibreOffice show the text as typed instead of
/// evaluating it (CSV injection).
fn neutralised(s: &str) -> String {
    if looks_like_formula(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
