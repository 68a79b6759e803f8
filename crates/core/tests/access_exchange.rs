//! Who may run the exchange with a partner instance (`decide_exchange`), checked against the
//! "```exchange" table of `docs/permissions.md`: every action has its row, and every role
//! is answered as the row says.

use taawun_core::access::*;
use taawun_core::new_id;

const DOC: &str = include_str!("../../../docs/permissions.md");

const ROLES: [Role; 5] = [
    Role::Administrator,
    Role::Secretariat,
    Role::PartyEditor,
    Role::Reader,
    Role::Auditor,
];

fn action(name: &str) -> ExchangeAction {
    match name {
        "view" => ExchangeAction::View,
        "administer" => ExchangeAction::Administer,
        "match" => ExchangeAction::Match,
        other => panic!("unknown action {other}"),
    }
}

#[test]
fn the_exchange_table_is_what_decide_exchange_answers() {
    let start = DOC.find("```exchange").expect("an ```exchange block");
    let body = &DOC[start + "```exchange".len()..];
    let table = &body[..body.find("```").expect("the block ends")];
    let mut seen = Vec::new();
    for line in table.lines().filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells.len(), 1 + ROLES.len(), "{line}");
        let a = action(cells[0]);
        seen.push(a);
        for (role, cell) in ROLES.iter().zip(&cells[1..]) {
            let p = Principal {
                user_id: Some(new_id()),
                role: *role,
                party_id: Some(new_id()),
                clearance: Marking::Secret,
                commissions: vec![],
            };
            assert_eq!(
                decide_exchange(&p, a).is_ok(),
                *cell == "Y",
                "{a:?} for {role:?}"
            );
        }
    }
    for a in ExchangeAction::ALL {
        assert!(seen.contains(&a), "{a:?} has no row");
    }
}
