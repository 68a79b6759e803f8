//! `RecordKind`: every kind's stored key reads back as that kind, keys are distinct, and
//! text that is no kind's key is no kind.

use taawun_core::{Kind, Kinded, RecordKind, Session};

#[test]
fn every_key_reads_back_as_its_kind() {
    for kind in RecordKind::ALL {
        assert_eq!(RecordKind::parse(kind.key()), Some(kind), "{kind}");
        assert_eq!(kind.to_string(), kind.key());
    }
}

#[test]
fn keys_are_the_stored_names_and_distinct() {
    let keys: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(
        keys,
        [
            "party",
            "organisation",
            "rank",
            "person",
            "area",
            "agreement",
            "clause",
            "commission",
            "session",
            "action_plan",
            "action_item",
            "progress_update",
            "activity",
            "user",
        ]
    );
}

#[test]
fn unknown_keys_are_no_kind() {
    for key in [
        "",
        "item",
        "plan",
        "Session",
        "session ",
        "calendar_feed",
        "history",
    ] {
        assert_eq!(RecordKind::parse(key), None, "{key:?}");
    }
}

#[test]
fn kinds_map_to_their_permission_category() {
    assert_eq!(RecordKind::Party.access(), Kind::Taxonomy);
    assert_eq!(RecordKind::Person.access(), Kind::Registry);
    assert_eq!(RecordKind::Clause.access(), Kind::CommissionWork);
    assert_eq!(RecordKind::ActionPlan.access(), Kind::CommissionWork);
    assert_eq!(RecordKind::ActionItem.access(), Kind::ActionItem);
    assert_eq!(RecordKind::User.access(), Kind::User);
    assert_eq!(Session::KIND, RecordKind::Session);
}
