//! The items behind a dashboard figure, read for one reader: the rows of `/items?…` and of
//! its spreadsheet, so a list and its download hold the same items. Which items a figure
//! counts is `core::followup::ItemFilter`'s to say; this reads them through `Visible`.

use chrono::NaiveDate;
use taawun_core::followup::{FollowupRules, ItemFacts, ItemFilter};
use taawun_store::{FactsScope, ItemWindow, StoreResult, Visible, Window};

/// The status rules' thresholds: one instance-wide value for now, kept behind a function so
/// pages, lists, dashboards and exports always judge items by the same margins.
pub fn rules() -> FollowupRules {
    FollowupRules::STANDARD
}

/// A dashboard's scope and one of its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemSelection {
    pub scope: FactsScope,
    pub filter: ItemFilter,
}

impl ItemSelection {
    /// Every item the reader may see: the list with no filter.
    pub fn all() -> Self {
        ItemSelection {
            scope: FactsScope::All,
            filter: ItemFilter::default(),
        }
    }
}

/// One window of the reader's items that `sel` admits on `today`, soonest due first
/// (undated last), then by id: the order of the dashboard's lists. Selected, ordered and
/// counted in the store's query.
pub async fn window(
    v: &Visible,
    sel: &ItemSelection,
    today: NaiveDate,
    window: Window,
) -> StoreResult<ItemWindow> {
    v.item_window(sel.scope, &sel.filter, today, window).await
}

/// Every item of the reader's that `sel` admits on `today`, in the lists' order: the rows
/// of a spreadsheet download.
pub async fn admitted(
    v: &Visible,
    sel: &ItemSelection,
    today: NaiveDate,
) -> StoreResult<Vec<ItemFacts>> {
    Ok(window(v, sel, today, Window::ALL).await?.rows)
}
