//! Commissions, each between the host and one or two partners, and their sessions: saved
//! first with their agenda and delegations before they are held, then again with their
//! decisions and statements once held (`conclude`), as a secretariat records them.

use super::profile::{as_of, first_day};
use super::world::{CommissionMade, SessionMade};
use super::{Gen, words};
use chrono::{Days, NaiveDate};
use taawun_core::*;
use taawun_store::Write;

/// Commission names: Arabic, French, English, each with `{}` for the partners.
const NAMES: &[words::Tri] = &[
    (
        "اللجنة العسكرية المشتركة المغربية-{}",
        "Commission militaire mixte Maroc–{}",
        "Morocco–{} Joint Military Commission",
    ),
    (
        "لجنة التعاون المشتركة بين المغرب و{}",
        "Commission mixte de coopération Maroc–{}",
        "Morocco–{} Joint Cooperation Commission",
    ),
    (
        "اللجنة التقنية المشتركة المغربية-{}",
        "Comité technique mixte Maroc–{}",
        "Morocco–{} Joint Technical Committee",
    ),
];

/// An agenda line and a decision, with `{}` for the area.
const AGENDA: words::Tri = (
    "التعاون في مجال {}",
    "Coopération en matière de {}",
    "Cooperation on {}",
);

pub(super) fn make(g: &mut Gen) {
    let partners = g.world.parties.len() - 1;
    let sessions = g.dice.split(g.sizes.sessions, g.sizes.commissions, 1);
    for (c, session_count) in sessions.into_iter().enumerate() {
        let mut parties = vec![0, 1 + c % partners];
        // One commission in seven is tripartite (never the first: the benchmark's partner
        // reader is of its partner, whose commission stays bilateral).
        if c > 0 && partners > 1 && g.dice.chance(15) {
            let other = 1 + (c + 1 + g.dice.below(partners - 1)) % partners;
            if !parties.contains(&other) {
                parties.push(other);
            }
        }
        commission(g, c, parties);
        for ordinal in 1..=session_count {
            session(g, c, ordinal, session_count);
        }
    }
}

