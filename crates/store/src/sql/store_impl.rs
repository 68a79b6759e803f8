//! `Store` for `Engine`: every save goes to the one write path; every list is one
//! query over the indexed columns returning `doc`. Ties in an order are broken by id,
//! which (UUIDv7) follows creation time, so lists are stable from one call to the next.

use super::{Engine, read};
use crate::exchange::{
    ApplyRefusal, Arrival, Ask, Candidate, Conflict, Direction, LogRow, Partner,
};
use crate::{
    Actor, AuditEntry, CalendarFeed, Credentials, FactsFilter, FactsScope, SearchHit, Store,
    StoreResult,
};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use taawun_core::attachment::Attachment;
use taawun_core::followup::{ItemFacts, Notification, Reminder};
use taawun_core::*;

#[async_trait::async_trait]
impl Store for Engine {
    async fn shut_down(&self) -> StoreResult<()> {
        self.close_cleanly().await
    }

    async fn is_empty(&self) -> StoreResult<bool> {
        let empty: bool = sqlx::query_scalar(&super::d::sql(
            "select not exists(select 1 from parties)
                and not exists(select 1 from agreements)
                and not exists(select 1 from commissions)",
        ))
        .fetch_one(&self.pool)
        .await?;
        Ok(empty)
    }

    async fn parties(&self) -> StoreResult<Vec<Party>> {
        let sql = "select doc from parties order by sort_name, id";
        read::list(&self.pool, sql, vec![]).await
    }
    async fn party(&self, id: Id) -> StoreResult<Option<Party>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_party(&self, actor: &Actor, p: &Party) -> StoreResult<Party> {
        self.save(actor, p).await
    }

    async fn organisations(&self, party: Option<Id>) -> StoreResult<Vec<Organisation>> {
        read::list_under(&self.pool, "party_id", party, "sort_name, id").await
    }
    async fn organisation(&self, id: Id) -> StoreResult<Option<Organisation>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_organisation(
        &self,
        actor: &Actor,
        o: &Organisation,
    ) -> StoreResult<Organisation> {
        self.save(actor, o).await
    }

    async fn ranks(&self) -> StoreResult<Vec<Rank>> {
        // Grouped by party, most senior first: the order of a rank picker.
        let sql = "select doc from ranks order by party_id, seniority desc, id";
        read::list(&self.pool, sql, vec![]).await
    }
    async fn rank(&self, id: Id) -> StoreResult<Option<Rank>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_rank(&self, actor: &Actor, r: &Rank) -> StoreResult<Rank> {
        self.save(actor, r).await
    }

    async fn people(&self, organisation: Option<Id>) -> StoreResult<Vec<Person>> {
        read::list_under(&self.pool, "organisation_id", organisation, "sort_name, id").await
    }
    async fn person(&self, id: Id) -> StoreResult<Option<Person>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_person(&self, actor: &Actor, p: &Person) -> StoreResult<Person> {
        self.save(actor, p).await
    }

    async fn areas(&self) -> StoreResult<Vec<Area>> {
        read::list(&self.pool, "select doc from areas order by code", vec![]).await
    }
    async fn area(&self, id: Id) -> StoreResult<Option<Area>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_area(&self, actor: &Actor, a: &Area) -> StoreResult<Area> {
        self.save(actor, a).await
    }

    async fn agreements(&self) -> StoreResult<Vec<Agreement>> {
        // Unsigned drafts have no date and come last, newest draft first.
        let sql = "select doc from agreements
                   order by signed_on is null, signed_on desc, id desc";
        read::list(&self.pool, sql, vec![]).await
    }
    async fn agreement(&self, id: Id) -> StoreResult<Option<Agreement>> {
        read::by_id(&self.pool, id).await
    }
    async fn agreements_of_session(&self, session: Id) -> StoreResult<Vec<Agreement>> {
        let sql = "select doc from agreements where session_id = ?
                   order by signed_on is null, signed_on desc, id desc";
        read::list(&self.pool, sql, vec![session.into()]).await
    }
    async fn save_agreement(&self, actor: &Actor, a: &Agreement) -> StoreResult<Agreement> {
        self.save(actor, a).await
    }

