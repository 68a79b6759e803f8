//! Receiving: a bundle is applied only when it opens with this instance's key, names this
//! instance as its receiver, is signed by the registered key of a partner that is not
//! revoked, is in a format this instance reads, and continues the partner's chain (its seq
//! the next, its prev the hash of the last bundle applied). Otherwise it is refused, the
//! refusal logged under the partner when the partner is known, and nothing applied. Every
//! bundle read, applied or refused, is answered by a signed receipt for the sender.
//!
//! The partner's ids are kept, each bound to its origin the first time it is seen, except
//! for the parties: a state is the same party on both instances, recognised by its ISO
//! code, so the partner's id of a state this instance holds is replaced by the local one.

use super::adoption::{self, Keys};
use super::outbox::{Sealed, own_fingerprint, seal_payload};
use super::payload::{Bundle, Entry, PAYLOAD_FORMAT, Payload, Receipt, hash};
use super::{ExchangeError, Identity, Refusal, envelope, same_fingerprint};
use chrono::Utc;
use std::collections::HashMap;
use std::sync::Arc;
use taawun_core::attachment::Attachment;
use taawun_core::party::fold;
use taawun_core::*;
use taawun_store::exchange::{
    ApplyRefusal, Arrival, Ask, Direction, Incoming, LogKind, LogRow, Outcome, PartChange, Partner,
    Resolution,
};
use taawun_store::{Actor, Store, StoreError, Write};

/// What reading one envelope came to.
#[derive(Debug)]
pub struct Received {
    /// The partner it came from, when known.
    pub partner: Option<Id>,
    pub outcome: Arrived,
    /// The signed receipt to send back, for a bundle from a known partner.
    pub receipt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrived {
    /// A bundle applied: its seq and how many records it wrote.
    Applied {
        seq: i64,
        records: usize,
    },
    /// A bundle already applied, read again: nothing to do.
    AlreadyApplied {
        seq: i64,
    },
    /// A receipt for an outbound bundle.
    Receipt {
        of_seq: i64,
        applied: bool,
    },
    Refused(Refusal),
}

fn refused(partner: Option<Id>, r: Refusal) -> Received {
    Received {
        partner,
        outcome: Arrived::Refused(r),
        receipt: None,
    }
}

/// A blob being fetched: its sealed text, if the source has it.
pub type Fetching<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<Vec<u8>>> + Send + 'a>>;

/// Where the blobs of the files a bundle names come from: a directory beside the bundle
/// file, the partner's instance over HTTPS, or nowhere.
pub trait Blobs: Sync {
    /// The sealed blob named by `sha256`, if this source has it.
    fn fetch<'a>(&'a self, sha256: &'a str) -> Fetching<'a>;
}

/// No blobs: a bundle that names a file is refused (`missing-file`) with nothing applied.
pub struct NoBlobs;

impl Blobs for NoBlobs {
    fn fetch<'a>(&'a self, _: &'a str) -> Fetching<'a> {
        Box::pin(async { None })
    }
}

/// Blobs written beside a bundle file: `DIR/<sha256>` (`exchange export` writes
/// `FILE.files/`). Only a plain hex name is read.
pub struct BlobDir(pub std::path::PathBuf);

impl Blobs for BlobDir {
    fn fetch<'a>(&'a self, sha256: &'a str) -> Fetching<'a> {
        Box::pin(async move {
            if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            // Read at most what the largest file's blob weighs: a bigger file is not one,
            // and is not read whole to find out.
            use tokio::io::AsyncReadExt as _;
            let file = tokio::fs::File::open(self.0.join(sha256)).await.ok()?;
            let mut text = Vec::new();
            file.take(MAX_BLOB + 1).read_to_end(&mut text).await.ok()?;
            (text.len() as u64 <= MAX_BLOB).then_some(text)
        })
    }
}

/// The most a blob of a file of `size` bytes may weigh: base64 twice (16/9) and the
/// envelope's headers.
fn blob_bound(size: u64) -> u64 {
    size.saturating_mul(16) / 9 + 64 * 1024
}

/// The most any blob may weigh: that of the largest file kept.
const MAX_BLOB: u64 = taawun_core::attachment::MAX_FILE_BYTES * 16 / 9 + 64 * 1024;

/// Blobs carried in the same file as their bundles.
struct BlobMap(HashMap<String, Vec<u8>>);

impl Blobs for BlobMap {
    fn fetch<'a>(&'a self, sha256: &'a str) -> Fetching<'a> {
        Box::pin(async move { self.0.get(sha256).cloned() })
    }
}

/// Reads a file of envelopes: one, or several parts written together as a JSON array, or
/// bundles with their files' blobs (`outbox::as_one_file`), each read in turn (`receive`)
/// until one is refused.
pub async fn receive_file(
    store: Arc<dyn Store>,
    identity: &Identity,
    bytes: &[u8],
) -> Result<Vec<Received>, ExchangeError> {
    receive_file_with(store, identity, bytes, &NoBlobs).await
}

/// `receive_file` with the files' blobs from `blobs`.
pub async fn receive_file_with(
    store: Arc<dyn Store>,
    identity: &Identity,
    bytes: &[u8],
    blobs: &dyn Blobs,
) -> Result<Vec<Received>, ExchangeError> {
    let (items, carried) = match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(serde_json::Value::Array(items)) => (items, None),
        // Bundles with their files' blobs in one file (`outbox::as_one_file`).
        Ok(serde_json::Value::Object(mut o))
            if o.get("format").and_then(|f| f.as_str()) == Some(super::outbox::CARRY_FORMAT) =>
        {
            let bundles = match o.remove("bundles") {
                Some(serde_json::Value::Array(b)) => b,
                _ => Vec::new(),
            };
            let files = match o.remove("files") {
                Some(serde_json::Value::Object(f)) => f
                    .into_iter()
                    .filter_map(|(k, v)| v.as_str().map(|t| (k, t.as_bytes().to_vec())))
                    .collect(),
                _ => HashMap::new(),
            };
            (bundles, Some(BlobMap(files)))
        }
        _ => return Ok(vec![receive_with(store, identity, bytes, blobs).await?]),
    };
    let blobs: &dyn Blobs = match &carried {
        Some(map) => map,
        None => blobs,
    };
    let mut out = Vec::new();
    for item in items {
        let got = receive_with(store.clone(), identity, item.to_string().as_bytes(), blobs).await?;
        let stop = matches!(got.outcome, Arrived::Refused(_));
        out.push(got);
        if stop {
            break;
        }
    }
    Ok(out)
}

