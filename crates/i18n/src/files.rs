//! Why an uploaded file was refused, worded for the person who sent it.

use crate::catalogue::format;
use crate::rules::Wording;
use crate::{FluentArgs, FluentValue};
use taawun_core::Lang;
use taawun_core::attachment::FileRefusal;

/// The catalogue key of a refusal's sentence. Exhaustive: a new `FileRefusal` does not
/// compile until it is given a key.
pub fn file_refusal_key(e: &FileRefusal) -> &'static str {
    match e {
        FileRefusal::Empty => "file-refused-empty",
        FileRefusal::TooLarge { .. } => "file-refused-too-large",
        FileRefusal::NotAccepted => "file-refused-not-accepted",
        FileRefusal::Damaged => "file-refused-damaged",
        FileRefusal::Bomb => "file-refused-bomb",
        FileRefusal::Scanner => "file-refused-scanner",
        FileRefusal::ScannerFailed => "file-refused-scanner-failed",
        FileRefusal::NotAnEmblem => "file-refused-not-an-emblem",
    }
}

impl Wording for FileRefusal {
    fn message(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        if let FileRefusal::TooLarge { max_bytes } = self {
            // Whole megabytes, as a string: a size is no count to pluralise or group.
            let mb = format!("{:.0}", *max_bytes as f64 / (1024.0 * 1024.0));
            args.set("size", FluentValue::from(mb));
        }
        format(lang, file_refusal_key(self), Some(&args))
    }
}
