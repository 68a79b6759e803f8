//! Action plans of 5 to 200 items (most small, a few large), and their items: a lead body
//! on each side of the commission, dates from 2021 to 2028, an indicator on some. Some
//! items are edited after they are made (rescheduled, described) and a few cancelled by
//! the secretariat, as happens between sessions.

use super::profile::as_of;
use super::world::ItemMade;
use super::{Gen, words};
use chrono::{Days, NaiveDate};
use taawun_core::*;
use taawun_store::Write;

const PLAN_TITLE: words::Tri = (
    "خطة عمل التعاون رقم {}",
    "Plan d'action de coopération n° {}",
    "Cooperation action plan no. {}",
);

pub(super) fn make(g: &mut Gen) {
    let sizes = plan_sizes(g);
    let commissions = g.world.commissions.len();
    for (p, size) in sizes.into_iter().enumerate() {
        // The first commission holds the two first plans, the largest: the benchmark's
        // partner reader shares a commission of many items with the host.
        let c = if p < 2 { 0 } else { g.dice.below(commissions) };
        plan(g, p, c, size);
    }
}

/// Plan sizes adding up to the profile's items: between its bounds, most near the
/// smallest (a cubed draw), the first one as large as allowed.
fn plan_sizes(g: &mut Gen) -> Vec<usize> {
    let (min, max) = (g.sizes.plan_min, g.sizes.plan_max);
    let mut left = g.sizes.items;
    let mut sizes = Vec::new();
    while left > 0 {
        let u = g.dice.unit();
        let mut size = if sizes.is_empty() {
            max
        } else {
            min + ((max - min) as f64 * u * u * u) as usize
        };
        size = size.min(left);
        if left - size < min {
            size = left;
        }
        sizes.push(size);
        left -= size;
    }
    sizes
}

fn plan(g: &mut Gen, p: usize, c: usize, size: usize) {
    let party_ids = g.world.commissions[c].party_ids.clone();
    let sessions: Vec<(Id, NaiveDate)> = g.world.commissions[c]
        .sessions
        .iter()
        .filter(|s| s.record.end_on <= as_of())
        .map(|s| (s.record.id, s.record.end_on))
        .collect();
    let (session_id, start) = if !sessions.is_empty() && g.dice.chance(80) {
        let (id, day) = *g.dice.pick(&sessions);
        (
            Some(id),
            day.max(NaiveDate::from_ymd_opt(2021, 1, 4).unwrap_or_default()),
        )
    } else {
        let from = NaiveDate::from_ymd_opt(2021, 1, 4).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default();
        (None, g.dice.day(from, to))
    };
    let agreements: Vec<(Id, Vec<Id>)> = g.world.commissions[c]
        .agreements
        .iter()
        .filter(|a| a.signed_on.is_some())
        .map(|a| (a.id, a.clauses.clone()))
        .collect();
    let agreement =
        (!agreements.is_empty() && g.dice.chance(80)).then(|| g.dice.pick(&agreements).clone());
    let number = format!("{}", p + 1);
    let title = g.text(
        &PLAN_TITLE.0.replace("{}", &number),
        &PLAN_TITLE.1.replace("{}", &number),
        &PLAN_TITLE.2.replace("{}", &number),
    );
    // The first plan holds the items naming the rare word: open to its readers.
    let protection = if p == 0 {
        Protection::default()
    } else {
        g.protection(&party_ids)
    };
    let made = start.min(as_of());
    let at = g.moment(made);
    let id = g.id(at);
    let years = g.dice.between(2, 4) as u64;
    g.save(
        at,
        Write::Plan(ActionPlan {
            id,
            commission_id: g.world.commissions[c].id,
            agreement_id: agreement.as_ref().map(|a| a.0),
            session_id,
            title,
            start_on: Some(start),
            end_on: Some(start + Days::new(365 * years)),
            protection,
            version: 0,
        }),
    );
    let clauses = agreement.map(|a| a.1).unwrap_or_default();
    for n in 0..size {
        let rare = p == 0 && n < g.sizes.rare;
        item(g, id, c, n, start, made, &clauses, rare);
    }
}