/// Reads one envelope (a file's bytes, or an HTTP body).
pub async fn receive(
    store: Arc<dyn Store>,
    identity: &Identity,
    bytes: &[u8],
) -> Result<Received, ExchangeError> {
    receive_with(store, identity, bytes, &NoBlobs).await
}

/// `receive`, with the blobs of the files a bundle names from `blobs`.
pub async fn receive_with(
    store: Arc<dyn Store>,
    identity: &Identity,
    bytes: &[u8],
    blobs: &dyn Blobs,
) -> Result<Received, ExchangeError> {
    let header = match envelope::header_of(bytes) {
        Ok(h) => h,
        Err(r) => return Ok(refused(None, r)),
    };
    let Some(partner) = store.exchange_partner(header.sender).await? else {
        return Ok(refused(None, Refusal::UnknownSender));
    };
    let file_hash = hash(bytes);
    let refuse = |r: Refusal, seq: Option<i64>, hash: String, key: Option<String>| {
        let store = store.clone();
        let row = LogRow {
            id: new_id(),
            partner: partner.instance_id,
            direction: Direction::In,
            kind: LogKind::Bundle,
            seq,
            hash,
            prev: None,
            created_at: Utc::now(),
            logged_at: Utc::now(),
            outcome: Outcome::Refused,
            key,
            entries: 0,
            detail: Some(r.key().to_string()),
        };
        async move {
            store.exchange_log_add(&row).await?;
            Ok::<_, ExchangeError>(refused(Some(row.partner), r))
        }
    };
    if partner.revoked_at.is_some() {
        return refuse(Refusal::RevokedSender, None, file_hash, None).await;
    }
    let opened = match envelope::open(identity, bytes) {
        Ok(o) => o,
        Err(r) => return refuse(r, None, file_hash, None).await,
    };
    // The registered key, or the one it replaced while the partner has not switched yet.
    let (sign_key, fingerprint) = if same_fingerprint(&opened.kid, &partner.fingerprint) {
        (partner.sign_key.clone(), partner.fingerprint.clone())
    } else if let (Some(k), Some(f)) = (&partner.previous_sign_key, &partner.previous_fingerprint)
        && same_fingerprint(&opened.kid, f)
    {
        (k.clone(), f.clone())
    } else {
        return refuse(Refusal::UnknownSender, None, file_hash, Some(opened.kid)).await;
    };
    let bytes = match opened.verified(&sign_key) {
        Ok(b) => b,
        Err(r) => return refuse(r, None, file_hash, Some(opened.kid)).await,
    };
    // The partner signs with its new key: the old one is accepted no more.
    if fingerprint == partner.fingerprint && partner.previous_sign_key.is_some() {
        let mut switched = partner.clone();
        switched.previous_sign_key = None;
        switched.previous_fingerprint = None;
        store
            .save_exchange_partner(
                &Actor::new(format!("exchange {}", partner.instance_id)),
                &switched,
            )
            .await?;
    }
    let key = Some(fingerprint);
    let payload_hash = hash(&bytes);
    let payload: Payload = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(v)
            if v.get("format").and_then(|f| f.as_u64()).unwrap_or(0)
                > u64::from(PAYLOAD_FORMAT) =>
        {
            return refuse(Refusal::NewerFormat, None, payload_hash, key).await;
        }
        Ok(v) => match serde_json::from_value(v) {
            Ok(p) => p,
            Err(_) => return refuse(Refusal::BadRecord, None, payload_hash, key).await,
        },
        Err(_) => return refuse(Refusal::BadRecord, None, payload_hash, key).await,
    };
    if payload.ends() != (partner.instance_id, identity.instance) || payload.format() == 0 {
        return refuse(Refusal::OtherReceiver, None, payload_hash, key).await;
    }
    match payload {
        Payload::Receipt(r) => receipt(store, &partner, r, payload_hash).await,
        Payload::Bundle(b) => {
            let seq = b.seq;
            let keys = Keys::new(Some(identity), &store.exchange_partners().await?);
            let outcome = bundle(
                store.clone(),
                &partner,
                identity,
                (&keys, &sign_key, blobs),
                b,
                &payload_hash,
            )
            .await?;
            let (applied, reason) = match &outcome {
                Arrived::Refused(r) => {
                    refuse(*r, Some(seq), payload_hash.clone(), key).await?;
                    (false, Some(r.key().to_string()))
                }
                _ => (true, None),
            };
            let last_applied = store
                .exchange_head(partner.instance_id, Direction::In)
                .await?
                .and_then(|h| h.seq.map(|s| (s, h.hash)));
            let receipt = Receipt {
                format: PAYLOAD_FORMAT,
                sender: identity.instance,
                receiver: partner.instance_id,
                of_seq: seq,
                of_hash: payload_hash,
                applied,
                reason,
                created: Utc::now(),
                last_applied,
            };
            let Sealed { text, .. } = seal_payload(identity, &partner, &Payload::Receipt(receipt))?;
            Ok(Received {
                partner: Some(partner.instance_id),
                outcome,
                receipt: Some(text),
            })
        }
    }
}