fn commission(g: &mut Gen, c: usize, parties: Vec<usize>) {
    let established = g.dice.day(
        NaiveDate::from_ymd_opt(2008, 1, 1).unwrap_or_default(),
        first_day() - Days::new(60),
    );
    let at = g.moment(established);
    let party_ids: Vec<Id> = parties.iter().map(|p| g.world.parties[*p].id).collect();
    let join = |pick: fn(&(String, String, String)) -> &String, sep: &str| {
        parties[1..]
            .iter()
            .map(|p| pick(&g.world.parties[*p].name).clone())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let (ar, fr, en) = (
        join(|n| &n.0, " و"),
        join(|n| &n.1, "–"),
        join(|n| &n.2, "–"),
    );
    let pattern = NAMES[c / g.world.parties.len().max(1) % NAMES.len()];
    let name = g.text(
        &pattern.0.replace("{}", &ar),
        &pattern.1.replace("{}", &fr),
        &pattern.2.replace("{}", &en),
    );
    let mandate = *g.dice.pick(words::SENTENCES);
    let mandate = g.tri(mandate);
    // The first commission is the benchmark's: open to both its parties' readers.
    let protection = if c == 0 {
        Protection::default()
    } else {
        g.protection(&party_ids)
    };
    let co_chairs = parties[..2]
        .iter()
        .map(|p| g.world.parties[*p].people[0])
        .collect();
    let id = g.id(at);
    g.save(
        at,
        Write::Commission(Commission {
            id,
            name,
            party_ids: party_ids.clone(),
            co_chair_ids: co_chairs,
            established_on: Some(established),
            mandate,
            protection,
            version: 0,
        }),
    );
    g.world.commissions.push(CommissionMade {
        id,
        parties,
        party_ids,
        sessions: vec![],
        agreements: vec![],
    });
}

/// Session `ordinal` of `count`, spread from the first day to two months past the day the
/// data set is as of (the last one may be ahead, still without decisions).
fn session(g: &mut Gen, c: usize, ordinal: usize, count: usize) {
    let span = (as_of() + Days::new(60) - first_day()).num_days() as f64;
    let slot = (ordinal as f64 - 1.0 + g.dice.unit()) / count as f64;
    let start = first_day() + Days::new((slot * span) as u64);
    let end = start + Days::new(g.dice.between(1, 3) as u64);
    let parties = g.world.commissions[c].parties.clone();
    // The host of the first session is the host state, then each side in turn.
    let host = parties[(ordinal - 1) % parties.len()];
    let place = if host == 0 {
        let city = *g.dice.pick(words::HOST_CITIES);
        LocalizedText::new(city.0, city.1, city.2)
    } else {
        let cap = &g.world.parties[host].capital;
        LocalizedText::new(&cap.0, &cap.1, &cap.2)
    };
    let mut agenda = Vec::new();
    let lines = g.dice.between(3, 5);
    for a in g.dice.sample(g.world.areas.len(), lines) {
        let area = g.world.areas[a].1;
        let title = g.text(
            &AGENDA.0.replace("{}", area.0),
            &AGENDA.1.replace("{}", area.1),
            &AGENDA.2.replace("{}", area.2),
        );
        agenda.push(AgendaItem {
            title,
            item_ids: vec![],
            conclusions: Default::default(),
            example: true,
        });
    }
    let delegations = parties.iter().map(|p| delegation(g, *p)).collect();
    let party_ids = g.world.commissions[c].party_ids.clone();
    let protection = g.protection(&party_ids);
    let at = g.moment(start - Days::new(14));
    let record = Session {
        id: g.id(at),
        commission_id: g.world.commissions[c].id,
        ordinal: ordinal as u32,
        start_on: start,
        end_on: end,
        host_party_id: g.world.parties[host].id,
        place,
        agenda,
        delegations,
        decisions: vec![],
        statements: vec![],
        side_events: vec![],
        protection,
        minutes: Default::default(),
        version: 0,
    };
    g.save(at, Write::Session(record.clone()));
    g.world.commissions[c].sessions.push(SessionMade { record });
}

/// A party's delegation: a head (one of its two most senior people) and two to four others.
fn delegation(g: &mut Gen, p: usize) -> Delegation {
    let people = &g.world.parties[p].people;
    let head = people[g.dice.below(2.min(people.len()))];
    let (known, wanted) = (people.len(), g.dice.between(3, 5));
    let others = g.dice.sample(known, wanted);
    let mut members = vec![DelegationMember {
        person_id: head,
        role: DelegationRole::Head,
        precedence: 1,
    }];
    for (n, i) in others.into_iter().enumerate() {
        let person_id = g.world.parties[p].people[i];
        if person_id == head {
            continue;
        }
        let role = match n {
            0 => DelegationRole::DeputyHead,
            1 | 2 => DelegationRole::Member,
            _ => DelegationRole::Expert,
        };
        members.push(DelegationMember {
            person_id,
            role,
            precedence: (n + 1) as u32,
        });
    }
    Delegation {
        adoptions: Vec::new(),
        party_id: g.world.parties[p].id,
        members,
    }
}

/// The sessions held by the day the data set is as of, saved again with their decisions,
/// their heads' opening statements and, sometimes, a visit.
pub(super) fn conclude(g: &mut Gen) {
    for c in 0..g.world.commissions.len() {
        for s in 0..g.world.commissions[c].sessions.len() {
            let mut record = g.world.commissions[c].sessions[s].record.clone();
            if record.end_on > as_of() {
                continue;
            }
            for number in 1..=g.dice.between(3, 8) {
                let (area_id, area) = *g.dice.pick(&g.world.areas);
                let action = *g.dice.pick(words::ACTIONS);
                let object = *g.dice.pick(words::OBJECTS);
                let text = g.text(
                    &format!("قرر الطرفان {} {} في مجال {}", action.0, object.0, area.0),
                    &format!(
                        "Les parties décident de {} {} ({})",
                        action.1.to_lowercase(),
                        object.1,
                        area.1
                    ),
                    &format!(
                        "The parties decided to {} {} ({})",
                        action.2.to_lowercase(),
                        object.2,
                        area.2
                    ),
                );
                let at = g.moment(record.end_on);
                record.decisions.push(Decision {
                    id: g.id(at),
                    number: number as u32,
                    text,
                    area_id: Some(area_id),
                    example: true,
                });
            }
            for d in &record.delegations {
                if let Some(head) = d.head() {
                    let sentence = *g.dice.pick(words::SENTENCES);
                    let summary = g.tri(sentence);
                    record.statements.push(Statement {
                        person_id: head.person_id,
                        occasion: StatementOccasion::Opening,
                        on: record.start_on,
                        summary,
                    });
                }
            }
            if g.dice.chance(30) {
                let host = g
                    .world
                    .parties
                    .iter()
                    .position(|p| p.id == record.host_party_id)
                    .unwrap_or(0);
                let organisation = *g.dice.pick(&g.world.parties[host].organisations);
                let title = g.text("زيارة ميدانية", "Visite de terrain", "Field visit");
                record.side_events.push(SideEvent {
                    kind: SideEventKind::Visit,
                    on: Some(record.end_on),
                    title,
                    description: LocalizedText::default(),
                    party_id: Some(record.host_party_id),
                    organisation_id: Some(organisation),
                });
            }
            record.version = 1;
            let at = g.moment(record.end_on);
            g.save(at, Write::Session(record));
        }
    }
}
