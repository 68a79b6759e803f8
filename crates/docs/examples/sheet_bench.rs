//! Times a 10,000-row export to .xlsx and its read back through `read_sheet`, as an import of
//! a large list would: `cargo run --release -p taawun-docs --example sheet_bench [ROWS]`.
use chrono::{Days, NaiveDate};
use std::time::Instant;
use taawun_docs::{Column, ColumnKind, ReadLimits, Table, Value, csv, read_sheet, xlsx};

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let col = |header: &str, kind| Column {
        header: header.into(),
        kind,
    };
    let table = Table {
        name: "Bench".into(),
        rtl: true,
        columns: vec![
            col("النشاط", ColumnKind::Text),
            col("Lieu", ColumnKind::Text),
            col("Date", ColumnKind::Date),
            col("Participants", ColumnKind::Number),
            col("Taux", ColumnKind::Percent),
            col("Remarque", ColumnKind::Text),
        ],
        rows: (0..rows)
            .map(|i| {
                vec![
                    Value::Text(format!("تدريب على حفظ السلام رقم {i}")),
                    Value::Text(["Bamako", "Rabat", "Kati"][i % 3].into()),
                    Value::Date(start + Days::new((i % 700) as u64)),
                    Value::Int(i as i64 % 90),
                    Value::Number((i % 100) as f64 / 100.0),
                    Value::Text(format!("Formation, module {} ; suite", i % 17)),
                ]
            })
            .collect(),
    };
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;

    let t = Instant::now();
    let bytes = xlsx(&table).expect("exports");
    println!(
        "xlsx write {rows} rows: {:.0} ms, {} kB",
        ms(t),
        bytes.len() / 1024
    );

    let t = Instant::now();
    let sheet = read_sheet(&bytes, "bench.xlsx", &ReadLimits::default()).expect("reads");
    println!("xlsx read  {} rows: {:.0} ms", sheet.rows.len(), ms(t));
    assert_eq!(sheet.rows.len(), rows);

    let t = Instant::now();
    let text = csv(&table);
    println!(
        "csv  write {rows} rows: {:.0} ms, {} kB",
        ms(t),
        text.len() / 1024
    );
    let t = Instant::now();
    let sheet = read_sheet(&text, "bench.csv", &ReadLimits::default()).expect("reads");
    println!("csv  read  {} rows: {:.0} ms", sheet.rows.len(), ms(t));
}