async fn receipt(
    store: Arc<dyn Store>,
    partner: &Partner,
    r: Receipt,
    payload_hash: String,
) -> Result<Received, ExchangeError> {
    // The receipt must answer a bundle this instance sent, by its hash.
    let sent = store
        .exchange_log_at(partner.instance_id, Direction::Out, r.of_seq)
        .await?
        .into_iter()
        .any(|row| row.hash == r.of_hash);
    if !sent {
        return Ok(refused(Some(partner.instance_id), Refusal::BrokenChain));
    }
    let row = LogRow {
        id: new_id(),
        partner: partner.instance_id,
        direction: Direction::In,
        kind: LogKind::Receipt,
        seq: Some(r.of_seq),
        hash: payload_hash,
        prev: None,
        created_at: r.created,
        logged_at: Utc::now(),
        outcome: if r.applied {
            Outcome::Applied
        } else {
            Outcome::Refused
        },
        key: Some(partner.fingerprint.clone()),
        entries: 0,
        // A fork names where the partner's chain of ours stands: `sync::resume` reads it.
        detail: match (&r.reason, &r.last_applied) {
            (Some(reason), Some((seq, hash))) if reason == Refusal::Fork.key() => {
                Some(format!("{reason}:{seq}:{hash}"))
            }
            (Some(reason), None) if reason == Refusal::Fork.key() => Some(format!("{reason}:0:")),
            _ => r.reason.clone(),
        },
    };
    store.exchange_receipt(&row, r.of_seq, r.applied).await?;
    Ok(Received {
        partner: Some(partner.instance_id),
        outcome: Arrived::Receipt {
            of_seq: r.of_seq,
            applied: r.applied,
        },
        receipt: None,
    })
}

