//! `import::prepare` on Morocco–Mali sheets: planted errors reported on exactly their row
//! and column, with their sentences in Arabic, French and English; clean rows and an Arabic
//! export built back into the right items.

mod import_world;

use import_world::*;
use taawun_core::import::{Field, Mapping, Problem, RowProblem, fields, prepare};
use taawun_core::rules::{Rule, RuleError};
use taawun_core::sheet::{Cell, Sheet};
use taawun_core::*;
use taawun_i18n::{FieldLabel, ProblemWording, guess_mapping};

/// Rows 2–14 of a French sheet, each wrong in one planted way except rows 2 and 14; row 13
/// is blank.
#[rustfmt::skip]
fn error_sheet() -> Sheet {
    sheet(
        &FR_HEADERS,
        &[
            /*  2 */ &["1.1", "Formation des officiers d'état-major", "تكوين ضباط الأركان", "Formation", "FAR", "FAMa", "15/01/2026", "30/06/2026"],
            /*  3 */ &["1.2", "Stage de déminage", "دورة في إزالة الألغام", "training", "FAR", "Garde nationale", "01/02/2026", "31/05/2026"],
            /*  4 */ &["2.1", "Échange d'instructeurs", "تبادل المدربين", "Échange d'expertise", "FAR", "FAMa", "", ""],
            /*  5 */ &["1.3", "Exercice conjoint", "تمرين مشترك", "Lutte contre le terrorisme", "FAR", "FAMa", "31/02/2026", "30/09/2026"],
            /*  6 */ &["1.4", "", "", "Enseignement militaire", "FAR", "FAMa", "", ""],
            /*  7 */ &["1.6", "Séminaire sur la sécurité au Sahel", "ندوة حول الأمن في منطقة الساحل", "Formation", "FAR", "FAMa", "", ""],
            /*  8 */ &["1.6", "Visite d'études", "زيارة دراسية", "Formation", "FAR", "FAMa", "", ""],
            /*  9 */ &["1.7", "Cyberdéfense des réseaux", "الدفاع السيبراني عن الشبكات", "Cyberdéfense", "FAR", "FAMa", "", ""],
            /* 10 */ &["1.8", "Stage de parachutisme", "دورة في القفز المظلي", "Formation", "FAR", "FAMa", "01/09/2026", "01/03/2026"],
            /* 11 */ &["1.9", "Formation au renseignement", "التكوين في مجال الاستعلامات", "Formation", "FAR", "FAR", "", ""],
            /* 12 */ &["1.10", "Soutien sanitaire", "الدعم الصحي", "Formation", "", "FAMa", "", ""],
            /* 13 */ &["", "", "", "", "", "", "", ""],
            /* 14 */ &["1.11", "Formation des formateurs", "تكوين المكونين", "التكوين", "القوات المسلحة الملكية", "القوات المسلحة المالية", "١٥/٠٣/٢٠٢٦", "٣٠.٠٦.٢٠٢٦"],
        ],
    )
}

#[test]
#[rustfmt::skip]
fn each_planted_error_is_reported_on_its_row_and_column() {
    let world = World::new();
    let preview = run(&world, &error_sheet());
    let unknown = Problem::UnknownOrganisation { value: "Garde nationale".into(), party: MALI };
    let other_party = Problem::OrganisationOfOtherParty { value: "FAR".into(), party: MALI };
    let due_before_start = Problem::Rule(RuleError::new("due_on", Rule::DueBeforeStart));
    let expected = vec![
        at(3, "Chef de file — Mali", unknown),
        at(4, "Code", Problem::CodeTaken("2.1".into())),
        at(5, "Date de début", Problem::BadDate("31/02/2026".into())),
        at(6, "Titre (français)", Problem::Missing(Field::Title(Lang::Fr))),
        at(7, "Code", Problem::DuplicateCode("1.6".into())),
        at(8, "Code", Problem::DuplicateCode("1.6".into())),
        at(9, "Domaine de coopération", Problem::UnknownArea("Cyberdéfense".into())),
        at(10, "Échéance", due_before_start),
        at(11, "Chef de file — Mali", other_party),
        at(12, "Chef de file — Maroc", Problem::Missing(Field::Lead(MOROCCO))),
    ];
    assert_eq!(preview.problems, expected);
    assert!(!preview.is_clean());
    // The blank row 13 is skipped and not counted; every other row gives an item.
    assert_eq!(preview.rows, 12);
    let codes: Vec<&str> = preview.items.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "1.1", "1.2", "2.1", "1.3", "1.4", "1.6", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11"
        ]
    );
}

