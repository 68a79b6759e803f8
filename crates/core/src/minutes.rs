//! A session's minutes (procès-verbal / محضر) as the two heads of delegation sign them.
//!
//! The minutes are part of the session aggregate: what the secretariat writes for them
//! (`Minutes`) is saved and audited with the session, and the rest (delegations, agenda,
//! decisions) is the session itself. While a version is a draft, the text follows the
//! session. When both heads have signed the paper originals, the secretariat adopts it.
//! The resolved text (`MinutesText`: names and titles as printed, not ids) is then kept as
//! it was signed, with the SHA-256 of its canonical form (RFC 8785). From then on, the
//! session's content is frozen (`check_minutes`): a change needs a new version.

use crate::rules::{Rule, RuleErrors};
use crate::{Id, ItemStatus, Lang, LocalizedText, RecordKind, Session};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the secretariat writes for the minutes, beside the session's own record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Minutes {
    /// Added to the preamble after the sentence the minutes make from the session (where,
    /// when, at whose invitation).
    #[serde(default)]
    pub preamble: LocalizedText,
    /// What the commission agreed about its next session.
    #[serde(default)]
    pub next_session: LocalizedText,
    /// The languages of the signed originals, named in the closing formula.
    #[serde(default = "default_original_langs")]
    pub original_langs: Vec<Lang>,
    #[serde(default)]
    pub status: MinutesStatus,
    /// The version being drafted or last adopted: 1, then one more for each revision.
    #[serde(default = "first_version")]
    pub version: u32,
    /// Every adopted version, oldest first; never changed once written.
    #[serde(default)]
    pub adopted: Vec<AdoptedMinutes>,
}

fn default_original_langs() -> Vec<Lang> {
    vec![Lang::Ar, Lang::Fr]
}

fn first_version() -> u32 {
    1
}

impl Default for Minutes {
    fn default() -> Self {
        Minutes {
            preamble: LocalizedText::default(),
            next_session: LocalizedText::default(),
            original_langs: default_original_langs(),
            status: MinutesStatus::Draft,
            version: 1,
            adopted: Vec::new(),
        }
    }
}

impl Minutes {
    /// The adopted text of `version`, if that version was adopted.
    pub fn adopted_version(&self, version: u32) -> Option<&AdoptedMinutes> {
        self.adopted.iter().find(|a| a.version == version)
    }

    /// The version now in force: the latest adopted one.
    pub fn latest_adopted(&self) -> Option<&AdoptedMinutes> {
        self.adopted.last()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    /// Being written: every page of the PDF says so.
    #[default]
    Draft,
    /// Signed by both heads on paper; the text is frozen until a new version is started.
    Adopted,
}

impl MinutesStatus {
    pub fn key(self) -> &'static str {
        match self {
            MinutesStatus::Draft => "draft",
            MinutesStatus::Adopted => "adopted",
        }
    }
}

/// One adopted version, kept as it was signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptedMinutes {
    pub version: u32,
    pub adopted_on: NaiveDate,
    /// The username of who marked it adopted.
    pub adopted_by: String,
    pub text: MinutesText,
    /// Hex SHA-256 of `text`'s canonical JSON (`MinutesText::sha256`).
    pub sha256: String,
    /// Every record the text was made from: a reader sees the adopted text only when they
    /// may see each of them (`Visible::adopted_minutes`).
    pub sources: Vec<(RecordKind, Id)>,
    /// The scan of the paper originals both heads signed, attached to the session before
    /// the adoption (`Purpose::SignedMinutes`). Versions adopted before scans were linked
    /// have none.
    #[serde(default)]
    pub signed_scan: Option<SignedScan>,
}

/// Which attached file is the signed original of an adopted version: its version's id and
/// the SHA-256 of its content, so a later replacement of the file does not change what the
/// adoption names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedScan {
    /// The attachment version (`Attachment::id`).
    pub file: Id,
    pub sha256: String,
    pub name: String,
}

