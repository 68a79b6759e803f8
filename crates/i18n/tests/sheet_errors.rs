//! Why an upload was refused, in the uploader's language: moved from `taawun-docs` with the
//! sentences, which are now the catalogue's.

use taawun_core::Lang;
use taawun_core::sheet::SheetError;
use taawun_i18n::Wording;

#[test]
fn every_error_has_three_distinct_sentences() {
    let all = [
        SheetError::TooLarge {
            max_bytes: 10 * 1024 * 1024,
        },
        SheetError::TooManyRows { max: 20_000 },
        SheetError::TooManyColumns { max: 100 },
        SheetError::Empty,
        SheetError::NotASpreadsheet,
        SheetError::Damaged("zip".into()),
        SheetError::NotUtf8,
    ];
    for e in &all {
        let [ar, fr, en] = Lang::ALL.map(|l| e.message(l));
        assert!(
            ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{ar}"
        );
        assert!(fr != en && ar != fr, "{e:?}");
        assert!(
            en.ends_with('.') && fr.ends_with('.') && ar.ends_with('.'),
            "{e:?}"
        );
    }
    assert!(all[0].message(Lang::En).contains("10 MB"));
    assert!(all[1].message(Lang::Fr).contains("20\u{202f}000"));
    // The technical detail is for logs; readers get no "zip".
    assert!(!all[5].message(Lang::En).contains("zip"));
}
