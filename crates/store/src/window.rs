//! Lists read one window at a time: which rows to read, and what comes back — the rows, and
//! how many match in all, counted only up to a bound so that counting a long list costs no
//! more than showing a page of it.

use taawun_core::ActionItem;
use taawun_core::followup::ItemFacts;

/// Which rows of a list to read: `limit` rows after the first `offset`, and how far to
/// count the matching rows — past `count_to` the count is only "more than `count_to`". An item
/// window with `count_to` 0 takes no count at all: its `more` says only whether it holds rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub offset: u64,
    pub limit: u64,
    pub count_to: u64,
}

impl Window {
    /// Every row, counted exactly: for a download that must hold the whole list.
    pub const ALL: Window = Window {
        offset: 0,
        limit: i64::MAX as u64,
        count_to: i64::MAX as u64 - 1,
    };
}

/// One window of a list, and how many rows match in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Windowed<T> {
    pub rows: Vec<T>,
    /// The matching rows, all windows together, up to `Window::count_to`.
    pub count: u64,
    /// Whether more than `count` match (the count stopped at its bound).
    pub more: bool,
}

impl<T> Default for Windowed<T> {
    fn default() -> Self {
        Windowed {
            rows: Vec::new(),
            count: 0,
            more: false,
        }
    }
}

/// The items behind a dashboard figure, one window of them.
pub type ItemWindow = Windowed<ItemFacts>;

/// An item's neighbours in its plan's order among those the reader may see, and the
/// others of the plan carrying the same code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Neighbours {
    pub previous: Option<ActionItem>,
    pub next: Option<ActionItem>,
    pub same_code: Vec<ActionItem>,
}
