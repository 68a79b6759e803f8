//! Turning the rows of a sheet into items of a plan — new ones, or updates of the items an
//! exported sheet names by id — with every problem of every row.

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
    /// The plan's items the importer may see: the ones a row may update by id.
    pub existing: &'a [ActionItem],
}

/// What saving a row's item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new item.
    New,
    /// A new item from a row whose id names no item of this plan: a row of another plan's
    /// export (copying items across plans), or of an item removed since. Said in the preview,
    /// so a row meant as an update is not taken for a new one unseen; its version is not read.
    /// The same for an item hidden from the importer as for none, so nothing is confirmed.
    NewUnmatched,
    /// An existing item, these fields changed.
    Changed(Vec<Field>),
    /// An existing item as it is stored: nothing to write.
    Unchanged,
}

/// The items a sheet would create or change, and what is wrong with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// One item per non-blank row, in row order. Items of rows with problems are shown in the
    /// preview as read; a reference that could not be resolved (area, lead) is left out or
    /// nil, so such an item must never be saved.
    pub items: Vec<ActionItem>,
    /// What saving each item of `items` does, in the same order.
    pub changes: Vec<Change>,
    /// The spreadsheet row of each item of `items`.
    pub row_numbers: Vec<usize>,
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

    /// The items a commit writes (new and changed, in row order), each with its row.
    pub fn to_write(&self) -> Vec<(usize, ActionItem)> {
        self.items
            .iter()
            .zip(&self.changes)
            .zip(&self.row_numbers)
            .filter(|((_, c), _)| **c != Change::Unchanged)
            .map(|((i, _), row)| (*row, i.clone()))
            .collect()
    }

    /// How many rows are new, changed and unchanged.
    pub fn counts(&self) -> (usize, usize, usize) {
        let of = |f: fn(&Change) -> bool| self.changes.iter().filter(|c| f(c)).count();
        (
            of(|c| matches!(c, Change::New | Change::NewUnmatched)),
            of(|c| matches!(c, Change::Changed(_))),
            of(|c| *c == Change::Unchanged),
        )
    }
}

