//! Dashboard figures on a fixture of eight items whose answers are worked out by hand
//! below, on 1 June 2025 with the default rules (margin 15 points, silent after 90 days);
//! and the carry-over of the open ones; and, for every figure, that the list behind it
//! (`ItemFilter`) admits exactly the items it counted.

mod common;

use ItemStatus::*;
use chrono::NaiveDate;
use common::*;
use taawun_core::followup::*;
use taawun_core::*;

const AREA1: Id = Id::from_u128(0xA01);
const AREA2: Id = Id::from_u128(0xA02);

fn today() -> NaiveDate {
    day(2025, 6, 1)
}

fn id(n: u128) -> Id {
    Id::from_u128(0x1000 + n)
}

type Side = (ItemStatus, u8, Option<NaiveDate>);

/// Item `n` with side A led by `org_a` and side B by ORG_B.
fn facts(
    n: u128,
    area: Id,
    dates: (Option<NaiveDate>, Option<NaiveDate>),
    status: ItemStatus,
    percent: u8,
    (org_a, a): (Id, Side),
    b: Side,
) -> ItemFacts {
    let side = |party, organisation_id, (status, percent, last_report): Side| SideState {
        party_id: party,
        organisation_id,
        status,
        percent,
        last_report,
    };
    ItemFacts {
        id: id(n),
        plan_id: PLAN,
        commission_id: COMMISSION,
        agreement_id: None,
        area_id: area,
        start_on: dates.0,
        due_on: dates.1,
        status,
        percent,
        sides: vec![side(PARTY_A, org_a, a), side(PARTY_B, ORG_B, b)],
        protection: Protection::default(),
    }
}

fn fixture() -> Vec<ItemFacts> {
    let d = |m, dd| Some(day(2025, m, dd));
    let none = (Planned, 0, None);
    vec![
        // I1 done on both sides.
        facts(
            1,
            AREA1,
            (d(1, 1), d(12, 31)),
            Done,
            100,
            (ORG_A, (Done, 100, d(5, 1))),
            (Done, 100, d(5, 1)),
        ),
        // I2 due 1 May, still in progress: overdue (and so not listed at risk).
        facts(
            2,
            AREA1,
            (d(1, 1), d(5, 1)),
            InProgress,
            50,
            (ORG_A, (InProgress, 60, d(5, 20))),
            (InProgress, 40, d(5, 20)),
        ),
        // I3 cancelled, past its due date: counts in no tally, late in no list.
        facts(
            3,
            AREA1,
            (d(1, 1), d(3, 1)),
            Cancelled,
            30,
            (ORG_A, (InProgress, 30, d(2, 1))),
            (InProgress, 30, d(2, 1)),
        ),
        // I4 1 Jan → 1 Dec (334 days), 151 days gone: 45 % expected, 10 % done, behind by
        // 35 > 15: at risk.
        facts(
            4,
            AREA2,
            (d(1, 1), d(12, 1)),
            InProgress,
            10,
            (ORG_A2, (InProgress, 20, d(5, 15))),
            none,
        ),
        // I5 no start, due 20 June: nothing expected, never reported but no start to be
        // silent since; due within 30 days.
        facts(5, AREA2, (None, d(6, 20)), Planned, 0, (ORG_A, none), none),
        // I6 1 May → 15 Aug (106 days), 31 gone: 29 % expected, 25 % done: on track; due
        // within 90 days (by 30 August), not within 30 (by 1 July).
        facts(
            6,
            AREA2,
            (d(5, 1), d(8, 15)),
            InProgress,
            25,
            (ORG_A, (InProgress, 30, d(5, 25))),
            (InProgress, 20, d(5, 25)),
        ),
        // I7 on hold, no due date, last report 1 February: 120 days silent, at risk.
        facts(
            7,
            AREA1,
            (d(1, 1), None),
            OnHold,
            5,
            (ORG_A, (OnHold, 10, d(2, 1))),
            none,
        ),
        // I8 due today: not overdue; 100 % expected, 90 % done, within the margin.
        facts(
            8,
            AREA2,
            (d(3, 1), d(6, 1)),
            InProgress,
            90,
            (ORG_A, (InProgress, 90, d(5, 30))),
            (InProgress, 90, d(5, 30)),
        ),
    ]
}

