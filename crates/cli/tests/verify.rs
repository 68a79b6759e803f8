//! `taawun verify FILE.pdf` (issue 16): the adoptions a minutes PDF carries are checked
//! against the record of the instance it runs on, with the keys that instance knows; a
//! forged adoption, minutes changed since, or a PDF with no adoptions do not pass.

#[path = "common/adopt.rs"]
mod adopt;
mod common;

use adopt::{DAY, head_adopts, open, pdf_of, secretariat_adopts};
use common::{in_dir, text};
use taawun_app::exchange::Identity;
use taawun_app::exchange::adoption::{self, Keys};
use taawun_app::minutes::{Stage, revise, word};
use taawun_docs::{Layout, minutes_pdf};
use taawun_store::Actor;

#[test]
fn verify_checks_a_pdfs_adoptions_against_the_record_and_sees_later_changes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let init = in_dir(
        &dir,
        &["exchange", "init", "--party", "MA", "--name", "Rabat"],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    let (rt, store) = open(dir.path());
    let me = Identity::load(&Identity::dir_default(dir.path())).unwrap();
    let s = rt.block_on(async {
        let s = secretariat_adopts(&store).await;
        head_adopts(&store, &me, s.id).await
    });
    let printed = adoption::printed(&s, 1, &Keys::new(Some(&me), &[])).unwrap();
    let file = dir.path().join("pv.pdf");
    std::fs::write(&file, pdf_of(&s, &printed)).unwrap();
    let path = file.to_str().unwrap();

    let out = in_dir(&dir, &["verify", path]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(
        said.contains(&format!(
            "version 1, SHA-256 {}",
            s.minutes.adopted[0].sha256
        )),
        "{said}"
    );
    assert!(
        said.contains("Abdelghani Mouhib") && said.contains(": holds"),
        "{said}"
    );
    assert!(said.contains(&me.fingerprint()), "{said}");
    assert!(said.contains("adopted by one party so far"), "{said}");

    // An adoption the record does not hold (its time changed in the PDF) does not pass.
    let mut forged = printed.clone();
    forged.adoptions[0].adoption.statement.at = "2025-02-19T09:00:00Z".into();
    let forged_file = dir.path().join("forged.pdf");
    std::fs::write(&forged_file, pdf_of(&s, &forged)).unwrap();
    let out = in_dir(&dir, &["verify", forged_file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("DOES NOT HOLD: not in the record"),
        "{}",
        text(&out.stdout)
    );

    // Another instance, without this instance's key, cannot vouch for it.
    let elsewhere = tempfile::tempdir().unwrap();
    for f in ["taawun.db", "taawun.db-wal", "taawun.db-shm"] {
        if dir.path().join(f).exists() {
            std::fs::copy(dir.path().join(f), elsewhere.path().join(f)).unwrap();
        }
    }
    let out = in_dir(&elsewhere, &["verify", path]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("DOES NOT HOLD: unknown key"),
        "{}",
        text(&out.stdout)
    );

    // The secretariat starts version 2: the PDF of version 1 no longer matches.
    rt.block_on(async {
        store
            .save_session(
                &Actor::system(),
                &revise(&store.session(s.id).await.unwrap().unwrap()),
            )
            .await
            .unwrap();
    });
    let out = in_dir(&dir, &["verify", path]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout)
            .contains("NO LONGER MATCHING: the minutes changed since this PDF was made (version 2"),
        "{}",
        text(&out.stdout)
    );

    // Minutes without adoptions, or a file that is no PDF, are said to be so.
    let plain = dir.path().join("draft.pdf");
    let mut input = word(&s.minutes.adopted[0].text, Stage::Draft);
    input.document_date = DAY;
    std::fs::write(&plain, minutes_pdf(&input, Layout::Fr, false).unwrap()).unwrap();
    let out = in_dir(&dir, &["verify", plain.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("carries no signed adoptions"),
        "{}",
        text(&out.stderr)
    );
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, b"hello").unwrap();
    let out = in_dir(&dir, &["verify", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a readable PDF"),
        "{}",
        text(&out.stderr)
    );
}
