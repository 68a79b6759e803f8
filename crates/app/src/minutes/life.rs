//! The two moves in the minutes' life. Both return the session to save; whether the move
//! is allowed (a draft to adopt, an adopted text to revise) is `check_minutes`'s to say
//! when the store saves it, so a stale form or a second click gets the rule's message.

use chrono::NaiveDate;
use taawun_core::Session;
use taawun_core::attachment::{AttachedFile, Purpose};
use taawun_core::minutes::{AdoptedMinutes, Minutes, MinutesStatus, SignedScan};

use super::Drawn;

/// The signed scan an adoption of the version being drafted would name: the newest version
/// of the session's signed-minutes files that no earlier adopted version names, so the scan
/// of version 1 is never taken for version 2's.
pub fn pending_scan(m: &Minutes, files: &[AttachedFile]) -> Option<SignedScan> {
    let named = |sha: &str| {
        m.adopted
            .iter()
            .filter_map(|a| a.signed_scan.as_ref())
            .any(|s| s.sha256 == sha)
    };
    files
        .iter()
        .filter(|f| f.current().purpose == Purpose::SignedMinutes)
        .flat_map(|f| f.versions.iter())
        .filter(|v| !named(&v.sha256))
        .max_by_key(|v| (v.uploaded_at, v.id))
        .map(|v| SignedScan {
            file: v.id,
            sha256: v.sha256.clone(),
            name: v.name.clone(),
        })
}

/// The version being drafted, adopted: its text as drawn now is kept with its hash, the
/// records it came from and the scan of the signed originals (without one, the store
/// refuses the adoption: `Rule::MinutesScanMissing`).
pub fn adopt(
    s: &Session,
    drawn: Drawn,
    on: NaiveDate,
    by: &str,
    scan: Option<SignedScan>,
) -> Session {
    let mut next = s.clone();
    let m = &mut next.minutes;
    m.adopted.push(AdoptedMinutes {
        version: m.version,
        adopted_on: on,
        adopted_by: by.to_string(),
        sha256: drawn.text.sha256(),
        text: drawn.text,
        sources: drawn.sources,
        signed_scan: scan,
    });
    m.status = MinutesStatus::Adopted;
    next
}

/// A new draft after an adopted version: the session may change again; what was adopted
/// stays as it was signed.
pub fn revise(s: &Session) -> Session {
    let mut next = s.clone();
    next.minutes.status = MinutesStatus::Draft;
    next.minutes.version += 1;
    next
}
