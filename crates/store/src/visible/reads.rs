//! The record reads of `Store`, filtered for the reader. A read about a record the reader may
//! not see (the sessions of a hidden person, the clauses of a hidden agreement) answers as
//! if that record did not exist: empty.

use super::Visible;
use crate::StoreResult;
use taawun_core::*;

impl Visible {
    /// True when the reader sees no commission, agreement nor party.
    pub async fn is_empty(&self) -> StoreResult<bool> {
        let s = &self.store;
        Ok(self.select(s.parties().await?).await?.is_empty()
            && self.select(s.agreements().await?).await?.is_empty()
            && self.select(s.commissions().await?).await?.is_empty())
    }

    /// Whether a filter's record is visible; a filter on nothing always is.
    async fn filter_ok(&self, entity: RecordKind, id: Option<Id>) -> StoreResult<bool> {
        match id {
            Some(id) => self.can_see_id(entity, id).await,
            None => Ok(true),
        }
    }

    pub async fn parties(&self) -> StoreResult<Vec<Party>> {
        self.keep(self.store.parties().await?).await
    }
    pub async fn party(&self, id: Id) -> StoreResult<Option<Party>> {
        self.keep_one(self.stored(id, self.store.party(id)).await?)
            .await
    }

    pub async fn organisations(&self, party: Option<Id>) -> StoreResult<Vec<Organisation>> {
        if !self.filter_ok(RecordKind::Party, party).await? {
            return Ok(vec![]);
        }
        self.keep(self.store.organisations(party).await?).await
    }
    pub async fn organisation(&self, id: Id) -> StoreResult<Option<Organisation>> {
        self.keep_one(self.stored(id, self.store.organisation(id)).await?)
            .await
    }

    pub async fn ranks(&self) -> StoreResult<Vec<Rank>> {
        self.keep(self.store.ranks().await?).await
    }
    pub async fn rank(&self, id: Id) -> StoreResult<Option<Rank>> {
        self.keep_one(self.stored(id, self.store.rank(id)).await?)
            .await
    }

    pub async fn people(&self, organisation: Option<Id>) -> StoreResult<Vec<Person>> {
        if !self
            .filter_ok(RecordKind::Organisation, organisation)
            .await?
        {
            return Ok(vec![]);
        }
        self.keep(self.store.people(organisation).await?).await
    }
    pub async fn person(&self, id: Id) -> StoreResult<Option<Person>> {
        self.keep_one(self.stored(id, self.store.person(id)).await?)
            .await
    }

    pub async fn areas(&self) -> StoreResult<Vec<Area>> {
        self.keep(self.store.areas().await?).await
    }
    pub async fn area(&self, id: Id) -> StoreResult<Option<Area>> {
        self.keep_one(self.stored(id, self.store.area(id)).await?)
            .await
    }

