//! Files attached to records (issue 13, part 3): the signed scan of a session's minutes or
//! of an agreement, a press communiqué, supporting documents. A file is addressed by the
//! SHA-256 of its content; replacing it adds a version and keeps the older ones. What a
//! file is comes from its content (`FileType`, found by `taawun_docs::detect_file_type`),
//! never from its name or from what the browser declared. A file has no protection of its
//! own: it inherits its record's, so whoever cannot see the record cannot see its files.

use crate::{Id, RecordKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The largest file accepted: signed scans of long agreements run to tens of megabytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The kinds of record that carry files. Minutes belong to their session; a party carries
/// its emblem, printed in the minutes' header.
pub const CARRIERS: [RecordKind; 6] = [
    RecordKind::Party,
    RecordKind::Agreement,
    RecordKind::Session,
    RecordKind::ActionItem,
    RecordKind::ProgressUpdate,
    RecordKind::Activity,
];

/// Whether records of `kind` carry files.
pub fn carries_files(kind: RecordKind) -> bool {
    CARRIERS.contains(&kind)
}

/// What a file is to its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// The minutes as both heads of delegation signed them (on a session).
    SignedMinutes,
    /// An agreement's signed original.
    SignedAgreement,
    /// The press communiqué.
    Communique,
    /// Anything else that supports the record.
    Supporting,
    /// A state's emblem (on a party), printed above its name in the minutes' header.
    Emblem,
}

impl Purpose {
    pub const ALL: [Purpose; 5] = [
        Purpose::SignedMinutes,
        Purpose::SignedAgreement,
        Purpose::Communique,
        Purpose::Supporting,
        Purpose::Emblem,
    ];

    /// The purposes files of a `kind` record may have: a party's file is its emblem, and
    /// only a party's.
    pub fn for_kind(kind: RecordKind) -> Vec<Purpose> {
        Purpose::ALL
            .into_iter()
            .filter(|p| (*p == Purpose::Emblem) == (kind == RecordKind::Party))
            .collect()
    }

    /// Whether a file of this type may serve this purpose: an emblem is printed, so it is
    /// an image the PDF can embed (PNG or JPEG); anything accepted serves the others.
    pub fn accepts(self, t: FileType) -> bool {
        match self {
            Purpose::Emblem => matches!(t, FileType::Png | FileType::Jpeg),
            _ => true,
        }
    }
    /// The stored text, never changed.
    pub fn key(self) -> &'static str {
        match self {
            Purpose::SignedMinutes => "signed_minutes",
            Purpose::SignedAgreement => "signed_agreement",
            Purpose::Communique => "communique",
            Purpose::Supporting => "supporting",
            Purpose::Emblem => "emblem",
        }
    }
    pub fn parse(key: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The types of file accepted, each recognised by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Webp,
    /// Word (Office Open XML).
    Docx,
    /// Excel (Office Open XML).
    Xlsx,
    /// PowerPoint (Office Open XML).
    Pptx,
    /// OpenDocument text, spreadsheet, presentation.
    Odt,
    Ods,
    Odp,
}

impl FileType {
    pub const ALL: [FileType; 11] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Tiff,
        FileType::Webp,
        FileType::Docx,
        FileType::Xlsx,
        FileType::Pptx,
        FileType::Odt,
        FileType::Ods,
        FileType::Odp,
    ];

    /// The media type a download is sent with: never one a browser renders as a page.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Tiff => "image/tiff",
            FileType::Webp => "image/webp",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileType::Odp => "application/vnd.oasis.opendocument.presentation",
        }
    }

    /// The type stored as `media_type`.
    pub fn from_media_type(media_type: &str) -> Option<FileType> {
        FileType::ALL
            .into_iter()
            .find(|t| t.media_type() == media_type)
    }

    /// The usual extension, which a download's name is given when its own does not match
    /// (a PDF uploaded as `scan.html` downloads as `scan.html.pdf`).
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Tiff => "tif",
            FileType::Webp => "webp",
            FileType::Docx => "docx",
            FileType::Xlsx => "xlsx",
            FileType::Pptx => "pptx",
            FileType::Odt => "odt",
            FileType::Ods => "ods",
            FileType::Odp => "odp",
        }
    }
}

