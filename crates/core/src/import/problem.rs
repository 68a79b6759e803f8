//! What can be wrong with an imported row, independent of language.

use super::Field;
use crate::{Id, RuleError};

/// One problem, placed where the user will look for it in their spreadsheet. Its sentence is
/// `RowProblem::message(lang, parties)` in `taawun-i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Spreadsheet row number as the user sees it (the header is row 1, the first data row
    /// is 2; blank rows keep their number); 0 for problems of the whole mapping.
    pub row: usize,
    /// The column's header, when the problem is in one cell.
    pub column: Option<String>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required field has no column: the title (in no language; reported as
    /// `Title(Lang::Ar)`), the area, or the lead of a party.
    Unmapped(Field),
    /// The cell of a required field is blank. For the title: every title cell of the row is,
    /// and the problem names the leftmost title column.
    Missing(Field),
    /// The cell's text is not a date in an accepted form, or not a date at all (31/02).
    BadDate(String),
    /// No organisation bears this name or acronym.
    UnknownOrganisation {
        value: String,
        party: Id,
    },
    /// Only organisations of other parties than the column's bear this name.
    OrganisationOfOtherParty {
        value: String,
        party: Id,
    },
    UnknownArea(String),
    /// The code is on more than one row of the file (reported on each of them).
    DuplicateCode(String),
    /// An item of the plan already has this code.
    CodeTaken(String),
    /// The id is on more than one row of the file (reported on each of them).
    DuplicateId(String),
    /// The item changed since the sheet was exported: the file's version (as written) is not
    /// the stored one. The row is not applied; export again and redo the change.
    VersionConflict {
        code: String,
        yours: String,
        stored: i64,
    },
    /// What `rules::check_item` still finds (due before start, text too long…).
    Rule(RuleError),
}
