//! `import::prepare` row by row: blank rows skipped with the sheet's row numbers kept, a
//! required column missing reported once, generated codes, the rules' own findings placed
//! in their column, and a 10,000-row sheet.

mod import_world;

use import_world::*;
use taawun_core::import::{Field, Problem, RowProblem};
use taawun_core::rules::{Rule, RuleError};
use taawun_core::sheet::{Cell, Sheet};
use taawun_core::*;
use taawun_i18n::ProblemWording;

#[test]
fn blank_rows_are_skipped_and_row_numbers_stay_the_sheets() {
    let world = World::new();
    let mut s = sheet(
        &FR_HEADERS,
        &[
            &["", "", "", "", "", "", "", ""],
            &[
                "1.1",
                "Stage de tir",
                "دورة في الرماية",
                "Formation",
                "FAR",
                "FAMa",
                "",
                "",
            ],
            &["  ", "\t", "", "", "", "", "", ""],
            &[
                "1.2",
                "Stage de tir",
                "دورة في الرماية",
                "Formation",
                "FAR",
                "Inconnu",
                "",
                "",
            ],
        ],
    );
    s.rows.push(vec![Cell::Empty; 8]);
    let preview = run(&world, &s);
    assert_eq!((preview.rows, preview.items.len()), (2, 2));
    assert_eq!(
        preview.problems,
        [at(
            5,
            "Chef de file — Mali",
            Problem::UnknownOrganisation {
                value: "Inconnu".into(),
                party: MALI
            }
        )]
    );
}

#[test]
fn a_row_with_only_a_note_in_an_ignored_column_is_reported_not_dropped() {
    let world = World::new();
    let mut headers = FR_HEADERS.to_vec();
    headers.push("Observations");
    let s = sheet(&headers, &[&["", "", "", "", "", "", "", "", "à revoir"]]);
    let preview = run(&world, &s);
    assert_eq!(preview.rows, 1);
    let problems: Vec<&Problem> = preview.problems.iter().map(|p| &p.problem).collect();
    assert_eq!(
        problems,
        [
            &Problem::Missing(Field::Code),
            &Problem::Missing(Field::Title(Lang::Fr)),
            &Problem::Missing(Field::Area),
            &Problem::Missing(Field::Lead(MOROCCO)),
            &Problem::Missing(Field::Lead(MALI)),
        ]
    );
}

#[test]
fn without_required_columns_the_mapping_is_reported_once_and_codes_are_generated() {
    let mut world = World::new();
    world.existing_codes.push("IMP-0002".into());
    let s = sheet(
        &["Titre (français)"],
        &[&["Stage de tir"], &["Visite d'études"], &["Séminaire"]],
    );
    let preview = run(&world, &s);
    let lone = |problem| RowProblem {
        row: 0,
        column: None,
        problem,
    };
    // Not repeated on each row, neither by the import nor by the rules ("a lead for each party").
    assert_eq!(
        preview.problems,
        [
            lone(Problem::Unmapped(Field::Area)),
            lone(Problem::Unmapped(Field::Lead(MOROCCO))),
            lone(Problem::Unmapped(Field::Lead(MALI))),
        ]
    );
    let codes: Vec<&str> = preview.items.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["IMP-0001", "IMP-0003", "IMP-0004"]);

    let untitled = run(&world, &sheet(&["Code"], &[&["1.1"]]));
    assert_eq!(
        untitled.problems[0],
        lone(Problem::Unmapped(Field::Title(Lang::Ar)))
    );
    assert!(
        untitled.problems.iter().all(|p| p.row == 0),
        "{:?}",
        untitled.problems
    );
}

#[test]
fn what_the_rules_still_find_points_at_its_column() {
    let world = World::new();
    let long = "ت".repeat(20_001);
    let s = sheet(
        &FR_HEADERS,
        &[&["1.1", "Stage", &long, "Formation", "FAR", "FAMa", "", ""]],
    );
    let preview = run(&world, &s);
    assert_eq!(
        preview.problems,
        [at(
            2,
            "Titre (arabe)",
            Problem::Rule(RuleError::new("title", Rule::TooLong { max: 20_000 }))
        )]
    );
    assert_eq!(
        preview.problems[0].message(Lang::Fr, &world.parties),
        "titre\u{202f}: trop long (20\u{202f}000 caractères au plus)."
    );
}

#[test]
fn ten_thousand_rows_prepare_clean() {
    let world = World::new();
    let orgs = [
        ("FAR", "FAMa"),
        ("القوات المسلحة الملكية", "القوات المسلحة المالية"),
        ("Forces Armées Royales", "Malian Armed Forces"),
    ];
    let areas = [
        "training",
        "Échange d'expertise",
        "مكافحة الإرهاب",
        "Military education",
    ];
    let rows: Vec<Vec<Cell>> = (0..10_000)
        .map(|n| {
            let (far, fama) = orgs[n % orgs.len()];
            vec![
                // Chapters 3 and up: the plan already holds 2.1 and 2.2.
                cell(&format!("{}.{}", n / 100 + 3, n % 100 + 1)),
                cell(&format!("Action de coopération n° {n}")),
                cell(&format!("إجراء التعاون رقم {n}")),
                cell(areas[n % areas.len()]),
                cell(far),
                cell(fama),
                Cell::Date(day(2026, 1, 1) + chrono::Days::new((n % 200) as u64)),
                cell(&format!("{:02}/12/2026", n % 28 + 1)),
            ]
        })
        .collect();
    let s = Sheet {
        headers: FR_HEADERS.map(String::from).to_vec(),
        rows,
    };
    let preview = run(&world, &s);
    assert!(
        preview.is_clean(),
        "{:?}",
        &preview.problems[..preview.problems.len().min(5)]
    );
    assert_eq!((preview.rows, preview.items.len()), (10_000, 10_000));
    let last = &preview.items[9_999];
    assert_eq!(last.code, "102.100");
    assert_eq!(last.area_id, MILITARY_EDUCATION);
    assert_eq!(
        last.leads
            .iter()
            .map(|l| l.organisation_id)
            .collect::<Vec<_>>(),
        [FAR, FAMA]
    );
    assert_eq!(last.due_on, Some(day(2026, 12, 4)));
}
