//! Times `import::prepare` on a 10,000-row sheet of the Morocco–Mali plan, with 200
//! organisations per party and 40 areas so that lookups are not trivially short lists.
//!
//!     cargo run --release -p taawun-core --example import_prepare_bench

use std::time::{Duration, Instant};
use taawun_core::import::{ImportContext, fields, guess_mapping_with, prepare};
use taawun_core::sheet::{Cell, Sheet};
use taawun_core::*;

const ROWS: usize = 10_000;
const RUNS: usize = 10;

fn text(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

fn party(iso: &str, ar: &str, fr: &str) -> Party {
    Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some(iso.into()),
        name: text(ar, fr, fr),
        short_name: text(ar, fr, fr),
        protection: Default::default(),
        version: 0,
    }
}

fn organisation(party_id: Id, n: usize, side: &str) -> Organisation {
    Organisation {
        id: new_id(),
        party_id,
        parent_id: None,
        name: text(
            &format!("المديرية رقم {n} {side}"),
            &format!("Direction n° {n} {side}"),
            &format!("Directorate {n} {side}"),
        ),
        acronym: Some(format!("D{n}{side}")),
        protection: Default::default(),
        version: 0,
    }
}

fn main() {
    let parties = vec![party("MA", "المغرب", "Maroc"), party("ML", "مالي", "Mali")];
    let mut organisations = Vec::new();
    for n in 0..200 {
        organisations.push(organisation(parties[0].id, n, "MA"));
        organisations.push(organisation(parties[1].id, n, "ML"));
    }
    let areas: Vec<Area> = (0..40)
        .map(|n| Area {
            id: new_id(),
            code: format!("area_{n}"),
            name: text(
                &format!("المجال {n}"),
                &format!("Domaine {n}"),
                &format!("Area {n}"),
            ),
            protection: Default::default(),
            version: 0,
        })
        .collect();
    let plan = ActionPlan {
        id: new_id(),
        commission_id: new_id(),
        agreement_id: None,
        session_id: None,
        title: text("خطة العمل", "Plan d'action", "Action plan"),
        start_on: None,
        end_on: None,
        protection: Default::default(),
        version: 0,
    };
    let existing_codes: Vec<String> = (1..=500).map(|n| format!("0.{n}")).collect();
    let ctx = ImportContext {
        plan: &plan,
        parties: &parties,
        organisations: &organisations,
        areas: &areas,
        existing_codes: &existing_codes,
        existing: &[],
    };

    // One column per field, headed by the field's key (the labels are words, kept in
    // taawun-i18n; keys are guessed the same way), names in the three languages.
    let all = fields(&parties);
    let headers: Vec<String> = all.iter().map(|f| f.key(&parties)).collect();
    let rows: Vec<Vec<Cell>> = (0..ROWS)
        .map(|n| {
            let t = |s: String| Cell::Text(s);
            let o = n % 200;
            vec![
                t(format!("{}.{}", n / 100 + 1, n % 100 + 1)),
                t(format!("إجراء التعاون رقم {n}")),
                t(format!("Action de coopération n° {n}")),
                Cell::Empty,
                t("وصف الإجراء".into()),
                t("Description de l'action".into()),
                Cell::Empty,
                t(format!("Domaine {}", n % 40)),
                t(format!("D{o}MA")),
                t(format!("المديرية رقم {o} ML")),
                t(format!("{:02}/01/2026", n % 28 + 1)),
                Cell::Number(46203.0),
            ]
        })
        .collect();
    let sheet = Sheet { headers, rows };
    let mapping = guess_mapping_with(&sheet.headers, &parties, None, |f, _| f.key(&parties));
    assert!(mapping.0.iter().all(Option::is_some), "every column mapped");

    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let preview = prepare(&sheet, &mapping, &ctx, &mut new_id);
        times.push(started.elapsed());
        assert!(preview.is_clean(), "{:?}", &preview.problems[..1]);
        assert_eq!(preview.items.len(), ROWS);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "prepare: {ROWS} rows, {} organisations, {} areas; {RUNS} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        organisations.len(),
        areas.len(),
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1]),
    );
}
