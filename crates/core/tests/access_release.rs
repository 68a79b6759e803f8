//! "Releasable to all parties" reaches the parties of the record's commission (or of its
//! agreement outside a commission), not every party of the instance (issue 10, finding 11).

use taawun_core::access::*;
use taawun_core::{Id, new_id};

fn reader(party: Option<Id>) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role: Role::Reader,
        party_id: party,
        clearance: Marking::Secret,
        commissions: vec![],
    }
}

#[test]
fn a_third_party_does_not_see_another_commissions_records() {
    let (morocco, mali, senegal) = (new_id(), new_id(), new_id());
    let mali_work = Target::new(Kind::CommissionWork)
        .in_commission(Some(new_id()))
        .among(Some(vec![morocco, mali]));
    for party in [morocco, mali] {
        assert_eq!(
            decide(&reader(Some(party)), Action::View, &mali_work),
            Ok(())
        );
    }
    for role in Role::ALL {
        let mut p = reader(Some(senegal));
        p.role = role;
        for a in Action::ALL {
            assert_eq!(
                decide(&p, a, &mali_work),
                Err(Denied::Hidden),
                "{role:?} {a:?}: administrators are bound too"
            );
        }
    }
}

#[test]
fn records_of_no_commission_and_the_demo_visitor_keep_their_rule() {
    let senegal = new_id();
    // Vocabularies and the registry belong to no commission: released to every party.
    let registry = Target::new(Kind::Registry);
    assert_eq!(
        decide(&reader(Some(senegal)), Action::View, &registry),
        Ok(())
    );
    // The demo's visitor has no party and reads what is released to all parties.
    let work = Target::new(Kind::CommissionWork).among(Some(vec![new_id(), new_id()]));
    assert_eq!(decide(&Principal::visitor(), Action::View, &work), Ok(()));
    // ... never what is released to its originator only.
    let theirs = work.clone().protected(Protection {
        releasability: Releasability::OriginatorOnly,
        originator: Some(new_id()),
        ..Protection::default()
    });
    assert_eq!(
        decide(&Principal::visitor(), Action::View, &theirs),
        Err(Denied::Hidden)
    );
    // Originator-only records of one's own party stay visible whatever the commission.
    let own = work.protected(Protection {
        releasability: Releasability::OriginatorOnly,
        originator: Some(senegal),
        ..Protection::default()
    });
    assert_eq!(decide(&reader(Some(senegal)), Action::View, &own), Ok(()));
}
