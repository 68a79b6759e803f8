//! Turning the rows of a sheet into new items of a plan, with every problem of every row.

use super::columns::Columns;
use super::dates::read_date;
use super::lookup::{Lookup, OrgMatch};
use super::{Field, Mapping, Problem, RowProblem};
use crate::sheet::{Cell, Sheet};
use crate::{
    ActionItem, ActionPlan, Area, Id, ItemStatus, Lead, LocalizedText, Organisation, Party, rules,
};
use std::collections::{HashMap, HashSet};

/// What an import needs besides the sheet, read by the caller before preparing.
pub struct ImportContext<'a> {
    pub plan: &'a ActionPlan,
    /// The parties of the plan's commission, in order.
    pub parties: &'a [Party],
    /// Organisations a lead may name (the caller passes those the user may see).
    pub organisations: &'a [Organisation],
    pub areas: &'a [Area],
    /// Codes of the plan's existing items.
    pub existing_codes: &'a [String],
}

/// The items a sheet would create and what is wrong with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// One item per non-blank row, in row order. Items of rows with problems are shown in the
    /// preview as read; a reference that could not be resolved (area, lead) is left out or
    /// nil, so such an item must never be saved.
    pub items: Vec<ActionItem>,
    /// Mapping problems (row 0) first, then rows in order, each row's in column order.
    pub problems: Vec<RowProblem>,
    /// Data rows considered (blank rows skipped, not counted).
    pub rows: usize,
}

impl Preview {
    /// Whether the items may be committed.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Builds one new item per non-blank row (id from `new_id`, version 0, status Planned, the
/// plan's protection, not an example, no clauses) and lists every problem of every row.
///
/// A row is blank when every one of its cells is, mapped or not: a row holding only a note
/// in an ignored column is reported rather than silently dropped.
///
/// Codes: when a column is mapped to the code, each row must give one (a blank cell is
/// `Missing(Code)`), unique in the file and new to the plan. When no column is, codes are
/// generated in row order as "IMP-0001", "IMP-0002"…, skipping any the plan already has:
/// predictable, and easy to renumber afterwards, where continuing the plan's own numbering
/// ("1.4", "2.1"…) would mean guessing its scheme.
pub fn prepare(
    sheet: &Sheet,
    mapping: &Mapping,
    ctx: &ImportContext,
    new_id: &mut dyn FnMut() -> Id,
) -> Preview {
    let reader = Reader::new(sheet, mapping, ctx);
    let mut problems: Vec<RowProblem> = reader
        .cols
        .unmapped()
        .into_iter()
        .map(|f| RowProblem {
            row: 0,
            column: None,
            problem: Problem::Unmapped(f),
        })
        .collect();

    let rows: Vec<(usize, &[Cell])> = sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, cells)| !cells.iter().all(blank))
        .map(|(i, cells)| (i + 2, cells.as_slice()))
        .collect();

    let codes: Vec<String> = match reader.cols.code {
        Some(c) => rows
            .iter()
            .map(|(_, cells)| cell(cells, c).display())
            .collect(),
        None => generated_codes(rows.len(), ctx.existing_codes),
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for code in codes.iter().filter(|c| !c.is_empty()) {
        *seen.entry(code).or_default() += 1;
    }

    let mut items = Vec::with_capacity(rows.len());
    let mut lead_orgs = Vec::with_capacity(ctx.parties.len());
    for ((number, cells), code) in rows.iter().zip(&codes) {
        let row = RowReader {
            reader: &reader,
            number: *number,
            cells,
        };
        let twice = seen.get(code.as_str()).is_some_and(|n| *n > 1);
        let item = row.read(code, twice, new_id, &mut lead_orgs, &mut problems);
        items.push(item);
    }
    Preview {
        items,
        problems,
        rows: rows.len(),
    }
}

/// What every row is read against, built once per import.
struct Reader<'a> {
    sheet: &'a Sheet,
    ctx: &'a ImportContext<'a>,
    cols: Columns,
    lookup: Lookup<'a>,
    taken: HashSet<&'a str>,
    party_ids: Vec<Id>,
    /// Fields the mapping lacks: reported once at row 0, not again by the rules on each row.
    unmapped_roots: Vec<&'static str>,
}

impl<'a> Reader<'a> {
    fn new(sheet: &'a Sheet, mapping: &Mapping, ctx: &'a ImportContext<'a>) -> Self {
        let cols = Columns::new(mapping, ctx.parties, sheet.headers.len());
        let unmapped_roots = cols.unmapped().iter().map(Field::rule_root).collect();
        Reader {
            sheet,
            ctx,
            lookup: Lookup::new(ctx.organisations, ctx.areas),
            taken: ctx.existing_codes.iter().map(|c| c.trim()).collect(),
            party_ids: ctx.parties.iter().map(|p| p.id).collect(),
            unmapped_roots,
            cols,
        }
    }
}

/// One row being read, and where its problems go.
struct RowReader<'r, 'a> {
    reader: &'r Reader<'a>,
    number: usize,
    cells: &'r [Cell],
}

