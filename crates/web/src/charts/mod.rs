//! Charts drawn on the server as inline SVG, so they need no script: horizontal bars for the
//! dashboards (`bars`) and the Gantt-like timeline of a plan (`gantt`). Each chart carries a
//! `<title>` and `<desc>`; the page puts a table with the same figures next to it. Geometry
//! is computed for the reader's direction: in Arabic, labels sit on the right, bars grow
//! leftwards and time runs right to left. Text is anchored at its logical `start` under an
//! explicit `direction`, so the same anchor means "right edge" in Arabic.
//!
//! Both are drawn without a viewBox: x in percent of the width the page gives them, y and
//! text in pixels. A picture scaled to fit a 360 px phone drew its words at 4–6 px; this way
//! the bars narrow and the words keep their size. Row labels therefore sit on a line of their
//! own above the bars rather than in a column beside them.

pub mod bars;
pub mod gantt;
pub mod ticks;

use crate::markup::escape;
use std::fmt::Write as _;

/// The opening tag of a chart drawn in percent of its width and pixels of height, without
/// a viewBox: the geometry follows the page's width while text keeps its pixel size, so a
/// phone does not shrink the words with the picture.
pub fn open_fluid(
    out: &mut String,
    id: &str,
    role: &str,
    rtl: bool,
    height: f64,
    title: &str,
    desc: &str,
) {
    let dir = if rtl { "rtl" } else { "ltr" };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" role=\"{role}\" \
         width=\"100%\" height=\"{h}\" direction=\"{dir}\" font-size=\"14\" \
         aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d\">\
         <title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{desc}</desc>",
        h = num(height),
        title = escape(title),
        desc = escape(desc),
    );
}

/// A coordinate with at most one decimal: enough at these sizes, and short.
/// An SVG length in percent of the chart's width (geometry, never a reader's figure: those
/// go through `fmt::percent`, in the reader's language).
pub fn pct(v: f64) -> String {
    let mut length = num(v);
    length.push('%');
    length
}

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

    #[test]
    fn numbers_and_labels_stay_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
