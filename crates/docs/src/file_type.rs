//! What an uploaded file is, from its content alone: the few signatures of the types a
//! secretariat files (PDF, PNG, JPEG, TIFF, WebP) and, for office documents, a look inside
//! their zip container. The name and the browser's declared type are never asked: an HTML
//! page renamed `.pdf` is HTML, and is refused.
//!
//! An office container is inflated entry by entry into nothing, counting, so a zip bomb
//! renamed `.xlsx` is refused once it has cost `MAX_INFLATED` bytes of work (or at once,
//! when it declares its size honestly) and never occupies memory. Old binary Office files
//! (.doc, .xls: OLE containers) are refused: they carry macros, and nothing here can read
//! them safely; the sheet importer refuses them for the same reason.

use std::io::{Cursor, Read};
use taawun_core::attachment::{FileRefusal, FileType};

/// The most an office container may inflate to, all entries together. Scanned pages inside
/// a document are already compressed (about 1:1), so a 50 MB document inflates to little
/// more; a text-heavy one to a few times its size.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// One entry may inflate to this many times its compressed size (plus 1 MiB): an office
/// file's XML compresses some five to fifty times, a deflate bomb a hundred to a thousand.
const MAX_RATIO: u64 = 100;

/// More entries than any document has; a container of millions of empty entries costs its
/// reader even though each inflates to nothing.
const MAX_ENTRIES: usize = 20_000;

/// The type of `bytes`, or why they are refused.
pub fn detect_file_type(bytes: &[u8]) -> Result<FileType, FileRefusal> {
    if bytes.is_empty() {
        return Err(FileRefusal::Empty);
    }
    let at = |offset: usize, sig: &[u8]| bytes.get(offset..offset + sig.len()) == Some(sig);
    if at(0, b"%PDF-") {
        Ok(FileType::Pdf)
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Ok(FileType::Png)
    } else if at(0, b"\xFF\xD8\xFF") {
        Ok(FileType::Jpeg)
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        Ok(FileType::Tiff)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Ok(FileType::Webp)
    } else if at(0, b"PK\x03\x04") {
        office(bytes)
    } else {
        Err(FileRefusal::NotAccepted)
    }
}

/// An office document in its zip container: which one, from the parts it must hold, after
/// every entry has been inflated within the budget (which also checks each entry's CRC).
fn office(bytes: &[u8]) -> Result<FileType, FileRefusal> {
    let damaged = |_| FileRefusal::Damaged;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if zip.len() > MAX_ENTRIES {
        return Err(FileRefusal::Bomb);
    }
    // Honest archives declare their sizes: refused before any work.
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_INFLATED {
        return Err(FileRefusal::Bomb);
    }
    let has = |zip: &zip::ZipArchive<Cursor<&[u8]>>, name: &str| zip.index_for_name(name).is_some();
    let found = if has(&zip, "[Content_Types].xml") {
        if has(&zip, "word/document.xml") {
            Some(FileType::Docx)
        } else if has(&zip, "xl/workbook.xml") {
            Some(FileType::Xlsx)
        } else if has(&zip, "ppt/presentation.xml") {
            Some(FileType::Pptx)
        } else {
            None
        }
    } else {
        odf_type(&mut zip)?
    };
    let found = found.ok_or(FileRefusal::NotAccepted)?;
    inflate_all(&mut zip)?;
    Ok(found)
}

/// An OpenDocument file names its type in its `mimetype` entry (stored, a few dozen bytes).
fn odf_type(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<Option<FileType>, FileRefusal> {
    let Ok(entry) = zip.by_name("mimetype") else {
        return Ok(None);
    };
    let mut text = String::new();
    entry
        .take(100)
        .read_to_string(&mut text)
        .map_err(|_| FileRefusal::Damaged)?;
    Ok(match text.trim() {
        "application/vnd.oasis.opendocument.text" => Some(FileType::Odt),
        "application/vnd.oasis.opendocument.spreadsheet" => Some(FileType::Ods),
        "application/vnd.oasis.opendocument.presentation" => Some(FileType::Odp),
        _ => None,
    })
}

/// Inflates every entry into nothing, 64 KiB at a time, within the total budget and each
/// entry's ratio: what is counted is what inflates, never what the archive declares.
fn inflate_all(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), FileRefusal> {
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|_| FileRefusal::Damaged)?;
        let allowed = entry
            .compressed_size()
            .saturating_mul(MAX_RATIO)
            .saturating_add(1024 * 1024);
        let mut inflated: u64 = 0;
        loop {
            let n = entry.read(&mut buf).map_err(|_| FileRefusal::Damaged)?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            total += n as u64;
            if inflated > allowed || total > MAX_INFLATED {
                return Err(FileRefusal::Bomb);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_name_their_types_and_nothing_else_passes() {
        assert_eq!(detect_file_type(b"%PDF-1.7\n"), Ok(FileType::Pdf));
        assert_eq!(
            detect_file_type(b"\x89PNG\r\n\x1a\nrest"),
            Ok(FileType::Png)
        );
        assert_eq!(detect_file_type(b"\xFF\xD8\xFF\xE0"), Ok(FileType::Jpeg));
        assert_eq!(detect_file_type(b"II*\0...."), Ok(FileType::Tiff));
        assert_eq!(
            detect_file_type(b"RIFF\0\0\0\0WEBPVP8 "),
            Ok(FileType::Webp)
        );
        for hostile in [
            &b"<!DOCTYPE html><script>alert(1)</script>"[..],
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            b" %PDF-1.7 but not at the start",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old .doc",
            b"MZ\x90\0 an executable",
            b"PK\x03\x04 not really a zip",
        ] {
            assert!(detect_file_type(hostile).is_err(), "{hostile:?}");
        }
        assert_eq!(detect_file_type(b""), Err(FileRefusal::Empty));
    }
}
