//! An exported sheet imported back: rows naming an item of the plan by id update it (only
//! what changed), rows without an id are new, and a row whose item changed since the export
//! is a conflict on that row; a row whose id the plan does not hold is new, and said so.

mod import_world;

use import_world::*;
use taawun_core::import::{Change, Field, Problem};
use taawun_core::sheet::Sheet;
use taawun_core::*;
use taawun_i18n::ProblemWording;

const HEADERS: [&str; 10] = [
    "Code",
    "Titre (français)",
    "Titre (arabe)",
    "Domaine de coopération",
    "Chef de file — Maroc",
    "Chef de file — Mali",
    "Date de début",
    "Échéance",
    "Identifiant",
    "Version",
];

const SHOOTING: Id = Id::from_u128(0x501);
const DEMINING: Id = Id::from_u128(0x502);

fn stored(
    id: Id,
    code: &str,
    fr: &str,
    ar: &str,
    due: (i32, u32, u32),
    version: i64,
) -> ActionItem {
    ActionItem {
        id,
        plan_id: PLAN,
        code: code.into(),
        title: text(ar, fr, ""),
        description: text("", "Description gardée", ""),
        area_id: TRAINING,
        clause_ids: vec![Id::from_u128(0x900)],
        leads: vec![
            Lead {
                party_id: MOROCCO,
                organisation_id: FAR,
            },
            Lead {
                party_id: MALI,
                organisation_id: FAMA,
            },
        ],
        start_on: Some(day(2025, 3, 1)),
        due_on: Some(day(due.0, due.1, due.2)),
        status: ItemStatus::InProgress,
        cancel_reason: LocalizedText::default(),
        indicator: None,
        example: false,
        protection: Default::default(),
        version,
    }
}

/// A plan holding 2.1 and 2.2, as a world with both stored.
fn world() -> World {
    let mut w = World::new();
    w.existing = vec![
        stored(
            SHOOTING,
            "2.1",
            "Stage de tir",
            "دورة في الرماية",
            (2025, 12, 31),
            3,
        ),
        stored(
            DEMINING,
            "2.2",
            "Déminage",
            "إزالة الألغام",
            (2026, 6, 30),
            1,
        ),
    ];
    w
}

/// The sheet the French export of that plan writes, rows in its order.
fn exported(rows: &[[&str; 10]]) -> Sheet {
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    sheet(&HEADERS, &rows)
}

fn shooting_row<'a>(due: &'a str, version: &'a str, id: &'a str) -> [&'a str; 10] {
    [
        "2.1",
        "Stage de tir",
        "دورة في الرماية",
        "Formation",
        "FAR",
        "FAMa",
        "2025-03-01",
        due,
        id,
        version,
    ]
}

fn demining_row(id: &str) -> [&str; 10] {
    [
        "2.2",
        "Déminage",
        "إزالة الألغام",
        "Formation",
        "FAR",
        "FAMa",
        "2025-03-01",
        "2026-06-30",
        id,
        "1",
    ]
}

#[test]
fn an_export_imported_back_changes_nothing() {
    let w = world();
    let (a, b) = (SHOOTING.to_string(), DEMINING.to_string());
    let preview = run(
        &w,
        &exported(&[shooting_row("2025-12-31", "3", &a), demining_row(&b)]),
    );
    assert_eq!(preview.problems, []);
    assert_eq!(preview.changes, [Change::Unchanged, Change::Unchanged]);
    assert_eq!(preview.counts(), (0, 0, 2));
    assert!(preview.to_write().is_empty());
}

#[test]
fn one_changed_date_updates_that_item_and_keeps_the_rest_of_it() {
    let w = world();
    let (a, b) = (SHOOTING.to_string(), DEMINING.to_string());
    let preview = run(
        &w,
        &exported(&[shooting_row("2026-09-30", "3", &a), demining_row(&b)]),
    );
    assert_eq!(preview.problems, []);
    assert_eq!(
        preview.changes,
        [Change::Changed(vec![Field::DueOn]), Change::Unchanged]
    );
    let written = preview.to_write();
    assert_eq!(written.len(), 1);
    let (row, item) = &written[0];
    assert_eq!(*row, 2);
    // The stored item, its due date moved: same id and version (the store checks it again),
    // its status, clauses and the description the sheet does not carry all kept.
    let mut expected = w.existing[0].clone();
    expected.due_on = Some(day(2026, 9, 30));
    assert_eq!(item, &expected);
}

