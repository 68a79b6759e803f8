//! Agreements of each commission, with their articles: drafted, then signed (at one of
//! the commission's sessions when one was held), then in force — three saves, as their
//! lifecycle is recorded.

use super::profile::{as_of, first_day};
use super::world::AgreementMade;
use super::{Gen, words};
use chrono::{Datelike, Days, NaiveDate};
use taawun_core::*;
use taawun_store::Write;

pub(super) fn make(g: &mut Gen) {
    let commissions = g.world.commissions.len();
    let per_commission = g.dice.split(g.sizes.agreements, commissions, 1);
    let clause_counts = g.dice.split(g.sizes.clauses, g.sizes.agreements, 3);
    let mut clause_counts = clause_counts.into_iter();
    for (c, count) in per_commission.into_iter().enumerate() {
        for n in 0..count {
            let clauses = clause_counts.next().unwrap_or(3);
            agreement(g, c, n + 1, clauses);
        }
    }
}

fn agreement(g: &mut Gen, c: usize, n: usize, clause_count: usize) {
    let party_ids = g.world.commissions[c].party_ids.clone();
    let held: Vec<(Id, NaiveDate)> = g.world.commissions[c]
        .sessions
        .iter()
        .filter(|s| s.record.end_on <= as_of())
        .map(|s| (s.record.id, s.record.end_on))
        .collect();
    let (session_id, signed) = if !held.is_empty() && g.dice.chance(70) {
        let (id, day) = *g.dice.pick(&held);
        (Some(id), day)
    } else {
        (None, g.dice.day(first_day(), as_of()))
    };
    let status_draw = g.dice.below(100);
    let (area_id, area) = *g.dice.pick(&g.world.areas);
    let head = *g.dice.pick(words::AGREEMENT_TITLES);
    let title = g.text(
        &format!("{} {}", head.0, area.0),
        &format!("{} {}", head.1, area.1),
        &format!("{} {}", head.2, area.2),
    );
    let kind = AgreementKind::ALL[words::AGREEMENT_TITLES
        .iter()
        .position(|t| *t == head)
        .unwrap_or(0)
        % AgreementKind::ALL.len()];
    let summary = *g.dice.pick(words::SENTENCES);
    let summary = g.tri(summary);
    let protection = g.protection(&party_ids);
    let drafted = signed - Days::new(g.dice.between(20, 120) as u64);
    let at = g.moment(drafted);
    let iso = g.world.parties[g.world.commissions[c].parties[1]]
        .iso
        .clone();
    let mut record = Agreement {
        id: g.id(at),
        kind,
        reference: Some(format!("MA-{iso}-{}-{n:03}", signed.year())),
        title,
        summary,
        party_ids,
        status: Lifecycle::Draft,
        signed_on: None,
        signed_place: LocalizedText::default(),
        signatory_ids: vec![],
        commission_id: Some(g.world.commissions[c].id),
        session_id: None,
        in_force_on: None,
        ended_on: None,
        duration_months: g.dice.chance(50).then_some(60),
        renewal_terms: LocalizedText::default(),
        notice_months: Some(6),
        links: vec![],
        protection,
        version: 0,
    };
    g.save(at, Write::Agreement(record.clone()));
    let clauses = clauses(
        g,
        record.id,
        clause_count,
        area_id,
        drafted,
        &record.protection,
    );
    g.world.commissions[c].agreements.push(AgreementMade {
        id: record.id,
        signed_on: None,
        clauses,
    });
    // One in ten stays a draft.
    if status_draw < 10 {
        return;
    }
    record.status = Lifecycle::Signed;
    record.signed_on = Some(signed);
    record.session_id = session_id;
    let parties = &g.world.commissions[c].parties;
    record.signatory_ids = parties[..2]
        .iter()
        .map(|p| g.world.parties[*p].people[0])
        .collect();
    record.version = 1;
    let at = g.moment(signed);
    g.save(at, Write::Agreement(record.clone()));
    if let Some(made) = g.world.commissions[c].agreements.last_mut() {
        made.signed_on = Some(signed);
    }
    let in_force = signed + Days::new(g.dice.between(30, 180) as u64);
    if status_draw < 25 || in_force > as_of() {
        return;
    }
    record.status = Lifecycle::InForce;
    record.in_force_on = Some(in_force);
    record.version = 2;
    let at = g.moment(in_force);
    g.save(at, Write::Agreement(record));
}

/// The agreement's articles, numbered from 1, written when it is drafted.
fn clauses(
    g: &mut Gen,
    agreement: Id,
    count: usize,
    area: Id,
    drafted: NaiveDate,
    agreement_protection: &Protection,
) -> Vec<Id> {
    let mut ids = Vec::with_capacity(count);
    for number in 1..=count {
        let heading = words::HEADINGS[(number - 1) % words::HEADINGS.len()];
        let heading = g.tri(heading);
        let (a, b) = (
            *g.dice.pick(words::SENTENCES),
            *g.dice.pick(words::SENTENCES),
        );
        let text = g.text(
            &format!("{} {}", a.0, b.0),
            &format!("{} {}", a.1, b.1),
            &format!("{} {}", a.2, b.2),
        );
        // Articles mostly share their agreement's protection; some are marked apart.
        let protection = if g.dice.chance(85) {
            *agreement_protection
        } else {
            g.protection(&[])
        };
        let at = g.moment(drafted);
        let id = g.id(at);
        g.save(
            at,
            Write::Clause(Clause {
                id,
                agreement_id: agreement,
                number: number as u32,
                heading,
                text,
                area_ids: if number == 2 { vec![area] } else { vec![] },
                example: true,
                protection,
                version: 0,
            }),
        );
        ids.push(id);
    }
    ids
}
