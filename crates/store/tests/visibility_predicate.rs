//! The SQL visibility predicate (`visibility::predicate`) selects exactly what `Visible`
//! shows. Generated commissions, sessions, agreements (with and without a commission),
//! clauses, plans, items, progress and activities, with random markings, releasabilities
//! and originators, are saved through the write path into a real database; then, for every
//! role, party (and none) and clearance, the ids and the count the predicate selects in each
//! table must equal those whose scope (`Visible::scope_of`, what `Visible` decides with) is
//! visible to that reader. Checked again after parents are re-protected, a commission's
//! parties change, an agreement joins a commission and an item moves to another plan.

#[allow(dead_code)]
#[path = "suite/fixtures.rs"]
mod fixtures;

use fixtures::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{Durability, SqliteStore, Store, Visible, visibility};

/// A small deterministic generator (64-bit LCG): each run generates the same data.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Clone>(&mut self, of: &[T]) -> T {
        of[self.below(of.len())].clone()
    }
    /// A protection as a ministry spreads them, originator-only a quarter of the time (to
    /// one of `parties`, which may include a party of another commission).
    fn protection(&mut self, parties: &[Id]) -> Protection {
        let marking = match self.below(100) {
            0..55 => Marking::Unclassified,
            55..80 => Marking::Restricted,
            80..93 => Marking::Confidential,
            _ => Marking::Secret,
        };
        let only = self.chance(25);
        Protection {
            marking,
            releasability: if only {
                Releasability::OriginatorOnly
            } else {
                Releasability::AllParties
            },
            // An originator is also named on some records released to all parties.
            originator: (only || self.chance(20)).then(|| self.pick(parties)),
        }
    }
}

/// Every table `Visible` filters, with the kind its ids are read back as.
const TABLES: [(&str, RecordKind); 13] = [
    ("parties", RecordKind::Party),
    ("organisations", RecordKind::Organisation),
    ("people", RecordKind::Person),
    ("areas", RecordKind::Area),
    ("ranks", RecordKind::Rank),
    ("commissions", RecordKind::Commission),
    ("sessions", RecordKind::Session),
    ("agreements", RecordKind::Agreement),
    ("clauses", RecordKind::Clause),
    ("action_plans", RecordKind::ActionPlan),
    ("action_items", RecordKind::ActionItem),
    ("progress_updates", RecordKind::ProgressUpdate),
    ("activities", RecordKind::Activity),
];

/// What was saved, as stored (current versions), for the changes after the first check.
struct Saved {
    parties: Vec<Party>,
    commissions: Vec<Commission>,
    agreements: Vec<Agreement>,
    plans: Vec<ActionPlan>,
    items: Vec<ActionItem>,
}

