//! The demo dataset: the Morocco–Mali joint military commission and its 1st session
//! (Bamako, 17–19 February 2025). Only facts stated in public reporting are recorded as
//! plain records; everything invented so that every page has content (agenda wording,
//! clause texts, action items, progress, activities) carries `example: true` and is shown
//! with an "example" badge. A second, invented commission (Morocco–Senegal, `second`) shows
//! an instance serving several partners. Loaded through the `Store` trait like any other write, so it is
//! validated and audited.

mod actors;
mod chain;
mod followup;
mod second;

use crate::{Actor, Store, StoreResult};
use chrono::NaiveDate;
use taawun_core::LocalizedText;

/// Loads the demo into `store`. Call it on an empty store (see `Store::is_empty`): it does
/// not check for an earlier copy.
pub async fn load(store: &dyn Store) -> StoreResult<()> {
    let actor = Actor::new("demo");
    let who = actors::load(store, &actor).await?;
    let chain = chain::load(store, &actor, &who).await?;
    followup::load(store, &actor, &who, &chain).await?;
    second::load(store, &actor, &who, &chain).await
}

/// The day the demo's example follow-up is written for: tests judge the example items on
/// it (which are overdue, at risk, done), so their answers do not change as time passes.
pub fn as_of() -> NaiveDate {
    d(2026, 12, 1)
}

fn t(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    // The demo's dates are literals checked by the tests that load it.
    NaiveDate::from_ymd_opt(y, m, day).expect("valid demo date")
}
