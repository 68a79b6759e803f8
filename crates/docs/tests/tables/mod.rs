//! A table like the ones the web layer exports: Arabic and French text, dates, counts,
//! rates, and text that a spreadsheet would take for a formula.
#![allow(dead_code)] // each test binary uses part of it

use chrono::NaiveDate;
use taawun_docs::{Column, ColumnKind, Table, Value};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub const ARABIC: &str = "تدريب على عمليات حفظ السلام";

pub fn sample(rtl: bool) -> Table {
    let col = |header: &str, kind| Column {
        header: header.to_string(),
        kind,
    };
    let text = |s: &str| Value::Text(s.to_string());
    Table {
        name: "Activités 2025/2026".to_string(),
        rtl,
        columns: vec![
            col("النشاط", ColumnKind::Text),
            col("Date", ColumnKind::Date),
            col("Participants", ColumnKind::Number),
            col("Taux", ColumnKind::Percent),
            col("Note", ColumnKind::Text),
        ],
        rows: vec![
            vec![
                text(ARABIC),
                Value::Date(date(2025, 2, 17)),
                Value::Int(25),
                Value::Number(0.75),
                text("=1+1"),
            ],
            vec![
                text("Formation, logistique; \"avancée\""),
                Value::Date(date(2025, 3, 3)),
                Value::Number(12.5),
                Value::Number(1.0),
                text("@SUM(A1)"),
            ],
            vec![
                Value::Empty,
                Value::Date(date(2025, 12, 31)),
                Value::Int(-3),
                Value::Empty,
                text("-cmd"),
            ],
        ],
    }
}
