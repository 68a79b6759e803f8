//! Why an uploaded spreadsheet was refused, worded for the person who uploaded it.

use crate::catalogue::format;
use crate::rules::Wording;
use crate::{FluentArgs, FluentValue};
use taawun_core::Lang;
use taawun_core::sheet::SheetError;

/// The catalogue key of a reading error's sentence. Exhaustive: a new `SheetError` does not
/// compile until it is given a key.
pub fn sheet_error_key(e: &SheetError) -> &'static str {
    match e {
        SheetError::TooLarge { .. } => "sheet-error-too-large",
        SheetError::TooManyRows { .. } => "sheet-error-too-many-rows",
        SheetError::TooManyColumns { .. } => "sheet-error-too-many-columns",
        SheetError::Empty => "sheet-error-empty",
        SheetError::NotASpreadsheet => "sheet-error-not-a-spreadsheet",
        SheetError::Damaged(_) => "sheet-error-damaged",
        SheetError::NotUtf8 => "sheet-error-not-utf8",
        SheetError::UnpacksTooLarge { .. } => "sheet-error-unpacks-too-large",
        SheetError::TooManyCells { .. } => "sheet-error-too-many-cells",
        SheetError::TooSlow => "sheet-error-too-slow",
        SheetError::OldOrProtected => "sheet-error-old-or-protected",
    }
}

impl Wording for SheetError {
    /// A sentence for the person who uploaded the file, saying what to do about it. The
    /// technical detail of a damaged file is for logs, not readers.
    fn message(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        match self {
            SheetError::TooLarge { max_bytes } | SheetError::UnpacksTooLarge { max_bytes } => {
                // Whole megabytes, as a string: a size is no count to pluralise or group.
                let mib = format!("{:.0}", *max_bytes as f64 / (1024.0 * 1024.0));
                args.set("size", FluentValue::from(mib));
            }
            SheetError::TooManyRows { max }
            | SheetError::TooManyColumns { max }
            | SheetError::TooManyCells { max } => {
                args.set("max", FluentValue::from(*max));
            }
            _ => {}
        }
        format(lang, sheet_error_key(self), Some(&args))
    }
}
