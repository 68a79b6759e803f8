//! Compiling a template with its inputs into PDF bytes: the part all documents share.

use crate::DocsError;
use crate::inputs::{array, dict};
use crate::layout::DocDate;
use crate::world::MemoryWorld;
use typst::foundations::{Dict, Smart, Value};
use typst::syntax::DiagSpan;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Fonts, direction, marking, page setup and metadata: prefixed to every template so that
/// the documents cannot drift apart.
const COMMON: &str = include_str!("common.typ");

/// Compiles `common.typ` followed by `template`; `archival` produces PDF/A-2b.
pub(crate) fn render_pdf(
    template: &str,
    inputs: Dict,
    date: DocDate,
    archival: bool,
) -> Result<Vec<u8>, DocsError> {
    render_pdf_as(
        template,
        inputs,
        date,
        archival.then_some(PdfStandard::A_2b),
    )
}

/// `render_pdf` to a given archival standard: PDF/A-3b where a file is attached (the
/// adopted minutes' signed adoptions), which PDF/A-2b does not allow.
pub(crate) fn render_pdf_as(
    template: &str,
    inputs: Dict,
    date: DocDate,
    archival: Option<PdfStandard>,
) -> Result<Vec<u8>, DocsError> {
    let datetime = date.datetime()?;
    let day = [date.year.into(), date.month.into(), date.day.into()];
    let inputs = inputs + dict([("date", array(day.map(Value::Int)))]);
    let source = [COMMON, template].join("\n");
    let world = MemoryWorld::new(&source, inputs, datetime);
    let doc: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        let msgs: Vec<_> = errors
            .iter()
            .map(|e| format!("{} ({})", e.message, place(&world, e.span)))
            .collect();
        DocsError::Typeset(msgs.join("; "))
    })?;
    let standards = if let Some(standard) = archival {
        PdfStandards::new(&[standard]).map_err(|e| DocsError::Pdf(format!("{e:?}")))?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        ident: Smart::Auto,
        timestamp: Some(Timestamp::new_utc(datetime)),
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

/// Where in the templates a compile error lies, as "common.typ line N" or "template line N":
/// such an error is a bug here, and the line is what its fixer needs.
fn place(world: &MemoryWorld, span: DiagSpan) -> String {
    // `source` is COMMON, a newline, then the template: the template starts after as many
    // lines as there are line breaks before it.
    let common_lines = COMMON.matches('\n').count() + 1;
    let line = world.range(span).and_then(|range| {
        world
            .source(world.main())
            .ok()?
            .lines()
            .byte_to_line(range.start)
    });
    match line {
        Some(l) if l < common_lines => format!("common.typ line {}", l + 1),
        Some(l) => format!("template line {}", l - common_lines + 1),
        None => "no position".to_string(),
    }
}