async fn bundle(
    store: Arc<dyn Store>,
    partner: &Partner,
    identity: &Identity,
    (keys, sign_key, blobs): (&Keys, &str, &dyn Blobs),
    b: Bundle,
    payload_hash: &str,
) -> Result<Arrived, ExchangeError> {
    let own_party = identity.party;
    let head = store
        .exchange_head(partner.instance_id, Direction::In)
        .await?;
    let last = head.as_ref().and_then(|h| h.seq).unwrap_or(0);
    if b.seq <= last {
        let same = store
            .exchange_log_at(partner.instance_id, Direction::In, b.seq)
            .await?
            .into_iter()
            .any(|row| row.outcome == Outcome::Applied && row.hash == payload_hash);
        if same {
            return Ok(Arrived::AlreadyApplied { seq: b.seq });
        }
        // Another bundle at a place already taken. Branching from the bundle applied just
        // before it, it is the sender's chain forked (a backup restored, seq reused);
        // anything else is a replay.
        let before = b.seq - 1;
        let branches = store
            .exchange_log_at(partner.instance_id, Direction::In, before)
            .await?
            .into_iter()
            .any(|row| row.outcome == Outcome::Applied && Some(&row.hash) == b.prev.as_ref())
            || (before == 0 && b.prev.is_none());
        return Ok(Arrived::Refused(if branches {
            Refusal::Fork
        } else {
            Refusal::Replayed
        }));
    }
    let local = Local::read(store.as_ref(), partner.instance_id).await?;
    let known = store.exchange_matches(partner.instance_id).await?;
    let (records, matches, withdrawn, parts, mut asks, attached, resolutions) =
        match incoming(&b.entries, &local, &known) {
            Ok(x) => x,
            Err(r) => return Ok(Arrived::Refused(r)),
        };
    let files = match contents(identity, sign_key, blobs, attached).await {
        Ok(f) => f,
        Err(r) => return Ok(Arrived::Refused(r)),
    };
    // A head's adoption is kept for good once applied: one that is not signed by a key
    // known for its delegation's party refuses the bundle.
    if !adoptions_signed(&records, &parts, keys) {
        return Ok(Arrived::Refused(Refusal::BadRecord));
    }
    let candidates = local.candidates(&records);
    let count = records.len();
    for a in &mut asks {
        a.partner = partner.instance_id;
    }
    let arrival = Arrival {
        log: LogRow {
            id: new_id(),
            partner: partner.instance_id,
            direction: Direction::In,
            kind: LogKind::Bundle,
            seq: Some(b.seq),
            hash: payload_hash.to_string(),
            prev: b.prev.clone(),
            created_at: b.created,
            logged_at: Utc::now(),
            outcome: Outcome::Applied,
            key: Some(partner.fingerprint.clone()),
            entries: b.entries.len() as i64,
            detail: b.part.map(|(i, n)| format!("part {i}/{n}")),
        },
        records,
        matches,
        candidates,
        parts,
        asks: asks.clone(),
        own_party,
        files,
        resolutions,
        withdrawn,
    };
    // Every record the bundle writes is audited under this name: the sender, the key that
    // signed the bundle and its place in the chain.
    let actor = Actor::new(format!(
        "exchange {} key {} bundle {}",
        partner.instance_id, partner.fingerprint, b.seq
    ));
    let applied = store
        .exchange_apply(&actor, partner.party_id, &arrival, partner.clearance)
        .await;
    if let Ok(Ok(())) = &applied {
        // The partner's secretariat asks this side for news: its editors hear it here.
        for a in &asks {
            let asker = Actor::new(format!("{} ({})", a.asked_by, partner.name));
            // The bundle is applied by now: a failed notice is logged, not a refusal.
            if let Err(e) =
                crate::ask::notify_side(&store, &asker, a.item_id, a.party_id, a.asked_on).await
            {
                tracing::warn!(item = %a.item_id, "a partner's request for news was not notified: {e}");
            }
        }
    }
    Ok(match applied {
        Ok(Ok(())) => Arrived::Applied {
            seq: b.seq,
            records: count,
        },
        // Another import of this very bundle got the write lock first: it is applied.
        Ok(Err(ApplyRefusal::OutOfOrder { .. }))
            if store
                .exchange_log_at(partner.instance_id, Direction::In, b.seq)
                .await?
                .into_iter()
                .any(|row| row.outcome == Outcome::Applied && row.hash == payload_hash) =>
        {
            Arrived::AlreadyApplied { seq: b.seq }
        }
        Ok(Err(ApplyRefusal::OutOfOrder { .. })) => Arrived::Refused(Refusal::OutOfOrder),
        Ok(Err(ApplyRefusal::BrokenChain)) => Arrived::Refused(Refusal::BrokenChain),
        Ok(Err(ApplyRefusal::NotItsRecord { .. })) => Arrived::Refused(Refusal::NotItsRecord),
        Ok(Err(ApplyRefusal::AboveClearance { .. })) => Arrived::Refused(Refusal::AboveClearance),
        Err(e) if e.is_storage_fault() => return Err(e.into()),
        Err(StoreError::Database(e)) => return Err(StoreError::Database(e).into()),
        // A record the rules refuse, or naming one this instance does not hold.
        Err(_) => Arrived::Refused(Refusal::BadRecord),
    })
}