#[allow(clippy::too_many_arguments)]
fn item(
    g: &mut Gen,
    plan_id: Id,
    c: usize,
    n: usize,
    plan_start: NaiveDate,
    made: NaiveDate,
    clauses: &[Id],
    rare: bool,
) {
    let parties = g.world.commissions[c].parties.clone();
    let party_ids = g.world.commissions[c].party_ids.clone();
    let area = g.dice.below(g.world.areas.len());
    let (area_id, area_name) = g.world.areas[area];
    let action = *g.dice.pick(words::ACTIONS);
    let object = *g.dice.pick(words::OBJECTS);
    let title = (
        format!("{} {} في مجال {}", action.0, object.0, area_name.0),
        format!("{} {} — {}", action.1, object.1, area_name.1),
        format!("{} {} ({})", action.2, object.2, area_name.2),
    );
    let title_text = g.text(&title.0, &title.1, &title.2);
    let description = if rare {
        LocalizedText::new(words::RARE.0, words::RARE.1, words::RARE.2)
    } else if g.dice.chance(40) {
        let s = *g.dice.pick(words::SENTENCES);
        g.tri(s)
    } else {
        LocalizedText::default()
    };
    let leads = parties
        .iter()
        .map(|p| Lead {
            party_id: g.world.parties[*p].id,
            organisation_id: *g.dice.pick(&g.world.parties[*p].organisations),
        })
        .collect();
    let start = plan_start + Days::new(g.dice.below(365) as u64);
    let due = start + Days::new(g.dice.between(60, 900) as u64);
    let indicator = g.dice.chance(15).then(|| Indicator {
        name: LocalizedText::new(
            "عدد المستفيدين",
            "Nombre de bénéficiaires",
            "Number of beneficiaries",
        ),
        unit: LocalizedText::new("شخص", "personnes", "people"),
        baseline: 0.0,
        target: g.dice.between(20, 200) as f64,
        direction: Direction::HigherIsBetter,
    });
    let clause_ids = if !clauses.is_empty() && g.dice.chance(50) {
        vec![*g.dice.pick(clauses)]
    } else {
        vec![]
    };
    let protection = if rare {
        Protection::default()
    } else {
        g.protection(&party_ids)
    };
    let at = g.moment(made);
    let mut record = ActionItem {
        id: g.id(at),
        plan_id,
        code: format!("{}.{}", 1 + n / 20, 1 + n % 20),
        title: title_text,
        description,
        area_id,
        clause_ids,
        leads,
        start_on: Some(start),
        due_on: Some(due),
        status: ItemStatus::Planned,
        cancel_reason: LocalizedText::default(),
        indicator,
        example: true,
        protection,
        version: 0,
    };
    g.save(at, Write::Item(record.clone()));
    let mut cancelled = false;
    let edited = made + Days::new(g.dice.between(30, 200) as u64);
    let edit = g.dice.below(100);
    if edited <= as_of() && edit < 42 {
        if edit < 2 && !rare {
            cancelled = true;
            record.status = ItemStatus::Cancelled;
            record.cancel_reason =
                g.text("لم يعد ذا موضوع", "Devenu sans objet", "No longer relevant");
        } else if edit < 22 {
            record.due_on = Some(due + Days::new(g.dice.between(30, 120) as u64));
        } else if !rare {
            let s = *g.dice.pick(words::SENTENCES);
            record.description = g.tri(s);
        }
        record.version = 1;
        let at = g.moment(edited);
        g.save(at, Write::Item(record.clone()));
    }
    g.world.items.push(ItemMade {
        id: record.id,
        commission: c,
        lead_parties: party_ids,
        start_on: start,
        due_on: record.due_on.unwrap_or(due),
        cancelled,
        area,
    });
}
