//! Long lists a page at a time, through the real router: a plan of 1,150 items, 50 of them
//! Secret, read by a Malian reader cleared Restricted. The plan page and the items list
//! show a page each, count up to 1,000 ("more than 1,000") until the last pages, where the
//! count is exact; following "next" from the first page visits every visible item exactly
//! once and never a Secret one; a page past the end shows the last; an item's previous and
//! next skip the Secret items between them.

mod common;
mod followup_support;

use followup_support::*;
use std::collections::BTreeSet;
use taawun_core::*;
use taawun_store::Actor;

const ITEMS: usize = 1_150;

/// Every 23rd item is Secret.
fn secret(n: usize) -> bool {
    n.is_multiple_of(23)
}

struct Long {
    plan: Id,
    /// By number, from 1.
    ids: Vec<Id>,
}

impl Long {
    fn visible(&self) -> BTreeSet<Id> {
        (1..=ITEMS)
            .filter(|n| !secret(*n))
            .map(|n| self.ids[n - 1])
            .collect()
    }
}

async fn long_plan(w: &World) -> Long {
    let a = Actor::system();
    let mut plan = w.store.plan(w.plan).await.unwrap().unwrap();
    plan.id = new_id();
    plan.version = 0;
    plan.title = LocalizedText::new("خطة طويلة", "Plan long", "Long plan");
    let plan = w.store.save_plan(&a, &plan).await.unwrap();
    let model = w.store.item(w.i1).await.unwrap().unwrap();
    let items: Vec<ActionItem> = (1..=ITEMS)
        .map(|n| {
            let mut i = model.clone();
            i.id = new_id();
            i.version = 0;
            i.plan_id = plan.id;
            i.code = format!("L.{n}");
            i.title = LocalizedText::new("", &format!("Ligne {n}"), "");
            i.clause_ids = vec![];
            i.protection.marking = if secret(n) {
                Marking::Secret
            } else {
                Marking::Unclassified
            };
            i
        })
        .collect();
    let saved = w.store.save_items(&a, &items, &|_| {}).await.unwrap();
    Long {
        plan: plan.id,
        ids: saved.iter().map(|i| i.id).collect(),
    }
}

