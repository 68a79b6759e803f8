//! What every document shares in its options: which languages it shows and its date.

use crate::DocsError;
use taawun_core::lang::Lang;
use typst::foundations::Datetime;

/// Which languages the document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Ar,
    Fr,
    En,
    /// Two columns, each paragraph beside its translation (French left, Arabic right).
    ArFr,
}

impl Layout {
    /// The languages shown; the first is the document's language in the PDF metadata.
    pub(crate) fn langs(self) -> &'static [Lang] {
        match self {
            Layout::Ar => &[Lang::Ar],
            Layout::Fr => &[Lang::Fr],
            Layout::En => &[Lang::En],
            Layout::ArFr => &[Lang::Ar, Lang::Fr],
        }
    }
}

/// A calendar date, the document date (PDF/A requires one; it also keeps output reproducible).
/// The default (year 0, month 0) is no date: rendering with it fails, so a caller that
/// forgot to set it finds out at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl DocDate {
    /// The date as Typst holds it; refuses days that do not exist (30 February).
    pub(crate) fn datetime(self) -> Result<Datetime, DocsError> {
        Datetime::from_ymd(self.year, self.month, self.day).ok_or_else(|| {
            DocsError::InvalidDate(format!("{}-{}-{}", self.year, self.month, self.day))
        })
    }
}
