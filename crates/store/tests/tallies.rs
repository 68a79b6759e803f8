//! A dashboard's numbers (`Visible::item_counts`, from the tallies the triggers keep or
//! from a commission's own items) equal `figures` over the items the reader sees
//! (`Visible::item_facts`), and the banner learns the same marking either way — for readers
//! of each party and of none, at several clearances, in every kind of scope, on several
//! "today"s either side of the dates. Checked on generated data, and after each kind of
//! write that moves a tally: reports, a cancellation, a commission reclassified or given
//! another party, a plan made originator-only or moved to another commission, an item's
//! leads changed or reordered, an item reclassified. After each, the tallies kept are also
//! compared row for row with those added up afresh from the items.

#[allow(dead_code)]
#[path = "suite/fixtures.rs"]
mod fixtures;

use chrono::NaiveDate;
use fixtures::*;
use std::sync::Arc;
use taawun_core::followup::{FollowupRules, figures};
use taawun_core::*;
use taawun_store::{Durability, FactsScope, SqliteStore, Store, Visible};

fn reader(party_id: Option<Id>, clearance: Marking) -> Principal {
    Principal {
        user_id: None,
        role: Role::Reader,
        party_id,
        clearance,
        commissions: vec![],
    }
}

/// Compares both ways of counting for every reader, scope and day; returns how many of the
/// comparisons counted at least one item.
async fn agree(
    store: &SqliteStore,
    readers: &[Principal],
    scopes: &[FactsScope],
    days: &[NaiveDate],
) -> usize {
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let rules = FollowupRules::STANDARD;
    let mut counted = 0;
    for who in readers {
        for scope in scopes {
            let by_facts = Visible::new(shared.clone(), who.clone());
            let facts = by_facts.item_facts(*scope).await.unwrap();
            for today in days {
                let by_tally = Visible::new(shared.clone(), who.clone());
                let got = by_tally.item_counts(*scope, *today).await.unwrap();
                let expected = figures(&facts, *today, &rules).counts();
                assert_eq!(got, expected, "{who:?} {scope:?} on {today}");
                assert_eq!(
                    (by_tally.highest_marking(), by_tally.originator_only()),
                    (by_facts.highest_marking(), by_facts.originator_only()),
                    "the banner, {who:?} {scope:?}"
                );
                counted += usize::from(expected.total > 0);
            }
        }
    }
    tallies_are_fresh(store).await;
    counted
}

/// The rows the triggers kept, but for those that came back to nothing, are the rows the
/// migration adds up from the items as they are now.
async fn tallies_are_fresh(store: &SqliteStore) {
    let joined = "from action_items i
        join tally_viewers v on v.item_id = i.id
        join tally_scopes s on s.item_id = i.id";
    let checks = [
        (
            "tally_items",
            format!(
                "select s.scope, v.viewer, i.eff_marking, i.eff_originator is not null,
                        i.area_id, i.status, count(*), sum(i.percent)
                 {joined} group by 1, 2, 3, 4, 5, 6"
            ),
            "items <> 0 or percent_sum <> 0",
        ),
        (
            "tally_sides",
            format!(
                "select s.scope, v.viewer, i.eff_marking, i.eff_originator is not null,
                        d.party_id, d.organisation_id, d.status = 'done', count(*), sum(d.percent)
                 {joined} join item_sides d on d.item_id = i.id
                 where i.status <> 'cancelled' group by 1, 2, 3, 4, 5, 6, 7"
            ),
            "sides <> 0 or percent_sum <> 0",
        ),
        (
            "tally_dates",
            format!(
                "select s.scope, v.viewer, x.series, g.grain,
                        case g.grain when 'm' then substr(x.day, 1, 7) else x.day end,
                        i.eff_marking, count(*)
                 {joined} join tally_days x on x.item_id = i.id
                 join (select 'm' as grain union all select 'd') g
                 group by 1, 2, 3, 4, 5, 6"
            ),
            "items <> 0",
        ),
    ];
    for (table, fresh, kept) in checks {
        let kept = format!("select * from {table} where {kept}");
        let differ: i64 = sqlx::query_scalar(&format!(
            "select (select count(*) from ({fresh} except {kept}))
                  + (select count(*) from ({kept} except {fresh}))"
        ))
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(differ, 0, "{table} differs from the items");
        let negative: i64 = sqlx::query_scalar(&format!(
            "select count(*) from {table} where {}",
            if table == "tally_sides" {
                "sides < 0"
            } else {
                "items < 0"
            }
        ))
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(negative, 0, "{table} went below nothing");
    }
}