async fn generate(store: &SqliteStore, dice: &mut Dice) -> Saved {
    let a = actor();
    let mut parties = vec![];
    let mut orgs = vec![];
    for n in 0..5 {
        let iso = ["MA", "ML", "SN", "FR", "TN"][n];
        let mut p = party(iso, "", &format!("Partie {n}"));
        // A party's originator would be itself, whose id it does not have yet: marked only.
        p.protection.marking = dice.protection(&[Id::nil()]).marking;
        let p = store.save_party(&a, &p).await.unwrap();
        let mut o = organisation(&p, &format!("Organisme {n}"));
        o.protection = dice.protection(&[p.id]);
        orgs.push(store.save_organisation(&a, &o).await.unwrap());
        parties.push(p);
    }
    let ids: Vec<Id> = parties.iter().map(|p| p.id).collect();
    for n in 0..3 {
        let mut ar = area(["training", "logistics", "health"][n]);
        ar.protection = dice.protection(&ids);
        store.save_area(&a, &ar).await.unwrap();
        let mut pe = person(&parties[n], Some(&orgs[n]), &format!("Person {n}"));
        pe.protection = dice.protection(&ids);
        store.save_person(&a, &pe).await.unwrap();
        let rank = Rank {
            id: new_id(),
            party_id: parties[n].id,
            nato_code: format!("OF-{}", n + 2),
            label: text("", "Grade", ""),
            protection: dice.protection(&ids),
            version: 0,
        };
        store.save_rank(&a, &rank).await.unwrap();
    }
    let areas = store.areas().await.unwrap();

    let mut commissions = vec![];
    let mut agreements = vec![];
    let mut plans = vec![];
    let mut items = vec![];
    for c in 0..18 {
        let first = dice.below(5);
        let second = (first + 1 + dice.below(4)) % 5;
        let mut com = commission(
            &parties[first],
            &parties[second],
            &format!("Commission {c}"),
        );
        if dice.chance(30) {
            let third = (0..5).find(|i| *i != first && *i != second).unwrap();
            com.party_ids.push(ids[third]);
        }
        // Originators from the commission's parties, and sometimes an outsider.
        let mut reach = com.party_ids.clone();
        reach.push(dice.pick(&ids));
        com.protection = dice.protection(&reach);
        let com = store.save_commission(&a, &com).await.unwrap();
        let side = |i: usize| {
            let party = com.party_ids[i];
            orgs.iter().find(|o| o.party_id == party).unwrap().clone()
        };
        let (left, right) = (side(0), side(1));
        // Every side of the commission leads each item.
        let leads: Vec<Organisation> = (0..com.party_ids.len()).map(side).collect();
        let leads: Vec<&Organisation> = leads.iter().collect();
        let party_of = |o: &Organisation| parties.iter().find(|p| p.id == o.party_id).unwrap();

        for ordinal in 1..=2 {
            let start = date(2024, ordinal, 10);
            let mut s = session(&com, ordinal, start, start);
            s.protection = dice.protection(&reach);
            store.save_session(&a, &s).await.unwrap();
        }
        for with_commission in [true, false] {
            let mut ag = agreement(party_of(&left), party_of(&right), Some(date(2024, 3, 1)));
            if with_commission {
                ag.commission_id = Some(com.id);
            }
            ag.protection = dice.protection(&reach);
            let ag = store.save_agreement(&a, &ag).await.unwrap();
            for number in 1..=3 {
                let mut cl = clause(&ag, number);
                cl.protection = dice.protection(&reach);
                store.save_clause(&a, &cl).await.unwrap();
            }
            agreements.push(ag);
        }
        for batch in [false, false, true] {
            let mut pl = plan(&com);
            pl.protection = dice.protection(&reach);
            let pl = store.save_plan(&a, &pl).await.unwrap();
            let mut new_items = vec![];
            for n in 1..=9 {
                let mut it = item(&pl, &format!("{n}"), &dice.pick(&areas), &leads);
                it.protection = dice.protection(&reach);
                new_items.push(it);
            }
            // One plan in three is imported as a batch, the other path into the write path.
            let written = if batch {
                store.save_items(&a, &new_items, &|_| {}).await.unwrap()
            } else {
                let mut written = vec![];
                for it in &new_items {
                    written.push(store.save_item(&a, it).await.unwrap());
                }
                written
            };
            for it in written {
                for (k, o) in leads.iter().enumerate() {
                    let mut pr = progress(&it, party_of(o), date(2024, 4, 1 + k as u32), 20);
                    pr.protection = dice.protection(&reach);
                    store.save_progress(&a, &pr).await.unwrap();
                }
                if dice.chance(40) {
                    let mut ac = activity(Some(&it), party_of(&left), date(2024, 5, 1));
                    ac.protection = dice.protection(&reach);
                    store.save_activity(&a, &ac).await.unwrap();
                }
                // Reports change the item's status: keep the stored version.
                items.push(store.item(it.id).await.unwrap().unwrap());
            }
            plans.push(pl);
        }
        let mut loose = activity(None, party_of(&left), date(2024, 6, 1));
        loose.protection = dice.protection(&reach);
        store.save_activity(&a, &loose).await.unwrap();
        commissions.push(com);
    }
    Saved {
        parties,
        commissions,
        agreements,
        plans,
        items,
    }
}

/// Every reader: each role, each party and none, each clearance.
fn principals(parties: &[Id]) -> Vec<Principal> {
    let mut out = vec![];
    let sides = std::iter::once(None).chain(parties.iter().copied().map(Some));
    for party_id in sides {
        for role in Role::ALL {
            for clearance in Marking::ALL {
                out.push(Principal {
                    user_id: None,
                    role,
                    party_id,
                    clearance,
                    commissions: vec![],
                });
            }
        }
    }
    out
}

