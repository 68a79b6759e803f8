//! The items behind a figure, selected in SQL (`Visible::item_window`), are exactly those
//! the figures' own filter admits (`ItemFilter::admits` over `Visible::item_facts`), in the
//! lists' order, page by page, with the count — for readers of each party and clearance,
//! every scope, every figure, every group, and several "today"s on either side of the
//! generated dates, so that the threshold dates are crossed both ways.

use std::sync::Arc;
use taawun_core::followup::{FollowupRules, ItemFacts, ItemFilter, Show};
use taawun_core::*;
use taawun_store::{Durability, FactsScope, SqliteStore, Store, Visible, Window};

fn reader(party_id: Option<Id>, clearance: Marking) -> Principal {
    Principal {
        user_id: None,
        role: Role::Reader,
        party_id,
        clearance,
        commissions: vec![],
    }
}

const ALL: Window = Window {
    offset: 0,
    limit: u64::MAX >> 1,
    count_to: u64::MAX >> 1,
};

fn order(f: &ItemFacts) -> (bool, Option<chrono::NaiveDate>, Id) {
    (f.due_on.is_none(), f.due_on, f.id)
}

#[tokio::test]
async fn the_window_holds_what_the_figures_filter_admits() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let g = taawun_store::bench::generate(&store, 300, 800)
        .await
        .unwrap();
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let everything = store.item_facts(FactsScope::All, None).await.unwrap();
    let areas: Vec<Id> = {
        let mut a: Vec<Id> = everything.iter().map(|f| f.area_id).collect();
        a.sort();
        a.dedup();
        a
    };
    let leads: Vec<Id> = {
        let mut o: Vec<Id> = everything
            .iter()
            .flat_map(|f| f.sides.iter().map(|s| s.organisation_id))
            .collect();
        o.sort();
        o.dedup();
        o
    };
    let readers = [
        reader(None, Marking::Secret),
        reader(Some(g.parties[0]), Marking::Restricted),
        reader(Some(g.parties[1]), Marking::Unclassified),
        reader(Some(g.parties[1]), Marking::Confidential),
    ];
    let mut scopes = vec![FactsScope::All, FactsScope::Party(g.parties[1])];
    scopes.extend(
        g.commissions
            .iter()
            .take(2)
            .map(|c| FactsScope::Commission(*c)),
    );
    scopes.extend(
        g.agreements
            .iter()
            .take(1)
            .map(|a| FactsScope::Agreement(*a)),
    );
    let mut filters = vec![];
    for show in Show::ALL {
        let base = ItemFilter {
            show,
            ..ItemFilter::default()
        };
        filters.push(base);
        filters.push(ItemFilter {
            area: Some(areas[0]),
            ..base
        });
        filters.push(ItemFilter {
            lead: Some(leads[0]),
            ..base
        });
        filters.push(ItemFilter {
            side: Some(g.parties[0]),
            ..base
        });
    }
    let days = [-400i64, -30, 45].map(|n| g.today + chrono::Duration::days(n));
    let rules = FollowupRules::STANDARD;
    let (mut compared, mut nonempty, mut partial) = (0, 0, 0);
    for who in &readers {
        let v = Visible::new(shared.clone(), who.clone());
        for scope in &scopes {
            let facts = v.item_facts(*scope).await.unwrap();
            for filter in &filters {
                for today in days {
                    let mut expected: Vec<ItemFacts> = facts
                        .iter()
                        .filter(|f| filter.admits(f, today, &rules))
                        .cloned()
                        .collect();
                    expected.sort_by_key(order);
                    let got = v.item_window(*scope, filter, today, ALL).await.unwrap();
                    assert_eq!(
                        got.rows, expected,
                        "{who:?} {scope:?} {filter:?} on {today}"
                    );
                    assert_eq!(got.count as usize, expected.len());
                    assert!(!got.more);
                    compared += 1;
                    nonempty += usize::from(!expected.is_empty());
                    partial += usize::from(!expected.is_empty() && expected.len() < facts.len());
                }
            }
        }
    }
    // The data exercised both outcomes of most conditions, or the check would prove little.
    assert!(
        compared > 1_000 && nonempty > 400 && partial > 300,
        "{compared} {nonempty} {partial}"
    );
}

