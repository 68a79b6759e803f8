//! What an attachment is, by content (`detect_file_type`): real office documents are named
//! for what they are, and hostile ones — a zip bomb renamed .xlsx, whether its entry
//! declares its size or lies about it, a zip that is no document — are refused within the
//! inflation budget, quickly, without holding what they would inflate to.

mod hostile;

use hostile::*;
use std::time::{Duration, Instant};
use taawun_core::attachment::{FileRefusal, FileType};
use taawun_docs::{Table, detect_file_type};

#[test]
fn a_real_workbook_and_a_real_ods_are_what_they_are() {
    let t = Table {
        name: "Feuil1".into(),
        rtl: true,
        columns: vec![],
        rows: vec![],
    };
    assert_eq!(
        detect_file_type(&taawun_docs::xlsx(&t).unwrap()),
        Ok(FileType::Xlsx)
    );
    assert_eq!(
        detect_file_type(&ods(&format!(
            "<table:table><table:table-row>{}</table:table-row></table:table>",
            ods_cell("x", 1)
        ))),
        Ok(FileType::Ods)
    );
}

/// A workbook whose sheet inflates to 2 GiB of the same row.
fn bomb(lie: Option<u32>) -> Vec<u8> {
    let sheet = Entry::bomb(
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        "<row><c><v>0</v></c></row>",
        2 * 1024 * 1024 * 1024 / 26,
        "</sheetData></worksheet>",
        lie,
    );
    xlsx(sheet, None)
}

#[test]
fn a_zip_bomb_renamed_xlsx_is_refused_within_the_budget() {
    for lie in [None, Some(1_000)] {
        let bytes = bomb(lie);
        // It fits under the 50 MB upload limit: only the inflation budget stops it.
        assert!(
            bytes.len() < 20 * 1024 * 1024,
            "the bomb is small: {}",
            bytes.len()
        );
        let started = Instant::now();
        // An honest bomb is refused by its declaration; a lying one stops where its entry
        // says it ends, its checksum then failing (or, were the reader to trust no
        // declaration, by the ratio): refused either way.
        let got = detect_file_type(&bytes);
        assert!(
            matches!(got, Err(FileRefusal::Bomb | FileRefusal::Damaged)),
            "lie={lie:?}: {got:?}"
        );
        // Stopped by the budget (256 MiB) when its entry lies, at once when it does not:
        // never after inflating 2 GiB, and never into memory.
        assert!(started.elapsed() < Duration::from_secs(10), "lie={lie:?}");
    }
}

#[test]
fn a_bomb_declaring_a_size_under_the_budget_is_stopped_by_its_ratio() {
    // 200 MiB of one row, declared honestly: under the total budget, over the ratio.
    let sheet = Entry::bomb(
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        "<row><c><v>0</v></c></row>",
        200 * 1024 * 1024 / 26,
        "</sheetData></worksheet>",
        None,
    );
    assert_eq!(detect_file_type(&xlsx(sheet, None)), Err(FileRefusal::Bomb));
}

#[test]
fn a_zip_that_is_no_office_document_is_refused() {
    let plain = zip(&[Entry::stored("index.html", b"<script>alert(1)</script>")]);
    assert_eq!(detect_file_type(&plain), Err(FileRefusal::NotAccepted));
    let mut truncated = xlsx(Entry::stored("xl/worksheets/sheet1.xml", b"<x/>"), None);
    truncated.truncate(truncated.len() / 2);
    assert_eq!(detect_file_type(&truncated), Err(FileRefusal::Damaged));
}
