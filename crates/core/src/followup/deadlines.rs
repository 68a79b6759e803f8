//! The dates an agreement's terms set: entry into force, expiry, and the last day to give
//! notice before expiry. Reminders and the dashboard's "expiring soon" read them.

use crate::Agreement;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    EntersIntoForce,
    Expires,
    /// The last day a party can give notice (of non-renewal or denunciation).
    NoticeDate,
}

impl DeadlineKind {
    pub fn key(self) -> &'static str {
        match self {
            DeadlineKind::EntersIntoForce => "enters_into_force",
            DeadlineKind::Expires => "expires",
            DeadlineKind::NoticeDate => "notice_date",
        }
    }
}

/// The agreement's dates, in date order: entry into force when known; expiry when it is in
/// force for a fixed duration (`in_force_on` + `duration_months`, the day clamped to the
/// month's end); the notice date when a notice period is set too (expiry −
/// `notice_months`). The dates follow from the terms alone: whether an ended agreement's
/// dates still call for a reminder is the caller's choice (see `Lifecycle::is_ended`).
pub fn agreement_deadlines(a: &Agreement) -> Vec<(DeadlineKind, NaiveDate)> {
    let mut out = Vec::new();
    let Some(in_force) = a.in_force_on else {
        return out;
    };
    out.push((DeadlineKind::EntersIntoForce, in_force));
    let expiry = a
        .duration_months
        .and_then(|m| in_force.checked_add_months(Months::new(m)));
    if let Some(expiry) = expiry {
        out.push((DeadlineKind::Expires, expiry));
        let notice = a
            .notice_months
            .and_then(|m| expiry.checked_sub_months(Months::new(m)));
        if let Some(notice) = notice {
            out.push((DeadlineKind::NoticeDate, notice));
        }
    }
    out.sort_by_key(|(kind, day)| (*day, *kind as u8));
    out
}