/// Why an uploaded file was refused. Nothing is stored when a file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileRefusal {
    #[error("no file was sent")]
    Empty,
    #[error("the file is over {max_bytes} bytes")]
    TooLarge { max_bytes: u64 },
    /// Not one of the accepted types (HTML, SVG, scripts, executables, old binary Office…).
    #[error("not an accepted type of file")]
    NotAccepted,
    /// An office container (zip) that cannot be read, or is not the document it claims.
    #[error("damaged document")]
    Damaged,
    /// An office container that unpacks to far more than it weighs (a zip bomb).
    #[error("the document unpacks to too much")]
    Bomb,
    /// The installation's scanner refused the file.
    #[error("refused by the scanner")]
    Scanner,
    /// The scanner could not be run, or took too long: the file is not taken unscanned.
    #[error("the scanner did not answer")]
    ScannerFailed,
    /// An emblem that is not a PNG or JPEG image.
    #[error("an emblem is a PNG or JPEG image")]
    NotAnEmblem,
}

/// One version of a file attached to a record, as the store keeps it. The content is kept
/// apart, by `sha256`, and read only on download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// This version's id (UUIDv7).
    pub id: Id,
    /// The file's id, shared by all its versions (the first version's id).
    pub file_id: Id,
    /// Serialized as its key (`session`…), as the database and the audit log name kinds.
    #[serde(with = "kind_key")]
    pub record: RecordKind,
    pub record_id: Id,
    /// 1 for the first upload, then one more per replacement.
    pub version: u32,
    pub purpose: Purpose,
    /// The name as uploaded (shown and used for downloads; never trusted for the type).
    pub name: String,
    pub file_type: FileType,
    pub size: u64,
    /// Lower-case hexadecimal SHA-256 of the content.
    pub sha256: String,
    /// The uploader's username.
    pub uploaded_by: String,
    pub uploaded_at: DateTime<Utc>,
}

/// A file's versions, newest first, as a record's page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachedFile {
    pub versions: Vec<Attachment>,
}

impl AttachedFile {
    /// The version in force: the newest one.
    pub fn current(&self) -> &Attachment {
        &self.versions[0]
    }
    /// The older versions, newest first.
    pub fn older(&self) -> &[Attachment] {
        &self.versions[1..]
    }
}

/// Groups versions (in any order) into files, each newest version first, files in the
/// order their first version was uploaded.
pub fn group_versions(mut all: Vec<Attachment>) -> Vec<AttachedFile> {
    // Ids are UUIDv7: a file's id orders files by first upload.
    all.sort_by(|a, b| (a.file_id, b.version).cmp(&(b.file_id, a.version)));
    let mut files: Vec<AttachedFile> = Vec::new();
    for a in all {
        match files.last_mut() {
            Some(f) if f.current().file_id == a.file_id => f.versions.push(a),
            _ => files.push(AttachedFile { versions: vec![a] }),
        }
    }
    files
}

/// The longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 255;

/// The name a file is kept under: the last segment of what the browser sent (old browsers
/// send `C:\fakepath\scan.pdf`), without control or bidi-override characters (a name
/// spelling `fdp.exe` backwards behind U+202E would lie about its extension), trimmed, at
/// most `MAX_NAME_CHARS`; "file" when nothing is left.
pub fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let kept: String = last
        .chars()
        .filter(|c| !c.is_control() && !bidi(*c))
        .take(MAX_NAME_CHARS)
        .collect();
    let kept = kept.trim();
    if kept.is_empty() || kept == "." || kept == ".." {
        "file".to_string()
    } else {
        kept.to_string()
    }
}

/// The longest purge reason kept, in characters.
pub const MAX_REASON_CHARS: usize = 2000;

/// A record kind as the text the database keeps (`RecordKind::key`).
mod kind_key {
    use crate::RecordKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &RecordKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<RecordKind, D::Error> {
        let key = String::deserialize(d)?;
        RecordKind::parse(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown record kind {key:?}")))
    }
}
