//! What a page offers to download as PDF: a small GET form (language layout, archival copy),
//! so choosing works without JavaScript and the choice stays in the link a reader can share.

use crate::ctx::Ctx;

pub struct LayoutChoice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct PdfOffer {
    /// The download's path, e.g. `/sessions/{id}/minutes.pdf`.
    pub action: String,
    pub label: String,
    pub layouts: Vec<LayoutChoice>,
    /// An adopted version of the minutes (`?version=n`), sent as a hidden field: a GET
    /// form drops its action's own query.
    pub version: Option<u32>,
}

/// An offer of the document at `action`, its layouts listed with the reader's language first
/// selected, then the bilingual layout.
pub fn pdf_offer(ctx: &Ctx, action: String, label_key: &str) -> PdfOffer {
    let layouts = ["ar-fr", "ar", "fr", "en"]
        .into_iter()
        .map(|value| LayoutChoice {
            value,
            label: ctx.label("doc-layout", value),
            selected: value == ctx.code(),
        })
        .collect();
    PdfOffer {
        action,
        label: ctx.t(label_key),
        layouts,
        version: None,
    }
}
