//! What leaves for a partner: exactly what `Visible` shows a reader of the partner's party
//! at the clearance agreed for the exchange, within the commissions shared with it — the
//! commissions, their sessions, the agreements those sessions made and their clauses, the
//! plans, items, progress reports and activities — and the registry records these name
//! (parties, organisations, ranks, people, areas). A record hidden from that reader is
//! never read into a bundle, and `Visible` removes references to hidden records from
//! those that are. Records received from another instance never go back out.
//!
//! A bundle carries only what changed since it was last sent (`exchange_sent` keeps each
//! record's digest as it left), and a withdrawal for each record sent earlier that the
//! partner's reader may no longer see.

use super::payload::{Bundle, Entry, PAYLOAD_FORMAT, Payload, hash};
use super::{ExchangeError, Identity, Refusal, envelope};
use chrono::Utc;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use taawun_core::*;
use taawun_store::exchange::{Direction, LogKind, LogRow, Outcome, Partner};
use taawun_store::{Actor, Store, StoreResult, Visible};

/// The order records are written in at the receiver: each after what it names.
const ORDER: [RecordKind; 13] = [
    RecordKind::Party,
    RecordKind::Organisation,
    RecordKind::Rank,
    RecordKind::Person,
    RecordKind::Area,
    RecordKind::Commission,
    RecordKind::Session,
    RecordKind::Agreement,
    RecordKind::Clause,
    RecordKind::ActionPlan,
    RecordKind::ActionItem,
    RecordKind::ProgressUpdate,
    RecordKind::Activity,
];

/// A record selected for the partner, as its reader sees it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub kind: RecordKind,
    pub id: Id,
    pub version: i64,
    pub record: serde_json::Value,
}

/// The reader a partner is: its party, the agreed clearance, no role beyond reading.
pub fn partner_reader(partner: &Partner) -> Principal {
    Principal {
        user_id: None,
        role: Role::Reader,
        party_id: Some(partner.party_id),
        clearance: partner.clearance,
        commissions: vec![],
    }
}

#[derive(Default)]
struct Selection {
    records: BTreeMap<Id, Outgoing>,
}

impl Selection {
    fn add<R: Serialize + Kinded>(&mut self, id: Id, version: i64, r: &R) -> StoreResult<()> {
        self.records.insert(
            id,
            Outgoing {
                kind: R::KIND,
                id,
                version,
                record: serde_json::to_value(r)?,
            },
        );
        Ok(())
    }
}

