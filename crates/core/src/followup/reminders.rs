//! Reminders: which follow-up dates call for someone's attention on a given day (items due
//! soon or overdue, agreements entering into force, expiring or reaching their notice
//! date), and whose attention, by role and party. The caller hands over only records the
//! person may see (the store's `Visible`), so these rules never widen what anyone sees.

use super::deadlines::{DeadlineKind, agreement_deadlines};
use super::figures::ItemFacts;
use crate::{Agreement, Id, Principal, RecordKind, Role};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// An open item due within the window (today included).
    ItemDueSoon,
    /// An open item past its due date.
    ItemOverdue,
    AgreementEntersIntoForce,
    AgreementExpires,
    /// The last day to give notice before an agreement expires.
    AgreementNoticeDate,
    /// The secretariat asked the item's lead body on this side for news (`on`: the day it
    /// asked). Recorded when asked, never computed by a reminder pass.
    UpdateRequested,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 6] = [
        ReminderKind::ItemDueSoon,
        ReminderKind::ItemOverdue,
        ReminderKind::AgreementEntersIntoForce,
        ReminderKind::AgreementExpires,
        ReminderKind::AgreementNoticeDate,
        ReminderKind::UpdateRequested,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReminderKind::ItemDueSoon => "item_due_soon",
            ReminderKind::ItemOverdue => "item_overdue",
            ReminderKind::AgreementEntersIntoForce => "agreement_enters_into_force",
            ReminderKind::AgreementExpires => "agreement_expires",
            ReminderKind::AgreementNoticeDate => "agreement_notice_date",
            ReminderKind::UpdateRequested => "update_requested",
        }
    }

    pub fn parse(key: &str) -> Option<ReminderKind> {
        ReminderKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind of record it points at.
    pub fn entity(self) -> RecordKind {
        match self {
            ReminderKind::ItemDueSoon
            | ReminderKind::ItemOverdue
            | ReminderKind::UpdateRequested => RecordKind::ActionItem,
            ReminderKind::AgreementEntersIntoForce
            | ReminderKind::AgreementExpires
            | ReminderKind::AgreementNoticeDate => RecordKind::Agreement,
        }
    }

    fn of_deadline(d: DeadlineKind) -> Self {
        match d {
            DeadlineKind::EntersIntoForce => ReminderKind::AgreementEntersIntoForce,
            DeadlineKind::Expires => ReminderKind::AgreementExpires,
            DeadlineKind::NoticeDate => ReminderKind::AgreementNoticeDate,
        }
    }
}

/// One reminder: `on` is the date it is about (the due date, the expiry…), not the day it
/// was computed, so computing again on later days finds the same reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reminder {
    pub kind: ReminderKind,
    pub record_id: Id,
    pub on: NaiveDate,
}

/// A reminder as one user's notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: Id,
    pub user_id: Id,
    pub reminder: Reminder,
    pub created_at: DateTime<Utc>,
    pub read: bool,
    pub emailed: bool,
}

/// Whose attention an item needs: administrators', the secretariat of its commission, and
/// the editors of a party leading one of its sides. Readers and auditors follow the work
/// in the pages and get no reminders.
pub fn concerns_item(p: &Principal, item: &ItemFacts) -> bool {
    match p.role {
        Role::Administrator => true,
        Role::Secretariat => p.commissions.contains(&item.commission_id),
        Role::PartyEditor => item.sides.iter().any(|s| Some(s.party_id) == p.party_id),
        Role::Reader | Role::Auditor => false,
    }
}

/// Whose attention an agreement's dates need: administrators' and the secretariat of the
/// commission following it up. Party editors work on items, not on agreements.
pub fn concerns_agreement(p: &Principal, a: &Agreement) -> bool {
    match p.role {
        Role::Administrator => true,
        Role::Secretariat => a.commission_id.is_some_and(|c| p.commissions.contains(&c)),
        Role::PartyEditor | Role::Reader | Role::Auditor => false,
    }
}

/// The last day of a window of `within_days` starting today.
fn window_end(today: NaiveDate, within_days: u32) -> NaiveDate {
    today
        .checked_add_days(Days::new(u64::from(within_days)))
        .unwrap_or(today)
}

/// The item reminders for `p` on `today`: open items due from today to today +
/// `within_days` (due soon), and open items past their due date (overdue).
pub fn item_reminders(
    p: &Principal,
    items: &[ItemFacts],
    today: NaiveDate,
    within_days: u32,
) -> Vec<Reminder> {
    let end = window_end(today, within_days);
    let mut out: Vec<Reminder> = items
        .iter()
        .filter(|i| i.status.is_open() && concerns_item(p, i))
        .filter_map(|i| {
            let due = i.due_on?;
            let kind = if due < today {
                ReminderKind::ItemOverdue
            } else if due <= end {
                ReminderKind::ItemDueSoon
            } else {
                return None;
            };
            Some(Reminder {
                kind,
                record_id: i.id,
                on: due,
            })
        })
        .collect();
    out.sort();
    out
}

/// The agreement reminders for `p` on `today`: each date of `agreement_deadlines` falling
/// from today to today + `within_days`. An agreement that has ended calls for none.
pub fn agreement_reminders(
    p: &Principal,
    agreements: &[Agreement],
    today: NaiveDate,
    within_days: u32,
) -> Vec<Reminder> {
    let end = window_end(today, within_days);
    let mut out: Vec<Reminder> = agreements
        .iter()
        .filter(|a| !a.status.is_ended() && concerns_agreement(p, a))
        .flat_map(|a| {
            agreement_deadlines(a)
                .into_iter()
                .filter(|(_, day)| (today..=end).contains(day))
                .map(|(kind, day)| Reminder {
                    kind: ReminderKind::of_deadline(kind),
                    record_id: a.id,
                    on: day,
                })
        })
        .collect();
    out.sort();
    out
}
