//! The full permission matrix: every role × action × kind of record × own/other party,
//! checked against the table below, written by hand. "own" means the principal's party leads
//! the item, produced the record (its originator) and the commission is assigned to the
//! principal; "other" means none of these. Both commissions have both parties, so every
//! record is released to the principal: releasability is tested below, on its own.
//! "reprotect" is changing the record's marking, releasability or originator
//! (`decide_protection`); the rules for accounts' clearances and roles (`decide_grant`) follow
//! the table.
//! Any unexpected allow or deny fails, and so does a row missing from the table.

use taawun_core::access::*;
use taawun_core::{Id, new_id};

/// The table lives in the permission matrix document, `docs/permissions.md`, between the
/// "```matrix" fence and the next fence: the document people read is the one checked here.
/// Columns: administrator, secretariat, party editor, reader, auditor. `Y` allowed, `-` refused.
const DOC: &str = include_str!("../../../docs/permissions.md");

fn matrix() -> &'static str {
    let start = DOC
        .find("```matrix")
        .expect("a ```matrix block in docs/permissions.md");
    let body = &DOC[start + "```matrix".len()..];
    &body[..body.find("```").expect("the matrix block ends")]
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
        "taxonomy" => Kind::Taxonomy,
        "registry" => Kind::Registry,
        "commission" => Kind::Commission,
        "agreement" => Kind::Agreement,
        "commission_work" => Kind::CommissionWork,
        "action_item" => Kind::ActionItem,
        "progress_update" => Kind::ProgressUpdate,
        "activity" => Kind::Activity,
        "user" => Kind::User,
        other => panic!("unknown kind {other}"),
    }
}

fn action(name: &str) -> Action {
    match name {
        "view" => Action::View,
        "create" => Action::Create,
        "edit" => Action::Edit,
        "history" => Action::ViewHistory,
        "cancel" => Action::Cancel,
        "reprotect" => Action::Reprotect,
        "adopt" => Action::Adopt,
        "ask" => Action::RequestUpdate,
        "head" => Action::AdoptAsHead,
        other => panic!("unknown action {other}"),
    }
}

struct World {
    mine: Id,
    theirs: Id,
    my_commission: Id,
    their_commission: Id,
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

/// A record of `kind` that is the principal's own (assigned commission, own party leading
/// and reporting) or the other party's.
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
    let w = World {
        mine: new_id(),
        theirs: new_id(),
        my_commission: new_id(),
        their_commission: new_id(),
    };
    let mut seen = std::collections::HashSet::new();
    let mut wrong = Vec::new();
    for line in matrix().lines().map(str::trim).filter(|l| !l.is_empty()) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 8, "malformed row {line}");
        let (k, a, own) = (kind(cols[0]), action(cols[1]), cols[2] == "own");
        seen.insert((cols[0], cols[1], cols[2]));
        for (role, want) in ROLES.iter().zip(&cols[3..]) {
            let got = decide(&principal(*role, &w), a, &target(k, own, &w)).is_ok();
            if got != (*want == "Y") {
                wrong.push(format!(
                    "{line}: {role:?} got {}",
                    if got { "allow" } else { "deny" }
                ));
            }
        }
    }
    assert_eq!(
        seen.len(),
        Kind::ALL.len() * Action::ALL.len() * 2,
        "every cell has a row"
    );
    assert!(
        wrong.is_empty(),
        "unexpected decisions:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn records_above_clearance_or_not_released_are_hidden_from_every_role() {
    let w = World {
        mine: new_id(),
        theirs: new_id(),
        my_commission: new_id(),
        their_commission: new_id(),
    };
    let cases = [
        // (marking, releasability, originator is mine, clearance, visible)
        (
            Marking::Secret,
            Releasability::AllParties,
            true,
            Marking::Confidential,
            false,
        ),
        (
            Marking::Confidential,
            Releasability::AllParties,
            false,
            Marking::Confidential,
            true,
        ),
        (
            Marking::Restricted,
            Releasability::OriginatorOnly,
            false,
            Marking::Secret,
            false,
        ),
        (
            Marking::Restricted,
            Releasability::OriginatorOnly,
            true,
            Marking::Restricted,
            true,
        ),
        (
            Marking::Unclassified,
            Releasability::AllParties,
            false,
            Marking::Unclassified,
            true,
        ),
    ];
    for (marking, rel, mine, clearance, visible) in cases {
        let protection = Protection {
            marking,
            releasability: rel,
            originator: Some(if mine { w.mine } else { w.theirs }),
        };
        for role in ROLES {
            let mut p = principal(role, &w);
            p.clearance = clearance;
            for a in Action::ALL {
                let t = target(Kind::CommissionWork, true, &w).protected(protection);
                let got = decide(&p, a, &t);
                if visible {
                    assert_ne!(
                        got,
                        Err(Denied::Hidden),
                        "{role:?} {a:?} {marking:?} {rel:?}"
                    );
                } else {
                    assert_eq!(
                        got,
                        Err(Denied::Hidden),
                        "{role:?} {a:?} {marking:?} {rel:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_demo_visitor_reads_only_what_is_released_to_all_and_unclassified() {
    let v = Principal::visitor();
    let open = Target::new(Kind::CommissionWork);
    assert_eq!(decide(&v, Action::View, &open), Ok(()));
    assert_eq!(decide(&v, Action::Edit, &open), Err(Denied::NotAllowed));
    assert_eq!(
        decide(&v, Action::ViewHistory, &open),
        Err(Denied::NotAllowed)
    );
    let restricted = open.clone().protected(Protection {
        marking: Marking::Restricted,
        ..Protection::default()
    });
    assert_eq!(decide(&v, Action::View, &restricted), Err(Denied::Hidden));
    // An originator-only record with no originator recorded is released to nobody.
    let orphan = open.protected(Protection {
        releasability: Releasability::OriginatorOnly,
        ..Protection::default()
    });
    assert_eq!(decide(&v, Action::View, &orphan), Err(Denied::Hidden));
}

#[test]
fn a_party_editor_reports_only_for_its_own_side() {
    let w = World {
        mine: new_id(),
        theirs: new_id(),
        my_commission: new_id(),
        their_commission: new_id(),
    };
    let p = principal(Role::PartyEditor, &w);
    // A joint item led by both parties: the editor may report for its side, not the other's.
    let joint = Target::new(Kind::ProgressUpdate).led_by(vec![w.mine, w.theirs]);
    assert_eq!(
        decide(&p, Action::Create, &joint.clone().reported_by(w.mine)),
        Ok(())
    );
    assert_eq!(
        decide(&p, Action::Create, &joint.reported_by(w.theirs)),
        Err(Denied::NotAllowed)
    );
}
