//! Action-plan status report (rapport d'état / تقرير حالة): summary figures, a bar chart of
//! items per joint status, and the items as a table, in one language or Arabic ‖ French.
//!
//! The caller computes every figure and label; this module only lays them out, so the report
//! always agrees with the pages that show the same plan.

use crate::DocsError;
use crate::inputs::{array, dict, loc, shared, text};
use crate::layout::{DocDate, Layout};
use crate::render::render_pdf;
use taawun_core::lang::Lang;
use taawun_core::text::LocalizedText;
use typst::foundations::{Dict, Value};

const TEMPLATE: &str = include_str!("report.typ");

/// Everything the report shows, already resolved and filtered to what the reader may see.
#[derive(Debug, Clone)]
pub struct ReportInput {
    /// The two parties of the commission, in emblem order.
    pub parties: [LocalizedText; 2],
    /// What the report covers: the commission's name, or an agreement's title.
    pub scope: LocalizedText,
    /// "as of" date already formatted per language.
    pub as_of: LocalizedText,
    pub document_date: DocDate,
    pub marking: LocalizedText,
    /// Summary figures in order (total items, done, in progress, overdue, at risk, completion
    /// rate…), labels and values already localized.
    pub figures: Vec<ReportFigure>,
    /// The chart: one bar per category (the caller passes the count of items per joint
    /// status), drawn as horizontal bars with the value written beside each.
    pub chart: Vec<ReportBar>,
    /// Items, in the order to print (caller groups by area and code).
    pub items: Vec<ReportItem>,
}

/// One summary figure, such as "Overdue: 7".
#[derive(Debug, Clone, Default)]
pub struct ReportFigure {
    pub label: LocalizedText,
    pub value: LocalizedText,
}

/// One bar of the chart.
#[derive(Debug, Clone, Default)]
pub struct ReportBar {
    pub label: LocalizedText,
    pub value: u32,
}

/// One action-plan item.
#[derive(Debug, Clone, Default)]
pub struct ReportItem {
    pub code: String,
    pub title: LocalizedText,
    pub area: LocalizedText,
    /// Each lead side: party, lead body, that side's own status and last reported percent.
    pub sides: Vec<ReportSide>,
    /// The joint status, already a localized label.
    pub status: LocalizedText,
    /// Due date formatted per language, empty when none.
    pub due: LocalizedText,
    pub overdue: bool,
    pub at_risk: bool,
}

/// One side's part in an item.
#[derive(Debug, Clone, Default)]
pub struct ReportSide {
    pub party: LocalizedText,
    pub lead: LocalizedText,
    pub status: LocalizedText,
    /// The last reported percent, already written per language (`fmt::percent` of
    /// `taawun-i18n`, as the pages write it); empty, printed "—", when the side never reported.
    pub percent: LocalizedText,
}

/// Renders the report; `archival` produces PDF/A-2b. An empty item list prints "No items".
pub fn report_pdf(r: &ReportInput, layout: Layout, archival: bool) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        TEMPLATE,
        inputs(r, layout.langs()),
        r.document_date,
        archival,
    )
}

fn inputs(r: &ReportInput, langs: &[Lang]) -> Dict {
    let side = |s: &ReportSide| {
        Value::Dict(dict([
            ("party", loc(&s.party, langs)),
            ("lead", loc(&s.lead, langs)),
            ("status", loc(&s.status, langs)),
            ("percent", loc(&s.percent, langs)),
        ]))
    };
    let item = |i: &ReportItem| {
        Value::Dict(dict([
            ("code", text(&i.code)),
            ("title", loc(&i.title, langs)),
            ("area", loc(&i.area, langs)),
            ("sides", array(i.sides.iter().map(side))),
            ("status", loc(&i.status, langs)),
            ("due", loc(&i.due, langs)),
            ("overdue", Value::Bool(i.overdue)),
            ("at_risk", Value::Bool(i.at_risk)),
        ]))
    };
    shared(langs, &r.marking)
        + dict([
            ("parties", array(r.parties.iter().map(|p| loc(p, langs)))),
            ("scope", loc(&r.scope, langs)),
            ("as_of", loc(&r.as_of, langs)),
            (
                "figures",
                array(r.figures.iter().map(|f| {
                    Value::Dict(dict([
                        ("label", loc(&f.label, langs)),
                        ("value", loc(&f.value, langs)),
                    ]))
                })),
            ),
            (
                "chart",
                array(r.chart.iter().map(|b| {
                    Value::Dict(dict([
                        ("label", loc(&b.label, langs)),
                        ("value", Value::Int(b.value.into())),
                    ]))
                })),
            ),
            ("items", array(r.items.iter().map(item))),
        ])
}