/// The item ids a page links to, in order, each once.
fn item_links(html: &str) -> Vec<Id> {
    let mut out: Vec<Id> = vec![];
    for part in html.split("href=\"/items/").skip(1) {
        if let Ok(id) = part[..36.min(part.len())].parse::<Id>()
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    out
}

/// The `rel="next"` link of a page.
fn next_link(html: &str) -> Option<String> {
    let at = html.find("rel=\"next\" href=\"")? + "rel=\"next\" href=\"".len();
    Some(unescape(html[at..].split('"').next()?))
}

#[tokio::test]
async fn a_long_plan_is_read_a_page_at_a_time() {
    let w = world().await;
    let long = long_plan(&w).await;
    let mut b = w.low().await;
    let mut seen: Vec<Id> = vec![];
    let mut href = Some(format!("/plans/{}", long.plan));
    let mut pages = 0;
    let mut last = String::new();
    while let Some(h) = href {
        let page = get_in(&mut b, &h, Lang::En).await.body;
        assert!(!page.contains("Secret"), "{h} shows a Secret marking");
        let links = item_links(&page);
        assert!(links.len() <= 100, "{h}: {} items", links.len());
        if pages == 0 {
            assert!(page.contains("more than 1,000 actions"), "{page}");
            assert_eq!(links.len(), 100);
        }
        seen.extend(links);
        href = next_link(&page);
        pages += 1;
        last = page;
        assert!(pages <= 12, "the pager never ends");
    }
    assert_eq!(pages, 11);
    // The last page counts exactly: 1,100 visible items.
    assert!(
        last.contains("1100 actions") || last.contains("1,100 actions"),
        "{last}"
    );
    assert!(!last.contains("more than"));
    let distinct: BTreeSet<Id> = seen.iter().copied().collect();
    assert_eq!(distinct.len(), seen.len(), "an item on two pages");
    assert_eq!(distinct, long.visible());
    // In the plan's order: L.1, L.2, … (codes by their numbers).
    assert_eq!(seen[0], long.ids[0]);
    assert_eq!(seen[21], long.ids[21]);
    assert_eq!(seen[22], long.ids[23], "L.23 is Secret and skipped");
    // Past the end: the last page.
    let far = get_in(&mut b, &format!("/plans/{}?page=400", long.plan), Lang::En)
        .await
        .body;
    assert_eq!(item_links(&far), item_links(&last));
    // A malformed page number shows the first page, not an error.
    let odd = b.get(&format!("/plans/{}?page=x", long.plan)).await;
    assert_eq!(odd.status, 200);
}

#[tokio::test]
async fn the_items_list_counts_to_a_bound_and_pages_through_everything() {
    let w = world().await;
    let long = long_plan(&w).await;
    let mut b = w.low().await;
    let mut seen: Vec<Id> = vec![];
    let mut href = Some(String::from("/items?show=all"));
    let mut pages = 0;
    let mut last = String::new();
    while let Some(h) = href {
        let page = get_in(&mut b, &h, Lang::Fr).await.body;
        let rows = body_rows(&page).len();
        assert!(rows <= 50, "{h}: {rows} rows");
        if pages == 0 {
            assert_eq!(list_count(&page), 1_000, "counted up to the bound");
            assert!(page.contains("plus de 1"), "the count says 'more than'");
        }
        seen.extend(item_links(&page));
        href = next_link(&page);
        pages += 1;
        last = page;
        assert!(pages <= 30, "the pager never ends");
    }
    let distinct: BTreeSet<Id> = seen.iter().copied().collect();
    assert_eq!(distinct.len(), seen.len(), "an item on two pages");
    // Every visible item of the long plan, none of its Secret ones; the rest are the
    // world's own items the reader sees.
    assert!(long.visible().is_subset(&distinct));
    assert!(
        (1..=ITEMS)
            .filter(|n| secret(*n))
            .all(|n| !distinct.contains(&long.ids[n - 1]))
    );
    // On the last page the count is exact, and it is the number of items listed.
    assert_eq!(list_count(&last) as usize, distinct.len());
    assert!(!last.contains("plus de"));
}

#[tokio::test]
async fn previous_and_next_skip_what_the_reader_may_not_see() {
    let w = world().await;
    let long = long_plan(&w).await;
    let mut b = w.low().await;
    // L.22 → L.24 (L.23 is Secret), and back.
    let (l22, l23, l24) = (long.ids[21], long.ids[22], long.ids[23]);
    let page = get_in(&mut b, &format!("/items/{l22}"), Lang::En)
        .await
        .body;
    assert_eq!(next_link(&page), Some(format!("/items/{l24}")));
    let page = get_in(&mut b, &format!("/items/{l24}"), Lang::En)
        .await
        .body;
    assert!(
        page.contains(&format!("rel=\"prev\" href=\"/items/{l22}\"")),
        "{page}"
    );
    assert!(!page.contains(&l23.to_string()));
    // The first has no previous, the last visible (L.1149; L.1150 is Secret) no next.
    let first = get_in(&mut b, &format!("/items/{}", long.ids[0]), Lang::En)
        .await
        .body;
    assert!(!first.contains("rel=\"prev\""));
    let end = get_in(&mut b, &format!("/items/{}", long.ids[ITEMS - 2]), Lang::En)
        .await
        .body;
    assert!(!end.contains("rel=\"next\""));
    // The Secret item itself is not found.
    assert_eq!(b.get(&format!("/items/{l23}")).await.status, 404);
}

/// The home page shows the first twelve commissions and links to all of them when there
/// are more; a Secret commission is neither shown nor counted for a Restricted reader.
#[tokio::test]
async fn the_home_page_shows_the_first_commissions_and_links_to_all() {
    let w = world().await;
    let mut b = w.low().await;
    let home = get_in(&mut b, "/", Lang::En).await.body;
    assert!(
        !home.contains("All joint commissions"),
        "one commission: no link"
    );
    let a = Actor::system();
    let model = w.store.commission(w.commission).await.unwrap().unwrap();
    // Eleven more visible ones make twelve, exactly a page: still no link.
    for n in 1..=11 {
        let mut c = model.clone();
        c.id = new_id();
        c.version = 0;
        c.name = LocalizedText::new(
            "",
            &format!("Commission {n:02}"),
            &format!("Commission {n:02}"),
        );
        w.store.save_commission(&a, &c).await.unwrap();
    }
    let mut secret = model.clone();
    secret.id = new_id();
    secret.version = 0;
    secret.name = LocalizedText::new("", "Commission Zircon", "Commission Zircon");
    secret.protection.marking = Marking::Secret;
    w.store.save_commission(&a, &secret).await.unwrap();
    let home = get_in(&mut b, "/", Lang::En).await.body;
    assert!(!home.contains("All joint commissions"), "twelve: no link");
    assert!(!home.contains("Zircon"));
    let mut c = model.clone();
    c.id = new_id();
    c.version = 0;
    c.name = LocalizedText::new("", "Commission 12", "Commission 12");
    w.store.save_commission(&a, &c).await.unwrap();
    let home = get_in(&mut b, "/", Lang::En).await.body;
    assert!(
        home.contains("href=\"/commissions\">All joint commissions"),
        "{home}"
    );
    let cards = home.matches("href=\"/commissions/").count();
    assert!(cards >= 12, "{cards}");
    assert!(!home.contains("Zircon"));
}

/// The agreements list shows fifty a page, counts only what the reader may see, and its
/// pages hold every visible agreement once.
#[tokio::test]
async fn the_agreements_list_is_paged_over_what_the_reader_sees() {
    let w = world().await;
    let a = Actor::system();
    let model = w.store.agreement(w.agreement).await.unwrap().unwrap();
    let mut visible = vec![w.agreement];
    for n in 1..=65 {
        let mut g = model.clone();
        g.id = new_id();
        g.version = 0;
        let hidden = n % 13 == 0;
        let word = if hidden { "Zircon" } else { "Accord" };
        g.title = LocalizedText::new("", &format!("{word} {n}"), &format!("{word} {n}"));
        if hidden {
            g.protection.marking = Marking::Secret;
        }
        let g = w.store.save_agreement(&a, &g).await.unwrap();
        if !hidden {
            visible.push(g.id);
        }
    }
    assert_eq!(visible.len(), 61);
    let mut b = w.low().await;
    let first = get_in(&mut b, "/agreements", Lang::En).await.body;
    assert!(first.contains("61 agreements"), "{first}");
    let next = next_link(&first).expect("a second page");
    assert_eq!(next, "/agreements?page=2");
    let second = get_in(&mut b, &next, Lang::En).await.body;
    assert!(next_link(&second).is_none());
    let mut seen = BTreeSet::new();
    for page in [&first, &second] {
        assert!(!page.contains("Zircon") && !page.contains("Basalte"));
        for part in page.split("href=\"/agreements/").skip(1) {
            if let Ok(id) = part[..36].parse::<Id>() {
                seen.insert(id);
            }
        }
    }
    assert_eq!(seen, visible.into_iter().collect::<BTreeSet<_>>());
    // Arabic counts with its own plural, and a page past the end shows the last.
    let ar = get_in(&mut b, "/agreements?page=9", Lang::Ar).await.body;
    assert!(ar.contains("61 اتفاقية"), "{ar}");
    assert!(next_link(&ar).is_none() && ar.contains("rel=\"prev\""));
}
