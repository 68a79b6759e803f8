//! The Gantt-like timeline of an action plan: one line per item under its area's heading,
//! the planned bar (start → due) outlined, the actual bar (first report → done, or today)
//! solid inside it, a line for today, and a time axis. Each item's bars are a link to its
//! page, so the chart is a `group` of labelled links rather than a flat image.

use super::ticks::axis;
use super::{clip, num, open_fluid, pct};
use crate::markup::escape;
use chrono::NaiveDate;
use std::fmt::Write as _;
use taawun_core::Lang;

const PLANNED: &str = "#55606b";
const ON_TRACK: &str = "#0b5a78";
const DONE: &str = "#1d6b3a";
const LATE: &str = "#9b1c1c";
const TODAY: &str = "#b45309";
const GRID: &str = "#d5dae0";
const INK: &str = "#1b1f24";

/// How an item's actual bar is coloured (and named in its link's label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    OnTrack,
    Done,
    Late,
}

pub struct Line {
    pub label: String,
    pub href: String,
    /// What the link says to a screen reader: code, title, dates and status in words.
    pub spoken: String,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// First report → done date, or today while open.
    pub actual: Option<(NaiveDate, NaiveDate)>,
    pub progress: Progress,
}

pub enum Row {
    Heading(String),
    Item(Line),
}

pub struct Gantt {
    pub id: String,
    pub title: String,
    pub desc: String,
    pub today: NaiveDate,
    pub today_label: String,
    pub rows: Vec<Row>,
    pub lang: Lang,
}

const AXIS_H: f64 = 34.0;
/// An area's heading takes a line; an item takes two: its label, then its bars under it.
const HEADING_H: f64 = 26.0;
const ITEM_H: f64 = 42.0;
const PAD: f64 = 8.0;

/// Where a fraction 0–1 of the time axis falls, in percent of the chart's width from its
/// left edge: time runs from the left, or from the right in Arabic. Half a percent is kept
/// at each end so strokes at the axis' ends stay inside.
fn x(rtl: bool, fraction: f64) -> f64 {
    let along = 0.5 + fraction.clamp(0.0, 1.0) * 99.0;
    if rtl { 100.0 - along } else { along }
}

/// The range every date of the chart falls in, today included.
fn range(g: &Gantt) -> (NaiveDate, NaiveDate) {
    let mut days = vec![g.today];
    for r in &g.rows {
        if let Row::Item(l) = r {
            days.extend(l.start);
            days.extend(l.due);
            if let Some((a, b)) = l.actual {
                days.extend([a, b]);
            }
        }
    }
    let min = days.iter().min().copied().unwrap_or(g.today);
    let max = days.iter().max().copied().unwrap_or(g.today);
    (min, max)
}

/// The chart as inline SVG markup, in percent of the width and pixels of height without a
/// viewBox (see `charts::open_fluid`): at 360 px the bars shrink but the words keep their
/// size. Tick labels that would collide at a narrower width carry a class the stylesheet
/// hides there (`n2` below 60rem, `n3` below 40rem), and each item's label sits on its own
/// line above its bars.
pub fn render(g: &Gantt) -> String {
    let rtl = g.lang.dir() == "rtl";
    let (min, max) = range(g);
    let (t0, t1, ticks) = axis(g.lang, min, max);
    let span = (t1 - t0).num_days().max(1) as f64;
    let fraction = |d: NaiveDate| (d - t0).num_days() as f64 / span;
    let at = |d: NaiveDate| x(rtl, fraction(d));
    let tops: Vec<f64> = g
        .rows
        .iter()
        .scan(AXIS_H, |y, r| {
            let top = *y;
            *y += match r {
                Row::Heading(_) => HEADING_H,
                Row::Item(_) => ITEM_H,
            };
            Some(top)
        })
        .collect();
    let height = tops.last().map_or(AXIS_H, |t| t + ITEM_H) + PAD;
    let mut out = String::with_capacity(1200 + 500 * g.rows.len());
    open_fluid(&mut out, &g.id, "group", rtl, height, &g.title, &g.desc);
    let (start, toward) = if rtl { ("100%", "-3") } else { ("0", "3") };
    // The diamond of an item with a single date, drawn once.
    let mark = format!("{}-one", g.id);
    let _ = write!(
        out,
        "<defs><path id=\"{mark}\" d=\"M-6 0l6 -7l6 7l-6 7z\"/></defs>"
    );
    // The axis and grid repeat what the table says: hidden from screen readers.
    out.push_str("<g aria-hidden=\"true\">");
    for (i, t) in ticks.iter().enumerate() {
        let f = fraction(t.day);
        // A label runs about 75 px from its tick: every second one fits from 40rem, every
        // third below, and none so near the end that it would run past the edge.
        let mut class = Vec::new();
        if i % 2 != 0 || f > 0.85 {
            class.push("n2");
        }
        if i % 3 != 0 || f > 0.75 {
            class.push("n3");
        }
        let _ = write!(
            out,
            "<line x1=\"{tx}\" x2=\"{tx}\" y1=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\
             <text x=\"{tx}\" dx=\"{toward}\" y=\"{}\" fill=\"{INK}\" font-size=\"12\"{}>{}</text>",
            num(AXIS_H - 14.0),
            num(height - PAD),
            num(AXIS_H - 18.0),
            if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", class.join(" "))
            },
            escape(&t.label),
            tx = pct(x(rtl, f)),
        );
    }
    for (r, y) in g.rows.iter().zip(&tops) {
        if let Row::Heading(name) = r {
            let _ = write!(
                out,
                "<text x=\"{start}\" y=\"{}\" fill=\"{INK}\" font-weight=\"700\">{}</text>",
                num(y + 19.0),
                escape(&clip(name, 36)),
            );
        }
    }
    out.push_str("</g>");
    for (r, y) in g.rows.iter().zip(&tops) {
        if let Row::Item(l) = r {
            line(&mut out, start, &mark, &at, *y, l);
        }
    }
    let tx = pct(at(g.today));
    let _ = write!(
        out,
        "<g class=\"today\"><line x1=\"{tx}\" x2=\"{tx}\" y1=\"{}\" y2=\"{}\" stroke=\"{TODAY}\" \
         stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"{tx}\" dx=\"{toward}\" y=\"{}\" \
         fill=\"{TODAY}\" font-size=\"12\" font-weight=\"700\">{}</text></g>",
        num(AXIS_H - 12.0),
        num(height - PAD),
        num(AXIS_H - 3.0),
        escape(&g.today_label),
    );
    out.push_str("</svg>");
    out
}

