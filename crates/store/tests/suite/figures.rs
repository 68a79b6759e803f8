//! Dashboard figures through the store and `Visible`, on a fixture worked out by hand:
//! hidden items (a secret one, one under a plan released to Morocco only) must not count
//! for a Malian reader, and do count for a Moroccan reader cleared Secret. The facts'
//! filter is also checked against `Visible::items`, record by record.

use super::fixtures::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use taawun_core::followup::{FollowupRules, Tally, carry_over, figures};
use taawun_core::*;
use taawun_store::{FactsScope, Store, Visible};

struct Fixture {
    w: World,
    /// Done on both sides.
    done: Id,
    /// Due 1 May, in progress: overdue.
    late: Id,
    /// 1 Jan → 1 Dec, 10 %: behind its 45 % schedule.
    behind: Id,
    /// Due 20 June, nothing reported.
    soon: Id,
    /// Marked secret, due 1 April: overdue for those who see it.
    secret: Id,
    /// Under a plan released to Morocco only, due 15 May.
    moroccan: Id,
    ma_plan: Id,
}

async fn fixture(store: &dyn Store) -> Fixture {
    let w = world(store).await;
    let a = actor();
    let d = |m, day| Some(date(2025, m, day));
    let save = async |i: ActionItem| store.save_item(&a, &i).await.unwrap();
    let dated = |code: &str, start, due| ActionItem {
        start_on: start,
        due_on: due,
        ..w.item(code)
    };
    let say = async |i: &ActionItem, party: &Party, on, status, percent| {
        let p = ProgressUpdate {
            status,
            ..progress(i, party, on, percent)
        };
        store.save_progress(&a, &p).await.unwrap();
    };
    use ItemStatus::*;
    let done = save(dated("1.1", d(1, 1), d(12, 31))).await;
    say(&done, &w.morocco, date(2025, 5, 1), Done, 100).await;
    say(&done, &w.mali, date(2025, 5, 1), Done, 100).await;
    let late = save(dated("1.2", d(1, 1), d(5, 1))).await;
    say(&late, &w.morocco, date(2025, 5, 20), InProgress, 60).await;
    say(&late, &w.mali, date(2025, 5, 20), InProgress, 40).await;
    let behind = save(dated("1.3", d(1, 1), d(12, 1))).await;
    say(&behind, &w.morocco, date(2025, 5, 15), InProgress, 20).await;
    let cancelled = save(dated("1.4", d(1, 1), d(3, 1))).await;
    bring_to(store, &w, &cancelled, Cancelled).await;
    let soon = save(dated("1.5", None, d(6, 20))).await;
    let secret = save(ActionItem {
        protection: marked(Marking::Secret),
        ..dated("1.6", d(1, 1), d(4, 1))
    })
    .await;
    let mut p = plan(&w.commission);
    p.protection = originator_only(&w.morocco);
    let ma_plan = store.save_plan(&a, &p).await.unwrap();
    let moroccan = item(&ma_plan, "M.1", &w.training, &[&w.far, &w.fama]);
    let moroccan = save(ActionItem {
        due_on: d(5, 15),
        ..moroccan
    })
    .await;
    Fixture {
        done: done.id,
        late: late.id,
        behind: behind.id,
        soon: soon.id,
        secret: secret.id,
        moroccan: moroccan.id,
        ma_plan: ma_plan.id,
        w,
    }
}

fn reader(party: &Party, clearance: Marking) -> Principal {
    Principal {
        user_id: Some(new_id()),
        role: Role::Reader,
        party_id: Some(party.id),
        clearance,
        commissions: vec![],
    }
}

fn tally(total: u32, done: u32, percent_sum: u32) -> Tally {
    Tally {
        total,
        done,
        percent_sum,
    }
}

