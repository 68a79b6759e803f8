//! One value of a copied row, as both engines can hold it.

/// What a column holds: SQLite's storage classes, which PostgreSQL's schema mirrors
/// (bigint, double precision, text, bytea).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Int,
    Real,
    Text,
    Blob,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Cell {
    /// Whether the value may stand in a column of `kind` (a null stands anywhere).
    pub(super) fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Cell::Null, _)
                | (Cell::Int(_), Kind::Int)
                | (Cell::Real(_), Kind::Real)
                | (Cell::Text(_), Kind::Text)
                | (Cell::Blob(_), Kind::Blob)
        )
    }
}

/// Binds `cell` to `q` as a value of `kind`, so that a null is typed as the column is
/// (PostgreSQL types every parameter).
macro_rules! bind_cell {
    ($q:expr, $cell:expr, $kind:expr) => {{
        use $crate::copy::cell::{Cell, Kind};
        match ($cell, $kind) {
            (Cell::Int(v), _) => $q.bind(*v),
            (Cell::Real(v), _) => $q.bind(*v),
            (Cell::Text(v), _) => $q.bind(v.as_str()),
            (Cell::Blob(v), _) => $q.bind(v.as_slice()),
            (Cell::Null, Kind::Int) => $q.bind(None::<i64>),
            (Cell::Null, Kind::Real) => $q.bind(None::<f64>),
            (Cell::Null, Kind::Text) => $q.bind(None::<&str>),
            (Cell::Null, Kind::Blob) => $q.bind(None::<&[u8]>),
        }
    }};
}
pub(super) use bind_cell;
