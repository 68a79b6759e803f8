//! Reading a file attached to a PDF back (`pdf.attach` in the minutes' template): the signed
//! adoptions `taawun verify FILE.pdf` checks. The PDF is parsed by `lopdf`; every embedded
//! file stream is a candidate, and the caller decides which one it wants by its content.

/// The most an attached file may inflate to: the signed adoptions weigh a few KiB, so a
/// stream that expands further is not one of ours (a small PDF must not become gigabytes).
pub const MAX_ATTACHED: u64 = 16 * 1024 * 1024;

/// The decoded content of every file embedded in `pdf`; `Err` when it is not a PDF, or an
/// embedded file would inflate beyond `MAX_ATTACHED`.
pub fn attached_files(pdf: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let mut files = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let name_of = |key: &[u8]| {
            stream
                .dict
                .get(key)
                .and_then(|t| t.as_name())
                .ok()
                .map(<[u8]>::to_vec)
        };
        if name_of(b"Type").as_deref() != Some(b"EmbeddedFile") {
            continue;
        }
        match name_of(b"Filter").as_deref() {
            None => files.push(stream.content.clone()),
            Some(b"FlateDecode") => files.push(inflate(&stream.content)?),
            // Typst writes Flate or nothing; anything else is not a file of ours.
            Some(_) => {}
        }
    }
    Ok(files)
}

/// Zlib-inflates `bytes`, reading at most one byte past `MAX_ATTACHED`.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .take(MAX_ATTACHED + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("an attached file does not inflate: {e}"))?;
    if out.len() as u64 > MAX_ATTACHED {
        return Err(format!(
            "an attached file inflates beyond {} MiB: not a file of Taawun's",
            MAX_ATTACHED / (1024 * 1024)
        ));
    }
    Ok(out)
}