/// Asserts, for every table and reader, that the predicate selects exactly the records
/// `Visible` would show. Returns how many (table, reader) pairs saw something and how many
/// hid something, so the caller can tell the data exercised both.
/// `full`: every table must hold rows.
async fn agree(
    store: &SqliteStore,
    readers: &[Principal],
    when: &str,
    full: bool,
) -> (usize, usize) {
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let scopes = Visible::new(shared, Principal::visitor());
    let (mut saw, mut hid) = (0, 0);
    for (table, kind) in TABLES {
        let ids: Vec<String> = sqlx::query_scalar(&format!("select id from {table}"))
            .fetch_all(store.pool())
            .await
            .unwrap();
        if ids.is_empty() && !full {
            continue;
        }
        assert!(!ids.is_empty(), "{when}: {table} holds generated rows");
        let mut records = vec![];
        for id in &ids {
            let parsed: Id = id.parse().unwrap();
            let scope = scopes.scope_of(kind, parsed).await.unwrap().unwrap();
            records.push((id.clone(), scope));
        }
        for who in readers {
            let expected: BTreeSet<String> = records
                .iter()
                .filter(|(_, s)| s.visible_to(who))
                .map(|(id, _)| id.clone())
                .collect();
            let p = visibility::predicate(who, "t");
            let sql = format!("select t.id from {table} t where {}", p.sql);
            let got: Vec<(String,)> = p
                .bind(sqlx::query_as(&sql))
                .fetch_all(store.pool())
                .await
                .unwrap();
            let got: BTreeSet<String> = got.into_iter().map(|(id,)| id).collect();
            let sql = format!("select count(*) from {table} t where {}", p.sql);
            let (count,): (i64,) = p
                .bind(sqlx::query_as(&sql))
                .fetch_one(store.pool())
                .await
                .unwrap();
            assert_eq!(
                got, expected,
                "{when}: {table} for {who:?}: the predicate and Visible disagree"
            );
            assert_eq!(count as usize, expected.len(), "{when}: count of {table}");
            // The split a narrow reader's item lists use: two disjoint parts whose union
            // is the same set.
            if let Some((scoped, open)) = visibility::split(who, "t") {
                let mut union = BTreeSet::new();
                for part in [&scoped, &open] {
                    let sql = format!("select t.id from {table} t where {}", part.sql);
                    let rows: Vec<(String,)> = part
                        .bind(sqlx::query_as(&sql))
                        .fetch_all(store.pool())
                        .await
                        .unwrap();
                    for (id,) in rows {
                        assert!(union.insert(id), "{when}: {table}: the parts overlap");
                    }
                }
                assert_eq!(
                    union, expected,
                    "{when}: {table} for {who:?}: the split and Visible disagree"
                );
            }
            saw += usize::from(!expected.is_empty());
            hid += usize::from(expected.len() < ids.len());
        }
    }
    (saw, hid)
}

