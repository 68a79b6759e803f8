//! Which items a dashboard figure counts, as a value that writes itself as the query of the
//! list page (`/items?…`) and reads itself back from it. The dashboard builds every link
//! from a `Selection`; the list page keeps the facts its `core::followup::ItemFilter`
//! admits — the very predicate `figures` counts with — so a figure and the list behind it
//! cannot disagree.

use serde::Deserialize;
use taawun_app::items::ItemSelection;
use taawun_core::Id;
use taawun_core::followup::ItemFilter;
use taawun_store::FactsScope;

use crate::error::WebError;

pub use taawun_core::followup::Show;

/// The figure named `key` in a query (`show=overdue`).
fn show_named(key: &str) -> Option<Show> {
    Show::ALL.into_iter().find(|s| s.key() == key)
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
    pub plan: Option<String>,
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
            id(&p.plan, "plan")?.map(FactsScope::Plan),
        ];
        let mut named = scopes.into_iter().flatten();
        let scope = named.next().unwrap_or(FactsScope::All);
        if named.next().is_some() {
            return Err(WebError::BadRequest("one scope at most".into()));
        }
        let show = match p.show.as_deref() {
            None | Some("") => Show::All,
            Some(k) => show_named(k).ok_or_else(|| WebError::BadRequest("show".into()))?,
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
            FactsScope::Plan(p) => parts.push(format!("plan={p}")),
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
            // A plan's own page is its follow-up view.
            FactsScope::Plan(p) => format!("/plans/{p}"),
        }
    }

    /// The same selection as the application reads it.
    pub fn items(&self) -> ItemSelection {
        ItemSelection {
            scope: self.scope,
            filter: ItemFilter {
                area: self.area,
                lead: self.lead,
                side: self.side,
                show: self.show,
            },
        }
    }
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