/// What of this instance's own records a bundle's records are matched against: states by
/// ISO code and areas by code (shared vocabularies, matched on arrival), and the people,
/// organisations and ranks a partner's record may turn out to be (candidates, for a
/// secretariat user to confirm).
struct Local {
    parties: HashMap<String, Id>,
    areas: HashMap<String, Id>,
    people: Vec<Person>,
    organisations: Vec<Organisation>,
    ranks: Vec<Rank>,
}

impl Local {
    async fn read(store: &dyn Store, partner: Id) -> Result<Local, ExchangeError> {
        let people = store.people(None).await?;
        let organisations = store.organisations(None).await?;
        let ranks = store.ranks().await?;
        let ids: Vec<Id> = people
            .iter()
            .map(|p| p.id)
            .chain(organisations.iter().map(|o| o.id))
            .chain(ranks.iter().map(|r| r.id))
            .collect();
        // The partner's own records are not candidates for being the partner's records.
        let origins = store.exchange_origins(&ids).await?;
        let own = |id: &Id| origins.get(id).is_none_or(|(o, _)| *o != partner);
        Ok(Local {
            parties: store
                .parties()
                .await?
                .into_iter()
                .filter_map(|p| p.iso_code.map(|c| (c.to_ascii_uppercase(), p.id)))
                .collect(),
            areas: store
                .areas()
                .await?
                .into_iter()
                .map(|a| (a.code.to_ascii_uppercase(), a.id))
                .collect(),
            people: people.into_iter().filter(|p| own(&p.id)).collect(),
            organisations: organisations.into_iter().filter(|o| own(&o.id)).collect(),
            ranks: ranks.into_iter().filter(|r| own(&r.id)).collect(),
        })
    }

    /// The local records each incoming person, organisation or rank may be: the same
    /// party, and a name, acronym or code in common.
    fn candidates(&self, records: &[Incoming]) -> Vec<(RecordKind, Id, Id)> {
        let mut out = Vec::new();
        for r in records {
            match &r.write {
                Write::Person(p) => {
                    for ours in self.people.iter().filter(|o| {
                        o.id != p.id
                            && o.party_id == p.party_id
                            && [&p.name_latin, &p.name_ar]
                                .iter()
                                .any(|n| !n.trim().is_empty() && o.answers_to(n))
                    }) {
                        out.push((RecordKind::Person, p.id, ours.id));
                    }
                }
                Write::Organisation(org) => {
                    for ours in self.organisations.iter().filter(|o| {
                        o.id != org.id
                            && o.party_id == org.party_id
                            && (same_acronym(&o.acronym, &org.acronym)
                                || common_name(&o.name, &org.name))
                    }) {
                        out.push((RecordKind::Organisation, org.id, ours.id));
                    }
                }
                Write::Rank(rank) => {
                    for ours in self.ranks.iter().filter(|o| {
                        o.id != rank.id
                            && o.party_id == rank.party_id
                            && (o.nato_code.eq_ignore_ascii_case(&rank.nato_code)
                                || common_name(&o.label, &rank.label))
                    }) {
                        out.push((RecordKind::Rank, rank.id, ours.id));
                    }
                }
                _ => {}
            }
        }
        out
    }
}