/// Every figure's list, cut into pages, is the whole list, for a reader whose visibility is
/// one condition and one whose visibility is two parts: the date-bounded figures seek into
/// the due order (and the at-risk list merges its dated and undated parts) page by page.
#[tokio::test]
async fn each_figures_pages_join_into_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let g = taawun_store::bench::generate(&store, 400, 1_200)
        .await
        .unwrap();
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let rules = FollowupRules::STANDARD;
    let mut undated_at_risk = 0;
    for who in [
        reader(None, Marking::Secret),
        reader(Some(g.parties[0]), Marking::Restricted),
    ] {
        let v = Visible::new(shared.clone(), who.clone());
        let facts = v.item_facts(FactsScope::All).await.unwrap();
        for show in Show::ALL {
            let filter = ItemFilter {
                show,
                ..ItemFilter::default()
            };
            let mut expected: Vec<ItemFacts> = facts
                .iter()
                .filter(|f| filter.admits(f, g.today, &rules))
                .cloned()
                .collect();
            expected.sort_by_key(order);
            if show == Show::AtRisk {
                undated_at_risk += expected.iter().filter(|f| f.due_on.is_none()).count();
            }
            let mut joined = vec![];
            for page in 0.. {
                let w = Window {
                    offset: page * 7,
                    limit: 7,
                    count_to: 10,
                };
                let got = v
                    .item_window(FactsScope::All, &filter, g.today, w)
                    .await
                    .unwrap();
                if got.rows.is_empty() {
                    break;
                }
                joined.extend(got.rows);
            }
            assert_eq!(joined, expected, "{who:?} {show:?}");
        }
    }
    assert!(undated_at_risk > 0, "no undated item was at risk");
}

/// Pages cut the same list into consecutive slices, and the count stops at its bound and
/// says so.
#[tokio::test]
async fn pages_are_slices_of_the_list_and_the_count_stops_at_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let g = taawun_store::bench::generate(&store, 300, 600)
        .await
        .unwrap();
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let v = Visible::new(shared, reader(Some(g.parties[0]), Marking::Restricted));
    let all = ItemFilter::default();
    let whole = v
        .item_window(FactsScope::All, &all, g.today, ALL)
        .await
        .unwrap();
    assert!(whole.rows.len() > 100, "{}", whole.rows.len());
    let mut joined = vec![];
    for page in 0.. {
        let w = Window {
            offset: page * 25,
            limit: 25,
            count_to: 60,
        };
        let got = v
            .item_window(FactsScope::All, &all, g.today, w)
            .await
            .unwrap();
        assert_eq!(got.count, 60, "counted up to the bound");
        assert!(got.more, "and more match");
        if got.rows.is_empty() {
            break;
        }
        assert!(got.rows.len() <= 25);
        joined.extend(got.rows);
    }
    assert_eq!(joined, whole.rows);
    // A bound above the total counts exactly.
    let exact = Window {
        offset: 0,
        limit: 1,
        count_to: 100_000,
    };
    let got = v
        .item_window(FactsScope::All, &all, g.today, exact)
        .await
        .unwrap();
    assert_eq!(got.count as usize, whole.rows.len());
    assert!(!got.more);
    // A window asked for no count still holds its rows.
    let uncounted = Window {
        offset: 25,
        limit: 10,
        count_to: 0,
    };
    let got = v
        .item_window(FactsScope::All, &all, g.today, uncounted)
        .await
        .unwrap();
    assert_eq!(got.rows, whole.rows[25..35].to_vec());
    assert_eq!(got.count, 0);
}

/// A download of every item reads past SQLite's limit on a statement's parameters (32,766):
/// the 39,000-odd items a reader of no party sees of 40,000 come back whole, each with its
/// sides, as `Visible::item_facts` has them.
#[tokio::test]
async fn a_window_of_forty_thousand_items_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let g = taawun_store::bench::generate(&store, 40_000, 0)
        .await
        .unwrap();
    let got = store
        .item_window(
            &reader(None, Marking::Secret),
            FactsScope::All,
            &ItemFilter::default(),
            g.today,
            ALL,
        )
        .await
        .unwrap();
    let who = reader(None, Marking::Secret);
    let seen = Visible::new(Arc::new(store.clone()), who)
        .item_facts(FactsScope::All)
        .await
        .unwrap();
    assert!(got.rows.len() > 32_766, "{}", got.rows.len());
    let mut expected = seen;
    expected.sort_by_key(order);
    assert_eq!(got.rows, expected);
}
