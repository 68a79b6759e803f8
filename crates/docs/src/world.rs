//! A Typst `World` held entirely in memory: one source, embedded fonts, data as `sys.inputs`.
//!
//! No file system, no package downloads, no clock: the date comes from the caller so that the
//! same input always yields the same PDF.

use crate::fonts::FONTS;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

pub(crate) struct MemoryWorld {
    library: LazyHash<Library>,
    source: Source,
    today: Datetime,
}

impl MemoryWorld {
    pub fn new(template: &str, inputs: Dict, today: Datetime) -> Self {
        MemoryWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            source: Source::detached(template),
            today,
        }
    }
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        // The template reads no files; refusing keeps user data from naming one.
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
