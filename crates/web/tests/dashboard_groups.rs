//! A dashboard's group tables stay short: with more lead bodies than it shows, the table
//! holds the twenty with the most actions, largest first, says so, and links to the whole
//! group, which links back. Through the real router, in English and in Arabic.

mod common;
mod followup_support;

use followup_support::*;
use taawun_core::*;
use taawun_store::Actor;

/// Lead bodies added to the fixture's four, each leading the Moroccan side of one action.
const ADDED: usize = 22;

async fn many_lead_bodies(w: &World) {
    let a = Actor::system();
    let model = w.store.item(w.i2).await.unwrap().unwrap();
    for n in 1..=ADDED {
        let org = Organisation {
            id: new_id(),
            party_id: w.morocco,
            parent_id: None,
            name: LocalizedText::new(
                &format!("مديرية {n}"),
                &format!("Direction {n}"),
                &format!("Directorate {n}"),
            ),
            acronym: Some(format!("D{n}")),
            protection: Protection::default(),
            version: 0,
        };
        let org = w.store.save_organisation(&a, &org).await.unwrap();
        let mut item = model.clone();
        item.id = new_id();
        item.version = 0;
        item.code = format!("D.{n}");
        item.clause_ids = vec![];
        for lead in &mut item.leads {
            if lead.party_id == w.morocco {
                lead.organisation_id = org.id;
            }
        }
        w.store.save_item(&a, &item).await.unwrap();
    }
}

/// The row headers of the table with this id.
fn labels(html: &str, table: &str) -> Vec<String> {
    body_rows(section(html, table))
        .into_iter()
        .map(|r| {
            strip_tags(r.split("</th>").next().unwrap())
                .trim()
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_long_group_shows_its_largest_and_links_to_all() {
    let w = world().await;
    many_lead_bodies(&w).await;
    let mut b = w.cleared().await;
    let page = get_in(&mut b, "/dashboard", Lang::En).await.body;
    let shown = labels(&page, "table-lead");
    assert_eq!(shown.len(), 20, "{shown:?}");
    // Largest first: the Malian side of every added action stays with FAMA (3 + 22), then
    // FAR (4), GR and GN (3 each); the added bodies lead one each.
    assert_eq!(shown[0], "Forces armées maliennes (en)");
    assert_eq!(shown[1], "Forces armées royales (en)");
    for three in ["Garde nationale (en)", "Gendarmerie royale (en)"] {
        assert!(
            shown[2..4].iter().any(|s| s == three),
            "{three} in {shown:?}"
        );
    }
    assert!(shown[4..].iter().all(|s| s.starts_with("Directorate ")));
    let lead = section(&page, "h-lead");
    assert!(
        lead.contains("The 20 with the most actions, of 26."),
        "{lead}"
    );
    assert!(lead.contains("href=\"/dashboard?all=lead#h-lead\">Show all 26</a>"));
    // Two sides and two areas: nothing to cut, nothing said.
    assert_eq!(labels(&page, "table-side").len(), 2);
    assert!(!section(&page, "h-side").contains("Show all"));

    let all = get_in(&mut b, "/dashboard?all=lead", Lang::En).await.body;
    let every = labels(&all, "table-lead");
    assert_eq!(every.len(), 26);
    // The whole group is ordered by name again.
    let mut sorted = every.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(every, sorted);
    assert!(
        section(&all, "h-lead")
            .contains("href=\"/dashboard#h-lead\">Show only the 20 with the most actions</a>")
    );
    // A value it does not know shows the dashboard as usual.
    let odd = get_in(&mut b, "/dashboard?all=%3Cscript%3E", Lang::En).await;
    assert_eq!(odd.status, 200);
    assert_eq!(labels(&odd.body, "table-lead").len(), 20);
    assert!(!odd.body.contains("<script>"));

    let ar = get_in(&mut b, "/dashboard", Lang::Ar).await.body;
    assert!(
        section(&ar, "h-lead").contains("عرض الكل (26)")
            || section(&ar, "h-lead").contains("عرض الكل (٢٦)"),
        "{}",
        section(&ar, "h-lead")
    );
}
