//! Preparing session N+1 of a commission: the proposal a secretariat starts from. Its
//! ordinal and host follow `core::next_session`; its agenda has one line per area listing
//! the open items of the earlier sessions (`core::followup::carry_over`). Everything is
//! read through the reader's `Visible`, so the proposal names no session or item hidden
//! from them; the web form renders it, lets them change it, and saves it.

use chrono::NaiveDate;
use taawun_core::followup::{ItemFacts, carry_over};
use taawun_core::next_session::{Held, next_host, next_ordinal};
use taawun_core::{AgendaItem, Area, Commission, Lang, LocalizedText, Protection, Session, new_id};
use taawun_store::{FactsScope, StoreResult, Visible};

/// The proposed session, and the area of each of its agenda lines (same order).
#[derive(Debug, Clone)]
pub struct Proposal {
    pub session: Session,
    /// `None` for a line whose area the reader may not see (or that has none).
    pub areas: Vec<Option<Area>>,
}

/// An agenda line's title in the three languages, from the catalogues and the area's name.
fn line_title(area: Option<&Area>) -> LocalizedText {
    let one = |l: Lang| {
        let name = area.map_or("—", |a| a.name.show(l));
        taawun_i18n::message_with(l, "next-session-agenda-line", "area", name)
    };
    LocalizedText::new(&one(Lang::Ar), &one(Lang::Fr), &one(Lang::En))
}

/// The session after the ones `v`'s reader sees in `c`, held on `today` (the form asks for
/// the dates), protected by `protection` (the author's own: `web` gives the originator's).
/// An area whose open items are all hidden from the reader gets no line.
pub async fn propose(
    v: &Visible,
    c: &Commission,
    protection: Protection,
    today: NaiveDate,
) -> StoreResult<Proposal> {
    let earlier = v.sessions(Some(c.id)).await?;
    let held: Vec<Held> = earlier.iter().map(Held::from).collect();
    let mut facts: Vec<ItemFacts> = v.item_facts(FactsScope::Commission(c.id)).await?;
    // A stable order in, a stable agenda out.
    facts.sort_by_key(|f| f.id);
    let mut agenda = Vec::new();
    let mut areas = Vec::new();
    for (area_id, ids) in carry_over(&facts) {
        let mut item_ids = Vec::with_capacity(ids.len());
        for id in ids {
            // Only items the reader can open are proposed (the form offers each by name).
            if v.item(id).await?.is_some() {
                item_ids.push(id);
            }
        }
        if item_ids.is_empty() {
            continue;
        }
        let area = v.area(area_id).await?;
        agenda.push(AgendaItem {
            title: line_title(area.as_ref()),
            item_ids,
            conclusions: Default::default(),
            example: false,
        });
        areas.push(area);
    }
    let session = Session {
        id: new_id(),
        commission_id: c.id,
        ordinal: next_ordinal(&held),
        start_on: today,
        end_on: today,
        host_party_id: next_host(&c.party_ids, &held).unwrap_or_default(),
        place: LocalizedText::default(),
        agenda,
        delegations: vec![],
        decisions: vec![],
        statements: vec![],
        side_events: vec![],
        protection,
        minutes: Default::default(),
        version: 0,
    };
    Ok(Proposal { session, areas })
}
