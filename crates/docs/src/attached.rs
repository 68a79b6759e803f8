//! Reading a file attached to a PDF back (`pdf.attach` in the minutes' template): the signed
//! adoptions `taawun verify FILE.pdf` checks. The PDF is parsed by `lopdf`; every embedded
//! file stream is a candidate, and the caller decides which one it wants by its content.

/// The decoded content of every file embedded in `pdf`; `Err` when it is not a PDF.
pub fn attached_files(pdf: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let mut files = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let embedded = stream
            .dict
            .get(b"Type")
            .and_then(|t| t.as_name())
            .is_ok_and(|n| n == b"EmbeddedFile");
        if !embedded {
            continue;
        }
        match stream.decompressed_content() {
            Ok(bytes) => files.push(bytes),
            // An uncompressed stream has nothing to decompress.
            Err(_) => files.push(stream.content.clone()),
        }
    }
    Ok(files)
}
