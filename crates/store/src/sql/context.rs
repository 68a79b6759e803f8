//! For each record type, the records its rule needs, loaded inside the write transaction
//! (so the check and the write see the same data; `memo::Reads` reads each once per
//! transaction), then the `taawun_core::rules` check.
//! References the rules do not look at themselves (a party id, an area id) are checked
//! here, so that a dangling id is a field error for the user and never a foreign-key error.

use super::{memo::Reads, record::Record};
use crate::{StoreError, StoreResult, scope::Scoped};
use std::future::Future;
use taawun_core::rules::{self, Rule};
use taawun_core::*;

pub(super) trait Checked: Record {
    /// Validates `self` against the database; `previous` is the stored record when updating.
    fn check(
        &self,
        reads: &mut Reads<'_, '_>,
        previous: Option<&Self>,
    ) -> impl Future<Output = StoreResult<()>> + Send;
}

/// Pushes `Unknown` on `field` when `id` is not a row of `table`, or is one the writer may
/// not see: a reference to a hidden record gets the very answer a made-up id gets, so that
/// posting ids cannot probe what exists (issue 10, finding 6). A reference the stored
/// version already held is kept whoever saves, or an edit by someone cleared lower would
/// be refused for what it cannot see.
async fn known(
    reads: &mut Reads<'_, '_>,
    e: &mut RuleErrors,
    table: &'static str,
    id: Id,
    field: impl Into<String>,
) -> StoreResult<()> {
    if !reads.exists(table, id).await? || !may_reference(reads, table, id).await? {
        e.push(field, Rule::Unknown);
    }
    Ok(())
}

async fn may_reference(reads: &mut Reads<'_, '_>, table: &str, id: Id) -> StoreResult<bool> {
    if reads.writer().is_none() || reads.held_before(id) {
        return Ok(true);
    }
    match table {
        Party::TABLE => seen::<Party>(reads, id).await,
        Organisation::TABLE => seen::<Organisation>(reads, id).await,
        Area::TABLE => seen::<Area>(reads, id).await,
        Agreement::TABLE => seen::<Agreement>(reads, id).await,
        Clause::TABLE => seen::<Clause>(reads, id).await,
        Session::TABLE => seen::<Session>(reads, id).await,
        ActionItem::TABLE => seen::<ActionItem>(reads, id).await,
        _ => Ok(true),
    }
}

/// Whether the writer may see the record `id` of type `R` (and everything above it).
async fn seen<R: Record + Scoped>(reads: &mut Reads<'_, '_>, id: Id) -> StoreResult<bool> {
    let (Some(record), Some(who)) = (reads.record::<R>(id).await?, reads.writer().cloned()) else {
        return Ok(reads.writer().is_none());
    };
    Ok(record.scope(reads).await?.visible_to(&who))
}

async fn known_opt(
    reads: &mut Reads<'_, '_>,
    e: &mut RuleErrors,
    table: &'static str,
    id: Option<Id>,
    field: &str,
) -> StoreResult<()> {
    match id {
        Some(id) => known(reads, e, table, id, field).await,
        None => Ok(()),
    }
}

async fn known_all(
    reads: &mut Reads<'_, '_>,
    e: &mut RuleErrors,
    table: &'static str,
    ids: &[Id],
    field: &str,
) -> StoreResult<()> {
    for (i, id) in ids.iter().enumerate() {
        known(reads, e, table, *id, format!("{field}.{i}")).await?;
    }
    Ok(())
}

async fn load<R: Record>(reads: &mut Reads<'_, '_>, id: Option<Id>) -> StoreResult<Option<R>> {
    match id {
        Some(id) => reads.record(id).await,
        None => Ok(None),
    }
}

/// The store's own findings and the rule's, reported together so a form shows them all.
fn verdict(mut found: RuleErrors, rule: Result<(), RuleErrors>) -> StoreResult<()> {
    if let Err(r) = rule {
        found.0.extend(r.0);
    }
    found.into_result().map_err(StoreError::Invalid)
}

fn unknown(field: &str) -> StoreResult<()> {
    let mut e = RuleErrors::default();
    e.push(field, Rule::Unknown);
    Err(StoreError::Invalid(e))
}

/// Uniqueness among what the writer may see (issue 10, finding 6): a code, ordinal or
/// number is taken when one of the records `same` holding it is visible to the writer (to
/// trusted system code, any is). A clash with a record hidden from the writer is no clash:
/// refusing would tell them it exists; the pages flag both records to those who see both.
async fn any_seen<R: Record + Scoped>(
    reads: &mut Reads<'_, '_>,
    same: Vec<Id>,
) -> StoreResult<bool> {
    for id in same {
        let Some(other) = reads.record::<R>(id).await? else {
            continue;
        };
        let Some(who) = reads.writer().cloned() else {
            return Ok(true);
        };
        if other.scope(reads).await?.visible_to(&who) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn ids(raw: Vec<String>) -> StoreResult<Vec<Id>> {
    raw.into_iter()
        .map(|s| {
            s.parse()
                .map_err(|e| StoreError::Open(format!("stored id {s}: {e}")))
        })
        .collect()
}

impl Checked for Party {
    async fn check(&self, _: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        verdict(RuleErrors::default(), rules::check_party(self))
    }
}

impl Checked for Organisation {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known(reads, &mut e, "parties", self.party_id, "party_id").await?;
        let parent: Option<Organisation> = load(reads, self.parent_id).await?;
        verdict(e, rules::check_organisation(self, parent.as_ref()))
    }
}

impl Checked for Rank {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known(reads, &mut e, "parties", self.party_id, "party_id").await?;
        verdict(e, rules::check_rank(self))
    }
}

