//! Hostile spreadsheets, generated here so that no binary fixture is committed: .ods repeat
//! bombs, .xlsx empty-cell floods and deflate bombs, over-wide and over-long sheets. Plain
//! `std` (the web tests include this file too): the zip container and the deflate stream are
//! written by hand, so that a bomb of hundreds of megabytes costs milliseconds to make.
//!
//! A bomb's entry declares whatever size it is told. Its checksum is computed when it inflates
//! to 64 MiB or less; a larger one carries zero: the reader must stop on what it inflates, long
//! before the end where the checksum would be compared.
#![allow(dead_code)] // each test binary uses part of it

/// A zip entry: name, bytes as stored, method (0 stored, 8 deflated), declared size, CRC.
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
    pub method: u16,
    pub declared: u32,
    pub crc: u32,
}

impl Entry {
    /// A small entry stored as is, with its true size and checksum.
    pub fn stored(name: &str, data: &[u8]) -> Entry {
        Entry {
            name: name.to_string(),
            data: data.to_vec(),
            method: 0,
            declared: data.len() as u32,
            crc: crc32(data),
        }
    }

    /// A deflated entry that inflates to `prefix`, `unit` × `count`, `suffix`, declaring
    /// its true size, or `lie` bytes.
    pub fn bomb(
        name: &str,
        prefix: &str,
        unit: &str,
        count: u64,
        suffix: &str,
        lie: Option<u32>,
    ) -> Entry {
        let (data, count) =
            deflate_repeat(prefix.as_bytes(), unit.as_bytes(), count, suffix.as_bytes());
        let size = (prefix.len() + suffix.len()) as u64 + unit.len() as u64 * count;
        let crc = if size <= 64 * 1024 * 1024 {
            let mut crc = Crc::default();
            crc.update(prefix.as_bytes());
            for _ in 0..count {
                crc.update(unit.as_bytes());
            }
            crc.update(suffix.as_bytes());
            crc.finish()
        } else {
            0
        };
        Entry {
            name: name.to_string(),
            data,
            method: 8,
            declared: lie.unwrap_or(u32::try_from(size).expect("under 4 GiB")),
            crc,
        }
    }
}

/// A zip archive of `entries`, in order.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(e.method.to_le_bytes());
            h.extend(0u32.to_le_bytes()); // time and date
            h.extend(e.crc.to_le_bytes());
            h.extend((e.data.len() as u32).to_le_bytes());
            h.extend(e.declared.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&e.data);
        central.extend(header(0x0201_4b50, true));
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = Crc::default();
    crc.update(data);
    crc.finish()
}

/// CRC-32 (zip's), a byte at a time through a table.
pub struct Crc {
    table: [u32; 256],
    value: u32,
}

impl Default for Crc {
    fn default() -> Self {
        let mut table = [0u32; 256];
        for (i, slot) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    (c >> 1) ^ 0xEDB8_8320
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        Crc { table, value: !0 }
    }
}

impl Crc {
    pub fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.value =
                self.table[((self.value ^ u32::from(b)) & 0xFF) as usize] ^ (self.value >> 8);
        }
    }

    pub fn finish(&self) -> u32 {
        !self.value
    }
}

/// Bits in deflate's order: values least-significant bit first, Huffman codes most first.
struct Bits {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, len: u32) {
        for i in 0..len {
            self.acc |= ((value >> i) & 1) << self.n;
            self.n += 1;
            if self.n == 8 {
                self.out.push(self.acc as u8);
                (self.acc, self.n) = (0, 0);
            }
        }
    }

    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn literal(&mut self, b: u8) {
        if b < 144 {
            self.code(0x30 + u32::from(b), 8);
        } else {
            self.code(0x190 + u32::from(b) - 144, 9);
        }
    }
}

/// A raw deflate stream (one block, fixed codes) inflating to `prefix`, `unit` repeated
/// `count` times (rounded up so that copies end on a whole unit), then `suffix`: after the
/// first unit, each copy of 258 bytes from `unit.len()` back costs 13 to 26 bits. Returns the
/// stream and the count of units it holds.
pub fn deflate_repeat(prefix: &[u8], unit: &[u8], count: u64, suffix: &[u8]) -> (Vec<u8>, u64) {
    const BASE: [u32; 30] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];
    let d = unit.len() as u32;
    assert!((1..=32_768).contains(&d));
    let code = BASE.iter().rposition(|&b| b <= d).unwrap() as u32;
    let extra = if code < 4 { 0 } else { code / 2 - 1 };
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    for &b in prefix.iter().chain(unit) {
        bits.literal(b);
    }
    // Copies of 258 bytes must add up to whole units.
    let per = u64::from(d) / gcd(258, u64::from(d));
    let copies = (count.saturating_sub(1) * u64::from(d))
        .div_ceil(258)
        .div_ceil(per)
        * per;
    for _ in 0..copies {
        bits.code(0xC5, 8); // length 258
        bits.code(code, 5);
        bits.put(d - BASE[code as usize], extra);
    }
    for &b in suffix {
        bits.literal(b);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7); // flush the last byte
    (bits.out, 1 + copies * 258 / u64::from(d))
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

