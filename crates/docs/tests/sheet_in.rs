//! Uploaded spreadsheets read into `Sheet`s: our own exports, files made by other tools, and
//! every kind of broken or hostile file, which must give an error and never a panic.
mod python;
mod tables;

use python::python_bytes;
use std::io::Write;
use taawun_core::sheet::{Cell, Sheet};
use taawun_docs::{ReadLimits, SheetError, Table, Value, csv, read_sheet, xlsx};
use tables::{ARABIC, date, sample};

fn read(bytes: &[u8], name: &str) -> Result<Sheet, SheetError> {
    read_sheet(bytes, name, &ReadLimits::default())
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[test]
fn an_export_reads_back_as_it_was_written() {
    let sheet = read(&xlsx(&sample(true)).unwrap(), "activités.xlsx").unwrap();
    assert_eq!(
        sheet.headers,
        ["النشاط", "Date", "Participants", "Taux", "Note"]
    );
    assert_eq!(
        sheet.rows,
        [
            vec![
                text(ARABIC),
                Cell::Date(date(2025, 2, 17)),
                Cell::Number(25.0),
                Cell::Number(0.75),
                text("=1+1"),
            ],
            vec![
                text("Formation, logistique; \"avancée\""),
                Cell::Date(date(2025, 3, 3)),
                Cell::Number(12.5),
                Cell::Number(1.0),
                text("@SUM(A1)"),
            ],
            vec![
                Cell::Empty,
                Cell::Date(date(2025, 12, 31)),
                Cell::Number(-3.0),
                Cell::Empty,
                text("-cmd"),
            ],
        ]
    );
}

/// A workbook as another tool writes it: title rows left blank, a header with stray spaces,
/// a date-time, a short row, and formatted but empty rows at the bottom.
const OPENPYXL_BOOK: &str = r#"
import io, datetime
from openpyxl.styles import Font
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Liste"
ws.append([])
ws.append([])
ws.append(["  Nom ", "Arrivée", "Effectif", None, "Remarque"])
ws.append(["  Awa Traoré  ", datetime.datetime(2025, 2, 17, 14, 45), 12, None, "مالي"])
ws.append(["Karim", datetime.date(2025, 2, 18)])
ws.append([])
ws.append([None, None, 3.5])
for r in range(9, 60):
    ws.cell(row=r, column=1).font = Font(bold=True)
hidden = wb.create_sheet("Cachée", 0)
hidden["A1"] = "not this one"
hidden.sheet_state = "hidden"
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
"#;

#[test]
fn a_workbook_from_another_tool() {
    let bytes = python_bytes("openpyxl", OPENPYXL_BOOK, b"");
    let sheet = read(&bytes, "liste.xlsx").unwrap();
    assert_eq!(
        sheet.headers,
        ["Nom", "Arrivée", "Effectif", "", "Remarque"]
    );
    assert_eq!(
        sheet.rows,
        [
            vec![
                text("Awa Traoré"),
                Cell::Date(date(2025, 2, 17)),
                Cell::Number(12.0),
                Cell::Empty,
                text("مالي"),
            ],
            vec![
                text("Karim"),
                Cell::Date(date(2025, 2, 18)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ],
            vec![Cell::Empty; 5],
            vec![
                Cell::Empty,
                Cell::Empty,
                Cell::Number(3.5),
                Cell::Empty,
                Cell::Empty
            ],
        ],
        "the visible sheet, header on row 3, trailing formatted rows dropped"
    );
}

#[test]
fn csv_from_french_excel_and_from_other_tools() {
    // French-locale Excel: semicolons, a BOM, CRLF, Arabic and accents.
    let french =
        "\u{feff}Nom;Date;Montant\r\nSociété générale; 2025-02-17 ;\"1 200,50\"\r\nمالي;;\r\n\r\n";
    let sheet = read(french.as_bytes(), "export.csv").unwrap();
    assert_eq!(sheet.headers, ["Nom", "Date", "Montant"]);
    assert_eq!(
        sheet.rows,
        [
            vec![
                text("Société générale"),
                text("2025-02-17"),
                text("1 200,50")
            ],
            vec![text("مالي"), Cell::Empty, Cell::Empty],
        ]
    );
    // Tabs, no BOM, a quoted field holding the other separators and a line break.
    let tabbed = "a\tb\n\"x,y;z\nsuite\"\t007\n";
    let sheet = read(tabbed.as_bytes(), "export.tsv").unwrap();
    assert_eq!(sheet.headers, ["a", "b"]);
    assert_eq!(sheet.rows, [vec![text("x,y;z\nsuite"), text("007")]]);
}

#[test]
fn our_csv_export_reads_back_as_text() {
    let sheet = read(&csv(&sample(false)), "activites.csv").unwrap();
    assert_eq!(sheet.headers[0], "النشاط");
    assert_eq!(sheet.rows.len(), 3);
    assert_eq!(sheet.rows[0][0], text(ARABIC));
    assert_eq!(sheet.rows[0][1], text("2025-02-17"));
}

#[test]
fn an_opendocument_spreadsheet() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Feuille1">
<table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Date</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Nombre</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>مالي</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2025-02-17"><text:p>17/02/2025</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let ods = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ]);
    // The content says ODS even under a misleading name.
    let sheet = read(&ods, "tableau.xlsx").unwrap();
    assert_eq!(sheet.headers, ["Nom", "Date", "Nombre"]);
    assert_eq!(
        sheet.rows,
        [vec![
            text("مالي"),
            Cell::Date(date(2025, 2, 17)),
            Cell::Number(3.0)
        ]]
    );
}

/// A zip archive of stored (uncompressed) entries, in order.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        w.start_file(*name, stored).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn files_that_are_not_spreadsheets() {
    assert_eq!(read(b"", "vide.xlsx"), Err(SheetError::Empty));
    assert_eq!(read(b"\n \r\n", "vide.csv"), Err(SheetError::Empty));
    assert_eq!(
        read(b"Nom,Date\n", "entete.csv"),
        Err(SheetError::Empty),
        "a header and no rows"
    );
    let mut header_only = sample(false);
    header_only.rows.clear();
    assert_eq!(
        read(&xlsx(&header_only).unwrap(), "entete.xlsx"),
        Err(SheetError::Empty)
    );

    // CSV text under a workbook's name is refused, not parsed as CSV.
    assert_eq!(
        read(b"Nom,Date\nA,B\n", "liste.xlsx"),
        Err(SheetError::NotASpreadsheet)
    );
    // A zip holding something else (a Word document, say).
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    assert_eq!(read(&docx, "liste.xlsx"), Err(SheetError::NotASpreadsheet));
    // Binary junk named .csv: a PNG header and NULs.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(read(png, "liste.csv"), Err(SheetError::NotASpreadsheet));
    // Latin-1 text, as old Excel saves "CSV": the person is told to save as UTF-8.
    assert_eq!(
        read(b"Soci\xe9t\xe9;Montant\nA;1\n", "liste.csv"),
        Err(SheetError::NotUtf8)
    );
    // Excel 97 magic followed by garbage: that format is refused whole (sheet_bombs.rs).
    let mut xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    xls.extend([7u8; 600]);
    assert_eq!(read(&xls, "vieux.xls"), Err(SheetError::OldOrProtected));
}

