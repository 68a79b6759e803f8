//! How a refused import is worded: the store counts the batch from 0, the importer reads
//! the spreadsheet's rows, where unchanged rows (not written) and blank ones (skipped) leave
//! gaps; anything else is a failed job.

use taawun_app::import::{Batch, failure, refused_row};
use taawun_core::Lang;
use taawun_i18n::message;
use taawun_store::StoreError;

fn refused(index: usize, why: StoreError) -> StoreError {
    StoreError::InBatch {
        index,
        source: Box::new(why),
    }
}

fn disk_full() -> StoreError {
    StoreError::Open(String::from("disk full"))
}

/// A batch of five items from rows 2, 3, 5, 9 and 12 of the sheet.
fn batch() -> Batch {
    Batch {
        items: Vec::new(),
        rows: vec![2, 3, 5, 9, 12],
    }
}

#[test]
fn the_refused_item_is_named_by_its_spreadsheet_row() {
    let e = refused(3, disk_full());
    let r = refused_row(&e, &batch()).expect("a batch refusal names its row");
    assert_eq!(r.row, 9);
    assert!(matches!(r.why, StoreError::Open(_)));
    assert!(refused_row(&disk_full(), &batch()).is_none());
}

#[test]
fn a_refusal_is_said_in_the_importers_language() {
    for lang in Lang::ALL {
        let said = failure(lang, &refused(3, disk_full()), &batch());
        let row = taawun_i18n::fmt::integer(lang, 9);
        assert!(said.contains(&row), "{said}");
        // Why the row was refused, when the store does not say it in a rule.
        assert!(said.contains(&message(lang, "job-failed")), "{said}");
        assert_ne!(said, message(lang, "job-failed"));
    }
    // A failure that names no row is the failed job, and no more.
    assert_eq!(
        failure(Lang::Fr, &disk_full(), &batch()),
        message(Lang::Fr, "job-failed")
    );
}

#[test]
fn an_item_saved_between_preview_and_commit_is_said_so_on_its_row() {
    let conflict = StoreError::Conflict {
        kind: "action_item",
        stored: 4,
        yours: 3,
    };
    let said = failure(Lang::Fr, &refused(0, conflict), &batch());
    assert!(said.contains("la ligne 2"), "{said}");
    assert!(
        said.contains(&message(Lang::Fr, "import-changed-meanwhile")),
        "{said}"
    );
}
