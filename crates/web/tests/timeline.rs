//! The timeline of an action plan: each item the reader may see once (as a link in the
//! chart and a row of the table), none they may not, today's line, and time running right
//! to left in Arabic.

mod common;
mod followup_support;

use followup_support::*;
use taawun_core::Lang;

fn svg(html: &str) -> &str {
    let at = html.find("<svg").expect("a chart");
    &html[at..at + html[at..].find("</svg>").unwrap()]
}

/// The x of today's line.
fn today_x(svg: &str) -> f64 {
    let g = &svg[svg.find("class=\"today\"").expect("today's line")..];
    let at = g.find("x1=\"").unwrap() + 4;
    g[at..]
        .split('"')
        .next()
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_timeline_shows_each_visible_item_once_and_no_hidden_one() {
    let w = world().await;
    let mut low = w.low().await;
    let uri = format!("/plans/{}/timeline", w.plan);
    let plan = get_in(&mut low, &format!("/plans/{}", w.plan), Lang::En)
        .await
        .body;
    assert!(
        plan.contains(&format!("href=\"{uri}\"")),
        "the plan page links its timeline"
    );
    let page = get_in(&mut low, &uri, Lang::En).await.body;
    let chart = svg(&page);
    assert!(
        chart.contains("<title id=\"timeline-t\">") && chart.contains("<desc id=\"timeline-d\">")
    );
    let table = section(&page, "timeline-table");
    for id in [w.i1, w.i2, w.i3, w.i4, w.i5] {
        let link = format!("<a href=\"/items/{id}\"");
        assert_eq!(chart.matches(&link).count(), 1, "{id} in the chart");
        assert_eq!(table.matches(&link).count(), 1, "{id} in the table");
    }
    assert_eq!(body_rows(table).len(), 5);
    assert!(!page.contains(&w.i6.to_string()) && !page.contains("Zircon"));
    // Today's line, labelled, and the areas as headings.
    assert!(chart.contains(">Today</text>"));
    assert!(
        chart.contains(">Formation (en)</text>") && chart.contains(">Santé militaire (en)</text>")
    );
    // 1.1 ran from its first report (10 Feb) to the day both sides were done (10 May);
    // 1.2 is late and still running.
    let rows = body_rows(table);
    let one = rows.iter().find(|r| r.contains(&w.i1.to_string())).unwrap();
    assert!(
        strip_tags(one).contains("10 February 2026 – 10 May 2026"),
        "{one}"
    );
    let two = rows.iter().find(|r| r.contains(&w.i2.to_string())).unwrap();
    assert!(strip_tags(two).contains("since 20 May 2026") && two.contains("Overdue"));
    // Quarter ticks over Jan–Dec 2026.
    assert!(chart.contains(">Q1 2026</text>") && chart.contains(">Q4 2026</text>"));

    // The cleared reader also sees 1.4; M.1's plan is hidden from the Malian reader.
    let mut high = w.cleared().await;
    let page = get_in(&mut high, &uri, Lang::En).await.body;
    assert_eq!(
        svg(&page)
            .matches(&format!("<a href=\"/items/{}\"", w.i6))
            .count(),
        1
    );
    let hidden = low
        .get(&format!("/plans/{}/timeline", w.moroccan_plan))
        .await;
    assert_eq!(hidden.status, 404);
}

#[tokio::test]
async fn time_runs_right_to_left_in_arabic() {
    let w = world().await;
    let mut b = w.low().await;
    let uri = format!("/plans/{}/timeline", w.plan);
    let fr = get_in(&mut b, &uri, Lang::Fr).await.body;
    let ar = get_in(&mut b, &uri, Lang::Ar).await.body;
    let (fr, ar) = (svg(&fr), svg(&ar));
    assert!(ar.contains("direction=\"rtl\"") && fr.contains("direction=\"ltr\""));
    // The same day sits at mirrored places, in percent of the width: x in Arabic is 100 % minus
    // x in French.
    let (x_fr, x_ar) = (today_x(fr), today_x(ar));
    assert!((x_fr + x_ar - 100.0).abs() < 0.2, "{x_fr} + {x_ar}");
    // 1 June on an axis from 1 January 2026 to 1 January 2027 (365 days) is 151 days in:
    // 0.5 % (the margin at the axis' start) + 99 % × 151 / 365 from the left in French.
    let expected = 0.5 + 99.0 * 151.0 / 365.0;
    assert!((x_fr - expected).abs() < 0.1, "{x_fr} vs {expected}");
    // Ticks are named in the reader's language.
    assert!(fr.contains(">T2 2026</text>"));
    assert!(ar.contains(">الفصل 2 2026</text>"));
}
