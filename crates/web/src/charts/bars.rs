//! Horizontal bar charts for the dashboards: one row per group (area, lead body, side),
//! its name above two bars — the share of actions done and the mean progress — over a 0–100 %
//! track. The picture is `role="img"`; its figures and links are in the table the page
//! prints beside it, which a screen reader reaches like any table.

use super::{clip, num, open_fluid, pct};
use crate::markup::escape;
use std::fmt::Write as _;

/// Dark enough on white for non-text contrast (WCAG 1.4.11 asks 3:1; both are above 6:1),
/// and told apart by position and legend as well as colour.
pub const DONE: &str = "#1d6b3a";
pub const PROGRESS: &str = "#0b5a78";
const TRACK: &str = "#f4f6f8";
const RULE: &str = "#8a939c";
const INK: &str = "#1b1f24";

/// One group: its label and two fractions 0–1 with their printed values.
pub struct BarRow {
    pub label: String,
    pub done: f64,
    pub done_text: String,
    pub progress: f64,
    pub progress_text: String,
}

pub struct BarChart {
    pub id: String,
    pub title: String,
    /// Intro of the description; each row's figures are appended to it.
    pub desc: String,
    /// Legend names of the two bars.
    pub done_name: String,
    pub progress_name: String,
    /// The language's colon, spaces included (French puts a thin space before it).
    pub colon: String,
    pub rows: Vec<BarRow>,
    pub rtl: bool,
}

/// Share of the width the 0–100 % track takes; the rest, at the reading end, holds the value
/// printed past a full bar ("100 %" in 12 px needs about 40 px, which 16 % gives at 360 px).
const PLOT: f64 = 84.0;
const ROW_H: f64 = 58.0;
const BAR_H: f64 = 12.0;
const PAD: f64 = 4.0;

/// A position along the track, in percent of the chart's width from its left edge: from
/// the left in French and English, from the right in Arabic.
fn x(rtl: bool, fraction: f64) -> f64 {
    let along = fraction.clamp(0.0, 1.0) * PLOT;
    if rtl { 100.0 - along } else { along }
}

/// The rectangle (x, width) in percent between the track's start and `fraction`.
fn span(rtl: bool, fraction: f64) -> (f64, f64) {
    let w = fraction.clamp(0.0, 1.0) * PLOT;
    (if rtl { 100.0 - w } else { 0.0 }, w)
}

/// The chart as inline SVG markup. Its geometry is in percent of the width and its text in
/// pixels, without a viewBox: the bars stretch or shrink with the page while the words keep
/// their size, so a phone reads the same 13–14 px labels as a desktop (a scaled 720-unit
/// picture drew them at 6 px at 360 px). Each row's label sits on its own line above its two
/// bars, so no label column eats the width; the legend is the page's (`.legend`).
pub fn render(c: &BarChart) -> String {
    let rtl = c.rtl;
    let height = ROW_H * c.rows.len() as f64 + PAD;
    let mut desc = c.desc.clone();
    for r in &c.rows {
        let _ = write!(
            desc,
            " {}{} {} {}, {} {}.",
            r.label, c.colon, c.done_name, r.done_text, c.progress_name, r.progress_text
        );
    }
    let mut out = String::with_capacity(600 + 420 * c.rows.len());
    open_fluid(&mut out, &c.id, "img", rtl, height, &c.title, &desc);
    // Guides at 0, 50 and 100 %, under the bars.
    for g in [0.0, 0.5, 1.0] {
        let gx = pct(x(rtl, g));
        let _ = write!(
            out,
            "<line x1=\"{gx}\" x2=\"{gx}\" y1=\"{}\" y2=\"{}\" stroke=\"{RULE}\" stroke-dasharray=\"2 3\"/>",
            num(PAD),
            num(height - PAD)
        );
    }
    for (i, r) in c.rows.iter().enumerate() {
        let y = PAD + ROW_H * i as f64;
        let (tx, tw) = span(rtl, 1.0);
        let _ = write!(
            out,
            "<g class=\"row\"><text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{TRACK}\"/>",
            if rtl { "100%" } else { "0" },
            num(y + 15.0),
            escape(&clip(&r.label, 40)),
            pct(tx),
            num(y + 22.0),
            pct(tw),
            num(2.0 * BAR_H + 6.0),
        );
        bar(&mut out, rtl, y + 24.0, r.done, DONE, &r.done_text);
        bar(
            &mut out,
            rtl,
            y + 26.0 + BAR_H,
            r.progress,
            PROGRESS,
            &r.progress_text,
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// One bar from the track's start, with its value printed just past its end (`dx`, in
/// pixels, whatever the width).
fn bar(out: &mut String, rtl: bool, y: f64, value: f64, fill: &str, text: &str) {
    let (bx, bw) = span(rtl, value);
    let _ = write!(
        out,
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\
         <text x=\"{}\" dx=\"{}\" y=\"{}\" fill=\"{INK}\" font-size=\"12\">{}</text>",
        pct(bx),
        num(y),
        pct(bw),
        num(BAR_H),
        pct(x(rtl, value)),
        if rtl { "-4" } else { "4" },
        num(y + BAR_H - 2.0),
        escape(text),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(rtl: bool) -> String {
        render(&BarChart {
            id: "c".into(),
            title: "T".into(),
            desc: "D.".into(),
            done_name: "done".into(),
            progress_name: "progress".into(),
            colon: ":".into(),
            rows: vec![BarRow {
                label: "Training <b>".into(),
                done: 0.5,
                done_text: "50 %".into(),
                progress: 0.25,
                progress_text: "25 %".into(),
            }],
            rtl,
        })
    }

    #[test]
    fn bars_grow_from_the_reading_start() {
        // Half the track is 42 % of the width: from the left edge in French, ending at the
        // right edge in Arabic; the value follows the bar's end on the reading side.
        let ltr = chart(false);
        assert!(
            ltr.contains("class=\"bar\" x=\"0%\" y=\"28\" width=\"42%\""),
            "{ltr}"
        );
        assert!(ltr.contains("<text x=\"42%\" dx=\"4\""), "{ltr}");
        let rtl = chart(true);
        assert!(rtl.contains("direction=\"rtl\""));
        assert!(
            rtl.contains("class=\"bar\" x=\"58%\" y=\"28\" width=\"42%\""),
            "{rtl}"
        );
        assert!(rtl.contains("<text x=\"58%\" dx=\"-4\""), "{rtl}");
        // The label starts at the right edge, anchored under direction rtl.
        assert!(rtl.contains("<text x=\"100%\" y=\"19\""), "{rtl}");
    }

    #[test]
    fn text_keeps_its_size_at_any_width() {
        // No viewBox: the picture is not scaled down with the page, only its geometry is.
        let svg = chart(false);
        assert!(
            !svg.contains("viewBox") && svg.contains("width=\"100%\""),
            "{svg}"
        );
    }

    #[test]
    fn text_is_escaped_and_described() {
        let svg = chart(false);
        assert!(svg.contains("Training &lt;b&gt;"));
        assert!(
            svg.contains(
                "<desc id=\"c-d\">D. Training &lt;b&gt;: done 50 %, progress 25 %.</desc>"
            )
        );
        assert!(svg.contains("role=\"img\""));
    }
}
