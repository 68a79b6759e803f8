//! The follow-up between sessions: each side's progress reports on the items under way,
//! dated from the item's start to the day the data set is as of, their percent following
//! how fast that side works (some ahead, some behind: done, overdue and at-risk items), a few
//! corrected after they were sent; and activities (courses, visits, exercises…), most
//! carried out under an item.

use super::profile::as_of;
use super::{Gen, words};
use chrono::{Days, NaiveDate};
use taawun_core::*;
use taawun_store::Write;

const KINDS: &[(ActivityKind, words::Tri)] = &[
    (
        ActivityKind::Course,
        ("دورة تكوينية", "Stage de formation", "Training course"),
    ),
    (
        ActivityKind::ExpertExchange,
        ("تبادل الخبراء", "Échange d'experts", "Expert exchange"),
    ),
    (
        ActivityKind::Visit,
        ("زيارة دراسية", "Visite d'étude", "Study visit"),
    ),
    (
        ActivityKind::Exercise,
        ("تمرين مشترك", "Exercice conjoint", "Joint exercise"),
    ),
    (ActivityKind::Conference, ("ندوة", "Séminaire", "Seminar")),
];

pub(super) fn make(g: &mut Gen) {
    progress(g);
    activities(g);
}

/// The last day an item is reported on: a little past its due date, and not after the
/// day the data set is as of.
fn reported_until(due: NaiveDate) -> NaiveDate {
    (due + Days::new(90)).min(as_of())
}

fn progress(g: &mut Gen) {
    // Items under way, and how many months each has been reported on: reports are shared
    // out in proportion, so an old item has many and a new one few.
    let under_way: Vec<(usize, usize)> = g
        .world
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| !i.cancelled && i.start_on < as_of())
        .map(|(n, i)| {
            let months = (reported_until(i.due_on) - i.start_on).num_days().max(30) / 30;
            (n, months as usize)
        })
        .collect();
    let months: usize = under_way.iter().map(|(_, m)| m).sum();
    let total = g.sizes.progress;
    let mut counts: Vec<usize> = under_way
        .iter()
        .map(|(_, m)| total * m / months.max(1))
        .collect();
    let given: usize = counts.iter().sum();
    for _ in given..total {
        let k = g.dice.below(counts.len());
        counts[k] += 1;
    }
    for ((n, _), count) in under_way.into_iter().zip(counts) {
        reports(g, n, count);
    }
}

/// The day an item is finished, if it is: three in four of those due more than a month
/// before the day the data set is as of (around their due date), a few of the others early;
/// the rest stay open, some behind their schedule (overdue, at risk).
fn finished_on(g: &mut Gen, start: NaiveDate, due: NaiveDate) -> Option<NaiveDate> {
    let day = if due + Days::new(30) <= as_of() && g.dice.chance(75) {
        let early = (due - Days::new(60)).max(start + Days::new(1));
        g.dice.day(early, due + Days::new(60))
    } else if g.dice.chance(8) {
        let length = (due - start).num_days().max(1) as u64;
        g.dice.day(start + Days::new(length * 6 / 10), due)
    } else {
        return None;
    };
    (day > start && day <= as_of()).then_some(day)
}