impl<'a> RowReader<'_, 'a> {
    /// The row's item; its problems are appended to `problems`, in column order, then those
    /// the rules add. `lead_orgs` is a buffer reused across rows.
    fn read(
        &self,
        code: &str,
        code_twice: bool,
        new_id: &mut dyn FnMut() -> Id,
        lead_orgs: &mut Vec<Organisation>,
        problems: &mut Vec<RowProblem>,
    ) -> ActionItem {
        let r = self.reader;
        let ctx = r.ctx;
        let cols = &r.cols;
        let mut reported: Vec<&'static str> = r.unmapped_roots.clone();
        let mut report = |column: Option<usize>, field: Option<&Field>, problem: Problem| {
            if let Some(f) = field {
                reported.push(f.rule_root());
            }
            problems.push(self.problem(column, problem));
        };

        if let Some(c) = cols.code {
            if code.is_empty() {
                report(Some(c), Some(&Field::Code), Problem::Missing(Field::Code));
            }
            if code_twice {
                report(Some(c), None, Problem::DuplicateCode(code.to_string()));
            }
            if !code.is_empty() && r.taken.contains(code) {
                report(Some(c), None, Problem::CodeTaken(code.to_string()));
            }
        }

        let title = self.text(&cols.title);
        if let (true, Some((lang, c))) = (title.is_empty(), cols.title.first()) {
            let field = Field::Title(*lang);
            report(Some(*c), Some(&field), Problem::Missing(field.clone()));
        }
        let description = self.text(&cols.description);

        let mut area_id = Id::nil();
        if let Some(c) = cols.area {
            let value = self.cell(c).display();
            match r.lookup.area(&value) {
                _ if value.is_empty() => {
                    report(Some(c), Some(&Field::Area), Problem::Missing(Field::Area))
                }
                Some(area) => area_id = area.id,
                None => report(Some(c), Some(&Field::Area), Problem::UnknownArea(value)),
            }
        }

        let mut leads = Vec::with_capacity(cols.leads.len());
        lead_orgs.clear();
        for (party, column) in &cols.leads {
            let Some(c) = *column else { continue };
            let field = Field::Lead(*party);
            let value = self.cell(c).display();
            if value.is_empty() {
                report(Some(c), Some(&field), Problem::Missing(field.clone()));
                continue;
            }
            match r.lookup.organisation(*party, &value) {
                OrgMatch::Found(o) => {
                    leads.push(Lead {
                        party_id: *party,
                        organisation_id: o.id,
                    });
                    lead_orgs.push(o.clone());
                }
                OrgMatch::OtherParty => {
                    let problem = Problem::OrganisationOfOtherParty {
                        value,
                        party: *party,
                    };
                    report(Some(c), Some(&field), problem)
                }
                OrgMatch::Unknown => {
                    let problem = Problem::UnknownOrganisation {
                        value,
                        party: *party,
                    };
                    report(Some(c), Some(&field), problem)
                }
            }
        }

        let mut date = |column: Option<usize>, field: Field| {
            let c = column?;
            read_date(self.cell(c)).unwrap_or_else(|text| {
                report(Some(c), Some(&field), Problem::BadDate(text));
                None
            })
        };
        let start_on = date(cols.start_on, Field::StartOn);
        let due_on = date(cols.due_on, Field::DueOn);

        let item = ActionItem {
            id: new_id(),
            plan_id: ctx.plan.id,
            code: code.to_string(),
            title,
            description,
            area_id,
            clause_ids: Vec::new(),
            leads,
            start_on,
            due_on,
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: None,
            example: false,
            protection: ctx.plan.protection,
            version: 0,
        };

        // The rules see the item as it will be saved; what the import already said about a
        // field (a missing title, an unknown lead) is not said twice in the rules' words.
        // Only the row's own lead organisations are passed: the rules look each lead up by a
        // scan, which over every organisation the user sees would be paid on every row.
        if let Err(errors) = rules::check_item(&item, None, &r.party_ids, lead_orgs) {
            for e in errors.0 {
                let root = e.field.split('.').next().unwrap_or_default();
                if reported.contains(&root) {
                    continue;
                }
                let lengths = |c: usize| self.cell(c).display().chars().count();
                let lead_parties: Vec<Id> = item.leads.iter().map(|l| l.party_id).collect();
                let column = cols.for_rule(&e.field, lengths, &lead_parties);
                problems.push(self.problem(column, Problem::Rule(e)));
            }
        }
        item
    }

    fn problem(&self, column: Option<usize>, problem: Problem) -> RowProblem {
        RowProblem {
            row: self.number,
            column: column.and_then(|c| self.reader.sheet.headers.get(c).cloned()),
            problem,
        }
    }

    fn cell(&self, c: usize) -> &Cell {
        cell(self.cells, c)
    }

    fn text(&self, columns: &[(crate::Lang, usize)]) -> LocalizedText {
        let mut text = LocalizedText::default();
        for (lang, c) in columns {
            text.set(*lang, Some(self.cell(*c).display()));
        }
        text
    }
}

/// A row's cell; a short row (the sheet pads them, but a caller may not) reads as empty.
fn cell(cells: &[Cell], c: usize) -> &Cell {
    cells.get(c).unwrap_or(&Cell::Empty)
}

/// `Cell::is_blank` without formatting the value.
fn blank(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        Cell::Number(_) | Cell::Bool(_) | Cell::Date(_) => false,
    }
}

/// "IMP-0001", "IMP-0002"… for `n` rows, skipping codes the plan already has.
fn generated_codes(n: usize, existing: &[String]) -> Vec<String> {
    let taken: HashSet<&str> = existing.iter().map(|c| c.trim()).collect();
    (1..)
        .map(|i| format!("IMP-{i:04}"))
        .filter(|c| !taken.contains(c.as_str()))
        .take(n)
        .collect()
}
