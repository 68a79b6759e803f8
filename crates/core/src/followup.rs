//! Follow-up between sessions: what each side has done on an item (mirror ownership) and
//! the joint status derived from both, indicator series, the status rules (overdue, at
//! risk), agreement deadlines, dashboard figures and the carry-over to the next agenda.
//! Pure functions over records: the store feeds them, pages and reminders read them.

mod deadlines;
mod figures;
mod indicators;
mod reminders;
mod selection;
mod sides;
mod status;
mod thresholds;

pub use deadlines::{DeadlineKind, agreement_deadlines};
pub use figures::{Counts, Figures, ItemFacts, Tally, carry_over, figures};
pub use indicators::{Period, PeriodValue, achievement, indicator_series};
pub use reminders::{
    Notification, Reminder, ReminderKind, agreement_reminders, concerns_agreement, concerns_item,
    item_reminders,
};
pub use selection::{ItemFilter, Show};
pub use sides::{SideState, item_status, joint_percent, joint_status, rolls_up, side_states};
pub use status::{
    Assessment, FollowupRules, Risk, assess, assess_facts, expected_percent, overdue_on,
};
pub use thresholds::{Thresholds, thresholds};
