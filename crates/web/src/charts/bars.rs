//! Horizontal bar charts for the dashboards: one row per group (area, lead body, side),
//! two bars per row — the share of actions done and the mean progress — over a 0–100 %
//! track. The picture is `role="img"`; its figures and links are in the table the page
//! prints beside it, which a screen reader reaches like any table.

use super::{Frame, clip, num, open};
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

const WIDTH: f64 = 720.0;
const PAD: f64 = 8.0;
const LABEL_W: f64 = 210.0;
const VALUE_W: f64 = 60.0;
const LEGEND_H: f64 = 28.0;
const ROW_H: f64 = 40.0;
const BAR_H: f64 = 12.0;

fn frame(rtl: bool) -> Frame {
    Frame {
        width: WIDTH,
        pad: PAD,
        label_w: LABEL_W,
        plot_w: WIDTH - 2.0 * PAD - LABEL_W - VALUE_W,
        rtl,
    }
}

/// The chart as inline SVG markup.
pub fn render(c: &BarChart) -> String {
    let f = frame(c.rtl);
    let height = LEGEND_H + ROW_H * c.rows.len() as f64 + PAD;
    let mut desc = c.desc.clone();
    for r in &c.rows {
        let _ = write!(
            desc,
            " {}{} {} {}, {} {}.",
            r.label, c.colon, c.done_name, r.done_text, c.progress_name, r.progress_text
        );
    }
    let mut out = String::with_capacity(600 + 420 * c.rows.len());
    open(&mut out, &c.id, "img", &f, height, &c.title, &desc);
    legend(&mut out, &f, c);
    // Guides at 0, 50 and 100 %, under the bars.
    for g in [0.0, 0.5, 1.0] {
        let x = num(f.x(g));
        let _ = write!(
            out,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{RULE}\" stroke-dasharray=\"2 3\"/>",
            num(LEGEND_H - 4.0),
            num(height - PAD)
        );
    }
    for (i, r) in c.rows.iter().enumerate() {
        let y = LEGEND_H + ROW_H * i as f64;
        let (tx, tw) = f.span(0.0, 1.0);
        let _ = write!(
            out,
            "<g class=\"row\"><text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{TRACK}\"/>",
            num(f.label_x()),
            num(y + 20.0),
            escape(&clip(&r.label, 30)),
            num(tx),
            num(y + 4.0),
            num(tw),
            num(2.0 * BAR_H + 4.0),
        );
        bar(&mut out, &f, y + 4.0, r.done, DONE, &r.done_text);
        bar(
            &mut out,
            &f,
            y + 8.0 + BAR_H,
            r.progress,
            PROGRESS,
            &r.progress_text,
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// One bar from the origin, with its value printed just past its end.
fn bar(out: &mut String, f: &Frame, y: f64, value: f64, fill: &str, text: &str) {
    let (x, w) = f.span(0.0, value);
    let _ = write!(
        out,
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\
         <text x=\"{}\" y=\"{}\" fill=\"{INK}\" font-size=\"11\">{}</text>",
        num(x),
        num(y),
        num(w),
        num(BAR_H),
        num(f.after(f.x(value), 4.0)),
        num(y + BAR_H - 2.0),
        escape(text),
    );
}

/// Two swatches with their names, above the plot at the reading start.
fn legend(out: &mut String, f: &Frame, c: &BarChart) {
    let mut x = f.origin();
    for (fill, name) in [(DONE, &c.done_name), (PROGRESS, &c.progress_name)] {
        let sx = if f.rtl { x - 12.0 } else { x };
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{fill}\"/>\
             <text x=\"{}\" y=\"16\" fill=\"{INK}\">{}</text>",
            num(sx),
            num(f.after(x, 16.0)),
            escape(name),
        );
        // Room for the name: a rough advance per character, generous for Arabic.
        x = f.after(x, 40.0 + 7.0 * name.chars().count() as f64);
    }
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
        let plot = WIDTH - 2.0 * PAD - LABEL_W - VALUE_W;
        let ltr = chart(false);
        let start = num(PAD + LABEL_W);
        assert!(
            ltr.contains(&format!("class=\"bar\" x=\"{start}\"")),
            "{ltr}"
        );
        let rtl = chart(true);
        assert!(rtl.contains("direction=\"rtl\""));
        // Half the plot, ending at the right-hand origin.
        let x = num(WIDTH - PAD - LABEL_W - plot / 2.0);
        assert!(rtl.contains(&format!("class=\"bar\" x=\"{x}\"")), "{rtl}");
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
