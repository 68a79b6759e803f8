//! A head of delegation adopts the minutes on their own party's instance, which signs the
//! statement (`taawun_core::adoption`); each instance checks every adoption it holds
//! against the keys it knows: its own, and the partners' it registered after comparing
//! their fingerprints. The adoption then travels in the delegation, the party's own part of
//! the session, so both instances end up holding and checking both adoptions.

use super::{Identity, b64, unb64};
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use taawun_core::adoption::{ADOPTION_FORMAT, Adoption, AdoptionStatement};
use taawun_core::minutes::MinutesStatus;
use taawun_core::{Id, Person, Session, User};
use taawun_store::exchange::Partner;

/// Why a head's adoption is not made; `key` names its sentence (`adoption-refused-{key}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdoptRefusal {
    /// This server has no exchange identity to sign with.
    NoIdentity,
    /// The instance speaks for another party than the user's.
    OtherParty,
    /// The account is not linked to a person of the registry.
    NoPerson,
    /// The person is not the head of their party's delegation to this session.
    NotHead,
    /// No version of the minutes is adopted and in force.
    NotAdopted,
    /// This party already adopted this version.
    Already,
    /// The account has no second factor, or the code given is not its current one.
    SecondFactor,
}

impl AdoptRefusal {
    pub fn key(self) -> &'static str {
        match self {
            AdoptRefusal::NoIdentity => "no-identity",
            AdoptRefusal::OtherParty => "other-party",
            AdoptRefusal::NoPerson => "no-person",
            AdoptRefusal::NotHead => "not-head",
            AdoptRefusal::NotAdopted => "not-adopted",
            AdoptRefusal::Already => "already",
            AdoptRefusal::SecondFactor => "second-factor",
        }
    }
}

/// Whether `user` could adopt the minutes of `s` now, as `person` (their registry link):
/// the version they would adopt, or why not. The second factor is the caller's to check.
pub fn may_adopt(
    identity: Option<&Identity>,
    user: &User,
    person: Option<&Person>,
    s: &Session,
) -> Result<u32, AdoptRefusal> {
    let identity = identity.ok_or(AdoptRefusal::NoIdentity)?;
    if identity.party != user.party_id {
        return Err(AdoptRefusal::OtherParty);
    }
    let person = person
        .filter(|p| Some(p.id) == user.person_id)
        .ok_or(AdoptRefusal::NoPerson)?;
    let delegation = s
        .delegations
        .iter()
        .find(|d| d.party_id == user.party_id)
        .filter(|d| d.head().is_some_and(|h| h.person_id == person.id))
        .ok_or(AdoptRefusal::NotHead)?;
    let version = match (s.minutes.status, s.minutes.latest_adopted()) {
        (MinutesStatus::Adopted, Some(a)) if a.version == s.minutes.version => a.version,
        _ => return Err(AdoptRefusal::NotAdopted),
    };
    if delegation
        .adoptions
        .iter()
        .any(|a| a.statement.version == version)
    {
        return Err(AdoptRefusal::Already);
    }
    Ok(version)
}

/// `s` with `user`'s adoption of the version in force, signed by `identity`; the caller
/// has checked their second factor. Saving it is the store's to allow (`check_adoptions`).
pub fn adopt_as_head(
    identity: Option<&Identity>,
    user: &User,
    person: Option<&Person>,
    s: &Session,
    at: DateTime<Utc>,
) -> Result<Session, AdoptRefusal> {
    let version = may_adopt(identity, user, person, s)?;
    let (Some(identity), Some(person), Some(adopted)) =
        (identity, person, s.minutes.adopted_version(version))
    else {
        return Err(AdoptRefusal::NotAdopted);
    };
    let statement = AdoptionStatement {
        format: ADOPTION_FORMAT.to_string(),
        instance: identity.instance,
        party: identity.party,
        session: s.id,
        version,
        sha256: adopted.sha256.clone(),
        person: person.id,
        name_latin: person.name_latin.clone(),
        name_ar: person.name_ar.clone(),
        user: user.username.clone(),
        at: at.to_rfc3339_opts(SecondsFormat::Secs, true),
    };
    let adoption = Adoption {
        signature: identity.sign_detached(statement.canonical_json().as_bytes()),
        key: b64(&identity.sign_public()),
        fingerprint: identity.fingerprint(),
        statement,
    };
    let mut next = s.clone();
    if let Some(d) = next
        .delegations
        .iter_mut()
        .find(|d| d.party_id == user.party_id)
    {
        d.adoptions.push(adoption);
    }
    Ok(next)
}

/// The keys adoptions are checked against: for each instance, the local party it speaks
/// for and every signing key it is known to have used.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    known: Vec<(Id, Id, Vec<String>)>,
}

impl Keys {
    pub fn new(identity: Option<&Identity>, partners: &[Partner]) -> Keys {
        let mut known = Vec::new();
        if let Some(i) = identity {
            known.push((i.instance, i.party, i.signing_keys()));
        }
        for p in partners {
            let keys = std::iter::once(p.sign_key.clone())
                .chain(p.previous_sign_key.clone())
                .collect();
            known.push((p.instance_id, p.party_id, keys));
        }
        Keys { known }
    }

