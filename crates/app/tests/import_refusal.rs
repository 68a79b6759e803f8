//! How a refused import is worded: the store counts the batch from 0, the importer reads
//! the spreadsheet's rows from 2 (under the headers); anything else is a failed job.

use taawun_app::import::{failure, refused_row};
use taawun_core::Lang;
use taawun_i18n::message;
use taawun_store::StoreError;

fn refused(index: usize) -> StoreError {
    StoreError::InBatch {
        index,
        source: Box::new(StoreError::Open(String::from("disk full"))),
    }
}

#[test]
fn the_refused_item_is_named_by_its_spreadsheet_row() {
    let e = refused(3);
    let r = refused_row(&e).expect("a batch refusal names its row");
    assert_eq!(r.row, 5);
    assert!(matches!(r.why, StoreError::Open(_)));
    assert!(refused_row(&StoreError::Open(String::new())).is_none());
}

#[test]
fn a_refusal_is_said_in_the_importers_language() {
    for lang in Lang::ALL {
        let said = failure(lang, &refused(3));
        let row = taawun_i18n::fmt::integer(lang, 5);
        assert!(said.contains(&row), "{said}");
        // Why the row was refused, when the store does not say it in a rule.
        assert!(said.contains(&message(lang, "job-failed")), "{said}");
        assert_ne!(said, message(lang, "job-failed"));
    }
    // A failure that names no row is the failed job, and no more.
    let e = StoreError::Open(String::from("disk full"));
    assert_eq!(failure(Lang::Fr, &e), message(Lang::Fr, "job-failed"));
}