impl Checked for Person {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known(reads, &mut e, "parties", self.party_id, "party_id").await?;
        let organisation: Option<Organisation> = load(reads, self.organisation_id).await?;
        let rank: Option<Rank> = load(reads, self.rank_id).await?;
        verdict(
            e,
            rules::check_person(self, organisation.as_ref(), rank.as_ref()),
        )
    }
}

impl Checked for Area {
    async fn check(&self, _: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        verdict(RuleErrors::default(), rules::check_area(self))
    }
}

impl Checked for Agreement {
    async fn check(&self, reads: &mut Reads<'_, '_>, prev: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known_all(reads, &mut e, "parties", &self.party_ids, "party_ids").await?;
        known_all(
            reads,
            &mut e,
            "people",
            &self.signatory_ids,
            "signatory_ids",
        )
        .await?;
        known_opt(reads, &mut e, "sessions", self.session_id, "session_id").await?;
        for (i, link) in self.links.iter().enumerate() {
            let field = format!("links.{i}.target_id");
            // A link to itself is the rule's to report.
            if link.target_id != self.id {
                known(reads, &mut e, "agreements", link.target_id, field).await?;
            }
        }
        verdict(e, rules::check_agreement(self, prev))
    }
}

impl Checked for Clause {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        if !reads.exists("agreements", self.agreement_id).await? {
            return unknown("agreement_id");
        }
        let mut e = RuleErrors::default();
        known_all(reads, &mut e, "areas", &self.area_ids, "area_ids").await?;
        let same: Vec<String> = sqlx::query_scalar(&super::d::sql(
            "select id from clauses where agreement_id = ? and number = ? and id <> ?",
        ))
        .bind(self.agreement_id.to_string())
        .bind(i64::from(self.number))
        .bind(self.id.to_string())
        .fetch_all(reads.pending.conn().await?)
        .await?;
        let taken = if any_seen::<Clause>(reads, ids(same)?).await? {
            vec![self.number]
        } else {
            vec![]
        };
        verdict(e, rules::check_clause(self, &taken))
    }
}

impl Checked for Commission {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known_all(reads, &mut e, "parties", &self.party_ids, "party_ids").await?;
        let co_chairs = people(reads, &self.co_chair_ids).await?;
        verdict(e, rules::check_commission(self, &co_chairs))
    }
}

/// The people among `ids` who exist; the rules report the missing ones by position.
async fn people(reads: &mut Reads<'_, '_>, ids: &[Id]) -> StoreResult<Vec<Person>> {
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(p) = reads.record::<Person>(*id).await? {
            found.push(p);
        }
    }
    Ok(found)
}

