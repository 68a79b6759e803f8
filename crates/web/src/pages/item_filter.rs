//! Which items a dashboard figure counts, as a value that writes itself as the query of the
//! list page (`/items?…`) and reads itself back from it. The dashboard builds every link
//! from a `Selection` and the list page keeps exactly the facts `admits` — the same rules
//! as `core::followup::figures` — so a figure and the list behind it cannot disagree.

use chrono::{Days, NaiveDate};
use serde::Deserialize;
use taawun_core::followup::{FollowupRules, ItemFacts, assess_facts};
use taawun_core::{Id, ItemStatus};
use taawun_store::FactsScope;

use crate::error::WebError;

/// What is counted among the items of a scope (and group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Every item, cancelled ones included: the dashboard's total.
    All,
    /// Items not cancelled: the base of every rate and group tally.
    Counted,
    /// Done; within a side or lead body group, done on that side.
    Done,
    /// Neither done nor cancelled.
    Open,
    Cancelled,
    Overdue,
    /// At risk and not already overdue (a late item is listed once, as overdue).
    AtRisk,
    /// Open and due from today to today + 30 days.
    Due30,
    Due90,
}

impl Show {
    pub const ALL: [Show; 9] = [
        Show::All,
        Show::Counted,
        Show::Done,
        Show::Open,
        Show::Cancelled,
        Show::Overdue,
        Show::AtRisk,
        Show::Due30,
        Show::Due90,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Counted => "counted",
            Show::Done => "done",
            Show::Open => "open",
            Show::Cancelled => "cancelled",
            Show::Overdue => "overdue",
            Show::AtRisk => "at_risk",
            Show::Due30 => "due30",
            Show::Due90 => "due90",
        }
    }

    fn parse(key: &str) -> Option<Show> {
        Show::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A scope, optionally one group of it (area, lead body, side), and what to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub scope: FactsScope,
    pub area: Option<Id>,
    /// An organisation leading one side.
    pub lead: Option<Id>,
    /// A party leading one side.
    pub side: Option<Id>,
    pub show: Show,
}

/// The query of `/items`; every part optional.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    pub commission: Option<String>,
    pub agreement: Option<String>,
    pub party: Option<String>,
    pub area: Option<String>,
    pub lead: Option<String>,
    pub side: Option<String>,
    pub show: Option<String>,
    pub page: Option<u32>,
}

fn id(raw: &Option<String>, name: &str) -> Result<Option<Id>, WebError> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| WebError::BadRequest(format!("{name}: not an id"))),
    }
}

impl Selection {
    pub fn new(scope: FactsScope) -> Self {
        Selection {
            scope,
            area: None,
            lead: None,
            side: None,
            show: Show::All,
        }
    }

    pub fn show(mut self, show: Show) -> Self {
        self.show = show;
        self
    }

    pub fn area(mut self, id: Id) -> Self {
        self.area = Some(id);
        self
    }

    pub fn lead(mut self, id: Id) -> Self {
        self.lead = Some(id);
        self
    }

    pub fn side(mut self, id: Id) -> Self {
        self.side = Some(id);
        self
    }

    /// Reads the list page's query; a malformed id or an unknown `show` is a 400, and only
    /// one scope may be named.
    pub fn from_params(p: &Params) -> Result<Self, WebError> {
        let scopes = [
            id(&p.commission, "commission")?.map(FactsScope::Commission),
            id(&p.agreement, "agreement")?.map(FactsScope::Agreement),
            id(&p.party, "party")?.map(FactsScope::Party),
        ];
        let mut named = scopes.into_iter().flatten();
        let scope = named.next().unwrap_or(FactsScope::All);
        if named.next().is_some() {
            return Err(WebError::BadRequest("one scope at most".into()));
        }
        let show = match p.show.as_deref() {
            None | Some("") => Show::All,
            Some(k) => Show::parse(k).ok_or_else(|| WebError::BadRequest("show".into()))?,
        };
        Ok(Selection {
            scope,
            area: id(&p.area, "area")?,
            lead: id(&p.lead, "lead")?,
            side: id(&p.side, "side")?,
            show,
        })
    }

