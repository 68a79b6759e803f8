//! Session minutes (procès-verbal / محضر) as PDF, in one language or Arabic ‖ French.
//!
//! Data reaches Typst as `sys.inputs` values, never as generated markup: a name such as
//! `#panic()` or `*x*` is then text by construction, so there is no escaping to get wrong
//! (a test plants such text and finds it verbatim in the PDF).

use crate::DocsError;
use crate::world::MemoryWorld;
use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Datetime, Dict, Smart, Str, Value};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

const TEMPLATE: &str = include_str!("minutes.typ");

/// Which languages the document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Ar,
    Fr,
    En,
    /// Two columns, each paragraph beside its translation (French left, Arabic right).
    ArFr,
}

impl Layout {
    /// The languages shown; the first is the document's language in the PDF metadata.
    fn langs(self) -> &'static [Lang] {
        match self {
            Layout::Ar => &[Lang::Ar],
            Layout::Fr => &[Lang::Fr],
            Layout::En => &[Lang::En],
            Layout::ArFr => &[Lang::Ar, Lang::Fr],
        }
    }
}

/// A calendar date, the document date (PDF/A requires one; it also keeps output reproducible).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

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
    let d = m.document_date;
    let date = Datetime::from_ymd(d.year, d.month, d.day)
        .ok_or_else(|| DocsError::InvalidDate(format!("{}-{}-{}", d.year, d.month, d.day)))?;
    let world = MemoryWorld::new(TEMPLATE, inputs(m, layout.langs()), date);
    let doc: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        let msgs: Vec<_> = errors.iter().map(|e| e.message.to_string()).collect();
        DocsError::Typeset(msgs.join("; "))
    })?;
    let standards = if archival {
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| DocsError::Pdf(format!("{e:?}")))?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        ident: Smart::Auto,
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|errors| {
        let msgs: Vec<_> = errors.iter().map(|e| e.message.to_string()).collect();
        DocsError::Pdf(msgs.join("; "))
    });
    // Typst memoizes across compilations in a process-wide cache; in a long-running server
    // it would only grow, so drop what the last few renders did not use.
    typst::comemo::evict(10);
    pdf
}

fn text(s: &str) -> Value {
    Value::Str(Str::from(s))
}

fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Dict {
    pairs.into_iter().map(|(k, v)| (Str::from(k), v)).collect()
}

fn array(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(items.into_iter().collect())
}

/// A text as a dictionary keyed by language code, holding the layout's languages only;
/// a missing translation falls back as pages do (the core's `pick`).
fn loc(t: &LocalizedText, langs: &[Lang]) -> Value {
    let pairs = langs.iter().map(|l| {
        let picked = t.pick(*l).map(|p| p.text).unwrap_or("");
        (Str::from(l.code()), text(picked))
    });
    Value::Dict(pairs.collect::<Dict>())
}

fn inputs(m: &MinutesInput, langs: &[Lang]) -> Dict {
    let locs = |v: &[LocalizedText]| array(v.iter().map(|t| loc(t, langs)));
    let d = m.document_date;
    dict([
        ("langs", array(langs.iter().map(|l| text(l.code())))),
        (
            "date",
            array([
                Value::Int(d.year.into()),
                Value::Int(d.month.into()),
                Value::Int(d.day.into()),
            ]),
        ),
        ("parties", array(m.parties.iter().map(|p| loc(p, langs)))),
        ("commission", loc(&m.commission, langs)),
        ("ordinal", Value::Int(m.session_ordinal.into())),
        ("dates", loc(&m.dates, langs)),
        ("place", loc(&m.place, langs)),
        ("marking", loc(&m.marking, langs)),
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