impl Checked for Session {
    async fn check(&self, reads: &mut Reads<'_, '_>, previous: Option<&Self>) -> StoreResult<()> {
        let Some(commission) = load::<Commission>(reads, Some(self.commission_id)).await? else {
            return unknown("commission_id");
        };
        let mut e = RuleErrors::default();
        let named: Vec<Id> = self
            .delegations
            .iter()
            .flat_map(|d| d.members.iter().map(|m| m.person_id))
            .chain(self.statements.iter().map(|s| s.person_id))
            .collect();
        let people = people(reads, &named).await?;
        let same: Vec<String> = sqlx::query_scalar(&super::d::sql(
            "select id from sessions where commission_id = ? and ordinal = ? and id <> ?",
        ))
        .bind(self.commission_id.to_string())
        .bind(i64::from(self.ordinal))
        .bind(self.id.to_string())
        .fetch_all(reads.pending.conn().await?)
        .await?;
        let ordinal_taken = any_seen::<Session>(reads, ids(same)?).await?;
        for (i, d) in self.decisions.iter().enumerate() {
            let field = format!("decisions.{i}.area_id");
            known_opt(reads, &mut e, "areas", d.area_id, &field).await?;
        }
        for (i, a) in self.agenda.iter().enumerate() {
            let field = format!("agenda.{i}.item_ids");
            known_all(reads, &mut e, "action_items", &a.item_ids, &field).await?;
        }
        for (i, ev) in self.side_events.iter().enumerate() {
            let field = format!("side_events.{i}.organisation_id");
            known_opt(reads, &mut e, "organisations", ev.organisation_id, &field).await?;
        }
        // Adopted minutes freeze the session: checked against the stored one, read in the
        // same transaction as the write.
        if let Err(m) = taawun_core::minutes::check_minutes(self, previous) {
            e.0.extend(m.0);
        }
        // A new adoption names a signed scan of this session's, as stored now; a partner's
        // session (bound to its origin by the exchange) keeps its scan on its own instance.
        let before = previous.map_or(0, |p| p.minutes.adopted.len());
        let foreign: Option<i32> = if self.minutes.adopted.len() > before {
            sqlx::query_scalar(&super::d::sql(
                "select 1 from exchange_origins where record_id = ?",
            ))
            .bind(self.id.to_string())
            .fetch_optional(reads.pending.conn().await?)
            .await?
        } else {
            None
        };
        for a in self
            .minutes
            .adopted
            .iter()
            .skip(before)
            .filter(|_| foreign.is_none())
        {
            if let Some(scan) = &a.signed_scan {
                let found: Option<i32> = sqlx::query_scalar(&super::d::sql(
                    "select 1 from attachments where id = ? and record_kind = 'session'
                     and record_id = ? and purpose = 'signed_minutes' and sha256 = ?",
                ))
                .bind(scan.file.to_string())
                .bind(self.id.to_string())
                .bind(&scan.sha256)
                .fetch_optional(reads.pending.conn().await?)
                .await?;
                if found.is_none() {
                    e.push("minutes", Rule::MinutesScanMissing);
                }
            }
        }
        verdict(
            e,
            rules::check_session(self, &commission, &people, ordinal_taken),
        )
    }
}

impl Checked for ActionPlan {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known(
            reads,
            &mut e,
            "commissions",
            self.commission_id,
            "commission_id",
        )
        .await?;
        known_opt(
            reads,
            &mut e,
            "agreements",
            self.agreement_id,
            "agreement_id",
        )
        .await?;
        known_opt(reads, &mut e, "sessions", self.session_id, "session_id").await?;
        verdict(e, rules::check_plan(self))
    }
}

impl Checked for ActionItem {
    async fn check(&self, reads: &mut Reads<'_, '_>, prev: Option<&Self>) -> StoreResult<()> {
        let Some(plan) = load::<ActionPlan>(reads, Some(self.plan_id)).await? else {
            return unknown("plan_id");
        };
        let commission: Option<Commission> = load(reads, Some(plan.commission_id)).await?;
        let plan_parties = commission.map(|c| c.party_ids).unwrap_or_default();
        let mut e = RuleErrors::default();
        known(reads, &mut e, "areas", self.area_id, "area_id").await?;
        known_all(reads, &mut e, "clauses", &self.clause_ids, "clause_ids").await?;
        let same = reads.codes_taken(self.plan_id, &self.code, self.id).await?;
        if any_seen::<ActionItem>(reads, same).await? {
            e.push("code", Rule::Duplicate);
        }
        let mut organisations = Vec::with_capacity(self.leads.len());
        for lead in &self.leads {
            if let Some(o) = load::<Organisation>(reads, Some(lead.organisation_id)).await? {
                organisations.push(o);
            }
        }
        verdict(
            e,
            rules::check_item(self, prev, &plan_parties, &organisations),
        )
    }
}

impl Checked for ProgressUpdate {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let Some(item) = load::<ActionItem>(reads, Some(self.item_id)).await? else {
            return unknown("item_id");
        };
        verdict(RuleErrors::default(), rules::check_progress(self, &item))
    }
}

impl Checked for Activity {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known_opt(reads, &mut e, "action_items", self.item_id, "item_id").await?;
        known(
            reads,
            &mut e,
            "parties",
            self.host_party_id,
            "host_party_id",
        )
        .await?;
        let host_org = self.host_organisation_id;
        known_opt(
            reads,
            &mut e,
            "organisations",
            host_org,
            "host_organisation_id",
        )
        .await?;
        for (i, p) in self.participants.iter().enumerate() {
            let field = format!("participants.{i}.party_id");
            known(reads, &mut e, "parties", p.party_id, field).await?;
        }
        verdict(e, rules::check_activity(self))
    }
}

impl Checked for User {
    async fn check(&self, reads: &mut Reads<'_, '_>, _: Option<&Self>) -> StoreResult<()> {
        let mut e = RuleErrors::default();
        known(reads, &mut e, "parties", self.party_id, "party_id").await?;
        let organisation: Option<Organisation> = load(reads, self.organisation_id).await?;
        // The registry person the account is linked to is of the account's party.
        let person: Option<Person> = load(reads, self.person_id).await?;
        match (self.person_id, &person) {
            (Some(_), None) => e.push("person_id", Rule::Unknown),
            (_, Some(p)) if p.party_id != self.party_id => {
                e.push("person_id", Rule::MemberOfOtherParty)
            }
            _ => {}
        }
        verdict(e, rules::check_user(self, organisation.as_ref()))
    }
}