    /// The local party `instance` speaks for, if it signed with `key`.
    fn party_of(&self, instance: Id, key: &str) -> Option<Id> {
        self.known
            .iter()
            .find(|(i, _, keys)| *i == instance && keys.iter().any(|k| k == key))
            .map(|(_, party, _)| *party)
    }
}

/// What checking one adoption found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Signed by a key known for an instance of the delegation's party, over this
    /// session's adopted version as it is now held.
    Valid,
    /// The key is not one this instance knows for the signer, or the signer speaks for
    /// another party than the delegation's.
    UnknownKey,
    /// The signature does not match the statement.
    BadSignature,
    /// The statement names a hash the record no longer has: the adopted text changed.
    NoLongerMatching,
}

impl Check {
    pub fn key(self) -> &'static str {
        match self {
            Check::Valid => "valid",
            Check::UnknownKey => "unknown-key",
            Check::BadSignature => "bad-signature",
            Check::NoLongerMatching => "no-longer-matching",
        }
    }
}

/// Whether `a`, held in `party`'s delegation, is signed by a key known for an instance of
/// that party: what a received bundle must hold for every adoption it carries.
pub fn signed(a: &Adoption, party: Id, keys: &Keys) -> bool {
    matches!(signature(a, party, keys), Ok(()))
}

fn signature(a: &Adoption, party: Id, keys: &Keys) -> Result<(), Check> {
    let st = &a.statement;
    if keys.party_of(st.instance, &a.key) != Some(party) {
        return Err(Check::UnknownKey);
    }
    let key = unb64(&a.key)
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .and_then(|k| VerifyingKey::from_bytes(&k).ok());
    let signature = unb64(&a.signature)
        .and_then(|s| <[u8; 64]>::try_from(s).ok())
        .map(|s| Signature::from_bytes(&s));
    let signed = match (key, signature) {
        (Some(k), Some(sig)) => k.verify(st.canonical_json().as_bytes(), &sig).is_ok(),
        _ => false,
    };
    if !signed || st.format != ADOPTION_FORMAT {
        return Err(Check::BadSignature);
    }
    Ok(())
}

/// Checks `a`, held in `party`'s delegation to `s`.
pub fn check(a: &Adoption, party: Id, s: &Session, keys: &Keys) -> Check {
    if let Err(c) = signature(a, party, keys) {
        return c;
    }
    let st = &a.statement;
    let holds = st.session == s.id
        && s.minutes
            .adopted_version(st.version)
            .is_some_and(|v| v.sha256 == st.sha256 && v.text.sha256() == st.sha256);
    if holds {
        Check::Valid
    } else {
        Check::NoLongerMatching
    }
}

/// One adoption held on a session, with what checking it found.
#[derive(Debug, Clone)]
pub struct Checked {
    pub party: Id,
    pub adoption: Adoption,
    pub check: Check,
}

/// Every adoption held on `s`, in delegation order, each checked.
pub fn check_all(s: &Session, keys: &Keys) -> Vec<Checked> {
    s.delegations
        .iter()
        .flat_map(|d| {
            d.adoptions.iter().map(|a| Checked {
                party: d.party_id,
                adoption: a.clone(),
                check: check(a, d.party_id, s, keys),
            })
        })
        .collect()
}

/// Whether `version` of the minutes is adopted by both parties: each of the session's two
/// delegations holds a valid adoption of it.
pub fn adopted_by_both(s: &Session, version: u32, keys: &Keys) -> bool {
    s.delegations.len() >= 2
        && s.delegations.iter().all(|d| {
            d.adoptions.iter().any(|a| {
                a.statement.version == version && check(a, d.party_id, s, keys) == Check::Valid
            })
        })
}

/// The attached file's format tag (`taawun verify` refuses another).
pub const PRINTED_FORMAT: &str = "taawun-minutes-adoptions/1";

/// What a PDF of an adopted version carries of its adoptions: attached as JSON, so that
/// `taawun verify FILE.pdf` can check it against the record of the instance it is run on.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Printed {
    pub format: String,
    pub session: Id,
    pub version: u32,
    pub sha256: String,
    /// The adoptions that checked when the PDF was made, each with the delegation that held
    /// it (the printing instance's party id: another instance finds them by content).
    pub adoptions: Vec<PrintedAdoption>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PrintedAdoption {
    pub party: Id,
    pub adoption: Adoption,
}

/// The valid adoptions of `version` held on `s`, for the PDF; `None` when there are none.
pub fn printed(s: &Session, version: u32, keys: &Keys) -> Option<Printed> {
    let adopted = s.minutes.adopted_version(version)?;
    let adoptions: Vec<PrintedAdoption> = check_all(s, keys)
        .into_iter()
        .filter(|c| c.check == Check::Valid && c.adoption.statement.version == version)
        .map(|c| PrintedAdoption {
            party: c.party,
            adoption: c.adoption,
        })
        .collect();
    (!adoptions.is_empty()).then(|| Printed {
        format: PRINTED_FORMAT.to_string(),
        session: s.id,
        version,
        sha256: adopted.sha256.clone(),
        adoptions,
    })
}