#[tokio::test]
async fn the_sql_predicate_selects_exactly_what_visible_shows() {
    let dir = tempfile::tempdir().unwrap();
    // Thousands of commits: not flushed one by one, which the test has no need of.
    let store = SqliteStore::open_with(&dir.path().join("taawun.db"), Durability::Normal)
        .await
        .unwrap();
    let mut dice = Dice(12);
    let mut saved = generate(&store, &mut dice).await;
    let party_ids: Vec<Id> = saved.parties.iter().map(|p| p.id).collect();
    let readers = principals(&party_ids);
    let (saw, hid) = agree(&store, &readers, "as generated", true).await;
    // Both outcomes occur across tables and readers, or the check would prove little.
    assert!(saw > 100 && hid > 100, "saw {saw}, hid {hid}");

    let a = actor();
    let ids: Vec<Id> = saved.parties.iter().map(|p| p.id).collect();
    // Parents re-protected after their children exist: the children must follow.
    for c in saved.commissions.iter_mut().step_by(2) {
        c.protection = dice.protection(&c.party_ids.clone());
        *c = store.save_commission(&a, c).await.unwrap();
    }
    for p in saved.plans.iter_mut().step_by(3) {
        p.protection = dice.protection(&ids);
        *p = store.save_plan(&a, p).await.unwrap();
    }
    for ag in saved.agreements.iter_mut().step_by(2) {
        ag.protection = dice.protection(&ids);
        *ag = store.save_agreement(&a, ag).await.unwrap();
    }
    for it in saved.items.iter_mut().step_by(5) {
        it.protection = dice.protection(&ids);
        *it = store.save_item(&a, it).await.unwrap();
    }
    // An item moves to another plan of its commission.
    let moving = &mut saved.items[0];
    let target = saved
        .plans
        .iter()
        .find(|p| {
            p.id != moving.plan_id
                && Some(p.commission_id) == commission_of(&saved.plans, moving.plan_id)
        })
        .unwrap();
    moving.plan_id = target.id;
    moving.code = "moved".into();
    *moving = store.save_item(&a, moving).await.unwrap();
    // A commission's parties change: one gains a party, another loses its third.
    let gains = &mut saved.commissions[1];
    let outsider = ids.iter().find(|p| !gains.party_ids.contains(p)).copied();
    gains.party_ids.extend(outsider);
    *gains = store.save_commission(&a, gains).await.unwrap();
    if let Some(c) = saved
        .commissions
        .iter_mut()
        .find(|c| c.party_ids.len() == 3)
    {
        c.party_ids.pop();
        *c = store.save_commission(&a, c).await.unwrap();
    }
    // An agreement of no commission joins one, and one leaves its commission.
    let joining = saved
        .agreements
        .iter_mut()
        .find(|g| g.commission_id.is_none())
        .unwrap();
    joining.commission_id = Some(saved.commissions[0].id);
    joining.party_ids = saved.commissions[0].party_ids[..2].to_vec();
    *joining = store.save_agreement(&a, joining).await.unwrap();
    let leaving = saved
        .agreements
        .iter_mut()
        .find(|g| {
            g.commission_id
                .is_some_and(|c| c != saved.commissions[0].id)
        })
        .unwrap();
    leaving.commission_id = None;
    *leaving = store.save_agreement(&a, leaving).await.unwrap();

    // An agreement names a commission that does not exist yet (nothing checks it), with a
    // clause; the commission comes later, and its parties are then the ones they reach.
    let late = commission(&saved.parties[3], &saved.parties[4], "Commission tardive");
    let mut early = agreement(&saved.parties[3], &saved.parties[4], None);
    early.commission_id = Some(late.id);
    let early = store.save_agreement(&a, &early).await.unwrap();
    store.save_clause(&a, &clause(&early, 1)).await.unwrap();
    agree(&store, &readers, "before the commission exists", true).await;
    store.save_commission(&a, &late).await.unwrap();
    agree(&store, &readers, "after the changes", true).await;
    search_agrees(&store, &readers, "after the changes").await;
    windows_agree(&store, &readers, &saved).await;
}

/// Search with the reader's visibility in the query (`Store::search_for`) finds exactly the
/// hits of the unfiltered search whose records the reader may see, in the same order, for
/// words in the parties', commissions', sessions', plans' and items' texts, and for whole
/// names and codes, which are looked up apart from the full-text index and listed first.
async fn search_agrees(store: &SqliteStore, readers: &[Principal], when: &str) {
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let scopes = Visible::new(shared, Principal::visitor());
    let (mut seen, mut hidden) = (0, 0);
    for word in [
        "partie",
        "organisme",
        "person",
        "commission",
        "bamako",
        "plan",
        "action",
        "Partie 1",
        "Organisme 2",
        "Person 0",
        "Commission 1",
        "1",
        "3",
    ] {
        let all = store.search(word, 100_000).await.unwrap();
        assert!(!all.is_empty(), "{when}: «{word}» finds records");
        for who in readers {
            let mut expected = vec![];
            for hit in &all {
                let scope = scopes.scope_of(hit.entity, hit.id).await.unwrap().unwrap();
                if scope.visible_to(who) {
                    expected.push(hit.id);
                }
            }
            let got: Vec<Id> = store
                .search_for(who, word, 100_000)
                .await
                .unwrap()
                .iter()
                .map(|h| h.id)
                .collect();
            assert_eq!(got, expected, "{when}: «{word}» for {who:?}");
            seen += usize::from(!expected.is_empty());
            hidden += usize::from(expected.len() < all.len());
        }
    }
    assert!(
        seen > 20 && hidden > 20,
        "{when}: seen {seen}, hidden {hidden}"
    );
}

