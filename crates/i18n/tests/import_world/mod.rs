//! The Morocco–Mali world of the import tests: the plan, both parties with their armed
//! forces, four areas of cooperation, and helpers to write sheets as a user types them.
// Each test uses part of the fixtures.
#![allow(dead_code)]

use chrono::NaiveDate;
use taawun_core::import::{ImportContext, Preview, Problem, RowProblem, prepare};
use taawun_core::sheet::{Cell, Sheet};
use taawun_core::*;
use taawun_i18n::guess_mapping;

pub const MOROCCO: Id = Id::from_u128(0x1A);
pub const MALI: Id = Id::from_u128(0x1B);
pub const FAR: Id = Id::from_u128(0x2A);
pub const FAMA: Id = Id::from_u128(0x2B);
pub const TRAINING: Id = Id::from_u128(0x41);
pub const EXPERTISE: Id = Id::from_u128(0x42);
pub const COUNTER_TERRORISM: Id = Id::from_u128(0x43);
pub const MILITARY_EDUCATION: Id = Id::from_u128(0x44);
pub const PLAN: Id = Id::from_u128(0x300);

/// The French headers of the error sheet, as the French export writes them.
pub const FR_HEADERS: [&str; 8] = [
    "Code",
    "Titre (français)",
    "Titre (arabe)",
    "Domaine de coopération",
    "Chef de file — Maroc",
    "Chef de file — Mali",
    "Date de début",
    "Échéance",
];

pub struct World {
    pub plan: ActionPlan,
    pub parties: Vec<Party>,
    pub organisations: Vec<Organisation>,
    pub areas: Vec<Area>,
    pub existing_codes: Vec<String>,
    /// Items already in the plan, which an exported sheet's rows update by id.
    pub existing: Vec<ActionItem>,
}

impl World {
    pub fn new() -> Self {
        World {
            plan: ActionPlan {
                id: PLAN,
                commission_id: Id::from_u128(0x100),
                agreement_id: None,
                session_id: None,
                title: text(
                    "خطة العمل المشتركة 2026",
                    "Plan d'action conjoint 2026",
                    "Joint action plan 2026",
                ),
                start_on: Some(day(2026, 1, 1)),
                end_on: Some(day(2026, 12, 31)),
                protection: Protection {
                    marking: Marking::Restricted,
                    ..Default::default()
                },
                version: 3,
            },
            parties: vec![
                party(
                    MOROCCO,
                    "MA",
                    ("المملكة المغربية", "Royaume du Maroc", "Kingdom of Morocco"),
                    ("المغرب", "Maroc", "Morocco"),
                ),
                party(
                    MALI,
                    "ML",
                    ("جمهورية مالي", "République du Mali", "Republic of Mali"),
                    ("مالي", "Mali", "Mali"),
                ),
            ],
            organisations: vec![
                organisation(
                    FAR,
                    MOROCCO,
                    (
                        "القوات المسلحة الملكية",
                        "Forces Armées Royales",
                        "Royal Armed Forces",
                    ),
                    "FAR",
                ),
                organisation(
                    FAMA,
                    MALI,
                    (
                        "القوات المسلحة المالية",
                        "Forces Armées Maliennes",
                        "Malian Armed Forces",
                    ),
                    "FAMa",
                ),
            ],
            areas: vec![
                area(TRAINING, "training", ("التكوين", "Formation", "Training")),
                area(
                    EXPERTISE,
                    "expertise_exchange",
                    (
                        "تبادل الخبرات",
                        "Échange d'expertise",
                        "Exchange of expertise",
                    ),
                ),
                area(
                    COUNTER_TERRORISM,
                    "counter_terrorism",
                    (
                        "مكافحة الإرهاب",
                        "Lutte contre le terrorisme",
                        "Counter-terrorism",
                    ),
                ),
                area(
                    MILITARY_EDUCATION,
                    "military_education",
                    (
                        "التعليم العسكري",
                        "Enseignement militaire",
                        "Military education",
                    ),
                ),
            ],
            existing_codes: vec!["2.1".into(), "2.2".into()],
            existing: Vec::new(),
        }
    }

    pub fn ctx(&self) -> ImportContext<'_> {
        ImportContext {
            plan: &self.plan,
            parties: &self.parties,
            organisations: &self.organisations,
            areas: &self.areas,
            existing_codes: &self.existing_codes,
            existing: &self.existing,
        }
    }
}

type Names<'a> = (&'a str, &'a str, &'a str);

fn party(id: Id, iso: &str, name: Names, short: Names) -> Party {
    Party {
        id,
        kind: PartyKind::State,
        iso_code: Some(iso.into()),
        name: text(name.0, name.1, name.2),
        short_name: text(short.0, short.1, short.2),
        protection: Default::default(),
        version: 1,
    }
}

fn organisation(id: Id, party_id: Id, name: Names, acronym: &str) -> Organisation {
    Organisation {
        id,
        party_id,
        parent_id: None,
        name: text(name.0, name.1, name.2),
        acronym: Some(acronym.into()),
        protection: Default::default(),
        version: 1,
    }
}

fn area(id: Id, code: &str, name: Names) -> Area {
    Area {
        id,
        code: code.into(),
        name: text(name.0, name.1, name.2),
        protection: Default::default(),
        version: 1,
    }
}

pub fn text(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A text cell as typed; an empty string is an empty cell.
pub fn cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.into())
    }
}

/// A sheet of text cells.
pub fn sheet(headers: &[&str], rows: &[&[&str]]) -> Sheet {
    Sheet {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|s| cell(s)).collect())
            .collect(),
    }
}

pub fn headers(sheet: &Sheet) -> &[String] {
    &sheet.headers
}

/// Predictable ids for new items: 0xF001, 0xF002…
pub fn counter() -> impl FnMut() -> Id {
    let mut n = 0xF000u128;
    move || {
        n += 1;
        Id::from_u128(n)
    }
}

/// Prepares a sheet under the mapping guessed from its headers.
pub fn run(world: &World, sheet: &Sheet) -> Preview {
    let mapping = guess_mapping(&sheet.headers, &world.parties, None);
    prepare(sheet, &mapping, &world.ctx(), &mut counter())
}

/// A problem in one cell.
pub fn at(row: usize, column: &str, problem: Problem) -> RowProblem {
    RowProblem {
        row,
        column: Some(column.to_string()),
        problem,
    }
}