#[test]
fn a_workbook_cut_in_half_is_damaged() {
    let bytes = xlsx(&sample(false)).unwrap();
    let half = &bytes[..bytes.len() / 2];
    assert!(matches!(
        read(half, "liste.xlsx"),
        Err(SheetError::Damaged(_))
    ));
    assert!(matches!(
        read(half, "liste.csv"),
        Err(SheetError::Damaged(_))
    ));
}

#[test]
fn every_truncation_and_corruption_is_an_error_not_a_panic() {
    let bytes = xlsx(&sample(true)).unwrap();
    let mut checked = 0;
    for cut in (0..bytes.len()).step_by(97) {
        for name in ["liste.xlsx", "liste.csv", "liste"] {
            assert!(read(&bytes[..cut], name).is_err(), "cut at {cut} of {name}");
        }
        // A flipped byte inside: may still read, must not panic.
        let mut corrupt = bytes.clone();
        corrupt[cut] ^= 0x5A;
        let _ = read(&corrupt, "liste.xlsx");
        checked += 1;
    }
    assert!(
        checked > 20,
        "only {checked} offsets: the sample is too small to mean much"
    );
}

#[test]
fn limits_are_enforced() {
    let bytes = xlsx(&sample(false)).unwrap();
    let small = ReadLimits {
        max_bytes: bytes.len() - 1,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_sheet(&bytes, "x.xlsx", &small),
        Err(SheetError::TooLarge {
            max_bytes: bytes.len() - 1
        })
    );
    let two_rows = ReadLimits {
        max_rows: 2,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_sheet(&bytes, "x.xlsx", &two_rows),
        Err(SheetError::TooManyRows { max: 2 })
    );
    assert_eq!(
        read_sheet(&csv(&sample(false)), "x.csv", &two_rows),
        Err(SheetError::TooManyRows { max: 2 })
    );
    let four_columns = ReadLimits {
        max_columns: 4,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_sheet(&bytes, "x.xlsx", &four_columns),
        Err(SheetError::TooManyColumns { max: 4 })
    );
    // Exactly at the limits is fine.
    let exact = ReadLimits {
        max_bytes: bytes.len(),
        max_rows: 3,
        max_columns: 5,
        ..ReadLimits::default()
    };
    assert_eq!(read_sheet(&bytes, "x.xlsx", &exact).unwrap().rows.len(), 3);
}

#[test]
fn a_huge_sheet_stops_at_the_row_limit() {
    let mut t: Table = sample(false);
    t.rows = (0..60_000)
        .map(|i| vec![Value::Int(i), Value::Date(date(2025, 1, 1))])
        .collect();
    let bytes = xlsx(&t).unwrap();
    let limits = ReadLimits {
        max_rows: 1_000,
        ..ReadLimits::default()
    };
    assert_eq!(
        read_sheet(&bytes, "x.xlsx", &limits),
        Err(SheetError::TooManyRows { max: 1_000 })
    );
}

#[test]
fn a_zip_declaring_far_more_than_it_may_unpack_is_refused() {
    // 40 MB of spaces packs into a few kB: a "zip bomb" for a 16 MiB unpacking budget.
    let bomb = python_bytes(
        "zipfile",
        r#"
import io
out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 40_000_000)
sys.stdout.buffer.write(out.getvalue())
"#,
        b"",
    );
    let limits = ReadLimits {
        max_unpacked_bytes: 16 * 1024 * 1024,
        ..ReadLimits::default()
    };
    assert!(bomb.len() < 1024 * 1024);
    assert_eq!(
        read_sheet(&bomb, "bombe.xlsx", &limits),
        Err(SheetError::UnpacksTooLarge {
            max_bytes: 16 * 1024 * 1024
        })
    );
}
