//! Session minutes (procès-verbal / محضر) as PDF, in one language or Arabic ‖ French.
//!
//! Data reaches Typst as `sys.inputs` values (see `inputs`), never as generated markup
//! (a test plants markup-like text and finds it verbatim in the PDF).

use crate::DocsError;
use crate::inputs::{array, dict, loc, shared};
use crate::layout::{DocDate, Layout};
use crate::render::render_pdf;
use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Dict, Value};

const TEMPLATE: &str = include_str!("minutes.typ");

/// One member of a delegation.
#[derive(Debug, Clone, Default)]
pub struct Delegate {
    pub name: LocalizedText,
    pub rank: LocalizedText,
    pub function: LocalizedText,
}

/// A party's delegation, members already in protocol order.
#[derive(Debug, Clone, Default)]
pub struct Delegation {
    pub party: LocalizedText,
    pub members: Vec<Delegate>,
}

/// A head of delegation, for a signature block.
#[derive(Debug, Clone, Default)]
pub struct Signatory {
    pub party: LocalizedText,
    pub name: LocalizedText,
    pub function: LocalizedText,
}

/// Everything the minutes show, already resolved and filtered to what the reader may see.
#[derive(Debug, Clone)]
pub struct MinutesInput {
    /// The two parties, in the order their emblems appear.
    pub parties: [LocalizedText; 2],
    pub commission: LocalizedText,
    pub session_ordinal: u32,
    /// The session's dates, already formatted per language.
    pub dates: LocalizedText,
    pub place: LocalizedText,
    pub document_date: DocDate,
    /// Classification marking printed in every page's header and footer.
    pub marking: LocalizedText,
    pub delegations: Vec<Delegation>,
    pub agenda: Vec<LocalizedText>,
    pub decisions: Vec<LocalizedText>,
    pub agreements_signed: Vec<LocalizedText>,
    pub side_events: Vec<LocalizedText>,
    pub signatories: [Signatory; 2],
}

/// Renders the minutes; `archival` produces PDF/A-2b.
pub fn minutes_pdf(m: &MinutesInput, layout: Layout, archival: bool) -> Result<Vec<u8>, DocsError> {
    let inputs = inputs(m, layout.langs());
    render_pdf(TEMPLATE, inputs, m.document_date, archival)
}

fn inputs(m: &MinutesInput, langs: &[Lang]) -> Dict {
    let locs = |v: &[LocalizedText]| array(v.iter().map(|t| loc(t, langs)));
    shared(langs, &m.marking)
        + dict([
            ("parties", array(m.parties.iter().map(|p| loc(p, langs)))),
            ("commission", loc(&m.commission, langs)),
            ("ordinal", Value::Int(m.session_ordinal.into())),
            ("dates", loc(&m.dates, langs)),
            ("place", loc(&m.place, langs)),
            (
                "delegations",
                array(m.delegations.iter().map(|g| {
                    Value::Dict(dict([
                        ("party", loc(&g.party, langs)),
                        (
                            "members",
                            array(g.members.iter().map(|p| {
                                Value::Dict(dict([
                                    ("name", loc(&p.name, langs)),
                                    ("rank", loc(&p.rank, langs)),
                                    ("function", loc(&p.function, langs)),
                                ]))
                            })),
                        ),
                    ]))
                })),
            ),
            ("agenda", locs(&m.agenda)),
            ("decisions", locs(&m.decisions)),
            ("agreements", locs(&m.agreements_signed)),
            ("side_events", locs(&m.side_events)),
            (
                "signatories",
                array(m.signatories.iter().map(|s| {
                    Value::Dict(dict([
                        ("party", loc(&s.party, langs)),
                        ("name", loc(&s.name, langs)),
                        ("function", loc(&s.function, langs)),
                    ]))
                })),
            ),
        ])
}
