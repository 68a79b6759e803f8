//! What a form is made of, declared once per record form: fields (each with the core field
//! path it fills, so a `RuleError.field` finds its input), repeating rows and fieldsets.
//! The same declaration drives rendering (`render`), reading (`parse`) and error placement.

use crate::markup::Markup;

/// One choice of a select or checkbox list; `value` is what the form posts.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: Markup,
}

/// The type of a field, which fixes its widget and how its text is read.
#[derive(Debug, Clone)]
pub enum Ty {
    /// A localized text: three inputs `path.ar` / `path.fr` / `path.en`, side by side.
    Text3 {
        long: bool,
        max: usize,
    },
    /// Single-line text; `dir` is the input's direction (`auto` unless the script is known).
    Line {
        max: usize,
        dir: &'static str,
    },
    Int {
        min: i64,
        max: i64,
    },
    Float,
    Date,
    Select(Vec<Opt>),
    Check,
    /// Checkboxes posting the same name once per checked value: a list of ids.
    Multi(Vec<Opt>),
    /// A value carried through the form unchanged (a decision's id); blank means a new id.
    HiddenId,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// Path relative to the enclosing row (absolute at top level); empty for a row that is
    /// a bare value (a person's other spellings).
    pub path: String,
    pub label: String,
    pub ty: Ty,
    /// May be left blank (written as null).
    pub optional: bool,
    /// A single-line text that may be left blank, written as an empty string (a person's
    /// name in one script, when the other is given).
    pub blank_ok: bool,
    pub hint: Option<String>,
}

impl Field {
    pub fn new(path: &str, label: String, ty: Ty) -> Self {
        Field {
            path: path.to_string(),
            label,
            ty,
            optional: false,
            blank_ok: false,
            hint: None,
        }
    }
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
    pub fn blank_ok(mut self) -> Self {
        self.blank_ok = true;
        self
    }
    pub fn hint(mut self, h: String) -> Self {
        self.hint = Some(h);
        self
    }
    /// Whether something typed here makes a row count (enum selects and checkboxes always
    /// hold a value, so they alone never do).
    pub fn counts(&self) -> bool {
        match &self.ty {
            Ty::Check | Ty::HiddenId => false,
            Ty::Select(opts) => !opts.iter().all(|o| !looks_like_id(&o.value)),
            _ => true,
        }
    }
}

fn looks_like_id(v: &str) -> bool {
    v.len() == 36 && v.parse::<uuid::Uuid>().is_ok()
}

/// One row of a list: constant values it always carries (a delegation's party), its
/// fields, and for block layouts the heading of its block.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub fixed: Vec<(String, serde_json::Value)>,
    pub items: Vec<Item>,
    pub legend: Option<Markup>,
}

/// A list of records (delegation members, decisions…), written as a whole from its rows;
/// blank rows are dropped. `extendable` lists get the "add rows" button and a row counter.
#[derive(Debug, Clone)]
pub struct Rows {
    pub path: String,
    pub legend: String,
    pub rows: Vec<Row>,
    pub extendable: bool,
    /// Rows shown as a table (one line per row) rather than one fieldset per row.
    pub table: bool,
}

#[derive(Debug, Clone)]
pub enum Item {
    Field(Field),
    Rows(Rows),
    /// A fieldset around items of the same record (the protection, an indicator).
    Group {
        legend: String,
        items: Vec<Item>,
        /// Path of an optional sub-record: null when every field in it is blank.
        nullable: Option<String>,
    },
}

/// Blank rows added below the existing ones, and again by each "add rows".
pub const BLANK_ROWS: usize = 2;
/// More rows than this are not read: bounds the work a forged counter can cause.
pub const MAX_ROWS: usize = 200;

/// Name of the hidden counter of rows rendered for a list.
pub fn counter(path: &str) -> String {
    format!("_rows.{path}")
}

/// The `id` attribute of a field's input: paths only hold `[a-z0-9_.]`.
pub fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The path of the demo's "example" mark, a field of several forms.
const EXAMPLE: &str = "example";

/// `items` without the demo's "example" mark: a real instance has no made-up records to
/// flag, so its forms do not offer the box (a record keeps what it had; a list written as a
/// whole writes its rows unmarked).
pub fn without_example(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .filter(|i| !matches!(i, Item::Field(f) if f.path == EXAMPLE))
        .map(|i| match i {
            Item::Field(_) => i.clone(),
            Item::Rows(r) => Item::Rows(Rows {
                rows: r
                    .rows
                    .iter()
                    .map(|row| Row {
                        items: without_example(&row.items),
                        ..row.clone()
                    })
                    .collect(),
                ..r.clone()
            }),
            Item::Group {
                legend,
                items,
                nullable,
            } => Item::Group {
                legend: legend.clone(),
                items: without_example(items),
                nullable: nullable.clone(),
            },
        })
        .collect()
}