/// The windowed lists (commissions, sessions, agreements), read whole and page by page,
/// hold exactly what `Visible`'s full lists hold, in the same order.
async fn windows_agree(store: &SqliteStore, readers: &[Principal], saved: &Saved) {
    use taawun_store::{Window, Windowed};
    fn ids<T>(rows: &[T], id: impl Fn(&T) -> Id) -> Vec<Id> {
        rows.iter().map(id).collect()
    }
    /// The rows of every window of 7, joined; each window's count bounded at 10.
    async fn paged<T, F, Fut>(read: F) -> Vec<T>
    where
        F: Fn(Window) -> Fut,
        Fut: std::future::Future<Output = Windowed<T>>,
    {
        let mut out = vec![];
        for page in 0.. {
            let got = read(Window {
                offset: page * 7,
                limit: 7,
                count_to: 10,
            })
            .await;
            assert!(got.count <= 10);
            if got.rows.is_empty() {
                return out;
            }
            out.extend(got.rows);
        }
        out
    }
    let shared: Arc<dyn Store> = Arc::new(store.clone());
    let all = Window {
        offset: 0,
        limit: 1 << 40,
        count_to: 1 << 40,
    };
    let (mut shown, mut hidden) = (0, 0);
    for who in readers.iter().step_by(3) {
        let v = Visible::new(shared.clone(), who.clone());
        let commissions = v.commissions().await.unwrap();
        let got = v.commissions_window(all).await.unwrap();
        assert_eq!(
            ids(&got.rows, |c| c.id),
            ids(&commissions, |c| c.id),
            "{who:?}"
        );
        assert_eq!(got.count as usize, commissions.len());
        let paged_ids = paged(|w| {
            let v = &v;
            async move { v.commissions_window(w).await.unwrap() }
        })
        .await;
        assert_eq!(ids(&paged_ids, |c| c.id), ids(&commissions, |c| c.id));
        shown += commissions.len();
        hidden += saved.commissions.len() + 1 - commissions.len();

        let sessions = v.sessions(None).await.unwrap();
        let got = v.sessions_window(None, all).await.unwrap();
        assert_eq!(
            ids(&got.rows, |s| s.id),
            ids(&sessions, |s| s.id),
            "{who:?}"
        );
        for c in saved.commissions.iter().take(4) {
            let of = v.sessions(Some(c.id)).await.unwrap();
            let got = v.sessions_window(Some(c.id), all).await.unwrap();
            assert_eq!(ids(&got.rows, |s| s.id), ids(&of, |s| s.id));
        }

        let agreements = v.agreements().await.unwrap();
        let paged_ids = paged(|w| {
            let v = &v;
            async move { v.agreements_window(None, w).await.unwrap() }
        })
        .await;
        assert_eq!(
            ids(&paged_ids, |g| g.id),
            ids(&agreements, |g| g.id),
            "{who:?}"
        );
        for status in [Lifecycle::Signed, Lifecycle::Draft] {
            let expected: Vec<Id> = agreements
                .iter()
                .filter(|g| g.status == status)
                .map(|g| g.id)
                .collect();
            let got = v.agreements_window(Some(status), all).await.unwrap();
            assert_eq!(ids(&got.rows, |g| g.id), expected);
        }
    }
    assert!(shown > 20 && hidden > 20, "shown {shown}, hidden {hidden}");
}

fn commission_of(plans: &[ActionPlan], plan: Id) -> Option<Id> {
    plans.iter().find(|p| p.id == plan).map(|p| p.commission_id)
}

/// The columns of rows written outside the write path are filled by `effective::fill_all`,
/// the step migration 0009 runs on a database that had rows before it: the benchmark
/// generator's rows (plans and items of every marking and releasability) get it too.
#[tokio::test]
async fn rows_filled_after_the_fact_agree_with_visible() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("taawun.db"))
        .await
        .unwrap();
    let generated = taawun_store::bench::generate(&store, 400, 800)
        .await
        .unwrap();
    let readers = principals(&generated.parties);
    let (saw, hid) = agree(&store, &readers, "generated in bulk", false).await;
    assert!(saw > 50 && hid > 50, "saw {saw}, hid {hid}");
}