/// Builds one item per non-blank row and lists every problem of every row.
///
/// A row whose id cell (when a column is mapped to the id) names an item of the plan
/// updates that item: it starts from the stored item and takes only the mapped fields
/// (a blank mapped cell clears an optional field), keeping its status (derived from its
/// sides), clauses, indicator and protection; the row's version must be the stored one.
/// Any other row makes a new item (`Change::NewUnmatched` when it gave an id) (id from `new_id`, version 0, status Planned, the
/// plan's protection, not an example, no clauses).
///
/// A row is blank when every one of its cells is, mapped or not: a row holding only a note
/// in an ignored column is reported rather than silently dropped.
///
/// Codes: when a column is mapped to the code, each row must give one (a blank cell is
/// `Missing(Code)`), unique in the file and new to the plan (but for the code of the item
/// the row updates). When no column is, an updated item keeps its code and new ones are
/// generated in row order as "IMP-0001", "IMP-0002"…, skipping any the plan already has:
/// predictable, and easy to renumber afterwards, where continuing the plan's own numbering
/// ("1.4", "2.1"…) would mean guessing its scheme.
pub fn prepare(
    sheet: &Sheet,
    mapping: &Mapping,
    ctx: &ImportContext,
    new_id: &mut dyn FnMut() -> Id,
) -> Preview {
    let cols = Columns::new(mapping, ctx.parties, sheet.headers.len());
    let mut problems: Vec<RowProblem> = cols
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

    // Which stored item each row updates, if any. An id the plan does not hold is left
    // unmatched here and reported on its row.
    let ids: Vec<String> = match cols.id {
        Some(c) => rows.iter().map(|(_, r)| cell(r, c).display()).collect(),
        None => vec![String::new(); rows.len()],
    };
    let bases: Vec<Option<&ActionItem>> = ids
        .iter()
        .map(|raw| {
            let id = uuid::Uuid::try_parse(raw.trim()).ok()?;
            ctx.existing
                .iter()
                .find(|i| i.id == id && i.plan_id == ctx.plan.id)
        })
        .collect();
    let mut id_seen: HashMap<&str, usize> = HashMap::new();
    for id in ids.iter().filter(|i| !i.is_empty()) {
        *id_seen.entry(id.as_str()).or_default() += 1;
    }

    let codes: Vec<String> = match cols.code {
        Some(c) => rows
            .iter()
            .map(|(_, cells)| cell(cells, c).display())
            .collect(),
        None => {
            let new_rows = bases.iter().filter(|b| b.is_none()).count();
            let mut generated = generated_codes(new_rows, ctx.existing_codes).into_iter();
            bases
                .iter()
                .map(|b| match b {
                    Some(item) => item.code.clone(),
                    None => generated.next().unwrap_or_default(),
                })
                .collect()
        }
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for code in codes.iter().filter(|c| !c.is_empty()) {
        *seen.entry(code).or_default() += 1;
    }
    // The codes of the items the file updates are the file's to give: a row may keep its
    // item's code, or two rows swap theirs.
    let freed: HashSet<&str> = bases.iter().flatten().map(|i| i.code.trim()).collect();

    let reader = Reader::new(sheet, cols, ctx, &freed);
    let mut items = Vec::with_capacity(rows.len());
    let mut changes = Vec::with_capacity(rows.len());
    let mut lead_orgs = Vec::with_capacity(ctx.parties.len());
    for (((number, cells), code), (raw_id, base)) in
        rows.iter().zip(&codes).zip(ids.iter().zip(&bases))
    {
        let row = RowReader {
            reader: &reader,
            number: *number,
            cells,
        };
        if let Some(c) = reader.cols.id
            && id_seen.get(raw_id.as_str()).is_some_and(|n| *n > 1)
        {
            problems.push(row.problem(Some(c), Problem::DuplicateId(raw_id.clone())));
        }
        if let (Some(item), Some(c)) = (base, reader.cols.version)
            && !same_version(row.cell(c), item.version)
        {
            let conflict = Problem::VersionConflict {
                code: item.code.clone(),
                yours: row.cell(c).display(),
                stored: item.version,
            };
            problems.push(row.problem(Some(c), conflict));
        }
        let twice = seen.get(code.as_str()).is_some_and(|n| *n > 1);
        let item = row.read(code, twice, *base, new_id, &mut lead_orgs, &mut problems);
        changes.push(match base {
            None if raw_id.trim().is_empty() => Change::New,
            None => Change::NewUnmatched,
            Some(stored) => match changed_fields(stored, &item, &reader.cols) {
                fields if fields.is_empty() => Change::Unchanged,
                fields => Change::Changed(fields),
            },
        });
        items.push(item);
    }
    Preview {
        items,
        changes,
        row_numbers: rows.iter().map(|(n, _)| *n).collect(),
        problems,
        rows: rows.len(),
    }
}

/// Whether a version cell holds this version (a number cell, or its digits as text).
fn same_version(c: &Cell, stored: i64) -> bool {
    match c {
        Cell::Number(n) => n.fract() == 0.0 && *n as i64 == stored,
        other => other.display().trim().parse::<i64>() == Ok(stored),
    }
}

/// The mapped fields whose value the row changes on the stored item, in field order.
fn changed_fields(stored: &ActionItem, item: &ActionItem, cols: &Columns) -> Vec<Field> {
    let mut out = Vec::new();
    if stored.code.trim() != item.code.trim() {
        out.push(Field::Code);
    }
    for (l, _) in &cols.title {
        if stored.title.get(*l).unwrap_or("").trim() != item.title.get(*l).unwrap_or("").trim() {
            out.push(Field::Title(*l));
        }
    }
    for (l, _) in &cols.description {
        let (a, b) = (stored.description.get(*l), item.description.get(*l));
        if a.unwrap_or("").trim() != b.unwrap_or("").trim() {
            out.push(Field::Description(*l));
        }
    }
    if stored.area_id != item.area_id {
        out.push(Field::Area);
    }
    for (party, _) in cols.leads.iter().filter(|(_, c)| c.is_some()) {
        let lead = |i: &ActionItem| {
            i.leads
                .iter()
                .find(|l| l.party_id == *party)
                .map(|l| l.organisation_id)
        };
        if lead(stored) != lead(item) {
            out.push(Field::Lead(*party));
        }
    }
    if stored.start_on != item.start_on {
        out.push(Field::StartOn);
    }
    if stored.due_on != item.due_on {
        out.push(Field::DueOn);
    }
    out
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
    /// `freed`: codes of stored items the file updates, which its rows may give again.
    fn new(
        sheet: &'a Sheet,
        cols: Columns,
        ctx: &'a ImportContext<'a>,
        freed: &HashSet<&str>,
    ) -> Self {
        let unmapped_roots = cols.unmapped().iter().map(Field::rule_root).collect();
        Reader {
            sheet,
            ctx,
            lookup: Lookup::new(ctx.organisations, ctx.areas),
            taken: ctx
                .existing_codes
                .iter()
                .map(|c| c.trim())
                .filter(|c| !freed.contains(c))
                .collect(),
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
    /// The row's item (`base` updated by the mapped fields, or a new one); its problems are
    /// appended to `problems`, in column order, then those the rules add. `lead_orgs` is a
    /// buffer reused across rows.
    fn read(
        &self,
        code: &str,
        code_twice: bool,
        base: Option<&ActionItem>,
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

        let title = self.text(&cols.title, base.map(|b| &b.title));
        if let (true, Some((lang, c))) = (title.is_empty(), cols.title.first()) {
            let field = Field::Title(*lang);
            report(Some(*c), Some(&field), Problem::Missing(field.clone()));
        }
        let description = self.text(&cols.description, base.map(|b| &b.description));

        let mut area_id = base.map_or(Id::nil(), |b| b.area_id);
        if let Some(c) = cols.area {
            area_id = Id::nil();
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
            let Some(c) = *column else {
                // An unmapped side keeps the stored item's lead (the mapping is then
                // reported as incomplete anyway).
                let kept = base.and_then(|b| b.leads.iter().find(|l| l.party_id == *party));
                leads.extend(kept.cloned());
                continue;
            };
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

        // An unmapped date keeps the stored item's; a mapped blank one clears it.
        let mut date = |column: Option<usize>, field: Field, kept: Option<chrono::NaiveDate>| {
            let Some(c) = column else { return kept };
            read_date(self.cell(c)).unwrap_or_else(|text| {
                report(Some(c), Some(&field), Problem::BadDate(text));
                None
            })
        };
        let start_on = date(cols.start_on, Field::StartOn, base.and_then(|b| b.start_on));
        let due_on = date(cols.due_on, Field::DueOn, base.and_then(|b| b.due_on));

        let item = match base {
            // Status, clauses, indicator, protection and version stay the stored item's:
            // the store derives the status, and checks the version again when saving.
            Some(stored) => ActionItem {
                code: code.to_string(),
                title,
                description,
                area_id,
                leads,
                start_on,
                due_on,
                ..stored.clone()
            },
            None => ActionItem {
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
            },
        };

        // The rules see the item as it will be saved; what the import already said about a
        // field (a missing title, an unknown lead) is not said twice in the rules' words.
        // Only the row's own lead organisations are passed: the rules look each lead up by a
        // scan, which over every organisation the user sees would be paid on every row.
        if let Err(errors) = rules::check_item(&item, base, &r.party_ids, lead_orgs) {
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

    /// The mapped languages' cells over `base` (a stored item's text), or over nothing.
    fn text(
        &self,
        columns: &[(crate::Lang, usize)],
        base: Option<&LocalizedText>,
    ) -> LocalizedText {
        let mut text = base.cloned().unwrap_or_default();
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
