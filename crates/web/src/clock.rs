//! "Today" for every follow-up page: the one place a date is taken from, so tests and the
//! demo can fix it while a real instance follows the calendar.

use chrono::{NaiveDate, Utc};
use taawun_core::followup::FollowupRules;

/// Where "today" comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    /// The server's calendar date (UTC): both partners' capitals are within a few hours of
    /// it, and a due date is a day, not an instant.
    #[default]
    System,
    /// A fixed day: tests, and the demo judged on the day its follow-up was written for.
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => Utc::now().date_naive(),
            Clock::Fixed(day) => day,
        }
    }
}

/// The status rules' thresholds. One instance-wide value for now; kept behind a function
/// so pages, lists and the dashboard always judge items by the same margins.
pub fn rules() -> FollowupRules {
    taawun_app::items::rules()
}
