//! Building the `sys.inputs` values that templates read.
//!
//! User text only ever travels as string values here, never as generated markup: a name such
//! as `#panic()` or `*x*` is then text by construction, so there is no escaping to get wrong.

use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Dict, Str, Value};

pub(crate) fn text(s: &str) -> Value {
    Value::Str(Str::from(s))
}

pub(crate) fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Dict {
    pairs.into_iter().map(|(k, v)| (Str::from(k), v)).collect()
}

pub(crate) fn array(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(items.into_iter().collect())
}

/// A text as a dictionary keyed by language code, holding the layout's languages only;
/// a missing translation falls back as pages do (the core's `pick`).
pub(crate) fn loc(t: &LocalizedText, langs: &[Lang]) -> Value {
    let pairs = langs.iter().map(|l| {
        let picked = t.pick(*l).map(|p| p.text).unwrap_or("");
        (Str::from(l.code()), text(picked))
    });
    Value::Dict(pairs.collect::<Dict>())
}

/// The inputs `common.typ` reads in every document: the languages and the marking
/// (`render_pdf` adds the date).
pub(crate) fn shared(langs: &[Lang], marking: &LocalizedText) -> Dict {
    dict([
        ("langs", array(langs.iter().map(|l| text(l.code())))),
        ("marking", loc(marking, langs)),
    ])
}
