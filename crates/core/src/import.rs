//! Import of action items from a spreadsheet: the columns of a read `sheet::Sheet` are
//! mapped onto item fields (guessed from the headers, or remembered from last time), each
//! non-blank row becomes a new item of a plan, and every problem of every row is listed as
//! data (`RowProblem`), worded by `taawun-i18n` in the reader's language along with the
//! fields' names. Pure: the web and CLI layers read the file and show the preview, the store
//! commits the items of a clean preview all-or-nothing.

mod columns;
mod dates;
mod field;
mod lookup;
mod mapping;
mod prepare;
mod problem;

pub use field::{Field, fields};
pub use mapping::{Mapping, SavedMapping, guess_mapping_with};
pub use prepare::{Change, ImportContext, Preview, prepare};
pub use problem::{Problem, RowProblem};
