//! Changing a record's protection (`decide_protection`): the originator party's secretariat
//! in charge of the record and administrators, within their own clearance; never a party
//! editor, even on an item their party leads (issue 10, finding 3).

use taawun_core::access::*;
use taawun_core::{Id, new_id};

struct World {
    morocco: Id,
    mali: Id,
    commission: Id,
}

fn world() -> World {
    World {
        morocco: new_id(),
        mali: new_id(),
        commission: new_id(),
    }
}

fn who(role: Role, party: Id, clearance: Marking, w: &World) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role,
        party_id: Some(party),
        clearance,
        commissions: vec![w.commission],
    }
}

fn protection(marking: Marking, originator: Option<Id>) -> Protection {
    Protection {
        marking,
        releasability: Releasability::AllParties,
        originator,
    }
}

/// A Moroccan Confidential item of the commission, one of whose leads is Malian.
fn moroccan_item(w: &World) -> Target {
    Target::new(Kind::ActionItem)
        .in_commission(Some(w.commission))
        .among(Some(vec![w.morocco, w.mali]))
        .led_by(vec![w.morocco, w.mali])
        .protected(protection(Marking::Confidential, Some(w.morocco)))
}

#[test]
fn a_party_editor_of_the_other_side_may_edit_the_item_but_not_declassify_it() {
    let w = world();
    let editor = who(Role::PartyEditor, w.mali, Marking::Confidential, &w);
    let item = moroccan_item(&w);
    assert_eq!(decide(&editor, Action::Edit, &item), Ok(()));
    let declassified = protection(Marking::Unclassified, Some(w.morocco));
    assert_eq!(
        decide_protection(&editor, &item, &declassified),
        Err(Denied::NotAllowed)
    );
    // Not even its own party's editor: protection is the secretariat's.
    let moroccan_editor = who(Role::PartyEditor, w.morocco, Marking::Secret, &w);
    assert_eq!(
        decide_protection(&moroccan_editor, &item, &declassified),
        Err(Denied::NotAllowed)
    );
}

#[test]
fn the_originator_secretariat_and_administrators_may_reclassify_within_their_clearance() {
    let w = world();
    let item = moroccan_item(&w);
    let ma_secretariat = who(Role::Secretariat, w.morocco, Marking::Confidential, &w);
    let down = protection(Marking::Unclassified, Some(w.morocco));
    assert_eq!(decide_protection(&ma_secretariat, &item, &down), Ok(()));
    // Not above their clearance.
    let up = protection(Marking::Secret, Some(w.morocco));
    assert_eq!(
        decide_protection(&ma_secretariat, &item, &up),
        Err(Denied::NotAllowed)
    );
    // The other party's secretariat, though assigned to the commission, may not.
    let ml_secretariat = who(Role::Secretariat, w.mali, Marking::Secret, &w);
    assert_eq!(
        decide_protection(&ml_secretariat, &item, &down),
        Err(Denied::NotAllowed)
    );
    // A Moroccan secretariat officer not assigned to the commission may not.
    let mut unassigned = ma_secretariat.clone();
    unassigned.commissions.clear();
    assert_eq!(
        decide_protection(&unassigned, &item, &down),
        Err(Denied::NotAllowed)
    );
    // An administrator may, within clearance; one cleared lower cannot even see it.
    let admin = who(Role::Administrator, w.mali, Marking::Secret, &w);
    assert_eq!(decide_protection(&admin, &item, &down), Ok(()));
    let low_admin = who(Role::Administrator, w.morocco, Marking::Restricted, &w);
    assert_eq!(
        decide_protection(&low_admin, &item, &down),
        Err(Denied::Hidden)
    );
}

#[test]
fn a_joint_record_may_be_claimed_only_for_ones_own_party() {
    let w = world();
    let joint = moroccan_item(&w).protected(protection(Marking::Restricted, None));
    let ml_secretariat = who(Role::Secretariat, w.mali, Marking::Secret, &w);
    let mali_only = Protection {
        marking: Marking::Restricted,
        releasability: Releasability::OriginatorOnly,
        originator: Some(w.mali),
    };
    assert_eq!(
        decide_protection(&ml_secretariat, &joint, &mali_only),
        Ok(())
    );
    let morocco_only = Protection {
        originator: Some(w.morocco),
        ..mali_only
    };
    assert_eq!(
        decide_protection(&ml_secretariat, &joint, &morocco_only),
        Err(Denied::NotAllowed)
    );
}

#[test]
fn accounts_carry_no_protection_to_change() {
    let w = world();
    let admin = who(Role::Administrator, w.morocco, Marking::Secret, &w);
    assert_eq!(
        decide_protection(&admin, &Target::new(Kind::User), &Protection::default()),
        Err(Denied::NotAllowed)
    );
}