/// `count` reports on item `n`, oldest first, the sides taking turns; when the item is
/// finished, the last report of each side says 100% on the day it was.
fn reports(g: &mut Gen, n: usize, count: usize) {
    let item = &g.world.items[n];
    let (id, start, due) = (item.id, item.start_on, item.due_on);
    let sides = item.lead_parties.clone();
    let finished = finished_on(g, start, due).filter(|_| count >= sides.len());
    let until = finished.unwrap_or_else(|| reported_until(due));
    let span = (until - start).num_days().max(1) as usize;
    let mut days: Vec<NaiveDate> = (0..count)
        .map(|_| start + Days::new(1 + g.dice.below(span) as u64))
        .collect();
    days.sort_unstable();
    // How fast each side works against its schedule: 55% to 140%, or, on an item that
    // gets finished, against the day it is.
    let pace: Vec<f64> = sides.iter().map(|_| 0.55 + 0.85 * g.dice.unit()).collect();
    let first = g.dice.below(sides.len());
    let length = (finished.unwrap_or(due) - start).num_days().max(1) as f64;
    let finals = count - finished.map_or(0, |_| sides.len());
    for (r, mut day) in days.into_iter().enumerate() {
        let mut side = (first + r) % sides.len();
        let elapsed = (day - start).num_days() as f64 / length;
        let percent = match finished {
            Some(f) if r >= finals => {
                (side, day) = ((r - finals) % sides.len(), f);
                100
            }
            Some(_) => (100.0 * elapsed * (0.85 + 0.2 * g.dice.unit()))
                .round()
                .clamp(0.0, 99.0) as u8,
            None => (100.0 * pace[side] * elapsed).round().clamp(0.0, 100.0) as u8,
        };
        let status = if percent == 100 {
            ItemStatus::Done
        } else if g.dice.chance(3) {
            ItemStatus::OnHold
        } else {
            ItemStatus::InProgress
        };
        let sentence = *g.dice.pick(words::SENTENCES);
        let narrative = g.tri(sentence);
        let protection = if g.dice.chance(80) {
            Protection::default()
        } else {
            g.protection(&[sides[side]])
        };
        let at = g.moment(day);
        let mut record = ProgressUpdate {
            id: g.id(at),
            item_id: id,
            reported_on: day,
            party_id: sides[side],
            percent,
            status,
            narrative,
            indicator_actual: None,
            example: true,
            protection,
            reporter: None,
            version: 0,
        };
        g.save(at, Write::Progress(record.clone()));
        // One report in seven is corrected a few days later.
        let corrected = day + Days::new(g.dice.between(1, 10) as u64);
        if g.dice.chance(15) && corrected <= as_of() {
            let sentence = *g.dice.pick(words::SENTENCES);
            record.narrative = g.tri(sentence);
            record.version = 1;
            let at = g.moment(corrected);
            g.save(at, Write::Progress(record));
        }
    }
}

fn activities(g: &mut Gen) {
    for _ in 0..g.sizes.activities {
        let (kind, name) = *g.dice.pick(KINDS);
        let under_item = g.dice.chance(85) && !g.world.items.is_empty();
        let (item_id, parties, start, title_tail) = if under_item {
            let n = g.dice.below(g.world.items.len());
            let item = &g.world.items[n];
            let start = g.dice.day(item.start_on, item.due_on.max(item.start_on));
            let item = &g.world.items[n];
            let c = &g.world.commissions[item.commission];
            let area = g.world.areas[item.area].1;
            (Some(item.id), c.parties.clone(), start, area)
        } else {
            let c = g.dice.below(g.world.commissions.len());
            let from = NaiveDate::from_ymd_opt(2021, 1, 4).unwrap_or_default();
            let to = NaiveDate::from_ymd_opt(2027, 12, 1).unwrap_or_default();
            let start = g.dice.day(from, to);
            let area = g.dice.pick(&g.world.areas).1;
            (None, g.world.commissions[c].parties.clone(), start, area)
        };
        let host = *g.dice.pick(&parties);
        let host_party = g.world.parties[host].id;
        let host_organisation = *g.dice.pick(&g.world.parties[host].organisations);
        let place = if host == 0 {
            let city = *g.dice.pick(words::HOST_CITIES);
            LocalizedText::new(city.0, city.1, city.2)
        } else {
            let cap = &g.world.parties[host].capital;
            LocalizedText::new(&cap.0, &cap.1, &cap.2)
        };
        let title = g.text(
            &format!("{}: {}", name.0, title_tail.0),
            &format!("{}\u{202f}: {}", name.1, title_tail.1),
            &format!("{}: {}", name.2, title_tail.2),
        );
        let participants = parties
            .iter()
            .map(|p| Participation {
                party_id: g.world.parties[*p].id,
                count: g.dice.between(2, 30) as u32,
            })
            .collect();
        let party_ids: Vec<Id> = parties.iter().map(|p| g.world.parties[*p].id).collect();
        let protection = g.protection(&party_ids);
        let end = start + Days::new(g.dice.between(0, 10) as u64);
        let at = g.moment(start - Days::new(30));
        let id = g.id(at);
        g.save(
            at,
            Write::Activity(Activity {
                id,
                kind,
                title,
                item_id,
                start_on: start,
                end_on: end,
                host_party_id: host_party,
                host_organisation_id: Some(host_organisation),
                place,
                participants,
                example: true,
                protection,
                version: 0,
            }),
        );
    }
}