#[tokio::test]
async fn the_counts_equal_the_figures_on_generated_data() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let g = taawun_store::bench::generate(&store, 300, 800)
        .await
        .unwrap();
    let readers = [
        reader(None, Marking::Secret),
        reader(None, Marking::Unclassified),
        reader(Some(g.parties[0]), Marking::Restricted),
        reader(Some(g.parties[1]), Marking::Unclassified),
        reader(Some(g.parties[1]), Marking::Confidential),
        reader(Some(g.parties[0]), Marking::Secret),
    ];
    let mut scopes = vec![
        FactsScope::All,
        FactsScope::Party(g.parties[0]),
        FactsScope::Party(g.parties[1]),
    ];
    scopes.extend(
        g.commissions
            .iter()
            .take(2)
            .map(|c| FactsScope::Commission(*c)),
    );
    scopes.extend(
        g.agreements
            .iter()
            .take(2)
            .map(|a| FactsScope::Agreement(*a)),
    );
    let days = [-400i64, -30, 0, 1, 45, 400].map(|n| g.today + chrono::Duration::days(n));
    let counted = agree(&store, &readers, &scopes, &days).await;
    assert!(counted > 200, "{counted}");
}

/// Every kind of write that moves a tally, through the write path, each followed by the
/// comparison.
#[tokio::test]
async fn the_counts_follow_every_kind_of_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let s: &dyn Store = &store;
    let w = world(s).await;
    let a = actor();
    let d = |y, m, day| Some(date(y, m, day));
    // A second plan implements the agreement.
    let mut mou_plan = plan(&w.commission);
    mou_plan.agreement_id = Some(w.mou.id);
    let mou_plan = s.save_plan(&a, &mou_plan).await.unwrap();
    let mut items = Vec::new();
    for (n, (p, start, due)) in [
        (&w.plan, d(2025, 1, 1), d(2025, 5, 1)),
        (&w.plan, d(2025, 1, 1), d(2025, 12, 1)),
        (&w.plan, None, d(2025, 6, 20)),
        (&w.plan, None, None),
        (&mou_plan, d(2025, 2, 1), d(2025, 9, 30)),
        (&mou_plan, d(2024, 6, 1), d(2025, 3, 1)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut i = item(p, &format!("T.{n}"), &w.training, &[&w.far, &w.fama]);
        i.start_on = start;
        i.due_on = due;
        items.push(s.save_item(&a, &i).await.unwrap());
    }
    let readers = [
        reader(Some(w.morocco.id), Marking::Secret),
        reader(Some(w.morocco.id), Marking::Unclassified),
        reader(Some(w.mali.id), Marking::Restricted),
        reader(None, Marking::Secret),
    ];
    let scopes = [
        FactsScope::All,
        FactsScope::Party(w.morocco.id),
        FactsScope::Party(w.mali.id),
        FactsScope::Commission(w.commission.id),
        FactsScope::Agreement(w.mou.id),
    ];
    let days = [date(2025, 3, 1), date(2025, 6, 1), date(2026, 1, 1)];
    let check = async || agree(&store, &readers, &scopes, &days).await;
    assert!(check().await > 0);

    // Reports on both sides, one done.
    for (i, party, on, percent) in [
        (0, &w.morocco, date(2025, 4, 1), 30),
        (0, &w.mali, date(2025, 4, 2), 60),
        (1, &w.mali, date(2025, 2, 1), 10),
        (4, &w.morocco, date(2025, 5, 5), 80),
    ] {
        s.save_progress(&a, &progress(&items[i], party, on, percent))
            .await
            .unwrap();
    }
    bring_to(s, &w, &items[2], ItemStatus::Done).await;
    check().await;

    // A cancellation.
    bring_to(s, &w, &items[3], ItemStatus::Cancelled).await;
    check().await;

    // The commission reclassified: every item below it moves.
    let mut c = s.commission(w.commission.id).await.unwrap().unwrap();
    c.protection = marked(Marking::Confidential);
    let c = s.save_commission(&a, &c).await.unwrap();
    check().await;

    // A third party joins the commission, then leaves it.
    let third = s
        .save_party(&a, &party("SN", "السنغال", "Sénégal"))
        .await
        .unwrap();
    let mut joined = c.clone();
    joined.party_ids.push(third.id);
    let joined = s.save_commission(&a, &joined).await.unwrap();
    let with_third = [
        reader(Some(third.id), Marking::Secret),
        reader(Some(third.id), Marking::Unclassified),
    ];
    assert!(agree(&store, &with_third, &scopes, &days).await > 0);
    let mut left = joined.clone();
    left.party_ids.retain(|p| *p != third.id);
    s.save_commission(&a, &left).await.unwrap();
    assert_eq!(agree(&store, &with_third, &scopes, &days).await, 0);
    check().await;

    // A plan released to Morocco only.
    let mut p = s.plan(mou_plan.id).await.unwrap().unwrap();
    p.protection = originator_only(&w.morocco);
    let p = s.save_plan(&a, &p).await.unwrap();
    check().await;

    // An item's leads: another Moroccan lead body, then both sides in the other order.
    let other_body = s
        .save_organisation(&a, &organisation(&w.morocco, "Direction de la formation"))
        .await
        .unwrap();
    let mut i = s.item(items[1].id).await.unwrap().unwrap();
    i.leads = vec![lead(&other_body), lead(&w.fama)];
    let i = s.save_item(&a, &i).await.unwrap();
    check().await;
    let mut i = i;
    i.leads = vec![lead(&w.fama), lead(&w.far)];
    s.save_item(&a, &i).await.unwrap();
    check().await;

    // An item reclassified, another released to Mali only.
    let mut i = s.item(items[0].id).await.unwrap().unwrap();
    i.protection = marked(Marking::Secret);
    s.save_item(&a, &i).await.unwrap();
    let mut i = s.item(items[1].id).await.unwrap().unwrap();
    i.protection = originator_only(&w.mali);
    s.save_item(&a, &i).await.unwrap();
    check().await;

    // The plan moved to another commission of the same parties.
    let other = s
        .save_commission(&a, &commission(&w.morocco, &w.mali, "Autre commission"))
        .await
        .unwrap();
    let mut moved = p.clone();
    moved.commission_id = other.id;
    s.save_plan(&a, &moved).await.unwrap();
    let mut wider = scopes.to_vec();
    wider.push(FactsScope::Commission(other.id));
    assert!(agree(&store, &readers, &wider, &days).await > 0);
}

