//! The fonts compiled into the binary (OFL, licences beside them in `fonts/`).
//!
//! Embedded so that rendering needs no system fonts and behaves the same on every machine.
//! TTF only: Typst loads no faces from WOFF.

use std::sync::LazyLock;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

static FILES: [&[u8]; 4] = [
    // Body text in Arabic: Naskh extracts cleanly (Amiri body text gains false spaces).
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
    // Latin body text.
    include_bytes!("../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../fonts/NotoSerif-Bold.ttf"),
    // No Amiri, even for titles: titles carry the commission's name, and Amiri text
    // extracts with false spaces ("العسكر ية"), which breaks copy and search.
];

pub(crate) struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

/// Parsed once per process: parsing the faces costs more than a small render.
pub(crate) static FONTS: LazyLock<FontSet> = LazyLock::new(|| {
    let fonts: Vec<Font> = FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    FontSet {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

#[cfg(test)]
mod tests {
    #[test]
    fn every_embedded_file_yields_a_face() {
        assert_eq!(super::FONTS.fonts.len(), super::FILES.len());
    }
}
