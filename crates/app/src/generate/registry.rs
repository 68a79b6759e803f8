//! The registry: the host state and its partners (the real states of `words::STATES`
//! first, then invented ones), the areas of cooperation, each party's ranks,
//! organisations and people.

use super::Gen;
use super::profile::first_day;
use super::words::{self, FAMILY_NAMES, FIRST_NAMES, HOST, HOST_CITIES, ORGANISATIONS, RANKS};
use super::world::PartyMade;
use std::collections::HashSet;
use taawun_core::*;
use taawun_store::Write;

pub(super) fn make(g: &mut Gen) {
    let at = g.moment(first_day());
    parties(g, at);
    for (code, name) in words::AREAS {
        let id = g.id(at);
        let name_text = LocalizedText::new(name.0, name.1, name.2);
        g.save(
            at,
            Write::Area(Area {
                id,
                code: (*code).to_string(),
                name: name_text,
                protection: Protection::default(),
                version: 0,
            }),
        );
        g.world.areas.push((id, *name));
    }
    for p in 0..g.world.parties.len() {
        ranks(g, p, at);
        organisations(g, p, at);
        people(g, p, at);
    }
}

fn parties(g: &mut Gen, at: chrono::DateTime<chrono::Utc>) {
    let (iso, name, short) = HOST;
    let capital = HOST_CITIES[0];
    party(g, at, iso, name, short, capital);
    let mut taken: HashSet<String> = words::STATES.iter().map(|s| s.0.to_string()).collect();
    taken.insert(iso.to_string());
    let mut names = HashSet::new();
    for n in 0..g.sizes.partners {
        if let Some((iso, name, capital)) = words::STATES.get(n) {
            party(g, at, iso, *name, *name, *capital);
            continue;
        }
        let (latin, arabic) = invented_name(g, &mut names);
        let code = free_code(g, &mut taken);
        let city = format!("{latin}-Ville");
        let arabic_city = format!("مدينة {arabic}");
        let id = g.id(at);
        g.world.parties.push(PartyMade {
            id,
            iso: code,
            name: (arabic.clone(), latin.clone(), latin.clone()),
            capital: (arabic_city, city.clone(), city),
            organisations: vec![],
            ranks: vec![],
            people: vec![],
        });
        save_party(g, at);
    }
}

fn party(
    g: &mut Gen,
    at: chrono::DateTime<chrono::Utc>,
    iso: &str,
    name: words::Tri,
    short: words::Tri,
    capital: words::Tri,
) {
    let owned = |t: words::Tri| (t.0.to_string(), t.1.to_string(), t.2.to_string());
    let id = g.id(at);
    let made = PartyMade {
        id,
        iso: iso.to_string(),
        name: owned(name),
        capital: owned(capital),
        organisations: vec![],
        ranks: vec![],
        people: vec![],
    };
    g.world.parties.push(made);
    save_party(g, at);
    if let Some(Write::Party(p)) = g.saves.last_mut().map(|s| &mut s.write) {
        p.short_name = LocalizedText::new(short.0, short.1, short.2);
    }
}

/// Saves the party last pushed onto `World::parties`.
fn save_party(g: &mut Gen, at: chrono::DateTime<chrono::Utc>) {
    let Some(p) = g.world.parties.last() else {
        return;
    };
    let record = Party {
        id: p.id,
        kind: PartyKind::State,
        iso_code: Some(p.iso.clone()),
        name: LocalizedText::new(&p.name.0, &p.name.1, &p.name.2),
        short_name: LocalizedText::default(),
        protection: Protection::default(),
        version: 0,
    };
    g.save(at, Write::Party(record));
}

/// A name of three syllables and `-ia`, not given before.
fn invented_name(g: &mut Gen, given: &mut HashSet<String>) -> (String, String) {
    loop {
        let (mut latin, mut arabic) = (String::new(), String::new());
        for _ in 0..3 {
            let (l, a) = *g.dice.pick(words::SYLLABLES);
            latin.push_str(l);
            arabic.push_str(a);
        }
        latin.push_str("nia");
        arabic.push_str("نيا");
        let mut chars = latin.chars();
        let latin: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        if given.insert(latin.clone()) {
            return (latin, arabic);
        }
    }
}

/// A two-letter code no party holds yet (invented states take what is left).
fn free_code(g: &mut Gen, taken: &mut HashSet<String>) -> String {
    let free: Vec<String> = (b'A'..=b'Z')
        .flat_map(|a| (b'A'..=b'Z').map(move |b| format!("{}{}", a as char, b as char)))
        .filter(|c| !taken.contains(c))
        .collect();
    let code = g.dice.pick(&free).clone();
    taken.insert(code.clone());
    code
}

fn ranks(g: &mut Gen, p: usize, at: chrono::DateTime<chrono::Utc>) {
    let party_id = g.world.parties[p].id;
    for (code, label) in RANKS {
        let id = g.id(at);
        g.save(
            at,
            Write::Rank(Rank {
                id,
                party_id,
                nato_code: (*code).to_string(),
                label: LocalizedText::new(label.0, label.1, label.2),
                protection: Protection::default(),
                version: 0,
            }),
        );
        g.world.parties[p].ranks.push(id);
    }
}

fn organisations(g: &mut Gen, p: usize, at: chrono::DateTime<chrono::Utc>) {
    let count = if p == 0 {
        g.sizes.host_organisations
    } else {
        g.sizes.partner_organisations
    };
    let party_id = g.world.parties[p].id;
    let iso = g.world.parties[p].iso.clone();
    for (name, acronym) in ORGANISATIONS.iter().take(count) {
        let id = g.id(at);
        g.save(
            at,
            Write::Organisation(Organisation {
                id,
                party_id,
                parent_id: None,
                name: LocalizedText::new(name.0, name.1, name.2),
                acronym: Some(format!("{acronym}-{iso}")),
                protection: Protection::default(),
                version: 0,
            }),
        );
        g.world.parties[p].organisations.push(id);
    }
}

/// A person's names: «محمد» one time in five, so that it names many people.
pub(super) fn person_name(g: &mut Gen) -> (String, String, Vec<String>) {
    let first = if g.dice.chance(20) {
        &FIRST_NAMES[0]
    } else {
        g.dice.pick(FIRST_NAMES)
    };
    let family = g.dice.pick(FAMILY_NAMES);
    let aliases = first
        .2
        .iter()
        .map(|a| format!("{a} {}", family.1))
        .collect();
    (
        format!("{} {}", first.0, family.0),
        format!("{} {}", first.1, family.1),
        aliases,
    )
}

fn people(g: &mut Gen, p: usize, at: chrono::DateTime<chrono::Utc>) {
    let count = if p == 0 {
        g.sizes.host_people
    } else {
        g.sizes.partner_people
    };
    let party_id = g.world.parties[p].id;
    for n in 0..count {
        let (name_ar, name_latin, aliases) = person_name(g);
        // The first people of a party are its most senior: delegation heads.
        let ranks = &g.world.parties[p].ranks;
        let rank = if n < 2 {
            ranks[ranks.len() - 1 - n]
        } else {
            *g.dice.pick(ranks)
        };
        let organisation = *g.dice.pick(&g.world.parties[p].organisations);
        let function = *g.dice.pick(words::FUNCTIONS);
        let function = g.tri(function);
        let id = g.id(at);
        g.save(
            at,
            Write::Person(Person {
                id,
                party_id,
                name_ar,
                name_latin,
                aliases,
                rank_id: Some(rank),
                function,
                organisation_id: Some(organisation),
                protection: Protection::default(),
                version: 0,
            }),
        );
        g.world.parties[p].people.push(id);
    }
}
