//! What the exchange page shows and the decisions it takes, for the people
//! `core::access::decide_exchange` allows: the instance's own fingerprint, its partners with
//! the last bundle each way, the partners' registry records waiting for a secretariat
//! user's confirmation, and the log of bundles and receipts.

use super::{ExchangeError, Identity, outbox::own_fingerprint};
use std::sync::Arc;
use taawun_core::access::{ExchangeAction, decide_exchange};
use taawun_core::exchange::Part;
use taawun_core::*;
use taawun_store::exchange::{Candidate, Conflict, Direction, LogRow, Partner};
use taawun_store::{Actor, Store, Visible};

pub struct PartnerView {
    pub partner: Partner,
    pub last_out: Option<LogRow>,
    pub last_in: Option<LogRow>,
    pub log: Vec<LogRow>,
}

pub struct CandidateView {
    pub candidate: Candidate,
    pub partner_name: String,
    /// The partner's record and ours, named as the reader may see them (`None`: hidden).
    pub theirs: Option<String>,
    pub ours: Option<String>,
}

/// A clash between a partner's change to its part of a record of ours and ours.
pub struct ConflictView {
    pub conflict: Conflict,
    pub partner_name: String,
    /// The record, named as the reader may see it (`None`: hidden from the reader).
    pub record: Option<String>,
    pub ours: String,
    pub theirs: String,
}

pub struct Overview {
    /// This instance's id and fingerprint, when it has an identity.
    pub own: Option<(Id, String)>,
    pub partners: Vec<PartnerView>,
    pub candidates: Vec<CandidateView>,
    pub conflicts: Vec<ConflictView>,
}

fn allowed(who: &Principal, a: ExchangeAction) -> Result<(), ExchangeError> {
    decide_exchange(who, a).map_err(|_| ExchangeError::NotAllowed)
}

/// Log rows shown per partner on the page.
const LOG_ROWS: u32 = 50;

pub async fn overview(
    store: Arc<dyn Store>,
    identity: Option<&Identity>,
    who: &Principal,
    lang: Lang,
) -> Result<Overview, ExchangeError> {
    allowed(who, ExchangeAction::View)?;
    let mut partners = Vec::new();
    for p in store.exchange_partners().await? {
        partners.push(PartnerView {
            last_out: store.exchange_head(p.instance_id, Direction::Out).await?,
            last_in: store.exchange_head(p.instance_id, Direction::In).await?,
            log: store.exchange_log(p.instance_id, LOG_ROWS).await?,
            partner: p,
        });
    }
    let v = Visible::new(store.clone(), who.clone());
    let mut candidates = Vec::new();
    for c in store.exchange_candidates(true).await? {
        let partner_name = partners
            .iter()
            .find(|p| p.partner.instance_id == c.partner)
            .map(|p| p.partner.name.clone())
            .unwrap_or_default();
        candidates.push(CandidateView {
            theirs: name_of(&v, c.kind, c.theirs, lang).await?,
            ours: name_of(&v, c.kind, c.ours, lang).await?,
            partner_name,
            candidate: c,
        });
    }
    let mut conflicts = Vec::new();
    for c in store.exchange_conflicts(true).await? {
        let partner_name = partners
            .iter()
            .find(|p| p.partner.instance_id == c.partner)
            .map(|p| p.partner.name.clone())
            .unwrap_or_default();
        let record = match c.kind {
            RecordKind::ActionItem => v
                .item(c.record_id)
                .await?
                .map(|i| format!("{} — {}", i.code, i.title.show(lang))),
            RecordKind::Session => v
                .session(c.record_id)
                .await?
                .map(|s| format!("{} — {}", s.ordinal, s.place.show(lang))),
            _ => None,
        };
        if record.is_none() {
            // A record the reader may not see is not shown, nor its conflict.
            continue;
        }
        conflicts.push(ConflictView {
            ours: part_text(&v, &c.ours, lang).await?,
            theirs: part_text(&v, &c.theirs, lang).await?,
            partner_name,
            record,
            conflict: c,
        });
    }
    Ok(Overview {
        own: identity.map(|i| (i.instance, own_fingerprint(i))),
        partners,
        candidates,
        conflicts,
    })
}

/// A registry record's name as `v`'s reader sees it.
async fn name_of(
    v: &Visible,
    kind: RecordKind,
    id: Id,
    lang: Lang,
) -> Result<Option<String>, ExchangeError> {
    Ok(match kind {
        RecordKind::Person => v.person(id).await?.map(|p| {
            if p.name_latin.trim().is_empty() {
                p.name_ar
            } else if p.name_ar.trim().is_empty() {
                p.name_latin
            } else {
                format!("{} — {}", p.name_latin, p.name_ar)
            }
        }),
        RecordKind::Organisation => v.organisation(id).await?.map(|o| {
            let name = o.name.show(lang).to_string();
            match o.acronym {
                Some(a) if !a.trim().is_empty() => format!("{a} — {name}"),
                _ => name,
            }
        }),
        RecordKind::Rank => v
            .rank(id)
            .await?
            .map(|r| format!("{} ({})", r.label.show(lang), r.nato_code)),
        _ => None,
    })
}