/// Every id a document names (any string that reads as a UUID).
fn ids_in(value: &serde_json::Value, out: &mut HashSet<Id>) {
    match value {
        serde_json::Value::String(s) if s.len() == 36 => {
            if let Ok(id) = s.parse() {
                out.insert(id);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| ids_in(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| ids_in(v, out)),
        _ => {}
    }
}

/// The records the partner's reader sees within the shared commissions, this instance's
/// own only, in writing order.
pub async fn select(
    store: Arc<dyn Store>,
    partner: &Partner,
) -> StoreResult<(Vec<Outgoing>, Vec<Outgoing>)> {
    let v = Visible::new(store.clone(), partner_reader(partner));
    let mut sel = Selection::default();
    for &c in &partner.commissions {
        let Some(commission) = v.commission(c).await? else {
            continue;
        };
        sel.add(commission.id, commission.version, &commission)?;
        for s in v.sessions(Some(c)).await? {
            sel.add(s.id, s.version, &s)?;
            for a in v.agreements_of_session(s.id).await? {
                for clause in v.clauses(a.id).await? {
                    sel.add(clause.id, clause.version, &clause)?;
                }
                sel.add(a.id, a.version, &a)?;
            }
        }
        for p in v.plans(Some(c)).await? {
            sel.add(p.id, p.version, &p)?;
            for i in v.items(p.id).await? {
                for u in v.progress(i.id).await? {
                    sel.add(u.id, u.version, &u)?;
                }
                for a in v.activities(Some(i.id)).await? {
                    sel.add(a.id, a.version, &a)?;
                }
                sel.add(i.id, i.version, &i)?;
            }
        }
    }
    add_registry(&v, &mut sel).await?;
    // Only this instance's own records leave: a received one belongs to its origin.
    let ids: Vec<Id> = sel.records.keys().copied().collect();
    let foreign = store.exchange_origins(&ids).await?;
    let mut out: Vec<Outgoing> = Vec::new();
    let mut theirs: Vec<Outgoing> = Vec::new();
    for o in sel.records.into_values() {
        match foreign.get(&o.id) {
            None => out.push(o),
            // The partner's own records come back only as this side's part of them.
            Some((origin, _)) if *origin == partner.instance_id => theirs.push(o),
            Some(_) => {}
        }
    }
    out.sort_by_key(|o| {
        (
            ORDER
                .iter()
                .position(|k| *k == o.kind)
                .unwrap_or(ORDER.len()),
            o.id,
        )
    });
    Ok((out, theirs))
}

/// This side's own part of each of the partner's records it changed since it last
/// received them: (record, part, digest).
async fn own_parts(
    store: &Arc<dyn Store>,
    own_party: Id,
    theirs: &[Outgoing],
) -> StoreResult<Vec<(Outgoing, taawun_core::exchange::Part, String)>> {
    let ids: Vec<Id> = theirs.iter().map(|o| o.id).collect();
    let received = store.exchange_received(&ids).await?;
    let mut out = Vec::new();
    for o in theirs {
        let (Some(doc), Ok(Some(now))) = (
            received.get(&o.id),
            taawun_store::Write::from_document(o.kind, o.record.clone()),
        ) else {
            continue;
        };
        let Ok(Some(before)) =
            taawun_store::Write::from_document(o.kind, serde_json::from_str(doc)?)
        else {
            continue;
        };
        if let Some(part) = now.part(own_party)
            && Some(&part) != before.part(own_party).as_ref()
        {
            let digest = hash(&serde_jcs::to_vec(&part).unwrap_or_default());
            out.push((o.clone(), part, digest));
        }
    }
    Ok(out)
}

/// The registry records the selection names, and those they name in turn (a person's
/// organisation and rank, an organisation's party), as the reader sees them.
async fn add_registry(v: &Visible, sel: &mut Selection) -> StoreResult<()> {
    let parties: HashMap<Id, Party> = v.parties().await?.into_iter().map(|r| (r.id, r)).collect();
    let orgs: HashMap<Id, Organisation> = v
        .organisations(None)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let ranks: HashMap<Id, Rank> = v.ranks().await?.into_iter().map(|r| (r.id, r)).collect();
    let people: HashMap<Id, Person> = v
        .people(None)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let areas: HashMap<Id, Area> = v.areas().await?.into_iter().map(|r| (r.id, r)).collect();
    let mut named = HashSet::new();
    for o in sel.records.values() {
        ids_in(&o.record, &mut named);
    }
    let mut seen: HashSet<Id> = HashSet::new();
    while let Some(id) = named.iter().find(|id| !seen.contains(*id)).copied() {
        seen.insert(id);
        let before = sel.records.len();
        if let Some(r) = parties.get(&id) {
            sel.add(r.id, r.version, r)?;
        } else if let Some(r) = orgs.get(&id) {
            sel.add(r.id, r.version, r)?;
        } else if let Some(r) = ranks.get(&id) {
            sel.add(r.id, r.version, r)?;
        } else if let Some(r) = people.get(&id) {
            sel.add(r.id, r.version, r)?;
        } else if let Some(r) = areas.get(&id) {
            sel.add(r.id, r.version, r)?;
        }
        if sel.records.len() > before
            && let Some(o) = sel.records.get(&id)
        {
            ids_in(&o.record, &mut named);
        }
    }
    Ok(())
}

/// How `exchange_sent` marks a file version sent: this prefix, then its SHA-256.
const FILE_MARK: &str = "file:";

/// Every version of every file of the records selected (their kinds that carry files,
/// parties' emblems aside: parties are matched, not sent as the partner's own).
async fn files_of(
    store: &Arc<dyn Store>,
    selected: &[Outgoing],
) -> StoreResult<Vec<taawun_core::attachment::Attachment>> {
    let mut out = Vec::new();
    for kind in taawun_core::attachment::CARRIERS {
        if kind == RecordKind::Party {
            continue;
        }
        let ids: Vec<Id> = selected
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| o.id)
            .collect();
        if !ids.is_empty() {
            out.extend(store.attachments_of(kind, &ids).await?);
        }
    }
    out.sort_by_key(|a| (a.record_id, a.file_id, a.version));
    Ok(out)
}

/// The blob of a file sent to `partner`: its content, signed and sealed to the partner
/// like a bundle. `None` when no file with that SHA-256 was sent to it, so the name of a
/// file the partner may not see opens nothing.
pub async fn blob(
    store: Arc<dyn Store>,
    identity: &Identity,
    partner_id: Id,
    sha256: &str,
) -> Result<Option<String>, ExchangeError> {
    let Some(partner) = store.exchange_partner(partner_id).await? else {
        return Ok(None);
    };
    let mark = format!("{FILE_MARK}{sha256}");
    let Some(file) = store
        .exchange_sent_file(partner.instance_id, sha256, &mark)
        .await?
    else {
        return Ok(None);
    };
    let Some(content) = store.attachment_content(file).await? else {
        return Ok(None);
    };
    let text = envelope::seal(
        identity,
        &own_fingerprint(identity),
        partner.instance_id,
        &partner.receive_key,
        &content,
    )
    .map_err(|r| ExchangeError::Refused(r.message(Lang::En)))?;
    Ok(Some(text))
}

/// The bundles of one export as one file, as the exchange page downloads them: the
/// envelope itself for a single bundle; several parts as a JSON array in order; and when
/// they name files, an object holding the bundles in order and each file's blob by its
/// SHA-256 (`{"format": "taawun-carry/1", "bundles": [...], "files": {...}}`), so that the
/// one file carries everything (`inbox::receive_file` reads all three).
pub async fn as_one_file(
    store: Arc<dyn Store>,
    identity: &Identity,
    partner_id: Id,
    sealed: &[Sealed],
) -> Result<String, ExchangeError> {
    let texts: Vec<&str> = sealed.iter().map(|s| s.text.as_str()).collect();
    if sealed.iter().all(|s| s.files.is_empty()) {
        return Ok(match texts.as_slice() {
            [one] => (*one).to_string(),
            _ => format!("[{}]", texts.join(",")),
        });
    }
    let mut files = serde_json::Map::new();
    for sha in sealed.iter().flat_map(|s| s.files.iter()) {
        if let Some(blob) = blob(store.clone(), identity, partner_id, sha).await? {
            files.insert(sha.clone(), serde_json::Value::String(blob));
        }
    }
    let bundles: Vec<serde_json::Value> = texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect();
    Ok(serde_json::json!({
        "format": CARRY_FORMAT,
        "bundles": bundles,
        "files": files,
    })
    .to_string())
}

/// The format tag of a file carrying bundles with their files' blobs.
pub const CARRY_FORMAT: &str = "taawun-carry/1";

/// The digest of a record as it leaves.
fn digest(o: &Outgoing) -> String {
    hash(&serde_jcs::to_vec(&o.record).unwrap_or_default())
}

/// Marks a withdrawn record in `exchange_sent`, so that it is withdrawn once.
const WITHDRAWN: &str = "withdrawn";
/// Marks a conflict's resolution as told to the partner (keyed by the conflict's id).
const RESOLVED: &str = "resolved";

/// The largest payload of one bundle, in bytes: what a bundle file may weigh when it goes
/// by e-mail or on a small medium. Larger changes go as several bundles, in order (parts).
pub const PART_CAP: usize = 8 * 1024 * 1024;

/// An entry and what sending it records: the record's digest (and document), or the
/// request for news it carries.
type Leaving = (Entry, Option<(Id, String, Option<String>)>, Option<Id>);

/// The next bundles for `partner` — one, or several parts of at most `PART_CAP` bytes each
/// — sealed and recorded as sent; none when nothing changed since the last. Sending one
/// twice is harmless: the partner applies a seq once.
pub async fn export(
    store: Arc<dyn Store>,
    identity: &Identity,
    actor: &Actor,
    partner_id: Id,
) -> Result<Vec<Sealed>, ExchangeError> {
    export_capped(store, identity, actor, partner_id, PART_CAP).await
}

/// `export` with parts of at most `cap` bytes of entries each (at least one entry a part).
pub async fn export_capped(
    store: Arc<dyn Store>,
    identity: &Identity,
    actor: &Actor,
    partner_id: Id,
    cap: usize,
) -> Result<Vec<Sealed>, ExchangeError> {
    let partner = store
        .exchange_partner(partner_id)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(partner_id.to_string()))?;
    if partner.revoked_at.is_some() {
        return Err(ExchangeError::Revoked(partner_id.to_string()));
    }
    let (selected, theirs) = select(store.clone(), &partner).await?;
    let sent = store.exchange_sent(partner.instance_id).await?;
    let mut leaving: Vec<Leaving> = Vec::new();
    let shown: HashSet<Id> = selected.iter().chain(theirs.iter()).map(|o| o.id).collect();
    for o in &selected {
        let d = digest(o);
        if sent.get(&o.id) != Some(&d) {
            let entry = Entry::Record {
                kind: o.kind.key().to_string(),
                id: o.id,
                version: o.version,
                record: o.record.clone(),
            };
            leaving.push((entry, Some((o.id, d, Some(o.record.to_string()))), None));
        }
    }
    // The files of the records shown, each version once: its content goes as a blob.
    let mut shown = shown;
    for file in files_of(&store, &selected).await? {
        let d = format!("{FILE_MARK}{}", file.sha256);
        shown.insert(file.id);
        if sent.get(&file.id) != Some(&d) {
            let id = file.id;
            leaving.push((Entry::File { attachment: file }, Some((id, d, None)), None));
        }
    }
    for (o, part, d) in own_parts(&store, identity.party, &theirs).await? {
        if sent.get(&o.id) != Some(&d) {
            let entry = Entry::Parts {
                kind: o.kind.key().to_string(),
                id: o.id,
                part,
            };
            leaving.push((entry, Some((o.id, d, None)), None));
        }
    }
    // Conflicts on the partner's part of our records, resolved "ours" and not told yet.
    for c in store.exchange_conflicts(false).await? {
        if c.partner == partner.instance_id
            && c.state == "ours"
            && sent.get(&c.id).map(String::as_str) != Some(RESOLVED)
        {
            let entry = Entry::Resolved {
                kind: c.kind.key().to_string(),
                id: c.record_id,
                part: c.ours.clone(),
                over: c.theirs.clone(),
            };
            leaving.push((entry, Some((c.id, RESOLVED.to_string(), None)), None));
        }
    }
    // Requests for news of the partner's side, not sent yet.
    for a in store.exchange_asks(partner.instance_id).await? {
        if a.direction == Direction::Out && a.seq.is_none() {
            let entry = Entry::Ask {
                id: a.id,
                item: a.item_id,
                party: a.party_id,
                asked_by: a.asked_by.clone(),
                asked_on: a.asked_on,
            };
            leaving.push((entry, None, Some(a.id)));
        }
    }
    // Sent earlier, no longer shown: withdrawn (kind is not known any more; the partner
    // finds it by id).
    let mut gone: Vec<&Id> = sent
        .iter()
        .filter(|(id, d)| !shown.contains(id) && d.as_str() != WITHDRAWN && d.as_str() != RESOLVED)
        .map(|(id, _)| id)
        .collect();
    gone.sort();
    for id in gone {
        let entry = Entry::Withdraw {
            kind: String::new(),
            id: *id,
        };
        leaving.push((entry, Some((*id, WITHDRAWN.to_string(), None)), None));
    }
    // Parts, in order: each record still comes after what it names.
    let mut parts: Vec<Vec<Leaving>> = Vec::new();
    let mut size = 0;
    for l in leaving {
        let weight = serde_json::to_vec(&l.0).map(|b| b.len()).unwrap_or(0);
        if parts.is_empty() || size + weight > cap && !parts.last().is_some_and(Vec::is_empty) {
            parts.push(Vec::new());
            size = 0;
        }
        size += weight;
        if let Some(last) = parts.last_mut() {
            last.push(l);
        }
    }
    let count = parts.len();
    let mut out = Vec::new();
    for (index, part) in parts.into_iter().enumerate() {
        out.push(send_part(&store, identity, actor, &partner, part, (index + 1, count)).await?);
    }
    Ok(out)
}

