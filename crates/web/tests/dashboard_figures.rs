//! Dashboard figures through the real router on a fixture worked out by hand (see
//! `followup_support`): a Malian reader cleared Restricted counts neither the Confidential
//! item 1.4 nor M.1 (under a plan released to Morocco only) nor the Secret agreement, in
//! totals, tallies, lists or links; a Moroccan reader cleared Secret counts them all. Every
//! figure's link leads to a list of exactly that many items.

mod common;
mod followup_support;

use common::browser::Browser;
use followup_support::*;
use taawun_core::Lang;

/// The text of the cells of the row headed `label` in the table with this id.
fn row(html: &str, table: &str, label: &str) -> Vec<String> {
    let t = section(html, table);
    let r = body_rows(t)
        .into_iter()
        .find(|r| strip_tags(r.split("</th>").next().unwrap()).contains(label))
        .unwrap_or_else(|| panic!("no row {label} in {table}"));
    r.split("<td")
        .skip(1)
        // Past the cell's own tag, which carries its column's name for phones.
        .map(|c| {
            strip_tags(&c[c.find('>').unwrap() + 1..])
                .trim()
                .to_string()
        })
        .collect()
}

/// The headline and due figures: "value label" for each `<li>` of the summary.
fn summary(html: &str) -> Vec<String> {
    let s = section(html, "h-summary");
    s.split("<li>")
        .skip(1)
        .map(|li| {
            strip_tags(li.split("</li>").next().unwrap())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Follows every figure's link and checks the list holds exactly that many items.
async fn links_lead_to_as_many_items(b: &mut Browser, html: &str) -> usize {
    let links = figure_links(html);
    for (href, n) in &links {
        let list = get_in(b, href, Lang::En).await.body;
        assert_eq!(list_count(&list), *n, "{href}");
        assert_eq!(body_rows(&list).len(), *n as usize, "rows of {href}");
    }
    links.len()
}

const HIDDEN: [&str; 3] = ["Zircon", "Saphir", "Basalte"];

#[tokio::test]
async fn a_low_clearance_reader_counts_only_what_they_may_see() {
    let w = world().await;
    let mut b = w.low().await;
    let page = get_in(&mut b, "/dashboard", Lang::En).await.body;
    for word in HIDDEN {
        assert!(!page.contains(word), "dashboard shows {word}");
    }
    for id in [w.i6, w.i7, w.secret_agreement, w.moroccan_plan] {
        assert!(
            !page.contains(&id.to_string()),
            "dashboard names hidden {id}"
        );
    }
    // 1.1 done, 1.2, 2.1, 2.2 open, 1.3 cancelled: 5 items. Done over the 4 not cancelled
    // is 1/4 = 25 %; progress (100 + 50 + 10 + 0) / 4 = 40 %.
    assert_eq!(
        summary(&page),
        [
            "5 Actions",
            "1 Done",
            "3 Open",
            "1 Cancelled",
            "25% Share done 1 / 4",
            "40% Mean progress 4 actions",
            // 2.2 due 20 June (19 days); 1.2 due 1 May; 2.1 at 10 % where 45 % is due.
            "1 due within 30 days",
            "1 due within 90 days",
            "1 overdue",
            "1 at risk",
        ]
    );
    // Morocco: 100 (done) + 60 + 20 + 0 = 180 / 4 = 45 %; Mali: 100 (done) + 40 + 0 + 0
    // = 140 / 4 = 35 %.
    assert_eq!(row(&page, "table-side", "Maroc"), ["4", "1", "25%", "45%"]);
    assert_eq!(row(&page, "table-side", "Mali"), ["4", "1", "25%", "35%"]);
    // Training: 1.1 (100, done), 1.2 (50) → 1 of 2, 75 %. Health: 2.1 (10), 2.2 (0) → 5 %.
    assert_eq!(
        row(&page, "table-area", "Formation"),
        ["2", "1", "50%", "75%"]
    );
    assert_eq!(row(&page, "table-area", "Santé"), ["2", "0", "0%", "5%"]);
    // FAR: 100 + 60; FAMA: 100 + 40; GR: 20 + 0; GN: 0 + 0.
    assert_eq!(
        row(&page, "table-lead", "Forces armées royales"),
        ["2", "1", "50%", "80%"]
    );
    assert_eq!(
        row(&page, "table-lead", "Forces armées maliennes"),
        ["2", "1", "50%", "70%"]
    );
    assert_eq!(
        row(&page, "table-lead", "Gendarmerie"),
        ["2", "0", "0%", "10%"]
    );
    assert_eq!(row(&page, "table-lead", "Garde"), ["2", "0", "0%", "0%"]);
    // The lists: 1.2 is 31 days late; 2.1 behind its schedule; 2.2 due in 19 days.
    let overdue = section(&page, "h-overdue");
    assert!(overdue.contains(&format!("/items/{}", w.i2)) && overdue.contains("31 days late"));
    let risk = section(&page, "h-at-risk");
    assert!(risk.contains(&format!("/items/{}", w.i3)), "{risk}");
    assert!(
        risk.contains("behind schedule: 45% expected by today, 10% reported"),
        "{risk}"
    );
    let soon = section(&page, "h-due-soon");
    assert!(soon.contains(&format!("/items/{}", w.i4)) && soon.contains("in 19 days"));
    // Alpha expires on 15 July 2026 (in force 15 July 2024 + 24 months), 44 days ahead; its
    // notice date (15 May) has passed. The Secret Basalte is not there.
    let deadlines = section(&page, "h-deadlines");
    assert!(
        deadlines.contains("Expiry") && deadlines.contains("15 July 2026"),
        "{deadlines}"
    );
    assert!(deadlines.contains("in 44 days"));
    assert!(!deadlines.contains("Entry into force"));
    // The banner: nothing above Unclassified was counted.
    assert!(page.contains("class=\"marking mark-unclassified\""));

    // 4 headline + 2 rates + 4 due + 2 cells for each of 2 sides, 2 areas and 4 lead
    // bodies + 3 list headings.
    assert_eq!(links_lead_to_as_many_items(&mut b, &page).await, 29);
    // The lists hold no hidden item either.
    let all = get_in(&mut b, "/items?show=all", Lang::En).await.body;
    assert_eq!(list_count(&all), 5);
    for word in HIDDEN {
        assert!(!all.contains(word), "list shows {word}");
    }
}

#[tokio::test]
async fn a_cleared_reader_counts_everything() {
    let w = world().await;
    let mut b = w.cleared().await;
    let page = get_in(&mut b, "/dashboard", Lang::En).await.body;
    // Add 1.4 (open, 0 %) and M.1 (Morocco done, Mali not: in progress, 50 %): 7 items,
    // 1 done of 6 not cancelled = 17 %; (100 + 50 + 10 + 0 + 0 + 50) / 6 = 35 %.
    assert_eq!(
        summary(&page),
        [
            "7 Actions",
            "1 Done",
            "5 Open",
            "1 Cancelled",
            "17% Share done 1 / 6",
            "35% Mean progress 6 actions",
            // M.1 (15 June) and 2.2 (20 June) within 30 days; 1.4 (10 July) within 90.
            "2 due within 30 days",
            "3 due within 90 days",
            "1 overdue",
            // 1.4: 1 May → 10 July expects 44 % by 1 June, has 0.
            "2 at risk",
        ]
    );
    // Morocco: 1.1 and M.1 done → 2 of 6; 100 + 60 + 20 + 0 + 0 + 100 = 280 / 6 = 47 %.
    // Mali: 1 of 6; 100 + 40 = 140 / 6 = 23 %.
    assert_eq!(row(&page, "table-side", "Maroc"), ["6", "2", "33%", "47%"]);
    assert_eq!(row(&page, "table-side", "Mali"), ["6", "1", "17%", "23%"]);
    // Training gains 1.4 (0): 150 / 3 = 50 %; health gains M.1 (50): 60 / 3 = 20 %.
    assert_eq!(
        row(&page, "table-area", "Formation"),
        ["3", "1", "33%", "50%"]
    );
    assert_eq!(row(&page, "table-area", "Santé"), ["3", "0", "0%", "20%"]);
    // FAR leads 1.1, 1.2, 1.4, M.1 (done on its side): 2 of 4, 260 / 4 = 65 %.
    assert_eq!(
        row(&page, "table-lead", "Forces armées royales"),
        ["4", "2", "50%", "65%"]
    );
    assert_eq!(
        row(&page, "table-lead", "Forces armées maliennes"),
        ["3", "1", "33%", "47%"]
    );
    assert_eq!(row(&page, "table-lead", "Garde"), ["3", "0", "0%", "0%"]);
    let deadlines = section(&page, "h-deadlines");
    assert!(
        deadlines.contains("Basalte") && deadlines.contains("in 19 days"),
        "{deadlines}"
    );
    // The Secret agreement is shown among the deadlines; M.1's plan is released to
    // Morocco only.
    assert!(page.contains("class=\"marking mark-secret\""));
    assert!(page.contains("Maroc (en) only"), "originator-only banner");
    assert_eq!(links_lead_to_as_many_items(&mut b, &page).await, 29);
    // Alpha's dashboard counts the Confidential 1.4 and shows only Alpha's dates: the
    // banner says Confidential, not the Secret of an agreement it does not show.
    let alpha = get_in(
        &mut b,
        &format!("/dashboard/agreements/{}", w.agreement),
        Lang::En,
    )
    .await
    .body;
    assert!(alpha.contains("class=\"marking mark-confidential\""));
}

#[tokio::test]
async fn scoped_dashboards_count_their_scope_and_hide_hidden_scopes() {
    let w = world().await;
    let mut low = w.low().await;
    let mut high = w.cleared().await;
    for uri in [
        format!("/dashboard/commissions/{}", w.commission),
        format!("/dashboard/parties/{}", w.mali),
        format!("/dashboard/agreements/{}", w.agreement),
    ] {
        let page = get_in(&mut low, &uri, Lang::En).await.body;
        assert_eq!(summary(&page)[0], "5 Actions", "{uri}");
        links_lead_to_as_many_items(&mut low, &page).await;
    }
    // The agreement's plan holds 1.1–1.4; M.1's plan implements nothing.
    let page = get_in(
        &mut high,
        &format!("/dashboard/agreements/{}", w.agreement),
        Lang::En,
    )
    .await
    .body;
    assert_eq!(summary(&page)[0], "6 Actions");
    links_lead_to_as_many_items(&mut high, &page).await;
    // The Secret agreement's dashboard is a 404 for the low reader, like an unknown id.
    let hidden = low
        .get(&format!("/dashboard/agreements/{}", w.secret_agreement))
        .await;
    assert_eq!(hidden.status, 404);
    let unknown = low
        .get(&format!("/dashboard/agreements/{}", taawun_core::new_id()))
        .await;
    assert_eq!(unknown.status, 404);
    let page = get_in(
        &mut high,
        &format!("/dashboard/agreements/{}", w.secret_agreement),
        Lang::En,
    )
    .await
    .body;
    assert_eq!(summary(&page)[0], "0 Actions");
    // A list scoped to a hidden agreement is empty, as an unknown one is.
    let list = get_in(
        &mut low,
        &format!("/items?agreement={}&show=all", w.secret_agreement),
        Lang::En,
    )
    .await
    .body;
    assert_eq!(list_count(&list), 0);
    // Malformed queries are 400s.
    assert_eq!(low.get("/items?area=nope").await.status, 400);
    assert_eq!(low.get("/items?show=everything").await.status, 400);
}