fn tally(total: u32, done: u32, percent_sum: u32) -> Tally {
    Tally {
        total,
        done,
        percent_sum,
    }
}

#[test]
fn figures_worked_out_by_hand() {
    let f = figures(&fixture(), today(), &FollowupRules::default());
    // 8 items: I1 done, I3 cancelled, the 6 others open.
    assert_eq!((f.total, f.done, f.cancelled, f.open), (8, 1, 1, 6));
    // Done over the 7 not cancelled: 1/7.
    assert_eq!(f.rate_done, Some(1.0 / 7.0));
    // Percents of the 7 not cancelled: 100 + 50 + 10 + 0 + 25 + 5 + 90 = 280; 280 / 7 = 40 %.
    assert_eq!(f.rate_weighted, Some(0.4));
    // Area 1: I1 (done, 100), I2 (50), I7 (5) → 3 items, 1 done, 155.
    // Area 2: I4 (10), I5 (0), I6 (25), I8 (90) → 4 items, none done, 125.
    assert_eq!(
        f.by_area,
        vec![(AREA1, tally(3, 1, 155)), (AREA2, tally(4, 0, 125))]
    );
    // Each side's own state, cancelled I3 left out.
    // ORG_A leads side A of I1 (done, 100), I2 (60), I5 (0), I6 (30), I7 (10), I8 (90):
    //   6 items, 1 done, 290. ORG_A2 leads side A of I4 (20): 1, 0, 20.
    // ORG_B leads side B of all 7: 100 + 40 + 0 + 0 + 20 + 0 + 90 = 250, I1 done.
    assert_eq!(
        f.by_lead,
        vec![
            (ORG_A, tally(6, 1, 290)),
            (ORG_A2, tally(1, 0, 20)),
            (ORG_B, tally(7, 1, 250)),
        ]
    );
    // Party A = ORG_A + ORG_A2: 7 items, 1 done, 310.
    assert_eq!(
        f.by_side,
        vec![(PARTY_A, tally(7, 1, 310)), (PARTY_B, tally(7, 1, 250))]
    );
    assert_eq!(f.overdue, vec![id(2)]);
    // Soonest due first: I4 (1 December) before I7 (no due date).
    assert_eq!(f.at_risk, vec![id(4), id(7)]);
    // 1 June → 1 July: I8 (today), I5 (20 June).
    assert_eq!(f.due_within_30, vec![id(8), id(5)]);
    // 1 June → 30 August: the same, and I6 (15 August).
    assert_eq!(f.due_within_90, vec![id(8), id(5), id(6)]);

    assert_eq!(tally(3, 1, 155).rate_done(), Some(1.0 / 3.0));
    assert_eq!(tally(4, 0, 125).mean_percent(), Some(31.25));
    assert_eq!(Tally::default().rate_done(), None);
}

#[test]
fn figures_of_nothing_have_no_rates() {
    let f = figures(&[], today(), &FollowupRules::default());
    assert_eq!((f.total, f.rate_done, f.rate_weighted), (0, None, None));
    let cancelled: Vec<ItemFacts> = fixture()
        .into_iter()
        .filter(|i| i.status == Cancelled)
        .collect();
    let f = figures(&cancelled, today(), &FollowupRules::default());
    assert_eq!((f.total, f.cancelled, f.open), (1, 1, 0));
    assert_eq!((f.rate_done, f.rate_weighted), (None, None));
    assert!(f.by_area.is_empty() && f.by_side.is_empty() && f.overdue.is_empty());
}

#[test]
fn figures_do_not_depend_on_the_order_of_items() {
    let mut items = fixture();
    items.reverse();
    assert_eq!(
        figures(&items, today(), &FollowupRules::default()),
        figures(&fixture(), today(), &FollowupRules::default())
    );
}

