//! Small pieces of HTML built in Rust: localized text with its fallback mark, person names
//! in both scripts, badges. Everything here escapes user text itself, so templates can
//! print a `Markup` without `|safe`.

use std::fmt::{self, Write as _};
use taawun_core::{Lang, LocalizedText, Person};

use crate::i18n;

/// HTML that is already escaped; askama prints it as is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup(pub String);

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Markup {}

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A localized value in the reader's language. User text sits in `<bdi>` so a Latin title
/// in an Arabic sentence (or the reverse) cannot reorder its neighbours. A fallback carries
/// its own `lang`/`dir` and a badge naming its language, titled "not translated".
pub fn text(reader: Lang, value: &LocalizedText) -> Markup {
    let Some(p) = value.pick(reader) else {
        return Markup(String::from("<span class=\"none\">—</span>"));
    };
    if !p.fallback {
        return Markup(format!("<bdi>{}</bdi>", escape(p.text)));
    }
    let title = i18n::message_with(
        reader,
        "not-translated",
        "language",
        &i18n::message(reader, &format!("lang-name-{}", p.lang.code())),
    );
    Markup(format!(
        "<bdi lang=\"{code}\" dir=\"{dir}\">{text}</bdi> <abbr class=\"badge fb\" title=\"{title}\">{code}</abbr>",
        code = p.lang.code(),
        dir = p.lang.dir(),
        text = escape(p.text),
        title = escape(&title),
    ))
}

/// Plain text of a localized value (for `<title>` and attributes), empty when unset.
pub fn plain(reader: Lang, value: &LocalizedText) -> String {
    value.show(reader).to_string()
}

/// A person's name in the reader's script first, the other script beside it.
pub fn person_name(reader: Lang, p: &Person) -> Markup {
    let ar = (!p.name_ar.trim().is_empty())
        .then(|| format!("<bdi lang=\"ar\" dir=\"rtl\">{}</bdi>", escape(&p.name_ar)));
    let latin = (!p.name_latin.trim().is_empty()).then(|| {
        format!(
            "<bdi lang=\"und-Latn\" dir=\"ltr\">{}</bdi>",
            escape(&p.name_latin)
        )
    });
    let (first, second) = if reader == Lang::Ar {
        (ar, latin)
    } else {
        (latin, ar)
    };
    let mut out = String::new();
    match (first, second) {
        (Some(a), Some(b)) => {
            let _ = write!(out, "{a} <span class=\"alt\">{b}</span>");
        }
        (Some(a), None) | (None, Some(a)) => out.push_str(&a),
        (None, None) => out.push('—'),
    }
    Markup(out)
}

/// The person's name as plain text in the reader's script (for titles).
pub fn person_plain(reader: Lang, p: &Person) -> String {
    let (a, b) = if reader == Lang::Ar {
        (&p.name_ar, &p.name_latin)
    } else {
        (&p.name_latin, &p.name_ar)
    };
    if a.trim().is_empty() { b } else { a }.clone()
}

/// The visible mark on records invented for the demo.
pub fn example_badge(reader: Lang) -> Markup {
    Markup(format!(
        "<span class=\"badge ex\" title=\"{}\">{}</span>",
        escape(&i18n::message(reader, "example-title")),
        escape(&i18n::message(reader, "example"))
    ))
}

/// Percent-encodes a value for a URL query component.
pub fn query_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_is_marked_and_escaped() {
        let t = LocalizedText::new("", "<b>Formation</b>", "");
        let m = text(Lang::Ar, &t).0;
        assert!(m.contains("lang=\"fr\" dir=\"ltr\""), "{m}");
        assert!(m.contains("&lt;b&gt;Formation"), "{m}");
        assert!(m.contains("badge fb"), "{m}");
        assert!(!text(Lang::Fr, &t).0.contains("badge"));
    }

    #[test]
    fn query_encoding_keeps_slashes() {
        assert_eq!(query_encode("/a b?c=d&e"), "/a%20b%3Fc%3Dd%26e");
    }
}