    async fn clauses(&self, agreement: Id) -> StoreResult<Vec<Clause>> {
        let sql = "select doc from clauses where agreement_id = ? order by number";
        read::list(&self.pool, sql, vec![agreement.into()]).await
    }
    async fn clause(&self, id: Id) -> StoreResult<Option<Clause>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_clause(&self, actor: &Actor, c: &Clause) -> StoreResult<Clause> {
        self.save(actor, c).await
    }

    async fn commissions(&self) -> StoreResult<Vec<Commission>> {
        let sql = "select doc from commissions order by sort_name, id";
        read::list(&self.pool, sql, vec![]).await
    }
    async fn commission(&self, id: Id) -> StoreResult<Option<Commission>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_commission(&self, actor: &Actor, c: &Commission) -> StoreResult<Commission> {
        self.save(actor, c).await
    }

    async fn sessions(&self, commission: Option<Id>) -> StoreResult<Vec<Session>> {
        let order = "start_on desc, ordinal desc, id desc";
        read::list_under(&self.pool, "commission_id", commission, order).await
    }
    async fn session(&self, id: Id) -> StoreResult<Option<Session>> {
        read::by_id(&self.pool, id).await
    }
    async fn sessions_of_person(&self, person: Id) -> StoreResult<Vec<Session>> {
        let sql = "select doc from sessions s
                   where exists(select 1 from delegation_members m
                                where m.session_id = s.id and m.person_id = ?)
                   order by start_on desc, ordinal desc, id desc";
        read::list(&self.pool, sql, vec![person.into()]).await
    }
    async fn save_session(&self, actor: &Actor, s: &Session) -> StoreResult<Session> {
        self.save(actor, s).await
    }

    async fn plans(&self, commission: Option<Id>) -> StoreResult<Vec<ActionPlan>> {
        let order = "start_on is null, start_on desc, id desc";
        read::list_under(&self.pool, "commission_id", commission, order).await
    }
    async fn plans_for(&self, agreement_or_session: Id) -> StoreResult<Vec<ActionPlan>> {
        let sql = "select doc from action_plans where agreement_id = ?1 or session_id = ?1
                   order by start_on is null, start_on desc, id desc";
        read::list(&self.pool, sql, vec![agreement_or_session.into()]).await
    }
    async fn plan(&self, id: Id) -> StoreResult<Option<ActionPlan>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_plan(&self, actor: &Actor, p: &ActionPlan) -> StoreResult<ActionPlan> {
        self.save(actor, p).await
    }