#[test]
fn carry_over_groups_open_items_by_area() {
    // Open: I2, I7 in area 1; I4, I5, I6, I8 in area 2. Soonest due first, undated last.
    assert_eq!(
        carry_over(&fixture()),
        vec![
            (AREA1, vec![id(2), id(7)]),
            (AREA2, vec![id(8), id(5), id(6), id(4)]),
        ]
    );
    let closed: Vec<ItemFacts> = fixture()
        .into_iter()
        .filter(|i| !i.status.is_open())
        .collect();
    assert!(carry_over(&closed).is_empty());
}

/// The ids `filter` admits among the fixture's items, soonest due first (undated last),
/// then by id: the order of the figures' lists.
fn admitted(filter: ItemFilter) -> Vec<Id> {
    let mut items: Vec<ItemFacts> = fixture()
        .into_iter()
        .filter(|i| filter.admits(i, today(), &FollowupRules::default()))
        .collect();
    items.sort_by_key(|i| (i.due_on.is_none(), i.due_on, i.id));
    items.into_iter().map(|i| i.id).collect()
}

fn show(show: Show) -> ItemFilter {
    ItemFilter {
        show,
        ..ItemFilter::default()
    }
}

#[test]
fn each_headline_figure_lists_exactly_the_items_it_counted() {
    let f = figures(&fixture(), today(), &FollowupRules::default());
    let count = |s: Show| admitted(show(s)).len() as u32;
    assert_eq!(count(Show::All), f.total);
    assert_eq!(count(Show::Done), f.done);
    assert_eq!(count(Show::Open), f.open);
    assert_eq!(count(Show::Cancelled), f.cancelled);
    assert_eq!(count(Show::Counted), f.total - f.cancelled);
    assert_eq!(admitted(show(Show::Overdue)), f.overdue);
    assert_eq!(admitted(show(Show::AtRisk)), f.at_risk);
    assert_eq!(admitted(show(Show::Due30)), f.due_within_30);
    assert_eq!(admitted(show(Show::Due90)), f.due_within_90);
}

#[test]
fn each_group_tally_lists_exactly_the_items_it_counted() {
    let f = figures(&fixture(), today(), &FollowupRules::default());
    let check = |tallies: &[(Id, Tally)], group: &dyn Fn(Id) -> ItemFilter| {
        assert!(!tallies.is_empty());
        for (id, tally) in tallies {
            let among = |s: Show| ItemFilter {
                show: s,
                ..group(*id)
            };
            assert_eq!(admitted(among(Show::Counted)).len() as u32, tally.total);
            assert_eq!(admitted(among(Show::Done)).len() as u32, tally.done);
            // Cancelled items count in no group, whatever is shown.
            assert_eq!(admitted(among(Show::All)).len() as u32, tally.total);
            assert!(admitted(among(Show::Cancelled)).is_empty());
        }
    };
    check(&f.by_area, &|id| ItemFilter {
        area: Some(id),
        ..ItemFilter::default()
    });
    check(&f.by_lead, &|id| ItemFilter {
        lead: Some(id),
        ..ItemFilter::default()
    });
    check(&f.by_side, &|id| ItemFilter {
        side: Some(id),
        ..ItemFilter::default()
    });
}

#[test]
fn a_group_lists_its_late_items_as_the_headline_does() {
    // Area 1 holds I2 (overdue) and I7 (at risk); area 2 holds I4 (at risk).
    let area = |id, s| ItemFilter {
        area: Some(id),
        show: s,
        ..ItemFilter::default()
    };
    assert_eq!(admitted(area(AREA1, Show::Overdue)), vec![id(2)]);
    assert_eq!(admitted(area(AREA1, Show::AtRisk)), vec![id(7)]);
    assert_eq!(admitted(area(AREA2, Show::AtRisk)), vec![id(4)]);
    // ORG_B's side of I1 is done; no side led by ORG_A2 is.
    let lead = |id, s| ItemFilter {
        lead: Some(id),
        show: s,
        ..ItemFilter::default()
    };
    assert_eq!(admitted(lead(ORG_B, Show::Done)), vec![id(1)]);
    assert!(admitted(lead(ORG_A2, Show::Done)).is_empty());
    // Each figure has its own name in a list's query.
    let mut keys = Show::ALL.map(Show::key).to_vec();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), Show::ALL.len());
}
