//! The dashboard's charts: inline SVG with a title and a description, `role="img"`, bars
//! growing from the reading start (the right in Arabic, under `direction="rtl"`), and a
//! table next to each chart carrying the same figures.

mod common;
mod followup_support;

use followup_support::*;
use taawun_core::Lang;

/// The share of the chart's width the 0–100 % track takes, in percent (see `charts::bars`:
/// geometry in percent of the width, so the bars follow a phone's width).
const PLOT_W: f64 = 84.0;

fn svg<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\""
        ))
        .unwrap_or_else(|| panic!("no chart {id}"));
    &html[at..at + html[at..].find("</svg>").unwrap()]
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let at = tag.find(&key).unwrap() + key.len();
    tag[at..]
        .split('"')
        .next()
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap()
}

/// (x, width) of every bar of a chart.
fn bars(svg: &str) -> Vec<(f64, f64)> {
    svg.split("<rect class=\"bar\"")
        .skip(1)
        .map(|r| (attr(r, "x"), attr(r, "width")))
        .collect()
}

#[tokio::test]
async fn charts_are_described_mirrored_and_match_their_tables() {
    let w = world().await;
    let mut b = w.cleared().await;
    let fr = get_in(&mut b, "/dashboard", Lang::Fr).await.body;
    let ar = get_in(&mut b, "/dashboard", Lang::Ar).await.body;
    for id in ["chart-side", "chart-area", "chart-lead"] {
        for (lang, page) in [("fr", &fr), ("ar", &ar)] {
            let s = svg(page, id);
            assert!(s.contains("role=\"img\""), "{id} {lang}");
            assert!(s.contains(&format!("aria-labelledby=\"{id}-t\"")));
            assert!(s.contains(&format!("<title id=\"{id}-t\">")));
            assert!(s.contains(&format!("<desc id=\"{id}-d\">")));
        }
        // French: every bar starts at the chart's left edge. Arabic: every bar ends at its
        // right edge, so it grows leftwards; text is anchored under direction rtl.
        for (x, _) in bars(svg(&fr, id)) {
            assert!(x.abs() < 0.05, "{id} fr bar at {x}");
        }
        let right = 100.0;
        for (x, width) in bars(svg(&ar, id)) {
            assert!((x + width - right).abs() < 0.1, "{id} ar bar {x}+{width}");
        }
        assert!(svg(&ar, id).contains("direction=\"rtl\""));
        assert!(svg(&fr, id).contains("direction=\"ltr\""));
    }
    // Morocco's side, 2 done of 6 (33 %), mean 47 %: the bars measure exactly that.
    let side = svg(&fr, "chart-side");
    let maroc = &side[side.find("Maroc</text>").expect("Maroc's row")..];
    let done_w = bars(maroc)[0].1;
    assert!((done_w - PLOT_W * 2.0 / 6.0).abs() < 0.1, "{done_w}");
    let mean_w = bars(maroc)[1].1;
    assert!((mean_w - PLOT_W * 280.0 / 600.0).abs() < 0.1, "{mean_w}");

    // The tables say what the charts say: each row's rates are in the description and
    // next to the bars, in the same words.
    for (lang, page) in [("fr", &fr), ("ar", &ar)] {
        for key in ["side", "area", "lead"] {
            let chart = svg(page, &format!("chart-{key}"));
            let desc = &chart[chart.find("<desc").unwrap()..chart.find("</desc>").unwrap()];
            let table = section(page, &format!("table-{key}"));
            let rows = body_rows(table);
            assert!(!rows.is_empty());
            for r in rows {
                let label = strip_tags(r.split("</th>").next().unwrap());
                let cells: Vec<String> = r
                    .split("<td")
                    .skip(1)
                    // Past the cell's own tag, which carries its column's name for phones.
                    .map(|c| {
                        strip_tags(&c[c.find('>').unwrap() + 1..])
                            .trim()
                            .to_string()
                    })
                    .collect();
                let (rate, mean) = (&cells[2], &cells[3]);
                let said = &desc[desc
                    .find(label.trim())
                    .unwrap_or_else(|| panic!("{lang}: {label} not in {desc}"))..];
                let said = &said[..said.find('.').unwrap_or(said.len())];
                assert!(
                    said.contains(rate.as_str()) && said.contains(mean.as_str()),
                    "{lang} {key} {label}: {said} vs {rate} {mean}"
                );
                assert!(
                    chart.contains(&format!(">{rate}</text>")),
                    "{lang} {key}: {rate}"
                );
            }
        }
    }
}
