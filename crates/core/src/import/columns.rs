//! A mapping resolved once into the column of each field, so rows are read by index.

use super::{Field, Mapping};
use crate::{Id, Lang, Party};

/// The column (index) filling each field. A field mapped to two columns reads the first;
/// columns past the sheet's width and leads of parties outside the plan are ignored.
pub(super) struct Columns {
    pub code: Option<usize>,
    /// Title columns by language, in sheet order.
    pub title: Vec<(Lang, usize)>,
    pub description: Vec<(Lang, usize)>,
    pub area: Option<usize>,
    /// One entry per party of the commission, in its order.
    pub leads: Vec<(Id, Option<usize>)>,
    pub start_on: Option<usize>,
    pub due_on: Option<usize>,
    pub id: Option<usize>,
    pub version: Option<usize>,
}

impl Columns {
    pub fn new(mapping: &Mapping, parties: &[Party], width: usize) -> Self {
        let column = |wanted: &Field| {
            mapping
                .0
                .iter()
                .take(width)
                .position(|f| f.as_ref() == Some(wanted))
        };
        // In sheet order, so "the first title column" is the leftmost one the user sees.
        let per_lang = |make: fn(Lang) -> Field| {
            let mut cols: Vec<(Lang, usize)> = Lang::ALL
                .into_iter()
                .filter_map(|l| column(&make(l)).map(|c| (l, c)))
                .collect();
            cols.sort_by_key(|(_, c)| *c);
            cols
        };
        Columns {
            code: column(&Field::Code),
            title: per_lang(Field::Title),
            description: per_lang(Field::Description),
            area: column(&Field::Area),
            leads: parties
                .iter()
                .map(|p| (p.id, column(&Field::Lead(p.id))))
                .collect(),
            start_on: column(&Field::StartOn),
            due_on: column(&Field::DueOn),
            id: column(&Field::Id),
            version: column(&Field::Version),
        }
    }

    /// Required fields without a column: the title (in no language at all; reported as
    /// `Title(Lang::Ar)`, the first title field), the area, and a lead for each party. The
    /// code is not required: codes are then generated. Ids without their versions could
    /// overwrite a newer edit unseen, so a mapped id requires the version.
    pub fn unmapped(&self) -> Vec<Field> {
        let mut missing = Vec::new();
        if self.id.is_some() && self.version.is_none() {
            missing.push(Field::Version);
        }
        if self.title.is_empty() {
            missing.push(Field::Title(Lang::Ar));
        }
        if self.area.is_none() {
            missing.push(Field::Area);
        }
        for (party, column) in &self.leads {
            if column.is_none() {
                missing.push(Field::Lead(*party));
            }
        }
        missing
    }

    /// The column a `rules::check_item` error points at, for its path and this row's item:
    /// the longest text of a multi-language field (a "too long" error is about that one; the
    /// first column on a tie),
    /// the lead column of a lead's party, else the field's own column.
    pub fn for_rule(
        &self,
        path: &str,
        lengths: impl Fn(usize) -> usize,
        leads: &[Id],
    ) -> Option<usize> {
        let mut parts = path.split('.');
        let longest = |cols: &[(Lang, usize)]| {
            cols.iter()
                .rev()
                .map(|(_, c)| *c)
                .max_by_key(|c| lengths(*c))
        };
        match parts.next()? {
            "code" => self.code,
            "title" => longest(&self.title),
            "description" => longest(&self.description),
            "start_on" => self.start_on,
            "due_on" => self.due_on,
            "leads" => {
                let n: usize = parts.next()?.parse().ok()?;
                let party = leads.get(n)?;
                self.leads.iter().find(|(p, _)| p == party)?.1
            }
            _ => None,
        }
    }
}
