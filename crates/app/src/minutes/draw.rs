//! The minutes' content (`MinutesText`) resolved from a session through the reader's
//! `Visible`: names, ranks and titles as they are printed, not ids. A member, an item or an
//! agreement the reader may not see is left out, as on the session page; every record the
//! text was made from is listed (`Drawn::sources`), so that an adopted text is later shown
//! only to readers who may see all of it (`readable`).

use taawun_core::minutes::{
    AdoptedMinutes, CarriedItem, CarriedSide, MinutesAgendaPoint, MinutesDelegation, MinutesMember,
    MinutesText,
};
use taawun_core::{DelegationRole, Id, LocalizedText, RecordKind, Session, followup};
use taawun_store::{StoreResult, Visible};

use crate::lookup::Lookup;

/// The text, and the records it was made from.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub text: MinutesText,
    pub sources: Vec<(RecordKind, Id)>,
}

/// The minutes of `s` as the reader of `v` may see them, as they stand today.
pub async fn draw(v: &Visible, s: &Session) -> StoreResult<Drawn> {
    let mut lk = Lookup::new(v);
    let mut sources = vec![(RecordKind::Session, s.id)];
    let commission = v.commission(s.commission_id).await?;
    let mut parties: [LocalizedText; 2] = Default::default();
    if let Some(c) = &commission {
        sources.push((RecordKind::Commission, c.id));
        for (slot, pid) in parties.iter_mut().zip(&c.party_ids) {
            *slot = party_name(&mut lk, *pid).await?;
        }
    }
    let host = party_name(&mut lk, s.host_party_id).await?;

    let mut delegations = Vec::new();
    let mut signatories: [Option<MinutesMember>; 2] = Default::default();
    for d in &s.delegations {
        let party = party_name(&mut lk, d.party_id).await?;
        let mut members = Vec::new();
        for m in d.in_protocol_order() {
            // A member the reader may not see is left out, as on the session page.
            let Some(p) = lk.person(m.person_id).await? else {
                continue;
            };
            sources.push((RecordKind::Person, p.id));
            let rank = match p.rank_id {
                Some(r) => lk.rank(r).await?.map(|r| r.label).unwrap_or_default(),
                None => LocalizedText::default(),
            };
            members.push(MinutesMember {
                name: person_name(&p),
                rank,
                function: p.function.clone(),
                role: m.role,
            });
        }
        // The head signs; a delegation recorded without one is signed by its first member.
        let head = members
            .iter()
            .find(|m| m.role == DelegationRole::Head)
            .or(members.first());
        // Each head signs under their party's name, in the commission's order of parties
        // (the header's); a delegation of no party of the commission signs nowhere.
        let place = commission
            .as_ref()
            .and_then(|c| c.party_ids.iter().position(|p| *p == d.party_id));
        if let Some(slot) = place.and_then(|n| signatories.get_mut(n)) {
            *slot = head.cloned();
        }
        delegations.push(MinutesDelegation { party, members });
    }

    let mut agenda = Vec::with_capacity(s.agenda.len());
    for a in &s.agenda {
        let mut carried = Vec::new();
        for id in &a.item_ids {
            let Some(item) = v.item(*id).await? else {
                continue;
            };
            sources.push((RecordKind::ActionItem, item.id));
            let reports = v.progress(item.id).await?;
            sources.extend(reports.iter().map(|r| (RecordKind::ProgressUpdate, r.id)));
            let mut sides = Vec::new();
            for side in followup::side_states(&item, &reports) {
                sides.push(CarriedSide {
                    party: party_name(&mut lk, side.party_id).await?,
                    status: side.status,
                    percent: side.percent,
                });
            }
            carried.push(CarriedItem {
                code: item.code.clone(),
                title: item.title.clone(),
                sides,
            });
        }
        agenda.push(MinutesAgendaPoint {
            title: a.title.clone(),
            conclusions: a.conclusions.clone(),
            carried,
        });
    }

    let agreements = v.agreements_of_session(s.id).await?;
    sources.extend(agreements.iter().map(|a| (RecordKind::Agreement, a.id)));
    sources.sort();
    sources.dedup();
    let text = MinutesText {
        commission: commission.map(|c| c.name).unwrap_or_default(),
        ordinal: s.ordinal,
        parties,
        host,
        place: s.place.clone(),
        start_on: s.start_on,
        end_on: s.end_on,
        preamble: s.minutes.preamble.clone(),
        delegations,
        agenda,
        decisions: s.decisions.iter().map(|d| d.text.clone()).collect(),
        agreements_signed: agreements.into_iter().map(|a| a.title).collect(),
        side_events: s.side_events.iter().map(|e| e.title.clone()).collect(),
        next_session: s.minutes.next_session.clone(),
        original_langs: s.minutes.original_langs.clone(),
        signatories,
    };
    Ok(Drawn { text, sources })
}

/// Whether the reader of `v` may read an adopted text: only when they may see every record
/// it was made from. Otherwise it would show them, frozen, what their clearance hides.
pub async fn readable(v: &Visible, adopted: &AdoptedMinutes) -> StoreResult<bool> {
    for (kind, id) in &adopted.sources {
        if !v.can_see_id(*kind, *id).await? {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn party_name(lk: &mut Lookup<'_>, id: Id) -> StoreResult<LocalizedText> {
    Ok(lk.party(id).await?.map(|p| p.name).unwrap_or_default())
}

/// A person's name for each language: the Arabic spelling for Arabic, the Latin one
/// otherwise, each falling back to the other when only one is recorded.
pub fn person_name(p: &taawun_core::Person) -> LocalizedText {
    let pick = |first: &str, second: &str| {
        let chosen = if first.trim().is_empty() {
            second
        } else {
            first
        };
        Some(chosen.trim().to_string()).filter(|s| !s.is_empty())
    };
    LocalizedText {
        ar: pick(&p.name_ar, &p.name_latin),
        fr: pick(&p.name_latin, &p.name_ar),
        en: pick(&p.name_latin, &p.name_ar),
    }
}