/// The printed lines of `p`, in every language: who adopted for which party, when, with
/// which instance key, over which hash. `party_name` gives a local party's name.
pub fn printed_lines(
    p: &Printed,
    party_name: impl Fn(Id) -> taawun_core::LocalizedText,
) -> Vec<taawun_core::LocalizedText> {
    p.adoptions
        .iter()
        .map(|a| {
            let st = &a.adoption.statement;
            let names = party_name(a.party);
            taawun_i18n::each(|l| {
                let who = if l == taawun_core::Lang::Ar && !st.name_ar.is_empty() {
                    &st.name_ar
                } else {
                    &st.name_latin
                };
                taawun_i18n::message_args(
                    l,
                    "minutes-pdf-adoption",
                    &[
                        ("party", names.get(l).unwrap_or_default()),
                        ("who", who),
                        ("when", &shown_time(&st.at)),
                        ("key", &a.adoption.fingerprint),
                        ("hash", &st.sha256),
                    ],
                )
            })
        })
        .collect()
}

/// What `taawun verify FILE.pdf` found for one adoption the PDF carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Held in the record as printed, and checks.
    Holds,
    /// The record does not hold this adoption (another, or none).
    NotInRecord,
    /// The record holds it, but it does not check (`Check`, not `Valid`).
    Fails(Check),
}

/// The verdict on a PDF's adoptions against the record this instance holds.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub version: u32,
    pub sha256: String,
    pub findings: Vec<(PrintedAdoption, Finding)>,
    /// The version the record now has in force or in draft, when it is not the PDF's: the
    /// minutes changed after this PDF was made.
    pub superseded_by: Option<u32>,
    /// The hash the record holds for the PDF's version, when it is not the printed one.
    pub record_sha256: Option<String>,
}

impl Verdict {
    /// Every adoption holds, the record still has the PDF's version in force with the
    /// printed hash, and both delegations adopted it.
    pub fn adopted_by_both(&self) -> bool {
        let parties: std::collections::BTreeSet<Id> = self
            .findings
            .iter()
            .filter(|(_, f)| *f == Finding::Holds)
            .map(|(a, _)| a.party)
            .collect();
        self.all_hold() && parties.len() >= 2
    }

    /// Nothing found wrong (whether one or both parties adopted).
    pub fn all_hold(&self) -> bool {
        self.superseded_by.is_none()
            && self.record_sha256.is_none()
            && !self.findings.is_empty()
            && self.findings.iter().all(|(_, f)| *f == Finding::Holds)
    }
}

/// Checks what a PDF carried (`Printed`) against the session `s` as held here.
pub fn verify_printed(p: &Printed, s: &Session, keys: &Keys) -> Verdict {
    let record_sha = s
        .minutes
        .adopted_version(p.version)
        .map(|a| a.sha256.clone());
    let findings = p
        .adoptions
        .iter()
        .map(|a| {
            // Found by content: the PDF may come from the other instance, whose party ids
            // are its own.
            let held = s
                .delegations
                .iter()
                .find(|d| d.adoptions.contains(&a.adoption));
            let finding = match held {
                None => Finding::NotInRecord,
                Some(d) => match check(&a.adoption, d.party_id, s, keys) {
                    Check::Valid => Finding::Holds,
                    other => Finding::Fails(other),
                },
            };
            (a.clone(), finding)
        })
        .collect();
    let in_force = s.minutes.version;
    Verdict {
        version: p.version,
        sha256: p.sha256.clone(),
        findings,
        superseded_by: (p.session != s.id || in_force != p.version).then_some(in_force),
        record_sha256: record_sha.filter(|h| *h != p.sha256).or_else(|| {
            s.minutes
                .adopted_version(p.version)
                .is_none()
                .then(String::new)
        }),
    }
}

/// Puts `p` on the minutes `input`: the printed lines under their heading, and the JSON
/// attached for `taawun verify`. `party_name` gives a local party's formal name.
pub fn onto_pdf(
    input: &mut taawun_docs::MinutesInput,
    p: &Printed,
    party_name: impl Fn(Id) -> taawun_core::LocalizedText,
) {
    input.adoptions = printed_lines(p, party_name);
    input.adoptions_heading =
        taawun_i18n::each(|l| taawun_i18n::message(l, "minutes-pdf-adoptions"));
    input.attachment = serde_json::to_string_pretty(p).ok();
}

/// A statement's time as printed: "2026-12-06 04:32:57 UTC", isolated left-to-right so
/// that an Arabic line keeps the date, time and zone in their order.
pub fn shown_time(at: &str) -> String {
    format!(
        "\u{2066}{}\u{2069}",
        at.replace('T', " ").replace('Z', " UTC")
    )
}