/// The agreements a dashboard reads for its deadlines are exactly those with a deadline in
/// the window — month ends, notice periods and open-ended agreements included — on every
/// day of a span, and follow an edit of the terms.
#[tokio::test]
async fn the_deadline_query_finds_exactly_the_agreements_due_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let s: &dyn Store = &store;
    let w = world(s).await;
    let mut saved = Vec::new();
    for (n, (start, months, notice)) in [
        (date(2024, 1, 31), Some(1), None),
        (date(2024, 1, 31), Some(13), Some(1)),
        (date(2023, 8, 31), Some(18), Some(6)),
        (date(2025, 2, 28), None, None),
        (date(2020, 3, 15), Some(60), Some(3)),
        (date(2025, 12, 31), Some(2), Some(1)),
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = agreement(&w.morocco, &w.mali, Some(start));
        a.reference = Some(format!("T-{n}"));
        a.in_force_on = Some(start);
        a.duration_months = months;
        a.notice_months = notice;
        saved.push(s.save_agreement(&actor(), &a).await.unwrap());
    }
    let windows = due_in_windows(s, &saved).await;
    assert!(windows > 100, "{windows}");
    // New terms move the agreement's deadlines with them.
    let mut moved = saved[4].clone();
    moved.in_force_on = Some(date(2024, 11, 30));
    moved.duration_months = Some(3);
    saved[4] = s.save_agreement(&actor(), &moved).await.unwrap();
    let mut ended = saved[3].clone();
    ended.in_force_on = None;
    saved[3] = s.save_agreement(&actor(), &ended).await.unwrap();
    assert!(due_in_windows(s, &saved).await > 100);
}

/// Checks `agreements_with_deadlines` against `agreement_deadlines` for 90-day windows
/// every third day from June 2023 to June 2026; returns how many agreements were due.
async fn due_in_windows(s: &dyn Store, saved: &[taawun_core::Agreement]) -> usize {
    use taawun_core::followup::agreement_deadlines;
    let mut day = date(2023, 6, 1);
    let mut windows = 0;
    while day < date(2026, 6, 1) {
        let end = day + chrono::Duration::days(90);
        let mut got = s.agreements_with_deadlines(day, end).await.unwrap();
        got.sort();
        let mut want: Vec<_> = saved
            .iter()
            .filter(|a| {
                agreement_deadlines(a)
                    .iter()
                    .any(|(_, d)| *d >= day && *d <= end)
            })
            .map(|a| a.id)
            .collect();
        want.sort();
        assert_eq!(got, want, "due between {day} and {end}");
        windows += want.len();
        day += chrono::Duration::days(3);
    }
    windows
}
