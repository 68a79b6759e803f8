//! Who may attach files to a record and purge them (`decide_files`), checked against the
//! "```files" table of `docs/permissions.md`, the document people read. Every row must
//! match for every role, and every kind that carries files must have its rows. A hidden
//! record's files are hidden for every action, the administrator's purge included.

use taawun_core::access::*;
use taawun_core::{Id, new_id};

const DOC: &str = include_str!("../../../docs/permissions.md");

fn table() -> &'static str {
    let start = DOC.find("```files").expect("a ```files block");
    let body = &DOC[start + "```files".len()..];
    &body[..body.find("```").expect("the files block ends")]
}

const ROLES: [Role; 5] = [
    Role::Administrator,
    Role::Secretariat,
    Role::PartyEditor,
    Role::Reader,
    Role::Auditor,
];

fn kind(name: &str) -> Kind {
    match name {
        "agreement" => Kind::Agreement,
        "commission_work" => Kind::CommissionWork,
        "action_item" => Kind::ActionItem,
        "progress_update" => Kind::ProgressUpdate,
        "activity" => Kind::Activity,
        other => panic!("unknown kind {other}"),
    }
}

fn action(name: &str) -> FileAction {
    match name {
        "attach" => FileAction::Attach,
        "purge" => FileAction::Purge,
        other => panic!("unknown action {other}"),
    }
}

struct World {
    mine: Id,
    theirs: Id,
    my_commission: Id,
    their_commission: Id,
}

fn world() -> World {
    World {
        mine: new_id(),
        theirs: new_id(),
        my_commission: new_id(),
        their_commission: new_id(),
    }
}

fn principal(role: Role, w: &World) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role,
        party_id: Some(w.mine),
        clearance: Marking::Secret,
        commissions: vec![w.my_commission],
    }
}

fn target(kind: Kind, own: bool, w: &World) -> Target {
    let (commission, party) = if own {
        (w.my_commission, w.mine)
    } else {
        (w.their_commission, w.theirs)
    };
    Target::new(kind)
        .in_commission(Some(commission))
        .among(Some(vec![w.mine, w.theirs]))
        .led_by(vec![party])
        .reported_by(party)
        .protected(Protection {
            originator: Some(party),
            ..Protection::default()
        })
}

#[test]
fn every_role_action_kind_and_side_matches_the_table() {
    let w = world();
    let mut seen = std::collections::HashSet::new();
    let mut wrong = Vec::new();
    for line in table().lines().map(str::trim).filter(|l| !l.is_empty()) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 8, "malformed row {line}");
        let (k, a, own) = (kind(cols[0]), action(cols[1]), cols[2] == "own");
        seen.insert((cols[0], cols[1], cols[2]));
        for (role, want) in ROLES.iter().zip(&cols[3..]) {
            let got = decide_files(&principal(*role, &w), a, &target(k, own, &w)).is_ok();
            if got != (*want == "Y") {
                wrong.push(format!("{line}: {role:?} got {got}"));
            }
        }
    }
    assert_eq!(
        seen.len(),
        5 * FileAction::ALL.len() * 2,
        "every cell has a row"
    );
    assert!(
        wrong.is_empty(),
        "unexpected decisions:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_hidden_records_files_are_hidden_from_every_role_and_action() {
    let w = world();
    for role in ROLES {
        let mut p = principal(role, &w);
        p.clearance = Marking::Restricted;
        let above = target(Kind::CommissionWork, true, &w).protected(Protection {
            marking: Marking::Secret,
            ..Protection::default()
        });
        let elsewhere = target(Kind::CommissionWork, true, &w).among(Some(vec![w.theirs]));
        for a in FileAction::ALL {
            assert_eq!(
                decide_files(&p, a, &above),
                Err(Denied::Hidden),
                "{role:?} {a:?}"
            );
            assert_eq!(
                decide_files(&p, a, &elsewhere),
                Err(Denied::Hidden),
                "{role:?} {a:?}"
            );
        }
    }
}

#[test]
fn attaching_is_exactly_editing() {
    let w = world();
    for role in ROLES {
        for k in [
            Kind::Agreement,
            Kind::CommissionWork,
            Kind::ActionItem,
            Kind::Activity,
        ] {
            for own in [true, false] {
                let t = target(k, own, &w);
                let p = principal(role, &w);
                assert_eq!(
                    decide_files(&p, FileAction::Attach, &t),
                    decide(&p, Action::Edit, &t),
                    "{role:?} {k:?} own={own}"
                );
            }
        }
    }
}