/// The minutes' content, resolved to what is printed: the form both parties sign, and the
/// form whose canonical JSON is hashed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesText {
    pub commission: LocalizedText,
    pub ordinal: u32,
    /// The two parties' full names, in the order their emblems and signatures appear.
    pub parties: [LocalizedText; 2],
    /// The party at whose invitation the session was held (its host).
    pub host: LocalizedText,
    pub place: LocalizedText,
    pub start_on: NaiveDate,
    pub end_on: NaiveDate,
    pub preamble: LocalizedText,
    pub delegations: Vec<MinutesDelegation>,
    pub agenda: Vec<MinutesAgendaPoint>,
    pub decisions: Vec<LocalizedText>,
    pub agreements_signed: Vec<LocalizedText>,
    pub side_events: Vec<LocalizedText>,
    pub next_session: LocalizedText,
    pub original_langs: Vec<Lang>,
    /// The heads of delegation who sign, in the parties' order; `None` for a side whose
    /// delegation has no member recorded.
    pub signatories: [Option<MinutesMember>; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesDelegation {
    pub party: LocalizedText,
    /// In protocol order: the head first.
    pub members: Vec<MinutesMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesMember {
    pub name: LocalizedText,
    pub rank: LocalizedText,
    pub function: LocalizedText,
    pub role: crate::DelegationRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesAgendaPoint {
    pub title: LocalizedText,
    /// What the commission agreed under this point.
    pub conclusions: LocalizedText,
    /// Action items carried over to this point, each with both sides' state.
    pub carried: Vec<CarriedItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedItem {
    pub code: String,
    pub title: LocalizedText,
    pub sides: Vec<CarriedSide>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedSide {
    pub party: LocalizedText,
    pub status: ItemStatus,
    pub percent: u8,
}

impl MinutesText {
    /// The canonical JSON (RFC 8785: sorted keys, no spaces, ECMAScript numbers): the same
    /// bytes for the same content on every instance, which is what gets hashed and signed.
    pub fn canonical_json(&self) -> String {
        // A struct of strings, numbers, dates and enums always serializes.
        serde_jcs::to_string(self).unwrap_or_default()
    }

    /// Hex SHA-256 of the canonical JSON.
    pub fn sha256(&self) -> String {
        let digest = Sha256::digest(self.canonical_json().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// What of a session the minutes print: frozen while the minutes are adopted. Protection
/// and the optimistic-lock version are not content: a session may be reclassified.
fn content(s: &Session) -> impl PartialEq + '_ {
    (
        (
            s.commission_id,
            s.ordinal,
            s.start_on,
            s.end_on,
            s.host_party_id,
        ),
        (&s.place, &s.agenda, &s.decisions),
        // The delegations without their heads' adoptions, which come after the adoption.
        s.delegations
            .iter()
            .map(|d| (d.party_id, &d.members))
            .collect::<Vec<_>>(),
        (&s.statements, &s.side_events),
        (
            &s.minutes.preamble,
            &s.minutes.next_session,
            &s.minutes.original_langs,
        ),
    )
}

/// The minutes' rules on a session save, given the stored session (`None` on creation):
/// adopted versions are never rewritten or removed; a save adopts at most the version being
/// drafted, with its text; while adopted, the content does not change, and the only way
/// back to a draft is the next version.
pub fn check_minutes(new: &Session, previous: Option<&Session>) -> Result<(), RuleErrors> {
    let mut e = RuleErrors::default();
    let (m, empty) = (&new.minutes, Minutes::default());
    let old = previous.map_or(&empty, |p| &p.minutes);
    let kept =
        m.adopted.len() >= old.adopted.len() && m.adopted[..old.adopted.len()] == old.adopted;
    let added = &m.adopted[old.adopted.len().min(m.adopted.len())..];
    let versions_ok = m.version >= old.version;
    let transition_ok = match (old.status, m.status) {
        (MinutesStatus::Draft, MinutesStatus::Draft) => added.is_empty(),
        (MinutesStatus::Draft, MinutesStatus::Adopted) => {
            if matches!(added, [a] if a.signed_scan.is_none()) {
                e.push("minutes", Rule::MinutesScanMissing);
            }
            m.version == old.version
                && matches!(added, [a] if a.version == m.version && a.sha256 == a.text.sha256())
        }
        (MinutesStatus::Adopted, MinutesStatus::Adopted) => {
            added.is_empty() && m.version == old.version
        }
        (MinutesStatus::Adopted, MinutesStatus::Draft) => {
            added.is_empty() && m.version == old.version + 1
        }
    };
    if !kept || !versions_ok || !transition_ok {
        e.push("minutes", Rule::MinutesAdopted);
    }
    if let Some(p) = previous
        && old.status == MinutesStatus::Adopted
        && content(new) != content(p)
    {
        e.push("minutes", Rule::MinutesAdopted);
    }
    if m.original_langs.is_empty() {
        e.push("minutes.original_langs", Rule::Required);
    }
    crate::adoption::check_adoptions(new, previous, &mut e);
    e.into_result()
}