fn same_acronym(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !a.trim().is_empty() && fold(a) == fold(b))
}

fn common_name(a: &LocalizedText, b: &LocalizedText) -> bool {
    a.values()
        .any(|x| !x.trim().is_empty() && b.values().any(|y| fold(x) == fold(y)))
}

type Matches = Vec<(RecordKind, Id, Id)>;
type Read = (
    Vec<Incoming>,
    Matches,
    Vec<Id>,
    Vec<PartChange>,
    Vec<Ask>,
    Vec<Attachment>,
    Vec<Resolution>,
);

/// The content of each file the bundle names: its blob opened with this instance's key,
/// signed by the partner's, and exactly the bytes the bundle's SHA-256 and size name.
async fn contents(
    identity: &Identity,
    sign_key: &str,
    blobs: &dyn Blobs,
    attached: Vec<Attachment>,
) -> Result<Vec<(Attachment, Vec<u8>)>, Refusal> {
    let mut out = Vec::with_capacity(attached.len());
    for a in attached {
        if a.size > taawun_core::attachment::MAX_FILE_BYTES {
            return Err(Refusal::BadRecord);
        }
        let text = blobs.fetch(&a.sha256).await.ok_or(Refusal::MissingFile)?;
        // A blob is about 16/9 of its file: one much larger is not this file's.
        if text.len() as u64 > blob_bound(a.size) {
            return Err(Refusal::MissingFile);
        }
        let content = envelope::open(identity, &text)
            .and_then(|o| o.verified(sign_key))
            .map_err(|_| Refusal::MissingFile)?;
        if content.len() as u64 != a.size || hash_hex(&content) != a.sha256 {
            return Err(Refusal::MissingFile);
        }
        out.push((a, content));
    }
    Ok(out)
}