#[test]
#[rustfmt::skip]
fn problems_read_as_sentences_in_the_three_languages() {
    let world = World::new();
    let preview = run(&world, &error_sheet());
    let on = |row: usize| preview.problems.iter().find(|p| p.row == row).expect("a problem on the row");
    let cases: [(usize, Lang, &str); 15] = [
        (3, Lang::Fr, "Organisme inconnu «\u{202f}Garde nationale\u{202f}» pour la partie Mali."),
        (3, Lang::Ar, "الهيئة «Garde nationale» غير معروفة ضمن هيئات مالي."),
        (3, Lang::En, "Unknown organisation “Garde nationale” for Mali."),
        (5, Lang::Fr, "La date «\u{202f}31/02/2026\u{202f}» de la colonne «\u{202f}Date de début\u{202f}» n'est pas valide\u{202f}; formats acceptés\u{202f}: 15/03/2026 ou 2026-03-15."),
        (5, Lang::Ar, "التاريخ «\u{2068}31/02/2026\u{2069}» في العمود «Date de début» غير صالح؛ الصيغ المقبولة مثل \u{2066}15/03/2026\u{2069} أو \u{2066}2026-03-15\u{2069}."),
        (5, Lang::En, "The date “31/02/2026” in column “Date de début” is not valid; accepted forms: 15/03/2026 or 2026-03-15."),
        (6, Lang::Ar, "العنوان فارغ، ويلزم إدخاله بلغة واحدة على الأقل."),
        (7, Lang::Fr, "Le code «\u{202f}1.6\u{202f}» figure plusieurs fois dans le fichier."),
        (4, Lang::En, "The code “2.1” is already used by an item of this plan."),
        (9, Lang::Ar, "مجال التعاون «Cyberdéfense» غير معروف."),
        (10, Lang::Fr, "échéance\u{202f}: ne peut pas précéder la date de début."),
        (10, Lang::Ar, "الأجل: يجب ألا يسبق تاريخ البداية."),
        (11, Lang::Ar, "الهيئة «FAR» تابعة لطرف آخر، وليست من هيئات مالي."),
        (11, Lang::Fr, "L'organisme «\u{202f}FAR\u{202f}» relève d'une autre partie, pas de la partie Mali."),
        (12, Lang::En, "The lead body for Morocco is not given."),
    ];
    for (row, lang, want) in cases {
        assert_eq!(on(row).message(lang, &world.parties), want, "row {row} in {lang:?}");
    }
}

#[test]
fn every_problem_has_a_sentence_in_each_language() {
    let world = World::new();
    let mut problems = run(&world, &error_sheet()).problems;
    let lone = |problem| RowProblem {
        row: 0,
        column: None,
        problem,
    };
    problems.extend([
        lone(Problem::Unmapped(Field::Title(Lang::Ar))),
        lone(Problem::Unmapped(Field::Area)),
        lone(Problem::Unmapped(Field::Lead(MALI))),
        lone(Problem::Missing(Field::Code)),
        lone(Problem::BadDate("demain".into())),
    ]);
    for p in &problems {
        let [ar, fr, en] = Lang::ALL.map(|l| p.message(l, &world.parties));
        assert!(
            ar.contains(|c: char| ('\u{0621}'..='\u{064A}').contains(&c)),
            "{ar}"
        );
        assert_ne!(fr, en, "{p:?}");
        for m in [&ar, &fr, &en] {
            assert!(m.ends_with('.'), "{p:?}: {m}");
        }
    }
    assert_eq!(
        lone(Problem::Unmapped(Field::Lead(MALI))).message(Lang::Fr, &world.parties),
        "Aucune colonne n'est associée au champ «\u{202f}Chef de file — Mali\u{202f}», qui est obligatoire."
    );
    assert_eq!(
        lone(Problem::Unmapped(Field::Area)).message(Lang::Ar, &world.parties),
        "لم يُربط أي عمود بالحقل «مجال التعاون»، وهو حقل إلزامي."
    );
}