    async fn items(&self, plan: Id) -> StoreResult<Vec<ActionItem>> {
        let sql = "select doc from action_items where plan_id = ? order by code_key, id";
        read::list(&self.pool, sql, vec![plan.into()]).await
    }
    async fn item(&self, id: Id) -> StoreResult<Option<ActionItem>> {
        read::by_id(&self.pool, id).await
    }
    async fn items_for_agreement(&self, agreement: Id) -> StoreResult<Vec<ActionItem>> {
        // `in` rather than a join: an item implementing two clauses is listed once.
        let sql = "select doc from action_items
                   where id in (select ic.item_id from item_clauses ic
                                join clauses c on c.id = ic.clause_id
                                where c.agreement_id = ?)
                   order by plan_id, code_key, id";
        read::list(&self.pool, sql, vec![agreement.into()]).await
    }
    async fn items_led_by(&self, organisation: Id) -> StoreResult<Vec<ActionItem>> {
        let sql = "select doc from action_items
                   where id in (select item_id from item_leads where organisation_id = ?)
                   order by plan_id, code_key, id";
        read::list(&self.pool, sql, vec![organisation.into()]).await
    }
    async fn open_items(&self, limit: u32) -> StoreResult<Vec<ActionItem>> {
        // Items without a due date cannot be late: they come after every dated one.
        let sql = "select doc from action_items
                   where status not in ('done', 'cancelled')
                   order by due_on is null, due_on, code_key, id
                   limit ?";
        read::list(&self.pool, sql, vec![limit.into()]).await
    }
    async fn open_items_for(&self, who: &Principal, limit: u32) -> StoreResult<Vec<ActionItem>> {
        // Planned for its values, as the item lists are: a generic plan of the partner's
        // two parts walked every open item (20 ms where 1 ms does).
        let mut conn = super::d::begin_read_by_values(&self.pool).await?;
        // As the item lists: a partner's few items found by scope, anyone else's along the
        // open items' order (`item_window::visible_parts`).
        let parts = super::item_window::visible_parts(&mut conn, &self.reaches, who).await?;
        let mut selects = Vec::new();
        let mut values = Vec::new();
        for (table, vis, vis_values) in parts {
            selects.push(format!(
                "select i.doc, (i.due_on is null) as undated, i.due_on, i.code_key, i.id
                 from {table} where i.status not in ('done', 'cancelled') and {vis}"
            ));
            values.extend(vis_values);
        }
        let sql = format!(
            "select doc from ({}) as page order by undated, due_on, code_key, id limit ?",
            selects.join(" union all ")
        );
        values.push(limit.into());
        let items = read::list(&mut *conn, &sql, values).await?;
        conn.commit().await?;
        Ok(items)
    }
    async fn open_items_of_commission(&self, commission: Id) -> StoreResult<Vec<ActionItem>> {
        let sql = "select doc from action_items
                   where commission_id = ? and status not in ('done', 'cancelled')
                   order by due_on is null, due_on, code_key, id";
        read::list(&self.pool, sql, vec![commission.into()]).await
    }
    async fn save_item(&self, actor: &Actor, i: &ActionItem) -> StoreResult<ActionItem> {
        self.save(actor, i).await
    }
    async fn save_all(
        &self,
        saves: &[crate::Save],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<()> {
        self.save_many(saves, progress).await
    }
    async fn save_items(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<Vec<ActionItem>> {
        self.save_batch(actor, items, progress, super::write::Accept::NewOnly)
            .await
    }
    async fn apply_items(
        &self,
        actor: &Actor,
        items: &[ActionItem],
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> StoreResult<Vec<ActionItem>> {
        self.save_batch(actor, items, progress, super::write::Accept::NewOrCurrent)
            .await
    }
    async fn item_facts(
        &self,
        scope: FactsScope,
        only: Option<&FactsFilter>,
    ) -> StoreResult<Vec<ItemFacts>> {
        self.facts_of(scope, only).await
    }
    async fn commissions_window(
        &self,
        who: &Principal,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Commission>> {
        self.commissions_of(who, window).await
    }
    async fn sessions_window(
        &self,
        who: &Principal,
        commission: Option<Id>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Session>> {
        self.sessions_of(who, commission, window).await
    }
    async fn agreements_window(
        &self,
        who: &Principal,
        status: Option<Lifecycle>,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<Agreement>> {
        self.agreements_of(who, status, window).await
    }
    async fn agreements_linking_to(
        &self,
        who: &Principal,
        target: Id,
    ) -> StoreResult<Vec<Agreement>> {
        self.linking_to(who, target).await
    }
    async fn plan_items(
        &self,
        who: &Principal,
        plan: Id,
        window: crate::Window,
    ) -> StoreResult<crate::Windowed<ActionItem>> {
        self.plan_items_of(who, plan, window).await
    }
    async fn items_at_risk(&self, items: &[Id], today: NaiveDate) -> StoreResult<Vec<Id>> {
        self.at_risk_among(items, today).await
    }
    async fn item_neighbours(
        &self,
        who: &Principal,
        item: &ActionItem,
    ) -> StoreResult<crate::Neighbours> {
        self.neighbours_of(who, item).await
    }
    async fn agreements_with_deadlines(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<Id>> {
        // Each deadline column has its index: three range searches, joined by the planner.
        let ids: Vec<String> = sqlx::query_scalar(&super::d::sql(
            "select id from agreements
             where enters_on between ?1 and ?2
                or expires_on between ?1 and ?2
                or notice_on between ?1 and ?2
             order by id",
        ))
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&self.pool)
        .await?;
        ids.iter()
            .map(|id| {
                id.parse().map_err(|e: uuid::Error| {
                    crate::StoreError::Corrupt(serde::de::Error::custom(format!(
                        "agreement id: {e}"
                    )))
                })
            })
            .collect()
    }

    async fn item_counts(
        &self,
        who: &Principal,
        scope: FactsScope,
        today: NaiveDate,
    ) -> StoreResult<crate::ItemCounts> {
        self.item_counts_of(who, scope, today).await
    }

    async fn item_window(
        &self,
        who: &Principal,
        scope: FactsScope,
        filter: &taawun_core::followup::ItemFilter,
        today: NaiveDate,
        window: crate::Window,
    ) -> StoreResult<crate::ItemWindow> {
        self.item_window_of(who, scope, filter, today, window).await
    }

    async fn progress(&self, item: Id) -> StoreResult<Vec<ProgressUpdate>> {
        let sql = "select doc from progress_updates where item_id = ?
                   order by reported_on desc, id desc";
        read::list(&self.pool, sql, vec![item.into()]).await
    }
    async fn progress_update(&self, id: Id) -> StoreResult<Option<ProgressUpdate>> {
        read::by_id(&self.pool, id).await
    }
    async fn progress_since(&self, since: NaiveDate) -> StoreResult<Vec<ProgressUpdate>> {
        let sql = "select doc from progress_updates where reported_on >= ?
                   order by reported_on desc, id desc";
        read::list(&self.pool, sql, vec![since.into()]).await
    }
    async fn save_progress(
        &self,
        actor: &Actor,
        p: &ProgressUpdate,
    ) -> StoreResult<ProgressUpdate> {
        self.save(actor, p).await
    }

    async fn by_ids_of_kinds(
        &self,
        wanted: &[(RecordKind, Vec<Id>)],
    ) -> StoreResult<Vec<crate::Stored>> {
        // One statement while it stays small; a list's worth of one kind goes on its own.
        let total: usize = wanted.iter().map(|(_, ids)| ids.len()).sum();
        if wanted.len() < 2 || total > 500 {
            let mut out = Vec::new();
            for (kind, ids) in wanted {
                out.extend(self.by_ids(*kind, ids).await?);
            }
            return Ok(out);
        }
        read::many_kinds(&self.pool, wanted).await
    }

    async fn by_ids(&self, kind: RecordKind, ids: &[Id]) -> StoreResult<Vec<crate::Stored>> {
        use crate::Stored as S;
        let p = &self.pool;
        macro_rules! many {
            ($variant:ident) => {
                read::many(p, ids)
                    .await?
                    .into_iter()
                    .map(S::$variant)
                    .collect()
            };
        }
        Ok(match kind {
            RecordKind::Party => many!(Party),
            RecordKind::Organisation => many!(Organisation),
            RecordKind::Rank => many!(Rank),
            RecordKind::Person => many!(Person),
            RecordKind::Area => many!(Area),
            RecordKind::Agreement => many!(Agreement),
            RecordKind::Clause => many!(Clause),
            RecordKind::Commission => many!(Commission),
            RecordKind::Session => many!(Session),
            RecordKind::ActionPlan => many!(ActionPlan),
            RecordKind::ActionItem => many!(ActionItem),
            RecordKind::ProgressUpdate => many!(ProgressUpdate),
            RecordKind::Activity => many!(Activity),
            RecordKind::User => vec![],
        })
    }

    async fn activities(&self, item: Option<Id>) -> StoreResult<Vec<Activity>> {
        read::list_under(&self.pool, "item_id", item, "start_on, id").await
    }
    async fn activity(&self, id: Id) -> StoreResult<Option<Activity>> {
        read::by_id(&self.pool, id).await
    }
    async fn save_activity(&self, actor: &Actor, a: &Activity) -> StoreResult<Activity> {
        self.save(actor, a).await
    }

    async fn audit_of(&self, entity_id: Id) -> StoreResult<Vec<AuditEntry>> {
        self.audit_rows(entity_id).await
    }

    async fn audit_head(&self) -> StoreResult<crate::AuditHead> {
        Engine::audit_head(self).await
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        read::list(
            &self.pool,
            "select doc from users order by username",
            vec![],
        )
        .await
    }
    async fn user(&self, id: Id) -> StoreResult<Option<User>> {
        read::by_id(&self.pool, id).await
    }
    async fn user_by_name(&self, username: &str) -> StoreResult<Option<User>> {
        let sql = "select doc from users where username = ?";
        let found = read::list(&self.pool, sql, vec![username.into()]).await?;
        Ok(found.into_iter().next())
    }
    async fn save_user(&self, actor: &Actor, u: &User) -> StoreResult<User> {
        self.save(actor, u).await
    }

    async fn credentials(&self, user: Id) -> StoreResult<Option<Credentials>> {
        self.credentials_of(user).await
    }
    async fn account(&self, user: Id) -> StoreResult<Option<(User, Option<Credentials>)>> {
        self.account_of(user).await
    }
    async fn set_password(&self, actor: &Actor, user: Id, phc_hash: &str) -> StoreResult<()> {
        self.store_password(actor, user, phc_hash).await
    }
    async fn set_second_factor(
        &self,
        actor: &Actor,
        user: Id,
        totp_secret: Option<&str>,
        recovery_hashes: &[String],
    ) -> StoreResult<User> {
        self.store_second_factor(actor, user, totp_secret, recovery_hashes)
            .await
    }
    async fn use_recovery_code(&self, user: Id, hash: &str) -> StoreResult<bool> {
        self.spend_recovery_code(user, hash).await
    }

    async fn create_calendar_feed(
        &self,
        actor: &Actor,
        user: Id,
        commission: Option<Id>,
        token_hash: &str,
    ) -> StoreResult<CalendarFeed> {
        self.feed_create(actor, user, commission, token_hash).await
    }
    async fn calendar_feed_by_token(&self, token_hash: &str) -> StoreResult<Option<CalendarFeed>> {
        self.feed_by_token(token_hash).await
    }
    async fn calendar_feeds(&self, user: Id) -> StoreResult<Vec<CalendarFeed>> {
        self.feeds_of(user).await
    }
    async fn revoke_calendar_feed(&self, actor: &Actor, feed: Id) -> StoreResult<bool> {
        self.feed_revoke(actor, feed).await
    }

    async fn attach_file(&self, actor: &Actor, file: crate::NewFile) -> StoreResult<Attachment> {
        self.file_attach(actor, file).await
    }

    async fn attachments(&self, kind: RecordKind, record: Id) -> StoreResult<Vec<Attachment>> {
        self.files_of(kind, record).await
    }

    async fn attachments_of(
        &self,
        kind: RecordKind,
        records: &[Id],
    ) -> StoreResult<Vec<Attachment>> {
        self.files_of_many(kind, records).await
    }

    async fn attachment(&self, id: Id) -> StoreResult<Option<Attachment>> {
        self.file_version(id).await
    }

    async fn attachment_content(&self, id: Id) -> StoreResult<Option<Vec<u8>>> {
        self.file_content(id).await
    }

    async fn purge_attachment(
        &self,
        actor: &Actor,
        id: Id,
        reason: &str,
    ) -> StoreResult<Attachment> {
        self.file_purge(actor, id, reason).await
    }

    async fn login_session_load(&self, id: &str) -> StoreResult<Option<(String, DateTime<Utc>)>> {
        self.session_load(id).await
    }
    async fn login_session_save(
        &self,
        id: &str,
        json: &str,
        expiry: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.session_save(id, json, expiry).await
    }
    async fn login_session_delete(&self, id: &str) -> StoreResult<()> {
        self.session_delete(id).await
    }
    async fn login_sessions_purge(&self) -> StoreResult<u64> {
        self.sessions_purge().await
    }

    async fn add_notifications(&self, user: Id, reminders: &[Reminder]) -> StoreResult<u64> {
        self.notify(user, reminders).await
    }
    async fn request_update(
        &self,
        actor: &Actor,
        item: Id,
        party: Id,
        users: &[Id],
        on: NaiveDate,
    ) -> StoreResult<u64> {
        self.ask_update(actor, item, party, users, on).await
    }
    async fn recent_changes(
        &self,
        kind: Option<RecordKind>,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<crate::ChangeRow>> {
        self.changes_before(kind, before, limit).await
    }
    async fn notifications(
        &self,
        user: Id,
        unread_only: bool,
        limit: u32,
    ) -> StoreResult<Vec<Notification>> {
        self.notices_of(user, unread_only, limit).await
    }
    async fn header_of(&self, user: Id, party: Id) -> StoreResult<crate::HeaderRow> {
        self.header_row(user, party).await
    }
    async fn unread_notifications(&self, user: Id) -> StoreResult<u32> {
        self.unread_of(user).await
    }
    async fn mark_notifications_read(&self, user: Id, one: Option<Id>) -> StoreResult<()> {
        self.mark_read(user, one).await
    }
    async fn unmailed_notifications(&self, user: Id) -> StoreResult<Vec<Notification>> {
        self.unmailed_of(user).await
    }
    async fn mark_notifications_emailed(&self, ids: &[Id]) -> StoreResult<()> {
        self.mark_emailed(ids).await
    }

    async fn user_setting(&self, user: Id, key: &str) -> StoreResult<Option<String>> {
        self.setting_of(user, key).await
    }
    async fn set_user_setting(&self, user: Id, key: &str, value: &str) -> StoreResult<()> {
        self.setting_save(user, key, value).await
    }

    async fn search(&self, query: &str, limit: u32) -> StoreResult<Vec<SearchHit>> {
        self.search_hits(None, query, limit).await
    }
    async fn search_for(
        &self,
        who: &Principal,
        query: &str,
        limit: u32,
    ) -> StoreResult<Vec<SearchHit>> {
        self.search_hits(Some(who), query, limit).await
    }

    fn counters(&self) -> std::sync::Arc<dyn crate::Counters> {
        // A clone shares the connection pool: the counters live in the same database.
        std::sync::Arc::new(self.clone())
    }

    async fn exchange_partners(&self) -> StoreResult<Vec<Partner>> {
        self.partners_all().await
    }
    async fn exchange_partner(&self, instance: Id) -> StoreResult<Option<Partner>> {
        self.partner_by_id(instance).await
    }
    async fn exchange_origin(&self, record: Id) -> StoreResult<Option<Id>> {
        self.origin_of(record).await
    }
    async fn save_exchange_partner(&self, actor: &Actor, p: &Partner) -> StoreResult<()> {
        self.partner_save(actor, p).await
    }
    async fn exchange_log(&self, partner: Id, limit: u32) -> StoreResult<Vec<LogRow>> {
        self.log_of_partner(partner, limit).await
    }
    async fn exchange_log_at(
        &self,
        partner: Id,
        direction: Direction,
        seq: i64,
    ) -> StoreResult<Vec<LogRow>> {
        self.log_at(partner, direction, seq).await
    }
    async fn exchange_head(
        &self,
        partner: Id,
        direction: Direction,
    ) -> StoreResult<Option<LogRow>> {
        self.log_head(partner, direction).await
    }
    async fn exchange_log_add(&self, row: &LogRow) -> StoreResult<()> {
        self.log_add(row).await
    }
    async fn exchange_sent(&self, partner: Id) -> StoreResult<HashMap<Id, String>> {
        self.sent_to(partner).await
    }
    async fn exchange_sent_file(
        &self,
        partner: Id,
        sha256: &str,
        digest: &str,
    ) -> StoreResult<Option<Id>> {
        self.sent_file(partner, sha256, digest).await
    }
    async fn exchange_record_sent(
        &self,
        actor: &Actor,
        party: Id,
        row: &LogRow,
        records: &[(Id, String, Option<String>)],
        envelope: &str,
    ) -> StoreResult<Result<(), ApplyRefusal>> {
        self.sent_record(actor, party, row, records, envelope).await
    }
    async fn exchange_conflicts(&self, open_only: bool) -> StoreResult<Vec<Conflict>> {
        self.conflicts_of(open_only).await
    }
    async fn exchange_resolve(
        &self,
        actor: &Actor,
        party: Id,
        conflict: Id,
        theirs: bool,
    ) -> StoreResult<bool> {
        self.conflict_resolve(actor, party, conflict, theirs).await
    }
    async fn exchange_ask(&self, ask: &Ask) -> StoreResult<bool> {
        self.ask_add(ask).await
    }
    async fn exchange_asks(&self, partner: Id) -> StoreResult<Vec<Ask>> {
        self.asks_of(partner).await
    }
    async fn exchange_asks_sent(&self, ids: &[Id], seq: i64) -> StoreResult<()> {
        self.asks_sent(ids, seq).await
    }
    async fn exchange_received(&self, ids: &[Id]) -> StoreResult<HashMap<Id, String>> {
        self.received_docs(ids).await
    }
    async fn exchange_resume(
        &self,
        actor: &Actor,
        party: Id,
        partner: Id,
        seq: i64,
        hash: &str,
    ) -> StoreResult<()> {
        self.resume_after(actor, party, partner, seq, hash).await
    }
    async fn exchange_candidates(&self, pending_only: bool) -> StoreResult<Vec<Candidate>> {
        self.candidates_of(pending_only).await
    }
    async fn exchange_decide_match(
        &self,
        actor: &Actor,
        party: Id,
        candidate: &Candidate,
        confirm: bool,
    ) -> StoreResult<Option<usize>> {
        self.candidate_decide(actor, party, candidate, confirm)
            .await
    }
    async fn exchange_envelope(&self, partner: Id, seq: i64) -> StoreResult<Option<String>> {
        self.envelope_of(partner, seq).await
    }
    async fn exchange_nonce(
        &self,
        partner: Id,
        nonce: &str,
        now: i64,
        forget_before: i64,
    ) -> StoreResult<bool> {
        self.nonce_fresh(partner, nonce, now, forget_before).await
    }
    async fn exchange_receipt(
        &self,
        row: &LogRow,
        of_seq: i64,
        applied: bool,
    ) -> StoreResult<bool> {
        self.receipt_record(row, of_seq, applied).await
    }
    async fn exchange_matches(&self, partner: Id) -> StoreResult<HashMap<Id, Id>> {
        self.matches_of(partner).await
    }
    async fn exchange_origins(&self, ids: &[Id]) -> StoreResult<HashMap<Id, (Id, i64)>> {
        self.origins(ids).await
    }
    async fn exchange_apply(
        &self,
        actor: &Actor,
        party: Id,
        arrival: &Arrival,
        clearance: Marking,
    ) -> StoreResult<Result<(), ApplyRefusal>> {
        self.arrival_apply(actor, party, arrival, clearance).await
    }
}