const WORKSHEET_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// The parts of a one-sheet workbook around `sheet` (and `strings`, if any).
pub fn xlsx(sheet: Entry, strings: Option<Entry>) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{WORKSHEET_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let mut entries = vec![
        Entry::stored("[Content_Types].xml", types.as_bytes()),
        Entry::stored("_rels/.rels", rels.as_bytes()),
        Entry::stored("xl/workbook.xml", workbook.as_bytes()),
        Entry::stored("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        sheet,
    ];
    entries.extend(strings);
    zip(&entries)
}

/// A worksheet's XML around `rows`.
pub fn sheet_xml(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{WORKSHEET_NS}"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

/// One row of inline-string cells.
pub fn xlsx_row(texts: &[&str]) -> String {
    let cells: String = texts
        .iter()
        .map(|t| format!(r#"<c t="inlineStr"><is><t>{t}</t></is></c>"#))
        .collect();
    format!("<row>{cells}</row>")
}

/// A header and one data row, then `count` empty `<c/>` in a third row: ~4 bytes each
/// inflated, ~0.05 bits each deflated. Declares the sheet's true size, or `lie` bytes.
pub fn xlsx_empty_cell_flood(count: u64, lie: Option<u32>) -> Vec<u8> {
    let head = sheet_xml(&format!(
        "{}{}<row>",
        xlsx_row(&["Code", "Titre"]),
        xlsx_row(&["A-1", "Atelier"])
    ));
    let (prefix, suffix) = head.split_at(head.find("</sheetData>").unwrap());
    let sheet = Entry::bomb(
        "xl/worksheets/sheet1.xml",
        prefix,
        "<c/>",
        count,
        &format!("</row>{suffix}"),
        lie,
    );
    xlsx(sheet, None)
}

/// A shared-string table of `count` tiny strings, declaring its true size or `lie` bytes.
pub fn xlsx_shared_strings_bomb(count: u64, lie: Option<u32>) -> Vec<u8> {
    let sheet = Entry::stored(
        "xl/worksheets/sheet1.xml",
        sheet_xml(r#"<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>"#).as_bytes(),
    );
    let strings = Entry::bomb(
        "xl/sharedStrings.xml",
        &format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{WORKSHEET_NS}">"#),
        "<si><t>x</t></si>",
        count,
        "</sst>",
        lie,
    );
    xlsx(sheet, Some(strings))
}

/// A sheet whose header row has `columns` cells.
pub fn xlsx_wide(columns: usize) -> Vec<u8> {
    let names: Vec<String> = (0..columns).map(|i| format!("C{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let rows = format!("{}{}", xlsx_row(&names), xlsx_row(&names));
    xlsx(
        Entry::stored("xl/worksheets/sheet1.xml", sheet_xml(&rows).as_bytes()),
        None,
    )
}

const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// An .ods whose body is `tables` (each a whole `<table:table>` element).
pub fn ods(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        Entry::stored("mimetype", ODS_MIMETYPE.as_bytes()),
        Entry::stored("META-INF/manifest.xml", manifest.as_bytes()),
        Entry::stored("content.xml", content.as_bytes()),
    ])
}

/// A string cell, repeated `repeat` times across.
pub fn ods_cell(text: &str, repeat: usize) -> String {
    format!(
        r#"<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// An empty (formatted) cell, repeated `repeat` times across.
pub fn ods_empty(repeat: usize) -> String {
    format!(
        r#"<table:table-cell table:style-name="ce1" table:number-columns-repeated="{repeat}"/>"#
    )
}

pub fn ods_row(cells: &str, repeat: usize) -> String {
    format!(r#"<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>"#)
}

pub fn ods_table(rows: &str) -> String {
    format!(r#"<table:table table:name="Feuille">{rows}</table:table>"#)
}

/// The bomb of the review: one row repeated 1,000 times holding one cell repeated 16,384
/// times, in `tables` tables (~800 bytes for one, ~830 for eight).
pub fn ods_repeat_bomb(tables: usize) -> Vec<u8> {
    let table = ods_table(&ods_row(&ods_cell("x", 16_384), 1_000));
    ods(&table.repeat(tables))
}

/// A normal table as LibreOffice writes it: a header, two rows, each row ending in a run of
/// formatted empty cells to the sheet's last column, and formatted empty rows to its last row.
pub fn ods_like_libreoffice(extra_tables: &str) -> Vec<u8> {
    let trailing = ods_empty(16_384 - 3);
    let header = format!(
        "{}{}{}{trailing}",
        ods_cell("Code", 1),
        ods_cell("Titre", 1),
        ods_cell("Échéance", 1)
    );
    let row = |code: &str, title: &str, date: &str| {
        format!(
            r#"{}{}<table:table-cell office:value-type="date" office:date-value="{date}"><text:p>x</text:p></table:table-cell>{trailing}"#,
            ods_cell(code, 1),
            ods_cell(title, 1)
        )
    };
    let rows = format!(
        "{}{}{}{}",
        ods_row(&header, 1),
        ods_row(&row("A-1", "Atelier &amp; visite", "2026-03-01"), 1),
        ods_row(&row("A-2", "Formation", "2026-04-15T00:00:00"), 1),
        ods_row(&ods_empty(16_384), 1_048_573)
    );
    let columns =
        r#"<table:table-column table:style-name="co1" table:number-columns-repeated="16384"/>"#;
    ods(&format!(
        r#"<table:table table:name="Feuille1">{columns}{rows}</table:table>{extra_tables}"#
    ))
}
