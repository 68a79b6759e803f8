//! The text of an agreement (memorandum of understanding, protocol…): its heading and its
//! articles, in one language or Arabic ‖ French with each article beside its translation.
//!
//! Clause text is user text: it reaches Typst as `sys.inputs` strings only (see `inputs`), so
//! markup-like characters in a clause are printed as written.

use crate::DocsError;
use crate::inputs::{array, dict, loc, shared};
use crate::layout::{DocDate, Layout};
use crate::render::render_pdf;
use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Dict, Value};

const TEMPLATE: &str = include_str!("agreement.typ");

/// An agreement as the reader may see it.
#[derive(Debug, Clone)]
pub struct AgreementInput {
    pub title: LocalizedText,
    /// Kind (memorandum of understanding…), already localized.
    pub kind: LocalizedText,
    pub parties: Vec<LocalizedText>,
    /// "Signed at Bamako on 20 February 2025" already formatted per language; may be empty.
    pub signed: LocalizedText,
    pub summary: LocalizedText,
    pub document_date: DocDate,
    pub marking: LocalizedText,
    pub clauses: Vec<ClauseText>,
}

/// One article: printed as "Article N", then its heading, then its body.
#[derive(Debug, Clone, Default)]
pub struct ClauseText {
    pub number: u32,
    pub heading: LocalizedText,
    pub body: LocalizedText,
}

/// Renders the agreement; `archival` produces PDF/A-2b.
pub fn agreement_pdf(
    a: &AgreementInput,
    layout: Layout,
    archival: bool,
) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        TEMPLATE,
        inputs(a, layout.langs()),
        a.document_date,
        archival,
    )
}

fn inputs(a: &AgreementInput, langs: &[Lang]) -> Dict {
    shared(langs, &a.marking)
        + dict([
            ("title", loc(&a.title, langs)),
            ("kind", loc(&a.kind, langs)),
            ("parties", array(a.parties.iter().map(|p| loc(p, langs)))),
            ("signed", loc(&a.signed, langs)),
            ("summary", loc(&a.summary, langs)),
            (
                "clauses",
                array(a.clauses.iter().map(|c| {
                    Value::Dict(dict([
                        ("number", Value::Int(c.number.into())),
                        ("heading", loc(&c.heading, langs)),
                        ("body", loc(&c.body, langs)),
                    ]))
                })),
            ),
        ])
}