/// Seals one part as the next bundle of the chain and records it as sent.
async fn send_part(
    store: &Arc<dyn Store>,
    identity: &Identity,
    actor: &Actor,
    partner: &Partner,
    part: Vec<Leaving>,
    (index, count): (usize, usize),
) -> Result<Sealed, ExchangeError> {
    let mut entries = Vec::with_capacity(part.len());
    let mut marks = Vec::new();
    let mut asks = Vec::new();
    for (entry, mark, ask) in part {
        entries.push(entry);
        marks.extend(mark);
        asks.extend(ask);
    }
    let head = store
        .exchange_head(partner.instance_id, Direction::Out)
        .await?;
    let bundle = Bundle {
        format: PAYLOAD_FORMAT,
        sender: identity.instance,
        receiver: partner.instance_id,
        seq: head.as_ref().and_then(|h| h.seq).map_or(1, |s| s + 1),
        prev: head.map(|h| h.hash),
        created: Utc::now(),
        entries,
        part: (count > 1).then_some((index as u32, count as u32)),
    };
    let sealed = seal_payload(identity, partner, &Payload::Bundle(bundle.clone()))?;
    let row = LogRow {
        id: new_id(),
        partner: partner.instance_id,
        direction: Direction::Out,
        kind: LogKind::Bundle,
        seq: Some(bundle.seq),
        hash: sealed.hash.clone(),
        prev: bundle.prev.clone(),
        created_at: bundle.created,
        logged_at: Utc::now(),
        outcome: Outcome::Sent,
        key: Some(own_fingerprint(identity)),
        entries: bundle.entries.len() as i64,
        detail: bundle.part.map(|(i, n)| format!("part {i}/{n}")),
    };
    match store
        .exchange_record_sent(actor, partner.party_id, &row, &marks, &sealed.text)
        .await?
    {
        Ok(()) => {
            if !asks.is_empty() {
                store.exchange_asks_sent(&asks, bundle.seq).await?;
            }
            Ok(sealed)
        }
        // Another export took this seq at the same moment: send that one.
        Err(_) => Err(ExchangeError::Refused(
            Refusal::OutOfOrder.message(Lang::En),
        )),
    }
}