/// A secretariat user confirms (or declines) that the partner's record `theirs` is this
/// instance's `ours`. `Ok(None)` when no such candidate is pending; else how many of the
/// partner's records now name ours.
pub async fn decide_match(
    store: Arc<dyn Store>,
    user: &User,
    partner: Id,
    theirs: Id,
    ours: Id,
    confirm: bool,
) -> Result<Option<usize>, ExchangeError> {
    allowed(&user.principal(), ExchangeAction::Match)?;
    let Some(c) = store
        .exchange_candidates(true)
        .await?
        .into_iter()
        .find(|c| c.partner == partner && c.theirs == theirs && c.ours == ours)
    else {
        return Ok(None);
    };
    let p = store
        .exchange_partner(partner)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(partner.to_string()))?;
    // The rewrite translates the partner's ids, whatever commission its records are in: a
    // trusted write, audited under the user's name.
    let actor = Actor::new(format!("{} (exchange match)", user.username));
    Ok(store
        .exchange_decide_match(&actor, p.party_id, &c, confirm)
        .await?)
}

/// A part as words: the lead body's name, or the delegation's members.
async fn part_text(v: &Visible, part: &Part, lang: Lang) -> Result<String, ExchangeError> {
    Ok(match part {
        Part::Lead(None) | Part::Delegation(None) => "—".to_string(),
        Part::Lead(Some(l)) => name_of(v, RecordKind::Organisation, l.organisation_id, lang)
            .await?
            .unwrap_or_default(),
        Part::Delegation(Some(d)) => {
            let mut names = Vec::new();
            for m in &d.members {
                if let Some(n) = name_of(v, RecordKind::Person, m.person_id, lang).await? {
                    names.push(n);
                }
            }
            names.join(" ; ")
        }
    })
}

/// A secretariat user chooses a side of a clash: `theirs` puts the partner's part in our
/// record, else ours stays. Both versions stay on record. `false` when it is not open.
pub async fn resolve(
    store: Arc<dyn Store>,
    user: &User,
    conflict: Id,
    theirs: bool,
) -> Result<bool, ExchangeError> {
    allowed(&user.principal(), ExchangeAction::Match)?;
    let Some(c) = store
        .exchange_conflicts(true)
        .await?
        .into_iter()
        .find(|c| c.id == conflict)
    else {
        return Ok(false);
    };
    // A conflict on a record the user may not see is answered as one that is not open:
    // the page never listed it, and its id must not confirm the record exists.
    if !Visible::new(store.clone(), user.principal())
        .can_see_id(c.kind, c.record_id)
        .await?
    {
        return Ok(false);
    }
    let p = store
        .exchange_partner(c.partner)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(c.partner.to_string()))?;
    let actor = Actor::new(format!("{} (exchange conflict)", user.username));
    Ok(store
        .exchange_resolve(&actor, p.party_id, conflict, theirs)
        .await?)
}

/// The partner's key announcement, accepted once its administrator confirmed the new
/// fingerprint out of band: the new keys take effect here at once (what is sent is
/// encrypted to the new receiving key); the old signing key is still accepted until the
/// partner's first bundle signed by the new one.
pub async fn accept_key(
    store: Arc<dyn Store>,
    actor: &Actor,
    announcement: &str,
    heard: &str,
) -> Result<Partner, ExchangeError> {
    let a: super::card::Announcement =
        serde_json::from_str(announcement).map_err(|_| ExchangeError::BadCard)?;
    let instance = a.new_card.instance;
    let p = store
        .exchange_partner(instance)
        .await?
        .ok_or_else(|| ExchangeError::UnknownPartner(instance.to_string()))?;
    if p.revoked_at.is_some() {
        return Err(ExchangeError::Revoked(instance.to_string()));
    }
    let card = super::card::accept(announcement, &p.sign_key, instance, heard)?;
    let updated = Partner {
        sign_key: card.sign_key.clone(),
        receive_key: card.receive_key.clone(),
        fingerprint: card.fingerprint(),
        url: card.url.clone().or(p.url.clone()),
        card: card.to_json(),
        previous_sign_key: Some(p.sign_key.clone()),
        previous_fingerprint: Some(p.fingerprint.clone()),
        ..p
    };
    store.save_exchange_partner(actor, &updated).await?;
    Ok(updated)
}
