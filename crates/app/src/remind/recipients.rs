//! Who is reminded of what: the rules are `core::followup`'s (`concerns_item`,
//! `concerns_agreement`); the records they judge come from the user's own `Visible`, so a
//! record above their clearance, or not released to their party, is never among them.

use chrono::NaiveDate;
use taawun_core::Role;
use taawun_core::followup::{Reminder, agreement_reminders, item_reminders};
use taawun_store::{FactsScope, StoreResult, Visible};

/// The reminders of the reader of `v` on `today`, items then agreements.
pub async fn reminders_for(
    v: &Visible,
    today: NaiveDate,
    within_days: u32,
) -> StoreResult<Vec<Reminder>> {
    let p = v.principal();
    // Readers and auditors get none (see `concerns_item`): spare the reads.
    if matches!(p.role, Role::Reader | Role::Auditor) {
        return Ok(vec![]);
    }
    let facts = v.item_facts(FactsScope::All).await?;
    let mut out = item_reminders(p, &facts, today, within_days);
    if p.role != Role::PartyEditor {
        let agreements = v.agreements().await?;
        out.extend(agreement_reminders(p, &agreements, today, within_days));
    }
    Ok(out)
}
