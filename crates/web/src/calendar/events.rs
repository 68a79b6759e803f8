//! The events of a calendar feed, read through the subscriber's `Visible`: sessions (all
//! days they run), activities, the due dates of open items and agreements' dates (entry
//! into force, expiry, notice). A commission's feed holds its own; a user's feed holds what
//! concerns them, as their reminders do (`core::followup::concerns_*`).

use chrono::{DateTime, NaiveDate, Utc};
use taawun_core::followup::{agreement_deadlines, concerns_agreement, concerns_item};
use taawun_core::{Id, ItemStatus, Lang, LocalizedText};
use taawun_docs::{Calendar, Event, When};
use taawun_store::{FactsScope, StoreResult, Visible};

use crate::i18n;

/// Whose calendar.
#[derive(Debug, Clone, Copy)]
pub enum Feed {
    Commission(Id),
    /// The subscriber's own: everything that concerns them.
    Mine,
}

fn pick(lang: Lang, t: &LocalizedText) -> String {
    t.show(lang).to_string()
}

/// `base` is the site's address for links back (empty: no links).
pub async fn build(
    v: &Visible,
    feed: Feed,
    lang: Lang,
    stamp: DateTime<Utc>,
    base: &str,
) -> StoreResult<Calendar> {
    let commissions = match feed {
        Feed::Commission(id) => v.commission(id).await?.into_iter().collect::<Vec<_>>(),
        Feed::Mine => v.commissions().await?,
    };
    let name = match feed {
        Feed::Commission(_) => commissions
            .first()
            .map(|c| pick(lang, &c.name))
            .unwrap_or_default(),
        Feed::Mine => i18n::message(lang, "calendar-mine"),
    };
    let url = |path: String| (!base.is_empty()).then(|| format!("{base}{path}"));
    let mut events = Vec::new();
    for c in &commissions {
        for s in v.sessions(Some(c.id)).await? {
            let ordinal = i18n::message_count(lang, "session-ordinal", s.ordinal as usize);
            events.push(Event {
                uid: format!("session-{}@taawun", s.id),
                summary: format!("{ordinal} — {}", pick(lang, &c.name)),
                description: s
                    .agenda
                    .iter()
                    .map(|a| format!("• {}", pick(lang, &a.title)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                location: pick(lang, &s.place),
                when: When::Days {
                    first: s.start_on,
                    last: s.end_on,
                },
                stamp,
                url: url(format!("/sessions/{}", s.id)),
            });
        }
    }
    let scope = match feed {
        Feed::Commission(id) => FactsScope::Commission(id),
        Feed::Mine => FactsScope::All,
    };
    let who = v.principal().clone();
    // Activities by item, read once: a feed may cover thousands of items.
    let mut activities: std::collections::HashMap<Id, Vec<taawun_core::Activity>> =
        std::collections::HashMap::new();
    for a in v.activities(None).await? {
        if let Some(item) = a.item_id {
            activities.entry(item).or_default().push(a);
        }
    }
    for f in v.item_facts(scope).await? {
        let mine = matches!(feed, Feed::Commission(_)) || concerns_item(&who, &f);
        let open = !matches!(f.status, ItemStatus::Done | ItemStatus::Cancelled);
        let due = f.due_on.filter(|_| open);
        let its = activities.remove(&f.id).unwrap_or_default();
        if !mine || (due.is_none() && its.is_empty()) {
            continue;
        }
        let Some(item) = v.item(f.id).await? else {
            continue;
        };
        let named = format!("{} {}", item.code, pick(lang, &item.title));
        if let Some(due) = due {
            events.push(day_event(
                format!("due-{}@taawun", item.id),
                i18n::message_with(lang, "calendar-due", "item", &named),
                due,
                stamp,
                url(format!("/items/{}", item.id)),
            ));
        }
        for a in its {
            events.push(Event {
                uid: format!("activity-{}@taawun", a.id),
                summary: pick(lang, &a.title),
                description: named.clone(),
                location: pick(lang, &a.place),
                when: When::Days {
                    first: a.start_on,
                    last: a.end_on,
                },
                stamp,
                url: url(format!("/items/{}", item.id)),
            });
        }
    }
    for a in v.agreements().await? {
        let ours = match feed {
            Feed::Commission(id) => a.commission_id == Some(id),
            Feed::Mine => concerns_agreement(&who, &a),
        };
        if !ours || a.status.is_ended() {
            continue;
        }
        for (kind, on) in agreement_deadlines(&a) {
            let label = i18n::message(lang, &format!("notice-kind-agreement_{}", kind.key()));
            events.push(day_event(
                format!("agreement-{}-{}@taawun", a.id, kind.key()),
                format!("{label} — {}", pick(lang, &a.title)),
                on,
                stamp,
                url(format!("/agreements/{}", a.id)),
            ));
        }
    }
    Ok(Calendar { name, events })
}

fn day_event(
    uid: String,
    summary: String,
    on: NaiveDate,
    stamp: DateTime<Utc>,
    url: Option<String>,
) -> Event {
    Event {
        uid,
        summary,
        description: String::new(),
        location: String::new(),
        when: When::Days {
            first: on,
            last: on,
        },
        stamp,
        url,
    }
}