    /// The query string of this selection (without `?`), parts in a fixed order.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        match self.scope {
            FactsScope::All => {}
            FactsScope::Commission(c) => parts.push(format!("commission={c}")),
            FactsScope::Agreement(a) => parts.push(format!("agreement={a}")),
            FactsScope::Party(p) => parts.push(format!("party={p}")),
        }
        for (name, value) in [
            ("area", self.area),
            ("lead", self.lead),
            ("side", self.side),
        ] {
            if let Some(v) = value {
                parts.push(format!("{name}={v}"));
            }
        }
        parts.push(format!("show={}", self.show.key()));
        parts.join("&")
    }

    /// The list page of the items this selection counts.
    pub fn href(&self) -> String {
        format!("/items?{}", self.query())
    }

    /// The dashboard of this selection's scope.
    pub fn dashboard(&self) -> String {
        match self.scope {
            FactsScope::All => "/dashboard".into(),
            FactsScope::Commission(c) => format!("/dashboard/commissions/{c}"),
            FactsScope::Agreement(a) => format!("/dashboard/agreements/{a}"),
            FactsScope::Party(p) => format!("/dashboard/parties/{p}"),
        }
    }

    /// Whether the item is one this selection counts on `today`: the rules of `figures`,
    /// written out once more for one item.
    pub fn admits(&self, f: &ItemFacts, today: NaiveDate, rules: &FollowupRules) -> bool {
        if self.area.is_some_and(|a| a != f.area_id) {
            return false;
        }
        let grouped_by_side = self.lead.is_some() || self.side.is_some();
        // The side this selection is about, when it is about one.
        let side = f.sides.iter().find(|s| {
            grouped_by_side
                && self.lead.is_none_or(|o| s.organisation_id == o)
                && self.side.is_none_or(|p| s.party_id == p)
        });
        if grouped_by_side && side.is_none() {
            return false;
        }
        let cancelled = f.status == ItemStatus::Cancelled;
        // Group tallies leave cancelled items out, as `figures` does.
        if cancelled && (self.area.is_some() || grouped_by_side) {
            return false;
        }
        let open = f.status.is_open();
        let due_within = |days: u64| {
            let end = today.checked_add_days(Days::new(days)).unwrap_or(today);
            open && f.due_on.is_some_and(|d| d >= today && d <= end)
        };
        match self.show {
            Show::All => true,
            Show::Counted => !cancelled,
            Show::Done => match side {
                Some(s) => s.status == ItemStatus::Done,
                None => f.status == ItemStatus::Done,
            },
            Show::Open => open,
            Show::Cancelled => cancelled,
            Show::Overdue => assess_facts(f, today, rules).overdue,
            Show::AtRisk => {
                let a = assess_facts(f, today, rules);
                open && !a.overdue && a.at_risk.is_some()
            }
            Show::Due30 => due_within(30),
            Show::Due90 => due_within(90),
        }
    }
}

/// Soonest due first, undated last, then by id: the order of the dashboard's lists.
/// The facts of the reader's items that `sel` admits on `today`, soonest due first: the
/// rows of `/items?…` and of its spreadsheet download, so both list the same items.
pub async fn admitted(
    v: &taawun_store::Visible,
    sel: &Selection,
    today: NaiveDate,
) -> taawun_store::StoreResult<Vec<ItemFacts>> {
    let rules = crate::clock::rules();
    let mut kept: Vec<ItemFacts> = v
        .item_facts(sel.scope)
        .await?
        .into_iter()
        .filter(|f| sel.admits(f, today, &rules))
        .collect();
    kept.sort_by_key(|f| (f.due_on.is_none(), f.due_on, f.id));
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use taawun_core::new_id;

    #[test]
    fn a_selection_reads_back_its_own_query() {
        let (c, a) = (new_id(), new_id());
        let s = Selection::new(FactsScope::Commission(c))
            .area(a)
            .show(Show::Done);
        let q: Params = serde_urlencoded::from_str(&s.query()).unwrap();
        assert_eq!(Selection::from_params(&q).unwrap(), s);
        assert_eq!(
            s.href(),
            format!("/items?commission={c}&area={a}&show=done")
        );
    }

    #[test]
    fn two_scopes_or_a_bad_id_are_refused() {
        let q = Params {
            commission: Some(new_id().to_string()),
            party: Some(new_id().to_string()),
            ..Params::default()
        };
        assert!(Selection::from_params(&q).is_err());
        let q = Params {
            area: Some("x".into()),
            ..Params::default()
        };
        assert!(Selection::from_params(&q).is_err());
    }
}
