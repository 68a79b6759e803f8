//! Dates as secretariats type them in an imported sheet: day first, ISO, Arabic-Indic
//! digits, date cells and Excel serial numbers; anything else is reported with its text.

mod import_world;

use import_world::*;
use taawun_core::import::{Problem, prepare};
use taawun_core::sheet::{Cell, Sheet};
use taawun_i18n::guess_mapping;

/// One row with the given start cell under a minimal mapping.
fn start_of(cell_value: Cell) -> Result<Option<chrono::NaiveDate>, Problem> {
    let world = World::new();
    let sheet = Sheet {
        headers: [
            "Titre (français)",
            "Domaine de coopération",
            "Chef de file — Maroc",
            "Chef de file — Mali",
            "Date de début",
        ]
        .map(String::from)
        .to_vec(),
        rows: vec![vec![
            cell("Stage d'état-major"),
            cell("training"),
            cell("FAR"),
            cell("FAMa"),
            cell_value,
        ]],
    };
    let mapping = guess_mapping(&sheet.headers, &world.parties, None);
    let preview = prepare(&sheet, &mapping, &world.ctx(), &mut counter());
    match &preview.problems[..] {
        [] => Ok(preview.items[0].start_on),
        [p] if p.column.as_deref() == Some("Date de début") => Err(p.problem.clone()),
        other => panic!("unexpected problems {other:?}"),
    }
}

#[test]
fn dates_in_the_forms_secretariats_type() {
    let bad = |s: &str| Err(Problem::BadDate(s.into()));
    let d = |y, m, dd| Ok(Some(day(y, m, dd)));
    let cases: Vec<(Cell, Result<_, Problem>)> = vec![
        (cell("2026-03-15"), d(2026, 3, 15)),
        (cell("15/03/2026"), d(2026, 3, 15)),
        (cell("15.03.2026"), d(2026, 3, 15)),
        (cell("15-03-2026"), d(2026, 3, 15)),
        (cell("5/3/2026"), d(2026, 3, 5)),
        (cell(" 01/12/2026 "), d(2026, 12, 1)),
        // Arabic-Indic digits, Eastern Arabic-Indic digits, and a right-to-left mark.
        (cell("١٥/٠٣/٢٠٢٦"), d(2026, 3, 15)),
        (cell("۱۵/۰۳/۲۰۲۶"), d(2026, 3, 15)),
        (cell("\u{200F}٢٠٢٦-٠٣-١٥"), d(2026, 3, 15)),
        (Cell::Date(day(2026, 3, 15)), d(2026, 3, 15)),
        // Excel serials: 46023 is 2026-01-01; a time of day is dropped.
        (Cell::Number(46023.0), d(2026, 1, 1)),
        (Cell::Number(46096.5), d(2026, 3, 15)),
        (Cell::Number(32874.0), d(1990, 1, 1)),
        (Cell::Empty, Ok(None)),
        (cell("   "), Ok(None)),
        // Day first: 03/15 is no month.
        (cell("03/15/2026"), bad("03/15/2026")),
        (cell("31/02/2026"), bad("31/02/2026")),
        (cell("2026/03/15"), bad("2026/03/15")),
        (cell("15/03/26"), bad("15/03/26")),
        (cell("15 mars 2026"), bad("15 mars 2026")),
        (cell("2026-03-15T10:00"), bad("2026-03-15T10:00")),
        (cell("١٥/١٣/٢٠٢٦"), bad("١٥/١٣/٢٠٢٦")),
        // Numbers outside 1990–2100 are not dates: a year, a percentage.
        (Cell::Number(2026.0), bad("2026")),
        (Cell::Number(32873.0), bad("32873")),
        (Cell::Number(-1.0), bad("-1")),
        (Cell::Bool(true), bad("true")),
    ];
    let failures: Vec<String> = cases
        .into_iter()
        .filter_map(|(c, want)| {
            let got = start_of(c.clone());
            (got != want).then(|| format!("{c:?}: expected {want:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