fn hash_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bundle's records for the write path, with the partner's ids of records this
/// instance holds under its own (`known`, the states it names by ISO code and the areas by
/// code) replaced by
/// the local ones; the new matches; and the ids it withdraws.
fn incoming(entries: &[Entry], local: &Local, known: &HashMap<Id, Id>) -> Result<Read, Refusal> {
    let mut map: HashMap<String, String> = known
        .iter()
        .map(|(theirs, ours)| (theirs.to_string(), ours.to_string()))
        .collect();
    let mut matches = Vec::new();
    for e in entries {
        let Entry::Record {
            kind, id, record, ..
        } = e
        else {
            continue;
        };
        let (kind, shared, field) = match RecordKind::parse(kind) {
            Some(k @ RecordKind::Party) => (k, &local.parties, "iso_code"),
            Some(k @ RecordKind::Area) => (k, &local.areas, "code"),
            _ => continue,
        };
        if let Some(code) = record.get(field).and_then(|c| c.as_str())
            && let Some(ours) = shared.get(&code.to_ascii_uppercase())
            && ours != id
        {
            map.insert(id.to_string(), ours.to_string());
            if known.get(id) != Some(ours) {
                matches.push((kind, *id, *ours));
            }
        }
    }
    let mut records = Vec::new();
    let mut withdrawn = Vec::new();
    let mut parts = Vec::new();
    let mut asks = Vec::new();
    let mut attached = Vec::new();
    let mut resolutions = Vec::new();
    for e in entries {
        match e {
            Entry::File { attachment } => attached.push(attachment.clone()),
            Entry::Resolved {
                kind,
                id,
                part,
                over,
            } => {
                let kind = RecordKind::parse(kind).ok_or(Refusal::BadRecord)?;
                let read = |p: &taawun_core::exchange::Part| {
                    let mut value = serde_json::to_value(p).map_err(|_| Refusal::BadRecord)?;
                    rewrite(&mut value, &map);
                    serde_json::from_value(value).map_err(|_| Refusal::BadRecord)
                };
                resolutions.push(Resolution {
                    kind,
                    id: *id,
                    part: read(part)?,
                    over: read(over)?,
                });
            }
            Entry::Withdraw { id, .. } => withdrawn.push(*id),
            Entry::Ask {
                id,
                item,
                party,
                asked_by,
                asked_on,
            } => {
                let party = map
                    .get(&party.to_string())
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(*party);
                asks.push(Ask {
                    id: *id,
                    partner: Id::nil(),
                    direction: Direction::In,
                    item_id: *item,
                    party_id: party,
                    asked_by: asked_by.clone(),
                    asked_on: *asked_on,
                    seq: None,
                    answered_at: None,
                });
            }
            Entry::Parts { kind, id, part } => {
                let kind = RecordKind::parse(kind).ok_or(Refusal::BadRecord)?;
                let mut value = serde_json::to_value(part).map_err(|_| Refusal::BadRecord)?;
                rewrite(&mut value, &map);
                parts.push(PartChange {
                    kind,
                    id: *id,
                    part: serde_json::from_value(value).map_err(|_| Refusal::BadRecord)?,
                });
            }
            Entry::Record {
                kind,
                id,
                version,
                record,
            } => {
                if map.contains_key(&id.to_string()) {
                    continue;
                }
                let kind = RecordKind::parse(kind).ok_or(Refusal::BadRecord)?;
                let mut record = record.clone();
                rewrite(&mut record, &map);
                let write = Write::from_document(kind, record)
                    .ok()
                    .flatten()
                    .ok_or(Refusal::BadRecord)?;
                // The document's own id must be the entry's.
                if !same_id(&write, *id) {
                    return Err(Refusal::BadRecord);
                }
                records.push(Incoming {
                    kind,
                    id: *id,
                    origin_version: *version,
                    write,
                });
            }
        }
    }
    Ok((
        records,
        matches,
        withdrawn,
        parts,
        asks,
        attached,
        resolutions,
    ))
}

/// Whether every adoption of the minutes the bundle carries, in a session or in a
/// delegation sent as a part, is signed by a key known for its delegation's party.
fn adoptions_signed(records: &[Incoming], parts: &[PartChange], keys: &Keys) -> bool {
    let sessions = records.iter().filter_map(|r| match &r.write {
        Write::Session(s) => Some(s.delegations.iter()),
        _ => None,
    });
    let delegations = sessions
        .flatten()
        .chain(parts.iter().filter_map(|p| match &p.part {
            taawun_core::exchange::Part::Delegation(Some(d)) => Some(d),
            _ => None,
        }));
    delegations
        .flat_map(|d| d.adoptions.iter().map(move |a| (d.party_id, a)))
        .all(|(party, a)| adoption::signed(a, party, keys))
}

fn same_id(write: &Write, id: Id) -> bool {
    let doc = match write {
        Write::Party(r) => r.id,
        Write::Organisation(r) => r.id,
        Write::Rank(r) => r.id,
        Write::Person(r) => r.id,
        Write::Area(r) => r.id,
        Write::Agreement(r) => r.id,
        Write::Clause(r) => r.id,
        Write::Commission(r) => r.id,
        Write::Session(r) => r.id,
        Write::Plan(r) => r.id,
        Write::Item(r) => r.id,
        Write::Progress(r) => r.id,
        Write::Activity(r) => r.id,
        Write::User(_) | Write::Password { .. } => return false,
    };
    doc == id
}

/// Replaces every string equal to a key of `map` (ids are unique, so no other text can),
/// except inside a head's signed adoption of the minutes: a signed statement is kept as its
/// instance signed it, in that instance's ids.
fn rewrite(value: &mut serde_json::Value, map: &HashMap<String, String>) {
    match value {
        serde_json::Value::String(s) => {
            if let Some(to) = map.get(s.as_str()) {
                *s = to.clone();
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|v| rewrite(v, map)),
        serde_json::Value::Object(o) => o
            .iter_mut()
            .filter(|(k, _)| k.as_str() != "adoptions")
            .for_each(|(_, v)| rewrite(v, map)),
        _ => {}
    }
}

/// This instance's fingerprint, for display.
pub fn own(identity: &Identity) -> String {
    own_fingerprint(identity)
}
