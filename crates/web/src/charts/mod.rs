//! Charts drawn on the server as inline SVG, so they need no script: horizontal bars for the
//! dashboards (`bars`) and the Gantt-like timeline of a plan (`gantt`). Each chart carries a
//! `<title>` and `<desc>`; the page puts a table with the same figures next to it. Geometry
//! is computed for the reader's direction: in Arabic, labels sit on the right, bars grow
//! leftwards and time runs right to left. Text is anchored at its logical `start` under an
//! explicit `direction`, so the same anchor means "right edge" in Arabic.

pub mod bars;
pub mod gantt;
pub mod ticks;

use crate::markup::escape;
use std::fmt::Write as _;

/// The horizontal frame shared by the charts: a label column at the reading start, then the
/// plot. `x(f)` places a fraction 0–1 of the plot measured from the reading start.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f64,
    pub pad: f64,
    pub label_w: f64,
    pub plot_w: f64,
    pub rtl: bool,
}

impl Frame {
    /// Where the plot begins, on the reading-start side.
    pub fn origin(&self) -> f64 {
        if self.rtl {
            self.width - self.pad - self.label_w
        } else {
            self.pad + self.label_w
        }
    }

    /// The x of a fraction of the plot, from the reading start.
    pub fn x(&self, fraction: f64) -> f64 {
        let len = fraction.clamp(0.0, 1.0) * self.plot_w;
        if self.rtl {
            self.origin() - len
        } else {
            self.origin() + len
        }
    }

    /// The rectangle (x, width) between two fractions, whatever the direction.
    pub fn span(&self, from: f64, to: f64) -> (f64, f64) {
        let (a, b) = (self.x(from), self.x(to));
        (a.min(b), (a - b).abs())
    }

    /// Where a row label starts: at the outer edge on the reading-start side.
    pub fn label_x(&self) -> f64 {
        if self.rtl {
            self.width - self.pad
        } else {
            self.pad
        }
    }

    /// `delta` further along the reading direction from `x`.
    pub fn after(&self, x: f64, delta: f64) -> f64 {
        if self.rtl { x - delta } else { x + delta }
    }
}

/// The opening tag of a chart: sized by its viewBox, in the page's direction, titled and
/// described for assistive technology. `role` is `img` for a picture, `group` when it
/// holds links that must stay reachable.
pub fn open(
    out: &mut String,
    id: &str,
    role: &str,
    f: &Frame,
    height: f64,
    title: &str,
    desc: &str,
) {
    let dir = if f.rtl { "rtl" } else { "ltr" };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" role=\"{role}\" \
         viewBox=\"0 0 {w} {h}\" direction=\"{dir}\" font-size=\"13\" \
         aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d\">\
         <title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{desc}</desc>",
        w = num(f.width),
        h = num(height),
        title = escape(title),
        desc = escape(desc),
    );
}

/// A coordinate with at most one decimal: enough at these sizes, and short.
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A label cut to `max` characters, with an ellipsis when cut: the full text is in the
/// table next to the chart.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(rtl: bool) -> Frame {
        Frame {
            width: 100.0,
            pad: 5.0,
            label_w: 20.0,
            plot_w: 70.0,
            rtl,
        }
    }

    #[test]
    fn arabic_mirrors_the_plot() {
        let (ltr, rtl) = (frame(false), frame(true));
        assert_eq!((ltr.origin(), ltr.x(1.0)), (25.0, 95.0));
        assert_eq!((rtl.origin(), rtl.x(1.0)), (75.0, 5.0));
        // A bar of half the plot: from the origin rightwards, or leftwards in Arabic.
        assert_eq!(ltr.span(0.0, 0.5), (25.0, 35.0));
        assert_eq!(rtl.span(0.0, 0.5), (40.0, 35.0));
        assert_eq!((ltr.label_x(), rtl.label_x()), (5.0, 95.0));
    }

    #[test]
    fn numbers_and_labels_stay_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
