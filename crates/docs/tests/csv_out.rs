//! The CSV export read back by Python's csv module, and checked for what Excel needs.
mod python;
mod tables;

use python::python;
use serde_json::json;
use taawun_docs::{csv, csv_with_progress};
use tables::{ARABIC, sample};

const READ_BACK: &str = r#"
import csv, io
data = sys.stdin.buffer.read()
rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
print(json.dumps({"bom": data.startswith(b"\xef\xbb\xbf"), "rows": rows}))
"#;

#[test]
fn python_reads_back_every_cell() {
    let bytes = csv(&sample(true));
    let got = python("csv", READ_BACK, &bytes);
    assert_eq!(
        got["bom"], true,
        "without a BOM Excel reads Arabic as Latin-1"
    );
    assert_eq!(
        got["rows"],
        json!([
            ["النشاط", "Date", "Participants", "Taux", "Note"],
            [ARABIC, "2025-02-17", "25", "0.75", "'=1+1"],
            [
                "Formation, logistique; \"avancée\"",
                "2025-03-03",
                "12.5",
                "1",
                "'@SUM(A1)"
            ],
            ["", "2025-12-31", "-3", "", "'-cmd"],
        ])
    );
}

#[test]
fn formulas_are_neutralised_but_negative_numbers_are_not() {
    let text = String::from_utf8(csv(&sample(false))).unwrap();
    assert!(!text.contains(",=1+1"), "{text}");
    assert!(text.contains(",'=1+1\r\n"), "{text}");
    assert!(text.contains(",-3,"), "a number stays a number: {text}");
}

#[test]
fn progress_counts_rows_every_500_and_at_the_end() {
    let mut t = sample(false);
    t.rows = vec![t.rows[0].clone(); 1000];
    let mut seen = Vec::new();
    let bytes = csv_with_progress(&t, &mut |n| seen.push(n));
    assert_eq!(seen, [500, 1000]);
    let got = python("csv", READ_BACK, &bytes);
    assert_eq!(got["rows"].as_array().unwrap().len(), 1001);
}