    pub async fn agreements(&self) -> StoreResult<Vec<Agreement>> {
        self.keep(self.store.agreements().await?).await
    }
    /// The agreements the reader may see one of whose deadlines falls from `from` to `to`
    /// (`Store::agreements_with_deadlines`).
    pub async fn agreements_with_deadlines(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> StoreResult<Vec<Agreement>> {
        let ids = self.store.agreements_with_deadlines(from, to).await?;
        self.prefetch_shown_of(RecordKind::Agreement, &ids).await?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.agreement(id).await?);
        }
        Ok(out)
    }
    pub async fn agreement(&self, id: Id) -> StoreResult<Option<Agreement>> {
        self.keep_one(self.stored(id, self.store.agreement(id)).await?)
            .await
    }
    pub async fn agreements_of_session(&self, session: Id) -> StoreResult<Vec<Agreement>> {
        if !self.can_see_id(RecordKind::Session, session).await? {
            return Ok(vec![]);
        }
        self.keep(self.store.agreements_of_session(session).await?)
            .await
    }

    pub async fn clauses(&self, agreement: Id) -> StoreResult<Vec<Clause>> {
        // Each clause's scope holds its agreement: a hidden agreement hides them all.
        self.keep(self.store.clauses(agreement).await?).await
    }
    pub async fn clause(&self, id: Id) -> StoreResult<Option<Clause>> {
        self.keep_one(self.stored(id, self.store.clause(id)).await?)
            .await
    }

    pub async fn commissions(&self) -> StoreResult<Vec<Commission>> {
        self.keep(self.store.commissions().await?).await
    }
    pub async fn commission(&self, id: Id) -> StoreResult<Option<Commission>> {
        self.keep_one(self.stored(id, self.store.commission(id)).await?)
            .await
    }

    pub async fn sessions(&self, commission: Option<Id>) -> StoreResult<Vec<Session>> {
        self.keep(self.store.sessions(commission).await?).await
    }
    /// The name of the partner instance record `id` came from, when it came from one and
    /// the reader may see it: shown on its page, where only the reader's side may change.
    pub async fn origin(&self, kind: RecordKind, id: Id) -> StoreResult<Option<String>> {
        if !self.can_see_id(kind, id).await? {
            return Ok(None);
        }
        let Some(instance) = self.store.exchange_origin(id).await? else {
            return Ok(None);
        };
        Ok(Some(
            self.store
                .exchange_partner(instance)
                .await?
                .map_or_else(|| instance.to_string(), |p| p.name),
        ))
    }
    pub async fn session(&self, id: Id) -> StoreResult<Option<Session>> {
        self.keep_one(self.stored(id, self.store.session(id)).await?)
            .await
    }
    pub async fn sessions_of_person(&self, person: Id) -> StoreResult<Vec<Session>> {
        if !self.can_see_id(RecordKind::Person, person).await? {
            return Ok(vec![]);
        }
        self.keep(self.store.sessions_of_person(person).await?)
            .await
    }

    pub async fn plans(&self, commission: Option<Id>) -> StoreResult<Vec<ActionPlan>> {
        self.keep(self.store.plans(commission).await?).await
    }
    pub async fn plans_for(&self, agreement_or_session: Id) -> StoreResult<Vec<ActionPlan>> {
        let id = agreement_or_session;
        let known = self.can_see_id(RecordKind::Agreement, id).await?
            || self.can_see_id(RecordKind::Session, id).await?;
        if !known {
            return Ok(vec![]);
        }
        self.keep(self.store.plans_for(id).await?).await
    }
    pub async fn plan(&self, id: Id) -> StoreResult<Option<ActionPlan>> {
        self.keep_one(self.stored(id, self.store.plan(id)).await?)
            .await
    }

    pub async fn items(&self, plan: Id) -> StoreResult<Vec<ActionItem>> {
        self.keep(self.store.items(plan).await?).await
    }
    /// One window of the commissions the reader may see, by name, selected by the store.
    pub async fn commissions_window(
        &self,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Commission>> {
        let found = self.store.commissions_window(&self.who, window).await?;
        self.kept(found).await
    }
    /// One window of the sessions the reader may see, newest first, selected by the store.
    pub async fn sessions_window(
        &self,
        commission: Option<Id>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Session>> {
        if let Some(c) = commission
            && !self.can_see_id(RecordKind::Commission, c).await?
        {
            return Ok(crate::Windowed::default());
        }
        let found = self
            .store
            .sessions_window(&self.who, commission, window)
            .await?;
        self.kept(found).await
    }
    /// One window of the agreements the reader may see, selected by the store.
    pub async fn agreements_window(
        &self,
        status: Option<Lifecycle>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Agreement>> {
        let found = self
            .store
            .agreements_window(&self.who, status, window)
            .await?;
        self.kept(found).await
    }
    /// A window the store selected, each row still decided and redacted here.
    async fn kept<R: super::Shown>(
        &self,
        found: crate::Windowed<R>,
    ) -> StoreResult<crate::Windowed<R>> {
        Ok(crate::Windowed {
            rows: self.keep(found.rows).await?,
            ..found
        })
    }
    /// The agreements the reader may see that amend, supersede or implement `target`.
    pub async fn agreements_linking_to(&self, target: Id) -> StoreResult<Vec<Agreement>> {
        let found = self.store.agreements_linking_to(&self.who, target).await?;
        self.keep(found).await
    }
    /// One window of the plan's items the reader may see, in the plan's order, selected by
    /// the store's query; each is still decided and redacted here like any other read.
    pub async fn plan_items(
        &self,
        plan: Id,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<ActionItem>> {
        if !self.can_see_id(RecordKind::ActionPlan, plan).await? {
            return Ok(crate::Windowed::default());
        }
        let found = self.store.plan_items(&self.who, plan, window).await?;
        self.kept(found).await
    }
    /// The neighbours of `item` (one the reader sees) in its plan, selected by the store.
    /// Which of `items` (items the reader was shown) are at risk on `today`.
    pub async fn items_at_risk(
        &self,
        items: &[ActionItem],
        today: chrono::NaiveDate,
    ) -> StoreResult<std::collections::HashSet<Id>> {
        let ids: Vec<Id> = items.iter().map(|i| i.id).collect();
        Ok(self
            .store
            .items_at_risk(&ids, today)
            .await?
            .into_iter()
            .collect())
    }

    pub async fn item_neighbours(&self, item: &ActionItem) -> StoreResult<crate::Neighbours> {
        let found = self.store.item_neighbours(&self.who, item).await?;
        Ok(crate::Neighbours {
            previous: self.keep_one(found.previous).await?,
            next: self.keep_one(found.next).await?,
            same_code: self.keep(found.same_code).await?,
        })
    }
    pub async fn item(&self, id: Id) -> StoreResult<Option<ActionItem>> {
        self.keep_one(self.stored(id, self.store.item(id)).await?)
            .await
    }
    pub async fn items_for_agreement(&self, agreement: Id) -> StoreResult<Vec<ActionItem>> {
        if !self.can_see_id(RecordKind::Agreement, agreement).await? {
            return Ok(vec![]);
        }
        self.keep(self.store.items_for_agreement(agreement).await?)
            .await
    }
    pub async fn items_led_by(&self, organisation: Id) -> StoreResult<Vec<ActionItem>> {
        if !self
            .can_see_id(RecordKind::Organisation, organisation)
            .await?
        {
            return Ok(vec![]);
        }
        self.keep(self.store.items_led_by(organisation).await?)
            .await
    }
    /// Up to `limit` open items the reader may see (hidden ones do not take places).
    pub async fn open_items(&self, limit: u32) -> StoreResult<Vec<ActionItem>> {
        let found = self.store.open_items_for(&self.who, limit).await?;
        self.keep(found).await
    }

    pub async fn progress(&self, item: Id) -> StoreResult<Vec<ProgressUpdate>> {
        self.keep(self.store.progress(item).await?).await
    }
    pub async fn progress_update(&self, id: Id) -> StoreResult<Option<ProgressUpdate>> {
        self.keep_one(self.stored(id, self.store.progress_update(id)).await?)
            .await
    }

    pub async fn activities(&self, item: Option<Id>) -> StoreResult<Vec<Activity>> {
        self.keep(self.store.activities(item).await?).await
    }
    pub async fn activity(&self, id: Id) -> StoreResult<Option<Activity>> {
        self.keep_one(self.stored(id, self.store.activity(id)).await?)
            .await
    }

    /// Accounts, for administrators only (the `User` kind's view rule): empty otherwise.
    pub async fn users(&self) -> StoreResult<Vec<User>> {
        self.keep(self.store.users().await?).await
    }
    pub async fn user(&self, id: Id) -> StoreResult<Option<User>> {
        self.keep_one(self.store.user(id).await?).await
    }
    pub async fn user_by_name(&self, username: &str) -> StoreResult<Option<User>> {
        self.keep_one(self.store.user_by_name(username).await?)
            .await
    }
}
