//! The Gantt-like timeline of an action plan: one line per item under its area's heading,
//! the planned bar (start → due) outlined, the actual bar (first report → done, or today)
//! solid inside it, a line for today, and a time axis. Each item's bars are a link to its
//! page, so the chart is a `group` of labelled links rather than a flat image.

use super::ticks::axis;
use super::{Frame, clip, num, open};
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

const WIDTH: f64 = 960.0;
const PAD: f64 = 8.0;
const LABEL_W: f64 = 220.0;
const AXIS_H: f64 = 34.0;
const ROW_H: f64 = 26.0;

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

pub fn render(g: &Gantt) -> String {
    let rtl = g.lang.dir() == "rtl";
    let f = Frame {
        width: WIDTH,
        pad: PAD,
        label_w: LABEL_W,
        plot_w: WIDTH - 2.0 * PAD - LABEL_W,
        rtl,
    };
    let (min, max) = range(g);
    let (t0, t1, ticks) = axis(g.lang, min, max);
    let span = (t1 - t0).num_days().max(1) as f64;
    let at = |d: NaiveDate| f.x((d - t0).num_days() as f64 / span);
    let height = AXIS_H + ROW_H * g.rows.len() as f64 + PAD;
    let mut out = String::with_capacity(1200 + 500 * g.rows.len());
    open(&mut out, &g.id, "group", &f, height, &g.title, &g.desc);
    // The axis and grid repeat what the table says: hidden from screen readers.
    out.push_str("<g aria-hidden=\"true\">");
    for t in &ticks {
        let x = at(t.day);
        let _ = write!(
            out,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"{INK}\" font-size=\"11\">{}</text>",
            num(AXIS_H - 14.0),
            num(height - PAD),
            num(f.after(x, 3.0)),
            num(AXIS_H - 18.0),
            escape(&t.label),
            x = num(x),
        );
    }
    for (i, r) in g.rows.iter().enumerate() {
        if let Row::Heading(name) = r {
            let y = AXIS_H + ROW_H * i as f64;
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" fill=\"{INK}\" font-weight=\"700\">{}</text>",
                num(f.label_x()),
                num(y + 18.0),
                escape(&clip(name, 34)),
            );
        }
    }
    out.push_str("</g>");
    for (i, r) in g.rows.iter().enumerate() {
        if let Row::Item(l) = r {
            line(&mut out, &f, &at, AXIS_H + ROW_H * i as f64, l);
        }
    }
    let x = num(at(g.today));
    let _ = write!(
        out,
        "<g class=\"today\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{TODAY}\" \
         stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"{}\" y=\"{}\" fill=\"{TODAY}\" \
         font-size=\"11\" font-weight=\"700\">{}</text></g>",
        num(AXIS_H - 12.0),
        num(height - PAD),
        num(f.after(at(g.today), 3.0)),
        num(AXIS_H - 3.0),
        escape(&g.today_label),
    );
    out.push_str("</svg>");
    out
}

/// One item: its label, the planned bar (or a mark at the one known date) and the actual
/// bar, all inside one link.
fn line(out: &mut String, f: &Frame, at: &impl Fn(NaiveDate) -> f64, y: f64, l: &Line) {
    let _ = write!(
        out,
        "<a href=\"{}\" aria-label=\"{}\"><text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text>",
        escape(&l.href),
        escape(&l.spoken),
        num(f.label_x()),
        num(y + 17.0),
        escape(&clip(&l.label, 30)),
    );
    match (l.start, l.due) {
        (Some(s), Some(d)) => {
            let (a, b) = (at(s), at(d));
            let _ = write!(
                out,
                "<rect class=\"planned\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#fff\" \
                 stroke=\"{PLANNED}\" stroke-width=\"1.5\"/>",
                num(a.min(b)),
                num(y + 4.0),
                num((a - b).abs().max(2.0)),
            );
        }
        (Some(one), None) | (None, Some(one)) => {
            // Only one date: a diamond marks it.
            let (x, m) = (at(one), y + 13.0);
            let _ = write!(
                out,
                "<path class=\"planned\" d=\"M{} {}l6 -7l6 7l-6 7z\" fill=\"#fff\" stroke=\"{PLANNED}\" \
                 stroke-width=\"1.5\"/>",
                num(x - 6.0),
                num(m),
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
            num(xa.min(xb)),
            num(y + 9.0),
            num((xa - xb).abs().max(3.0)),
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
        // Axis Feb 1 → Jul 1 (150 days) over 724 units; planned Feb 1 → Jun 1 is 120 days.
        let plot = WIDTH - 2.0 * PAD - LABEL_W;
        let w = num(plot * 120.0 / 150.0);
        let ltr = chart(Lang::En);
        assert!(
            ltr.contains(&format!(
                "class=\"planned\" x=\"{}\" y=\"{}\" width=\"{w}\"",
                num(PAD + LABEL_W),
                num(AXIS_H + ROW_H + 4.0)
            )),
            "{ltr}"
        );
        let rtl = chart(Lang::Ar);
        let x = num(WIDTH - PAD - LABEL_W - plot * 120.0 / 150.0);
        assert!(
            rtl.contains(&format!("class=\"planned\" x=\"{x}\"")),
            "{rtl}"
        );
        assert!(rtl.contains("direction=\"rtl\""));
    }

    #[test]
    fn bars_link_to_their_item_and_today_is_drawn() {
        let svg = chart(Lang::Fr);
        assert!(svg.contains("<a href=\"/items/x\" aria-label=\"1.1 planned\">"));
        assert!(svg.contains("class=\"today\""));
        assert!(svg.contains("<title id=\"g-t\">T</title>"));
    }
}