/// One item: its label on a line of its own, then the planned bar (or a mark at the one
/// known date) and the actual bar, all inside one link. `at` gives a date's x in percent.
fn line(
    out: &mut String,
    start: &str,
    mark: &str,
    at: &impl Fn(NaiveDate) -> f64,
    y: f64,
    l: &Line,
) {
    let _ = write!(
        out,
        "<a href=\"{}\" aria-label=\"{}\"><text x=\"{start}\" y=\"{}\" fill=\"{INK}\">{}</text>",
        escape(&l.href),
        escape(&l.spoken),
        num(y + 15.0),
        escape(&clip(&l.label, 40)),
    );
    match (l.start, l.due) {
        (Some(s), Some(d)) => {
            let (a, b) = (at(s), at(d));
            let _ = write!(
                out,
                "<rect class=\"planned\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#fff\" \
                 stroke=\"{PLANNED}\" stroke-width=\"1.5\"/>",
                pct(a.min(b)),
                num(y + 20.0),
                pct((a - b).abs().max(0.3)),
            );
        }
        (Some(one), None) | (None, Some(one)) => {
            // Only one date: a diamond marks it, drawn once in pixels around the origin and
            // placed here in percent (`use` takes a percentage where a path's data cannot).
            let _ = write!(
                out,
                "<use class=\"planned\" href=\"#{mark}\" x=\"{}\" y=\"{}\" fill=\"#fff\" \
                 stroke=\"{PLANNED}\" stroke-width=\"1.5\"/>",
                pct(at(one)),
                num(y + 29.0),
            );
        }
        (None, None) => {}
    }
    if let Some((a, b)) = l.actual {
        let (xa, xb) = (at(a), at(b));
        let fill = match l.progress {
            Progress::OnTrack => ON_TRACK,
            Progress::Done => DONE,
            Progress::Late => LATE,
        };
        let _ = write!(
            out,
            "<rect class=\"actual\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" fill=\"{fill}\"/>",
            pct(xa.min(xb)),
            num(y + 25.0),
            pct((xa - xb).abs().max(0.4)),
        );
    }
    out.push_str("</a>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn chart(lang: Lang) -> String {
        render(&Gantt {
            id: "g".into(),
            title: "T".into(),
            desc: "D".into(),
            today: d(4, 1),
            today_label: "today".into(),
            lang,
            rows: vec![
                Row::Heading("Training".into()),
                Row::Item(Line {
                    label: "1.1".into(),
                    href: "/items/x".into(),
                    spoken: "1.1 planned".into(),
                    start: Some(d(2, 1)),
                    due: Some(d(6, 1)),
                    actual: Some((d(3, 1), d(4, 1))),
                    progress: Progress::OnTrack,
                }),
            ],
        })
    }

    #[test]
    fn time_runs_right_to_left_in_arabic() {
        // Axis Feb 1 → Jul 1 (150 days) over 99 % of the width from 0.5 %; planned Feb 1 →
        // Jun 1 is 120 days, 79.2 %, on the item's second line (under the heading's line).
        let ltr = chart(Lang::En);
        let y = num(AXIS_H + HEADING_H + 20.0);
        assert!(
            ltr.contains(&format!(
                "class=\"planned\" x=\"0.5%\" y=\"{y}\" width=\"79.2%\""
            )),
            "{ltr}"
        );
        let rtl = chart(Lang::Ar);
        assert!(rtl.contains("class=\"planned\" x=\"20.3%\""), "{rtl}");
        assert!(rtl.contains("direction=\"rtl\""));
    }

    #[test]
    fn bars_link_to_their_item_and_today_is_drawn() {
        let svg = chart(Lang::Fr);
        assert!(svg.contains("<a href=\"/items/x\" aria-label=\"1.1 planned\">"));
        assert!(svg.contains("class=\"today\""));
        assert!(svg.contains("<title id=\"g-t\">T</title>"));
        // Text in pixels over percent geometry: no viewBox scales it down on a phone.
        assert!(!svg.contains("viewBox"), "{svg}");
    }
}