#[test]
fn clean_rows_become_items_of_the_plan() {
    let world = World::new();
    let preview = run(&world, &error_sheet());
    let first = &preview.items[0];
    assert_eq!(first.id, Id::from_u128(0xF001));
    assert_eq!(first.plan_id, PLAN);
    assert_eq!(
        first.title,
        text(
            "تكوين ضباط الأركان",
            "Formation des officiers d'état-major",
            ""
        )
    );
    assert_eq!(first.area_id, TRAINING);
    let leads: Vec<(Id, Id)> = first
        .leads
        .iter()
        .map(|l| (l.party_id, l.organisation_id))
        .collect();
    assert_eq!(leads, [(MOROCCO, FAR), (MALI, FAMA)]);
    assert_eq!(
        (first.start_on, first.due_on),
        (Some(day(2026, 1, 15)), Some(day(2026, 6, 30)))
    );
    assert_eq!(first.status, ItemStatus::Planned);
    assert_eq!(first.protection, world.plan.protection);
    assert_eq!((first.version, first.example), (0, false));
    assert!(first.clause_ids.is_empty() && first.indicator.is_none());

    // Row 14: Arabic names, the area's Arabic name with its article, Arabic-Indic digits.
    let last = preview.items.last().unwrap();
    assert_eq!(last.area_id, TRAINING);
    assert_eq!(
        last.leads
            .iter()
            .map(|l| l.organisation_id)
            .collect::<Vec<_>>(),
        [FAR, FAMA]
    );
    assert_eq!(
        (last.start_on, last.due_on),
        (Some(day(2026, 3, 15)), Some(day(2026, 6, 30)))
    );
}

#[test]
fn an_export_in_arabic_imports_back_clean() {
    let world = World::new();
    let headers: Vec<String> = fields(&world.parties)
        .iter()
        .map(|f| f.label(Lang::Ar, &world.parties))
        .collect();
    assert_eq!(
        headers,
        [
            "الرمز",
            "العنوان (بالعربية)",
            "العنوان (بالفرنسية)",
            "العنوان (بالإنجليزية)",
            "الوصف (بالعربية)",
            "الوصف (بالفرنسية)",
            "الوصف (بالإنجليزية)",
            "مجال التعاون",
            "الهيئة المكلّفة — المغرب",
            "الهيئة المكلّفة — مالي",
            "تاريخ البداية",
            "الأجل",
            "المعرّف",
            "النسخة",
        ]
    );
    let mapping = guess_mapping(&headers, &world.parties, None);
    assert_eq!(
        mapping,
        Mapping(fields(&world.parties).into_iter().map(Some).collect())
    );

    let row =
        |code: &str, title: &str, area: &str, far: &str, fama: &str, start: Cell, due: Cell| {
            let mut cells = vec![
                cell(code),
                cell(title),
                Cell::Empty,
                Cell::Empty,
                cell("وصف مختصر للإجراء"),
                Cell::Empty,
                Cell::Empty,
            ];
            cells.extend([cell(area), cell(far), cell(fama), start, due]);
            cells
        };
    let sheet = Sheet {
        headers,
        rows: vec![
            // Tashkil and a missing hamza are spelling variants, not other names.
            row(
                "3.1",
                "تبادل الخبرات في مجال الهندسة العسكرية",
                "تبادل الخبرات",
                "القوات المسلّحة الملكيّة",
                "fama",
                Cell::Date(day(2026, 4, 1)),
                Cell::Date(day(2026, 12, 15)),
            ),
            row(
                "3.2",
                "مكافحة العبوات الناسفة",
                "مكافحة الارهاب",
                "far",
                "القوات المسلحة المالية",
                Cell::Number(46023.0),
                Cell::Number(46203.75),
            ),
            row(
                "3.3",
                "قبول ضباط ماليين في المدارس العسكرية المغربية",
                "military_education",
                "Forces armées royales",
                "Forces Armées Maliennes",
                Cell::Empty,
                Cell::Empty,
            ),
        ],
    };
    let preview = prepare(&sheet, &mapping, &world.ctx(), &mut counter());
    assert!(preview.is_clean(), "{:?}", preview.problems);
    let got: Vec<(&str, Id, Vec<Id>, Option<_>, Option<_>)> = preview
        .items
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.area_id,
                i.leads.iter().map(|l| l.organisation_id).collect(),
                i.start_on,
                i.due_on,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "3.1",
                EXPERTISE,
                vec![FAR, FAMA],
                Some(day(2026, 4, 1)),
                Some(day(2026, 12, 15))
            ),
            (
                "3.2",
                COUNTER_TERRORISM,
                vec![FAR, FAMA],
                Some(day(2026, 1, 1)),
                Some(day(2026, 6, 30))
            ),
            ("3.3", MILITARY_EDUCATION, vec![FAR, FAMA], None, None),
        ]
    );
    assert_eq!(
        preview.items[0].title,
        text("تبادل الخبرات في مجال الهندسة العسكرية", "", "")
    );
    assert_eq!(
        preview.items[0].description,
        text("وصف مختصر للإجراء", "", "")
    );
}
