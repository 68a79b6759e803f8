//! What an account grants (`decide_grant`): nobody grants a clearance above their own, nor
//! manages an account cleared above their own, nor widens their own account (issue 10,
//! finding 3).

use taawun_core::access::*;
use taawun_core::{Id, new_id};

fn admin(clearance: Marking) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role: Role::Administrator,
        party_id: Some(new_id()),
        clearance,
        commissions: vec![],
    }
}

fn grant(role: Role, party: Id, clearance: Marking) -> Grant {
    Grant {
        role,
        party_id: party,
        clearance,
        commissions: vec![],
    }
}

#[test]
fn nobody_grants_a_clearance_above_their_own() {
    let me = admin(Marking::Confidential);
    let party = me.party_id.unwrap();
    let other = new_id();
    let secret = grant(Role::Reader, party, Marking::Secret);
    let confidential = grant(Role::Reader, party, Marking::Confidential);
    assert_eq!(
        decide_grant(&me, other, None, &secret),
        Err(Denied::NotAllowed)
    );
    assert_eq!(decide_grant(&me, other, None, &confidential), Ok(()));
    assert_eq!(
        decide_grant(&me, other, Some(&confidential), &secret),
        Err(Denied::NotAllowed)
    );
    // An account cleared above the administrator is not theirs to manage, even to lower it.
    assert_eq!(
        decide_grant(&me, other, Some(&secret), &confidential),
        Err(Denied::NotAllowed)
    );
    assert_eq!(
        decide_grant(&me, other, Some(&secret), &secret),
        Err(Denied::NotAllowed)
    );
    // Granting the administrator role within one's clearance is an administrator's to do.
    let admin_grant = grant(Role::Administrator, party, Marking::Restricted);
    assert_eq!(decide_grant(&me, other, None, &admin_grant), Ok(()));
}

#[test]
fn nobody_widens_their_own_account() {
    let me = admin(Marking::Unclassified);
    let id = me.user_id.unwrap();
    let party = me.party_id.unwrap();
    let mine = grant(Role::Administrator, party, Marking::Unclassified);
    assert_eq!(decide_grant(&me, id, Some(&mine), &mine), Ok(()));
    let raised = grant(Role::Administrator, party, Marking::Secret);
    assert_eq!(
        decide_grant(&me, id, Some(&mine), &raised),
        Err(Denied::NotAllowed)
    );
    let moved = grant(Role::Administrator, new_id(), Marking::Unclassified);
    assert_eq!(
        decide_grant(&me, id, Some(&mine), &moved),
        Err(Denied::NotAllowed)
    );
    let mut assigned = mine.clone();
    assigned.commissions.push(new_id());
    assert_eq!(
        decide_grant(&me, id, Some(&mine), &assigned),
        Err(Denied::NotAllowed)
    );
    // A secretariat officer who could edit users still could not make themselves one.
    let mut officer = admin(Marking::Secret);
    officer.role = Role::Secretariat;
    let theirs = grant(
        Role::Secretariat,
        officer.party_id.unwrap(),
        Marking::Secret,
    );
    let promoted = grant(
        Role::Administrator,
        officer.party_id.unwrap(),
        Marking::Secret,
    );
    assert_eq!(
        decide_grant(&officer, officer.user_id.unwrap(), Some(&theirs), &promoted),
        Err(Denied::NotAllowed)
    );
    // Lowering one's own clearance gives nothing: allowed.
    let high = admin(Marking::Secret);
    let h = grant(Role::Administrator, high.party_id.unwrap(), Marking::Secret);
    let lowered = grant(
        Role::Administrator,
        high.party_id.unwrap(),
        Marking::Restricted,
    );
    assert_eq!(
        decide_grant(&high, high.user_id.unwrap(), Some(&h), &lowered),
        Ok(())
    );
}
