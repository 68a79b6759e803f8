//! The .xlsx export read back by openpyxl, the library behind most Python tooling: what a
//! person sees on opening the file in Excel or LibreOffice.
mod python;
mod tables;

use python::python;
use serde_json::{Value as Json, json};
use taawun_docs::{Table, Value, xlsx, xlsx_with_progress};
use tables::{ARABIC, sample};

const READ_BACK: &str = r#"
import io, datetime
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb.worksheets[0]
rows = list(ws.iter_rows())
def cell(c):
    v = c.value
    return {
        "type": type(v).__name__,
        "value": v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v,
        "data_type": c.data_type,
        "format": c.number_format,
    }
print(json.dumps({
    "sheets": len(wb.worksheets),
    "title": ws.title,
    "rtl": bool(ws.sheet_view.rightToLeft),
    "freeze": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
    "headers": [c.value for c in rows[0]],
    "header_bold": all(c.font.b for c in rows[0]),
    "cells": [[cell(c) for c in r] for r in rows[1:]],
    "widths": [ws.column_dimensions[l].width for l in "ABCDE"],
}))
"#;

fn read_back(table: &Table) -> Json {
    python("openpyxl", READ_BACK, &xlsx(table).expect("exports"))
}

#[test]
fn excel_sees_headers_dates_numbers_and_arabic() {
    let got = read_back(&sample(false));
    assert_eq!(got["sheets"], 1);
    assert_eq!(
        got["title"], "Activités 2025-2026",
        "'/' is not allowed in a sheet name"
    );
    assert_eq!(
        got["headers"],
        json!(["النشاط", "Date", "Participants", "Taux", "Note"])
    );
    assert_eq!(got["header_bold"], true);
    assert_eq!(got["freeze"], "A2", "the header row stays in view");
    assert_eq!(got["filter"], "A1:E4");

    let cells = &got["cells"];
    assert_eq!(cells[0][0]["value"], ARABIC);
    // A real date, on the right day, shown as ISO.
    assert_eq!(cells[0][1]["type"], "datetime");
    assert_eq!(cells[0][1]["value"], "2025-02-17T00:00:00");
    assert_eq!(cells[0][1]["format"], "yyyy-mm-dd");
    assert_eq!(cells[2][1]["value"], "2025-12-31T00:00:00");
    // Numbers as numbers.
    assert_eq!(cells[0][2]["type"], "int");
    assert_eq!(cells[0][2]["value"], 25);
    assert_eq!(cells[1][2]["type"], "float");
    assert_eq!(cells[1][2]["value"], 12.5);
    assert_eq!(cells[2][2]["value"], -3);
    assert_eq!(cells[0][3]["value"], 0.75);
    assert!(cells[0][3]["format"].as_str().unwrap().ends_with('%'));
    // Empty stays empty.
    assert_eq!(cells[2][0]["type"], "NoneType");
    assert_eq!(cells[2][3]["type"], "NoneType");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let got = read_back(&sample(false));
    let cells = &got["cells"];
    for (row, text) in [(0, "=1+1"), (1, "@SUM(A1)"), (2, "-cmd")] {
        assert_eq!(cells[row][4]["data_type"], "s", "{text}");
        assert_eq!(cells[row][4]["value"], text);
    }
}

#[test]
fn right_to_left_only_when_asked() {
    assert_eq!(read_back(&sample(true))["rtl"], true);
    assert_eq!(read_back(&sample(false))["rtl"], false);
}

#[test]
fn columns_are_as_wide_as_their_content() {
    let widths = read_back(&sample(false))["widths"].clone();
    let w = |i: usize| widths[i].as_f64().unwrap();
    // The Arabic activity and the quoted French text are far wider than a date column.
    assert!(w(0) >= ARABIC.chars().count() as f64, "{widths}");
    assert!(w(0) > w(1) + 10.0, "{widths}");
    assert!(
        (10.0..=20.0).contains(&w(1)),
        "a date column fits a date: {widths}"
    );
}

#[test]
fn unacceptable_sheet_names_never_fail_the_export() {
    let mut t = sample(false);
    t.name = "'[Sessions]: *liste*? \\ مالي / Maroc — une liste bien trop longue'".into();
    let got = read_back(&t);
    let title = got["title"].as_str().unwrap();
    assert!(title.encode_utf16().count() <= 31, "{title}");
    assert!(
        !title.contains(['[', ']', ':', '*', '?', '/', '\\']),
        "{title}"
    );
    assert!(title.starts_with("-Sessions-- -liste-- - مالي"), "{title}");
}

#[test]
fn progress_counts_rows_every_500_and_at_the_end() {
    let mut t = sample(false);
    let row = t.rows[0].clone();
    t.rows = vec![row; 1234];
    let mut seen = Vec::new();
    let bytes = xlsx_with_progress(&t, &mut |n| seen.push(n)).unwrap();
    assert_eq!(seen, [500, 1000, 1234]);
    let got = python(
        "openpyxl",
        "import io\nws = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read())).active\nprint(json.dumps(ws.max_row))",
        &bytes,
    );
    assert_eq!(got, 1235, "1234 rows under the header");
}

#[test]
fn an_empty_table_is_a_sheet_with_its_header() {
    let mut t = sample(false);
    t.rows.clear();
    let got = read_back(&t);
    assert_eq!(got["headers"][1], "Date");
    assert_eq!(got["cells"], json!([]));
    // Values that Excel cannot hold become empty cells rather than a failed export.
    t.rows = vec![vec![Value::Number(f64::NAN)]];
    assert!(xlsx(&t).is_ok());
}