/// What a partner pulling over HTTP gets after the bundle `after` it last applied: the
/// bundle `after + 1` as it was sealed when it exists (a response lost on the way is
/// fetched again, the same bytes), else a new bundle when something changed; `None` when
/// it is up to date.
pub async fn next_for(
    store: Arc<dyn Store>,
    identity: &Identity,
    actor: &Actor,
    partner: Id,
    after: i64,
) -> Result<Option<String>, ExchangeError> {
    if let Some(text) = store.exchange_envelope(partner, after + 1).await? {
        return Ok(Some(text));
    }
    let head = store.exchange_head(partner, Direction::Out).await?;
    // Only once the partner holds every bundle sent is a new one made: a gap would be
    // refused as out of order.
    if head.and_then(|h| h.seq).unwrap_or(0) > after {
        return Ok(None);
    }
    // A change sent as parts: the first now, the others, kept as sealed, by the next pulls.
    Ok(export(store, identity, actor, partner)
        .await?
        .into_iter()
        .next()
        .map(|s| s.text))
}

/// A sealed envelope and the hash of the payload it carries.
pub struct Sealed {
    pub text: String,
    pub hash: String,
    /// The SHA-256 of each file whose content the bundle names: its blobs go with it.
    pub files: Vec<String>,
}

pub(super) fn own_fingerprint(identity: &Identity) -> String {
    super::fingerprint(
        identity.instance,
        &super::b64(&identity.sign_public()),
        &super::b64(&identity.receive_public()),
    )
}

pub fn seal_payload(
    identity: &Identity,
    partner: &Partner,
    payload: &Payload,
) -> Result<Sealed, ExchangeError> {
    let bytes = serde_json::to_vec(payload).map_err(taawun_store::StoreError::from)?;
    let text = envelope::seal(
        identity,
        &own_fingerprint(identity),
        partner.instance_id,
        &partner.receive_key,
        &bytes,
    )
    .map_err(|r| ExchangeError::Refused(r.message(Lang::En)))?;
    let files = match payload {
        Payload::Bundle(b) => b
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::File { attachment } => Some(attachment.sha256.clone()),
                _ => None,
            })
            .collect(),
        Payload::Receipt(_) => Vec::new(),
    };
    Ok(Sealed {
        text,
        hash: hash(&bytes),
        files,
    })
}