pub async fn figures_count_only_what_the_reader_may_see(store: Arc<dyn Store>) {
    let f = fixture(&*store).await;
    let w = &f.w;
    let today = date(2025, 6, 1);
    let rules = FollowupRules::default();

    // A Malian reader cleared Restricted sees 1.1–1.5: not the secret 1.6, nor M.1.
    let mali = Visible::new(store.clone(), reader(&w.mali, Marking::Restricted));
    let facts = mali.item_facts(FactsScope::All).await.unwrap();
    let fig = figures(&facts, today, &rules);
    // 5 items: 1.1 done, 1.4 cancelled, 3 open.
    assert_eq!((fig.total, fig.done, fig.cancelled, fig.open), (5, 1, 1, 3));
    // 1 done of the 4 not cancelled.
    assert_eq!(fig.rate_done, Some(0.25));
    // Percents: 1.1 100, 1.2 (60 + 40) / 2 = 50, 1.3 (20 + 0) / 2 = 10, 1.5 0 → 160 / 4 = 40 %.
    assert_eq!(fig.rate_weighted, Some(0.4));
    assert_eq!(fig.by_area, vec![(w.training.id, tally(4, 1, 160))]);
    // Morocco's side: 100 + 60 + 20 + 0 = 180; Mali's: 100 + 40 + 0 + 0 = 140.
    let mut by_side = vec![
        (w.morocco.id, tally(4, 1, 180)),
        (w.mali.id, tally(4, 1, 140)),
    ];
    by_side.sort_by_key(|(id, _)| *id);
    assert_eq!(fig.by_side, by_side);
    assert_eq!(fig.overdue, vec![f.late]);
    // 1.3: 151 of 334 days gone, 45 % expected, 10 % done.
    assert_eq!(fig.at_risk, vec![f.behind]);
    assert_eq!(fig.due_within_30, vec![f.soon]);
    assert_eq!(fig.due_within_90, vec![f.soon]);
    assert_eq!(mali.highest_marking(), Marking::Unclassified);
    assert!(!mali.originator_only());

    // A Moroccan reader cleared Secret sees all seven.
    let morocco = Visible::new(store.clone(), reader(&w.morocco, Marking::Secret));
    let facts = morocco.item_facts(FactsScope::All).await.unwrap();
    let fig = figures(&facts, today, &rules);
    assert_eq!((fig.total, fig.done, fig.cancelled, fig.open), (7, 1, 1, 5));
    // 1 of 6; the two more items add 0 %: 160 / 6.
    assert_eq!(fig.rate_done, Some(1.0 / 6.0));
    assert_eq!(fig.rate_weighted, Some(160.0 / 600.0));
    // Soonest due first: 1.6 (1 April), 1.2 (1 May), M.1 (15 May).
    assert_eq!(fig.overdue, vec![f.secret, f.late, f.moroccan]);
    assert_eq!(fig.at_risk, vec![f.behind]);
    assert_eq!(morocco.highest_marking(), Marking::Secret);
    assert!(morocco.originator_only(), "M.1's plan is Moroccan-only");

    // Per commission and per party, the same filter holds.
    let scoped = mali
        .item_facts(FactsScope::Commission(w.commission.id))
        .await
        .unwrap();
    assert_eq!(scoped.len(), 5);
    let by_mali = mali.item_facts(FactsScope::Party(w.mali.id)).await.unwrap();
    assert_eq!(by_mali.len(), 5);
    // The carry-over proposed to the Malian reader: the open ones, soonest due first.
    assert_eq!(
        carry_over(&scoped),
        vec![(w.training.id, vec![f.late, f.soon, f.behind])]
    );

    // A scope naming a record the reader may not see is empty.
    let outsider = Visible::new(store.clone(), reader(&w.mali, Marking::Restricted));
    let mut hidden = commission(&w.morocco, &w.mali, "Commission secrète");
    hidden.protection = marked(Marking::Secret);
    let hidden = store.save_commission(&actor(), &hidden).await.unwrap();
    assert!(
        outsider
            .item_facts(FactsScope::Commission(hidden.id))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(facts.iter().any(|x| x.id == f.done));
}

/// For several readers, the items counted are exactly the items `Visible::items` returns
/// plan by plan: the facts' filter decides as `core::access::decide` does.
pub async fn item_facts_agree_with_visible_items(store: Arc<dyn Store>) {
    let f = fixture(&*store).await;
    let w = &f.w;
    let readers = [
        reader(&w.mali, Marking::Unclassified),
        reader(&w.mali, Marking::Secret),
        reader(&w.morocco, Marking::Restricted),
        reader(&w.morocco, Marking::Secret),
        Principal::visitor(),
    ];
    for who in readers {
        let v = Visible::new(store.clone(), who.clone());
        let counted: BTreeSet<Id> = v
            .item_facts(FactsScope::All)
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect();
        let mut listed = BTreeSet::new();
        for plan in [w.plan.id, f.ma_plan] {
            listed.extend(v.items(plan).await.unwrap().iter().map(|i| i.id));
        }
        assert_eq!(counted, listed, "{who:?}");
    }
}
