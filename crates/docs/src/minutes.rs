//! Session minutes (procès-verbal / محضر) as PDF, in one language or Arabic ‖ French: the
//! document both heads of delegation sign.
//!
//! Everything arrives worded (the sentences, with their articles and ordinals, are made by
//! `taawun-i18n`); the template lays it out and leaves out what is empty, so a missing rank
//! or function leaves no stray comma. Data reaches Typst as `sys.inputs` values (see
//! `inputs`), never as generated markup (a test plants markup-like text and finds it
//! verbatim in the PDF).

use crate::DocsError;
use crate::inputs::{array, dict, loc, shared};
use crate::layout::{DocDate, Layout};
use crate::render::render_pdf_as;
use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Bytes, Dict, Value};
use typst_pdf::PdfStandard;

const TEMPLATE: &str = include_str!("minutes.typ");

/// One member of a delegation; any part may be empty.
#[derive(Debug, Clone, Default)]
pub struct Delegate {
    pub name: LocalizedText,
    /// As a title before the name ("Général de brigade", "العميد").
    pub rank: LocalizedText,
    pub function: LocalizedText,
    /// The member's role when it is not plain membership ("Chef de délégation").
    pub role: LocalizedText,
}

/// A party's delegation, members already in protocol order.
#[derive(Debug, Clone, Default)]
pub struct Delegation {
    /// "Délégation du Royaume du Maroc".
    pub heading: LocalizedText,
    pub members: Vec<Delegate>,
}

/// A head of delegation, for a signature block.
#[derive(Debug, Clone, Default)]
pub struct Signatory {
    /// "Chef de la délégation du Royaume du Maroc".
    pub title: LocalizedText,
    pub rank: LocalizedText,
    pub name: LocalizedText,
}

/// One point of the agenda with what was agreed under it.
#[derive(Debug, Clone, Default)]
pub struct AgendaPoint {
    pub title: LocalizedText,
    pub conclusions: LocalizedText,
    /// Action items carried over to this point, each a worded line with both sides' state.
    pub carried: Vec<LocalizedText>,
}

/// Everything the minutes show, already resolved, worded and filtered to what the reader
/// may see.
#[derive(Debug, Clone, Default)]
pub struct MinutesInput {
    /// The two states' names, for the header.
    pub parties: [LocalizedText; 2],
    /// Each state's emblem (PNG or JPEG), printed above its name; none prints nothing.
    pub emblems: [Option<Vec<u8>>; 2],
    /// "Procès-verbal de la 1re session".
    pub title: LocalizedText,
    pub commission: LocalizedText,
    /// "Entre le Royaume du Maroc et la République du Mali".
    pub between: LocalizedText,
    /// The preamble's paragraphs: the opening sentence, then what the secretariat added.
    pub preamble: Vec<LocalizedText>,
    pub delegations: Vec<Delegation>,
    pub agenda: Vec<AgendaPoint>,
    pub decisions: Vec<LocalizedText>,
    pub agreements_signed: Vec<LocalizedText>,
    pub side_events: Vec<LocalizedText>,
    pub next_session: LocalizedText,
    /// "Fait à Bamako, le 19 février 2025, en deux exemplaires originaux…".
    pub closing: LocalizedText,
    /// The signature blocks, side by side; an empty title leaves its side blank.
    pub signatories: [Signatory; 2],
    /// Printed across every page while the minutes are a draft ("PROJET").
    pub draft_mark: Option<LocalizedText>,
    /// Printed in every page's footer once adopted: version, date and SHA-256.
    pub fingerprint: Option<LocalizedText>,
    /// The heads of delegation's signed adoptions of this version (issue 16), one worded
    /// line each (party, person, time, key fingerprint, hash), under `adoptions_heading`.
    pub adoptions: Vec<LocalizedText>,
    pub adoptions_heading: LocalizedText,
    /// The adoptions as JSON, attached to the PDF as `taawun-adoptions.json` so that
    /// `taawun verify FILE.pdf` can check them against the record.
    pub attachment: Option<String>,
    pub document_date: DocDate,
    /// Classification marking printed in every page's header and footer.
    pub marking: LocalizedText,
}

/// Renders the minutes; `archival` produces PDF/A-2b.
pub fn minutes_pdf(m: &MinutesInput, layout: Layout, archival: bool) -> Result<Vec<u8>, DocsError> {
    let standard = match (archival, m.attachment.is_some()) {
        (false, _) => None,
        (true, false) => Some(PdfStandard::A_2b),
        (true, true) => Some(PdfStandard::A_3b),
    };
    match render_pdf_as(
        TEMPLATE,
        inputs(m, layout.langs()),
        m.document_date,
        standard,
    ) {
        // An emblem passed the upload's signature check but does not decode: the minutes
        // are still printed, without emblems, rather than not at all.
        Err(e) if m.emblems.iter().any(Option::is_some) => {
            tracing::warn!("minutes printed without emblems: {e}");
            let plain = MinutesInput {
                emblems: [None, None],
                ..m.clone()
            };
            render_pdf_as(
                TEMPLATE,
                inputs(&plain, layout.langs()),
                m.document_date,
                standard,
            )
        }
        done => done,
    }
}

fn inputs(m: &MinutesInput, langs: &[Lang]) -> Dict {
    let l = |t: &LocalizedText| loc(t, langs);
    let locs = |v: &[LocalizedText]| array(v.iter().map(l));
    let optional = |t: &Option<LocalizedText>| t.as_ref().map_or(Value::None, l);
    shared(langs, &m.marking)
        + dict([
            ("parties", array(m.parties.iter().map(l))),
            (
                "emblems",
                array(m.emblems.iter().map(|e| match e {
                    Some(bytes) => Value::Bytes(Bytes::new(bytes.clone())),
                    None => Value::None,
                })),
            ),
            ("title", l(&m.title)),
            ("commission", l(&m.commission)),
            ("between", l(&m.between)),
            ("preamble", locs(&m.preamble)),
            (
                "delegations",
                array(m.delegations.iter().map(|g| {
                    Value::Dict(dict([
                        ("heading", l(&g.heading)),
                        (
                            "members",
                            array(g.members.iter().map(|p| {
                                Value::Dict(dict([
                                    ("name", l(&p.name)),
                                    ("rank", l(&p.rank)),
                                    ("function", l(&p.function)),
                                    ("role", l(&p.role)),
                                ]))
                            })),
                        ),
                    ]))
                })),
            ),
            (
                "agenda",
                array(m.agenda.iter().map(|a| {
                    Value::Dict(dict([
                        ("title", l(&a.title)),
                        ("conclusions", l(&a.conclusions)),
                        ("carried", locs(&a.carried)),
                    ]))
                })),
            ),
            ("decisions", locs(&m.decisions)),
            ("agreements", locs(&m.agreements_signed)),
            ("side_events", locs(&m.side_events)),
            ("next_session", l(&m.next_session)),
            ("closing", l(&m.closing)),
            (
                "signatories",
                array(m.signatories.iter().map(|s| {
                    Value::Dict(dict([
                        ("title", l(&s.title)),
                        ("rank", l(&s.rank)),
                        ("name", l(&s.name)),
                    ]))
                })),
            ),
            ("draft", optional(&m.draft_mark)),
            ("fingerprint", optional(&m.fingerprint)),
            ("adoptions", locs(&m.adoptions)),
            ("adoptions_heading", l(&m.adoptions_heading)),
            (
                "attachment",
                m.attachment.as_ref().map_or(Value::None, |a| {
                    Value::Bytes(Bytes::new(a.as_bytes().to_vec()))
                }),
            ),
        ])
}
