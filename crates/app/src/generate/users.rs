//! Accounts across roles, parties and clearances, each with the one shared password, and
//! the three the benchmark logs in with: `admin`, `reader.host` (a reader of the host state
//! cleared Restricted) and `reader.partner` (the same, of the partner of the first
//! commission, which holds the largest plans).

use super::profile::{as_of, first_day};
use super::{Gen, registry};
use taawun_core::*;
use taawun_store::Write;

pub(super) fn make(g: &mut Gen) {
    let known = [
        (
            "admin",
            "Administrator",
            0,
            Role::Administrator,
            Marking::Secret,
        ),
        (
            "reader.host",
            "Reader (host)",
            0,
            Role::Reader,
            Marking::Restricted,
        ),
        (
            "reader.partner",
            "Reader (partner)",
            1,
            Role::Reader,
            Marking::Restricted,
        ),
    ];
    for (username, display, party, role, clearance) in known {
        user(
            g,
            username.to_string(),
            display.to_string(),
            party,
            role,
            clearance,
        );
    }
    for n in known.len()..g.sizes.users {
        let role = match g.dice.below(100) {
            0..=1 => Role::Administrator,
            2..=16 => Role::Secretariat,
            17..=56 => Role::PartyEditor,
            57..=89 => Role::Reader,
            _ => Role::Auditor,
        };
        let clearance = match g.dice.below(100) {
            0..=19 => Marking::Unclassified,
            20..=69 => Marking::Restricted,
            70..=94 => Marking::Confidential,
            _ => Marking::Secret,
        };
        let party = if g.dice.chance(40) {
            0
        } else {
            1 + g.dice.below(g.world.parties.len() - 1)
        };
        let (_, latin, _) = registry::person_name(g);
        let username = format!("{}.{n}", ascii(&latin));
        user(g, username, latin, party, role, clearance);
    }
}

fn user(
    g: &mut Gen,
    username: String,
    display_name: String,
    p: usize,
    role: Role,
    clearance: Marking,
) {
    let party = &g.world.parties[p];
    let party_id = party.id;
    let organisation = *g.dice.pick(&party.organisations);
    let commission_ids = if role == Role::Secretariat {
        let theirs: Vec<Id> = g
            .world
            .commissions
            .iter()
            .filter(|c| c.parties.contains(&p))
            .map(|c| c.id)
            .collect();
        if p == 0 {
            let k = g.dice.between(3, 10);
            g.dice
                .sample(theirs.len(), k)
                .into_iter()
                .map(|i| theirs[i])
                .collect()
        } else {
            theirs
        }
    } else {
        vec![]
    };
    let language = match (p, g.dice.below(3)) {
        (0, 0) => Some(Lang::Fr),
        (0, _) => Some(Lang::Ar),
        (_, 0) => Some(Lang::En),
        _ => Some(Lang::Fr),
    };
    let email = g.dice.chance(60).then(|| format!("{username}@example.org"));
    let active = g.dice.chance(97) || username == "admin" || username.starts_with("reader.");
    let at = g.dice.day(first_day(), as_of());
    let at = g.moment(at);
    let id = g.id(at);
    g.save(
        at,
        Write::User(User {
            person_id: None,
            id,
            username,
            display_name,
            party_id,
            organisation_id: Some(organisation),
            role,
            clearance,
            commission_ids,
            active,
            totp_enabled: false,
            email,
            language,
            version: 0,
        }),
    );
    let phc_hash = g.password_hash.clone();
    g.save(at, Write::Password { user: id, phc_hash });
}

/// A Latin name as a login name: lowercase ASCII letters, accents dropped, words joined
/// by dots.
fn ascii(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let plain = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '-' | '\'' => '.',
            c if c.is_ascii_alphanumeric() => c,
            _ => continue,
        };
        out.push(plain);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn login_names_are_plain_ascii() {
        assert_eq!(super::ascii("Mohamed El Fassi"), "mohamed.el.fassi");
        assert_eq!(super::ascii("Saïd Traoré"), "said.traore");
    }
}