#[test]
fn a_row_without_an_id_is_new_beside_the_updated_ones() {
    let w = world();
    let a = SHOOTING.to_string();
    let mut new_row = shooting_row("2026-01-31", "", "");
    new_row[0] = "2.3";
    new_row[1] = "Stage de pilotage";
    let preview = run(
        &w,
        &exported(&[shooting_row("2025-12-31", "3", &a), new_row]),
    );
    assert_eq!(preview.problems, []);
    assert_eq!(preview.changes, [Change::Unchanged, Change::New]);
    let written = preview.to_write();
    assert_eq!(written.len(), 1);
    assert_eq!((written[0].0, written[0].1.version), (3, 0));
    assert!(!w.existing.iter().any(|i| i.id == written[0].1.id));
}

#[test]
fn an_item_changed_since_the_export_is_a_conflict_on_its_row() {
    let w = world();
    let (a, b) = (SHOOTING.to_string(), DEMINING.to_string());
    // Exported at version 2; someone saved version 3 since.
    let preview = run(
        &w,
        &exported(&[shooting_row("2026-09-30", "2", &a), demining_row(&b)]),
    );
    assert!(!preview.is_clean());
    assert_eq!(
        preview.problems,
        [at(
            2,
            "Version",
            Problem::VersionConflict {
                code: "2.1".into(),
                yours: "2".into(),
                stored: 3
            }
        )]
    );
    let said = preview.problems[0].message(Lang::Fr, &w.parties);
    assert!(
        said.contains("2.1") && said.contains("exportez à nouveau"),
        "{said}"
    );
}

#[test]
fn a_row_of_another_plans_export_is_a_new_item_said_so() {
    let w = world();
    let elsewhere = Id::from_u128(0xDEAD).to_string();
    let mut row = shooting_row("2025-12-31", "7", &elsewhere);
    row[0] = "2.5";
    let preview = run(&w, &exported(&[row]));
    assert_eq!(preview.problems, []);
    assert_eq!(preview.changes, [Change::NewUnmatched]);
    let written = preview.to_write();
    assert_eq!(written[0].1.version, 0);
    assert_ne!(written[0].1.id.to_string(), elsewhere);
    // Its code is still checked against the plan's.
    let mut same_code = shooting_row("2025-12-31", "7", &elsewhere);
    same_code[0] = "2.2";
    let preview = run(&w, &exported(&[same_code]));
    assert_eq!(
        preview.problems,
        [at(2, "Code", Problem::CodeTaken("2.2".into()))]
    );
}

#[test]
fn the_same_id_twice_is_reported_on_both_rows() {
    let w = world();
    let a = SHOOTING.to_string();
    let mut twice = shooting_row("2025-12-31", "3", &a);
    twice[0] = "2.9";
    let preview = run(&w, &exported(&[shooting_row("2025-12-31", "3", &a), twice]));
    let rows: Vec<(usize, &Problem)> = preview
        .problems
        .iter()
        .filter(|p| matches!(p.problem, Problem::DuplicateId(_)))
        .map(|p| (p.row, &p.problem))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].0, rows[1].0), (2, 3));
}

#[test]
fn ids_without_versions_are_refused_as_a_mapping() {
    let w = world();
    let a = SHOOTING.to_string();
    let row = shooting_row("2026-09-30", "3", &a);
    let s = sheet(&HEADERS[..9], &[&row[..9]]);
    let preview = run(&w, &s);
    assert!(
        preview
            .problems
            .iter()
            .any(|p| p.row == 0 && p.problem == Problem::Unmapped(Field::Version)),
        "{:?}",
        preview.problems
    );
}

#[test]
fn an_updated_row_may_keep_its_code_but_not_take_another_items() {
    let w = world();
    let a = SHOOTING.to_string();
    let mut takes = shooting_row("2025-12-31", "3", &a);
    takes[0] = "2.2";
    let preview = run(&w, &exported(&[takes]));
    assert_eq!(
        preview.problems,
        [at(2, "Code", Problem::CodeTaken("2.2".into()))]
    );
}
