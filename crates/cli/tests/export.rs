//! `taawun export` as an operator runs it: a list written as the named user sees it, with
//! progress on stderr; a wrong list or extension is one clear line.

mod common;

use common::{in_dir, text};

#[test]
fn a_list_is_written_as_the_user_sees_it_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    assert!(in_dir(&dir, &["demo"]).status.success());
    let add = [
        "user",
        "add",
        "--username",
        "lecteur",
        "--display-name",
        "Lecteur",
        "--party",
        "ML",
        "--role",
        "reader",
        "--language",
        "fr",
    ];
    assert!(in_dir(&dir, &add).status.success());

    let csv = dir.path().join("actions.csv");
    let out = in_dir(
        &dir,
        &[
            "export",
            "items",
            "--as",
            "lecteur",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with('\u{feff}'), "no BOM");
    assert!(
        written.contains("Titre (français)"),
        "headers not in the user's French: {written}"
    );
    assert!(
        text(&out.stderr).contains("writing: "),
        "no progress: {}",
        text(&out.stderr)
    );

    let xlsx = dir.path().join("personnes.xlsx");
    let out = in_dir(
        &dir,
        &[
            "export",
            "people",
            "--as",
            "lecteur",
            "--lang",
            "ar",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");

    for (args, needle) in [
        (
            vec!["export", "minutes", "--as", "lecteur", "--out", "x.csv"],
            "unknown list",
        ),
        (
            vec!["export", "items", "--as", "lecteur", "--out", "x.pdf"],
            ".xlsx or .csv",
        ),
        (
            vec!["export", "items", "--as", "personne", "--out", "x.csv"],
            "no active user",
        ),
    ] {
        let out = in_dir(&dir, &args);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(needle), "{err}");
        assert!(!err.contains("panicked"));
    }
}
