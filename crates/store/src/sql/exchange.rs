//! The exchange's rows (migration 0024 on SQLite, 0005 on PostgreSQL): partners, the log,
//! the origin of each received record, and what was last sent of each record. Applying a
//! verified bundle writes its records through the one write path (`write::save_in`, via
//! `many::write`), binds each new id to its origin, and logs the bundle — all in one
//! transaction that first checks, under the write lock, that the bundle continues the
//! partner's chain, so two imports of one bundle at once apply it once.

use super::d::{Conn, DbRow};
use super::{Engine, audit, memo::Memo, read, script::Pending};
use crate::exchange::{
    ApplyRefusal, Arrival, Candidate, Conflict, Direction, LogRow, Partner, parse_direction,
    parse_kind, parse_outcome,
};
use crate::{Actor, Save, StoreError, StoreResult};
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use std::collections::HashMap;
use taawun_core::*;

const PARTNER_COLUMNS: &str = "instance_id, party_id, name, sign_key, receive_key, fingerprint, \
     url, commissions, clearance, revoked_at, registered_at, card, previous_sign_key, \
     previous_fingerprint";
const LOG_COLUMNS: &str = "id, partner, direction, kind, seq, hash, prev, created_at, logged_at, outcome, key, entries, detail";

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(serde::de::Error::custom(what))
}

fn id_of(text: &str) -> StoreResult<Id> {
    text.parse()
        .map_err(|_| corrupt(format!("exchange id {text:?}")))
}

fn time_of(text: &str) -> StoreResult<DateTime<Utc>> {
    Ok(DateTime::parse_from_rfc3339(text)
        .map_err(|_| corrupt(format!("exchange time {text:?}")))?
        .with_timezone(&Utc))
}

fn text_of(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn partner_of(r: &DbRow) -> StoreResult<Partner> {
    let commissions: String = r.try_get("commissions")?;
    let clearance: String = r.try_get("clearance")?;
    let revoked: Option<String> = r.try_get("revoked_at")?;
    Ok(Partner {
        instance_id: id_of(&r.try_get::<String, _>("instance_id")?)?,
        party_id: id_of(&r.try_get::<String, _>("party_id")?)?,
        name: r.try_get("name")?,
        sign_key: r.try_get("sign_key")?,
        receive_key: r.try_get("receive_key")?,
        fingerprint: r.try_get("fingerprint")?,
        url: r.try_get("url")?,
        commissions: serde_json::from_str(&commissions)?,
        clearance: Marking::parse(&clearance)
            .ok_or_else(|| corrupt(format!("exchange clearance {clearance:?}")))?,
        revoked_at: revoked.as_deref().map(time_of).transpose()?,
        registered_at: time_of(&r.try_get::<String, _>("registered_at")?)?,
        card: r.try_get("card")?,
        previous_sign_key: r.try_get("previous_sign_key")?,
        previous_fingerprint: r.try_get("previous_fingerprint")?,
    })
}

fn log_of(r: &DbRow) -> StoreResult<LogRow> {
    let direction: String = r.try_get("direction")?;
    let kind: String = r.try_get("kind")?;
    let outcome: String = r.try_get("outcome")?;
    Ok(LogRow {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        partner: id_of(&r.try_get::<String, _>("partner")?)?,
        direction: parse_direction(&direction)
            .ok_or_else(|| corrupt(format!("exchange direction {direction:?}")))?,
        kind: parse_kind(&kind).ok_or_else(|| corrupt(format!("exchange kind {kind:?}")))?,
        seq: r.try_get("seq")?,
        hash: r.try_get("hash")?,
        prev: r.try_get("prev")?,
        created_at: time_of(&r.try_get::<String, _>("created_at")?)?,
        logged_at: time_of(&r.try_get::<String, _>("logged_at")?)?,
        outcome: parse_outcome(&outcome)
            .ok_or_else(|| corrupt(format!("exchange outcome {outcome:?}")))?,
        key: r.try_get("key")?,
        entries: r.try_get("entries")?,
        detail: r.try_get("detail")?,
    })
}

async fn insert_log(conn: &mut Conn, row: &LogRow) -> StoreResult<()> {
    sqlx::query(&super::d::sql(&format!(
        "insert into exchange_log ({LOG_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(row.id.to_string())
    .bind(row.partner.to_string())
    .bind(row.direction.key())
    .bind(row.kind.key())
    .bind(row.seq)
    .bind(&row.hash)
    .bind(&row.prev)
    .bind(text_of(row.created_at))
    .bind(text_of(row.logged_at))
    .bind(row.outcome.key())
    .bind(&row.key)
    .bind(row.entries)
    .bind(&row.detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The last bundle of a chain that counts: sent or acknowledged out, applied in.
async fn chain_head(
    conn: &mut Conn,
    partner: Id,
    direction: Direction,
) -> StoreResult<Option<LogRow>> {
    let row = sqlx::query(&super::d::sql(&format!(
        "select {LOG_COLUMNS} from exchange_log
         where partner = ? and direction = ? and kind = 'bundle' and outcome <> 'refused'
         order by seq desc limit 1"
    )))
    .bind(partner.to_string())
    .bind(direction.key())
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(log_of).transpose()
}

/// An exchange event in the audit log, on the partner's party record (before and after
/// hold the party, which does not change), as account events sit on their user.
async fn audit_event(conn: &mut Conn, actor: &Actor, action: &str, party: Id) -> StoreResult<()> {
    let Some(p) = read::by_id::<Party, _>(&mut *conn, party).await? else {
        return Err(StoreError::NotFound {
            kind: Party::KIND.key(),
            id: party.to_string(),
        });
    };
    let doc = serde_json::to_string(&p)?;
    audit::append_action(conn, actor, action, Party::KIND, party, Some(&doc), &doc).await
}

impl Engine {
    pub(super) async fn partners_all(&self) -> StoreResult<Vec<Partner>> {
        let rows = sqlx::query(&format!(
            "select {PARTNER_COLUMNS} from exchange_partners order by registered_at, instance_id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(partner_of).collect()
    }

    pub(super) async fn origin_of(&self, record: Id) -> StoreResult<Option<Id>> {
        let origin: Option<String> = sqlx::query_scalar(&super::d::sql(
            "select origin from exchange_origins where record_id = ?",
        ))
        .bind(record.to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(origin.and_then(|o| o.parse().ok()))
    }

    pub(super) async fn partner_by_id(&self, instance: Id) -> StoreResult<Option<Partner>> {
        let row = sqlx::query(&super::d::sql(&format!(
            "select {PARTNER_COLUMNS} from exchange_partners where instance_id = ?"
        )))
        .bind(instance.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(partner_of).transpose()
    }

    /// Registers a partner, or replaces what is kept of it (a new key confirmed, the
    /// commissions or clearance changed, a revocation), with its audit row.
    pub(super) async fn partner_save(&self, actor: &Actor, p: &Partner) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        if !read::exists(&mut *tx, "parties", p.party_id).await? {
            let mut e = RuleErrors::default();
            e.push("party_id", rules::Rule::Unknown);
            return Err(StoreError::Invalid(e));
        }
        let existed = sqlx::query(&super::d::sql(
            "delete from exchange_partners where instance_id = ?",
        ))
        .bind(p.instance_id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        sqlx::query(&super::d::sql(&format!(
            "insert into exchange_partners ({PARTNER_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )))
        .bind(p.instance_id.to_string())
        .bind(p.party_id.to_string())
        .bind(&p.name)
        .bind(&p.sign_key)
        .bind(&p.receive_key)
        .bind(&p.fingerprint)
        .bind(&p.url)
        .bind(serde_json::to_string(&p.commissions)?)
        .bind(p.clearance.key())
        .bind(p.revoked_at.map(text_of))
        .bind(text_of(p.registered_at))
        .bind(&p.card)
        .bind(&p.previous_sign_key)
        .bind(&p.previous_fingerprint)
        .execute(&mut *tx)
        .await?;
        let action = match (existed, p.revoked_at.is_some()) {
            (_, true) => "exchange_revoke",
            (true, false) => "exchange_partner_change",
            (false, false) => "exchange_partner",
        };
        audit_event(&mut tx, actor, action, p.party_id).await?;
        super::seal::seal_and_commit(tx).await
    }

    pub(super) async fn log_of_partner(&self, partner: Id, limit: u32) -> StoreResult<Vec<LogRow>> {
        let rows = sqlx::query(&super::d::sql(&format!(
            "select {LOG_COLUMNS} from exchange_log where partner = ?
             order by logged_at desc, id desc limit ?"
        )))
        .bind(partner.to_string())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(log_of).collect()
    }

    /// The partner's bundles logged at `seq` in `direction` (one that counts, and any
    /// refused beside it).
    pub(super) async fn log_at(
        &self,
        partner: Id,
        direction: Direction,
        seq: i64,
    ) -> StoreResult<Vec<LogRow>> {
        let rows = sqlx::query(&super::d::sql(&format!(
            "select {LOG_COLUMNS} from exchange_log
             where partner = ? and direction = ? and kind = 'bundle' and seq = ?"
        )))
        .bind(partner.to_string())
        .bind(direction.key())
        .bind(seq)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(log_of).collect()
    }

    pub(super) async fn log_head(
        &self,
        partner: Id,
        direction: Direction,
    ) -> StoreResult<Option<LogRow>> {
        let mut conn = self.pool.acquire().await?;
        chain_head(&mut conn, partner, direction).await
    }

    /// Logs a refused bundle or a receipt: rows that change no record.
    pub(super) async fn log_add(&self, row: &LogRow) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        insert_log(&mut tx, row).await?;
        tx.commit().await?;
        Ok(())
    }

    /// What was last sent of each record to `partner`: id → digest.
    pub(super) async fn sent_file(
        &self,
        partner: Id,
        sha256: &str,
        digest: &str,
    ) -> StoreResult<Option<Id>> {
        // By the content's index, then the sent mark's key: never the whole sent list.
        let id: Option<String> = sqlx::query_scalar(&super::d::sql(
            "select a.id from attachments a
             join exchange_sent s on s.partner = ? and s.record_id = a.id
             where a.sha256 = ? and s.digest = ? limit 1",
        ))
        .bind(partner.to_string())
        .bind(sha256)
        .bind(digest)
        .fetch_optional(&self.pool)
        .await?;
        id.map(|i| id_of(&i)).transpose()
    }

    pub(super) async fn sent_to(&self, partner: Id) -> StoreResult<HashMap<Id, String>> {
        let rows = sqlx::query(&super::d::sql(
            "select record_id, digest from exchange_sent where partner = ?",
        ))
        .bind(partner.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    id_of(&r.try_get::<String, _>("record_id")?)?,
                    r.try_get("digest")?,
                ))
            })
            .collect()
    }

    /// Records a bundle as sent: its log row (its seq must be the next of the outbound
    /// chain) and the digest of each record it carries, at once.
    pub(super) async fn sent_record(
        &self,
        actor: &Actor,
        party: Id,
        row: &LogRow,
        records: &[(Id, String, Option<String>)],
        envelope: &str,
    ) -> StoreResult<Result<(), ApplyRefusal>> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let head = chain_head(&mut tx, row.partner, Direction::Out).await?;
        if let Some(refusal) = continues(head.as_ref(), row) {
            return Ok(Err(refusal));
        }
        insert_log(&mut tx, row).await?;
        sqlx::query(&super::d::sql(
            "update exchange_log set envelope = ? where id = ?",
        ))
        .bind(envelope)
        .bind(row.id.to_string())
        .execute(&mut *tx)
        .await?;
        for (id, digest, doc) in records {
            sqlx::query(&super::d::sql(
                "insert into exchange_sent (partner, record_id, digest, seq, doc) values (?, ?, ?, ?, ?)
                 on conflict (partner, record_id) do update
                 set digest = excluded.digest, seq = excluded.seq, doc = excluded.doc",
            ))
            .bind(row.partner.to_string())
            .bind(id.to_string())
            .bind(digest)
            .bind(row.seq)
            .bind(doc)
            .execute(&mut *tx)
            .await?;
        }
        audit_event(&mut tx, actor, "exchange_send", party).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(Ok(()))
    }

    /// The outbound bundle `seq` to `partner` as it was sealed, while it is kept.
    pub(super) async fn envelope_of(&self, partner: Id, seq: i64) -> StoreResult<Option<String>> {
        let text: Option<Option<String>> = sqlx::query_scalar(&super::d::sql(
            "select envelope from exchange_log where partner = ? and direction = 'out'
             and kind = 'bundle' and seq = ? and outcome <> 'refused'",
        ))
        .bind(partner.to_string())
        .bind(seq)
        .fetch_optional(&self.pool)
        .await?;
        Ok(text.flatten())
    }

    /// Records a request's nonce: whether it was new. Nonces older than `forget_before`
    /// (seconds since the epoch) are dropped first: their requests are refused by age.
    pub(super) async fn nonce_fresh(
        &self,
        partner: Id,
        nonce: &str,
        now: i64,
        forget_before: i64,
    ) -> StoreResult<bool> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        sqlx::query(&super::d::sql(
            "delete from exchange_nonces where seen_at < ?",
        ))
        .bind(forget_before)
        .execute(&mut *tx)
        .await?;
        let fresh = sqlx::query(&super::d::sql(
            "insert into exchange_nonces (nonce, partner, seen_at) values (?, ?, ?)
             on conflict (nonce) do nothing",
        ))
        .bind(nonce)
        .bind(partner.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(fresh)
    }

    /// After a fork: the outbound chain resumes after the partner's last applied bundle
    /// (`seq`, `hash`). Bundles of ours past it, or at it with another hash, no longer
    /// count; what was sent is forgotten, so the next bundle carries every record again.
    pub(super) async fn resume_after(
        &self,
        actor: &Actor,
        party: Id,
        partner: Id,
        seq: i64,
        hash: &str,
    ) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        sqlx::query(&super::d::sql(
            "update exchange_log set outcome = 'refused'
             where partner = ? and direction = 'out' and kind = 'bundle' and outcome <> 'refused'
               and (seq > ? or (seq = ? and hash <> ?))",
        ))
        .bind(partner.to_string())
        .bind(seq)
        .bind(seq)
        .bind(hash)
        .execute(&mut *tx)
        .await?;
        let held: bool = sqlx::query_scalar(&super::d::sql(
            "select exists(select 1 from exchange_log where partner = ? and direction = 'out'
             and kind = 'bundle' and outcome <> 'refused' and seq = ?)",
        ))
        .bind(partner.to_string())
        .bind(seq)
        .fetch_one(&mut *tx)
        .await?;
        if seq > 0 && !held {
            let now = Utc::now();
            insert_log(
                &mut tx,
                &LogRow {
                    id: new_id(),
                    partner,
                    direction: Direction::Out,
                    kind: crate::exchange::LogKind::Bundle,
                    seq: Some(seq),
                    hash: hash.to_string(),
                    prev: None,
                    created_at: now,
                    logged_at: now,
                    outcome: crate::exchange::Outcome::Acknowledged,
                    key: None,
                    entries: 0,
                    detail: Some("resumed".into()),
                },
            )
            .await?;
        }
        sqlx::query(&super::d::sql(
            "delete from exchange_sent where partner = ?",
        ))
        .bind(partner.to_string())
        .execute(&mut *tx)
        .await?;
        audit_event(&mut tx, actor, "exchange_resume", party).await?;
        super::seal::seal_and_commit(tx).await
    }

    pub(super) async fn candidates_of(&self, pending_only: bool) -> StoreResult<Vec<Candidate>> {
        let rows = sqlx::query(&format!(
            "select partner, theirs, ours, kind, state, found_at from exchange_candidates {}
             order by found_at, partner, theirs",
            if pending_only {
                "where state = 'pending'"
            } else {
                ""
            }
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                Ok(Candidate {
                    partner: id_of(&r.try_get::<String, _>("partner")?)?,
                    kind: RecordKind::parse(&kind)
                        .ok_or_else(|| corrupt(format!("exchange kind {kind:?}")))?,
                    theirs: id_of(&r.try_get::<String, _>("theirs")?)?,
                    ours: id_of(&r.try_get::<String, _>("ours")?)?,
                    state: r.try_get("state")?,
                    found_at: time_of(&r.try_get::<String, _>("found_at")?)?,
                })
            })
            .collect()
    }

    /// A secretariat user's decision on a candidate. Confirmed: the partner's id is read
    /// as ours from now on, and every record from that partner naming it is rewritten
    /// (through the write path) to name ours; the partner's copy stays, named by nothing.
    /// Declined: kept apart for good. `Ok(None)` when no such pending candidate exists;
    /// else how many records were rewritten.
    pub(super) async fn candidate_decide(
        &self,
        actor: &Actor,
        party: Id,
        c: &Candidate,
        confirm: bool,
    ) -> StoreResult<Option<usize>> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let changed = sqlx::query(&super::d::sql(
            "update exchange_candidates set state = ?, decided_by = ?
             where partner = ? and theirs = ? and ours = ? and state = 'pending'",
        ))
        .bind(if confirm { "confirmed" } else { "declined" })
        .bind(&actor.name)
        .bind(c.partner.to_string())
        .bind(c.theirs.to_string())
        .bind(c.ours.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(None);
        }
        let mut rewritten = 0;
        if confirm {
            // One match per record of theirs: any other candidate for it is declined.
            sqlx::query(&super::d::sql(
                "update exchange_candidates set state = 'declined', decided_by = ?
                 where partner = ? and theirs = ? and state = 'pending'",
            ))
            .bind(&actor.name)
            .bind(c.partner.to_string())
            .bind(c.theirs.to_string())
            .execute(&mut *tx)
            .await?;
            sqlx::query(&super::d::sql(
                "insert into exchange_matches (partner, theirs, ours, kind) values (?, ?, ?, ?)
                 on conflict (partner, theirs) do update set ours = excluded.ours",
            ))
            .bind(c.partner.to_string())
            .bind(c.theirs.to_string())
            .bind(c.ours.to_string())
            .bind(c.kind.key())
            .execute(&mut *tx)
            .await?;
            let mut memo = Memo::default();
            let (from, to) = (c.theirs.to_string(), c.ours.to_string());
            for kind in RecordKind::ALL {
                let Some(table) = super::search::table_of(kind) else {
                    continue;
                };
                let rows = sqlx::query(&super::d::sql(&format!(
                    "select t.doc from {table} t join exchange_origins o on o.record_id = t.id
                     where o.origin = ? and t.doc like '%' || ? || '%' and t.id <> ?"
                )))
                .bind(c.partner.to_string())
                .bind(&from)
                .bind(&from)
                .fetch_all(&mut *tx)
                .await?;
                for r in rows {
                    let doc: String = r.try_get("doc")?;
                    let value: serde_json::Value = serde_json::from_str(&doc.replace(&from, &to))?;
                    let Some(write) = crate::Write::from_document(kind, value)? else {
                        continue;
                    };
                    let mut pending = Pending::new(&mut tx);
                    super::many::write(&mut pending, &mut memo, &Save::new(actor, write)).await?;
                    pending.flush().await?;
                    rewritten += 1;
                }
            }
        }
        audit_event(&mut tx, actor, "exchange_match", party).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(Some(rewritten))
    }

    /// A signed receipt for a sent bundle came back: the bundle is acknowledged, or, when
    /// the partner refused it, what it carried counts as unsent again.
    pub(super) async fn receipt_record(
        &self,
        row: &LogRow,
        of_seq: i64,
        applied: bool,
    ) -> StoreResult<bool> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let outcome = if applied { "acknowledged" } else { "refused" };
        let changed = sqlx::query(&super::d::sql(
            "update exchange_log set outcome = ? where partner = ? and direction = 'out'
             and kind = 'bundle' and seq = ? and outcome = 'sent'",
        ))
        .bind(outcome)
        .bind(row.partner.to_string())
        .bind(of_seq)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if changed && !applied {
            sqlx::query(&super::d::sql(
                "delete from exchange_sent where partner = ? and seq = ?",
            ))
            .bind(row.partner.to_string())
            .bind(of_seq)
            .execute(&mut *tx)
            .await?;
        }
        insert_log(&mut tx, row).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// The partner's ids this instance holds under its own: theirs → ours.
    pub(super) async fn matches_of(&self, partner: Id) -> StoreResult<HashMap<Id, Id>> {
        let rows = sqlx::query(&super::d::sql(
            "select theirs, ours from exchange_matches where partner = ?",
        ))
        .bind(partner.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    id_of(&r.try_get::<String, _>("theirs")?)?,
                    id_of(&r.try_get::<String, _>("ours")?)?,
                ))
            })
            .collect()
    }

    /// The origin instance of each of `ids` that came from another instance.
    pub(super) async fn origins(&self, ids: &[Id]) -> StoreResult<HashMap<Id, (Id, i64)>> {
        let mut found = HashMap::new();
        for r in self.origin_rows(ids, "origin, version", "true").await? {
            found.insert(
                id_of(&r.try_get::<String, _>("record_id")?)?,
                (
                    id_of(&r.try_get::<String, _>("origin")?)?,
                    r.try_get("version")?,
                ),
            );
        }
        Ok(found)
    }

    /// The `exchange_origins` rows of `ids` (`record_id` and `columns`) where `filter`
    /// holds, read a few hundred ids at a time.
    async fn origin_rows(
        &self,
        ids: &[Id],
        columns: &str,
        filter: &str,
    ) -> StoreResult<Vec<DbRow>> {
        let mut rows = Vec::new();
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "select record_id, {columns} from exchange_origins
                 where {filter} and record_id in ({marks})"
            );
            let sql = super::d::sql(&sql);
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id.to_string());
            }
            rows.extend(q.fetch_all(&self.pool).await?);
        }
        Ok(rows)
    }

    /// Applies a verified bundle (see the module's doc): all of it, or nothing.
    pub(super) async fn arrival_apply(
        &self,
        actor: &Actor,
        party: Id,
        arrival: &Arrival,
        clearance: Marking,
    ) -> StoreResult<Result<(), ApplyRefusal>> {
        let partner = arrival.log.partner;
        let mut tx = super::d::begin_write(&self.pool).await?;
        let head = chain_head(&mut tx, partner, Direction::In).await?;
        if let Some(refusal) = continues(head.as_ref(), &arrival.log) {
            return Ok(Err(refusal));
        }
        let mut memo = Memo::default();
        for incoming in &arrival.records {
            let origin = origin_in(&mut tx, incoming.id).await?;
            let Some(table) = super::search::table_of(incoming.kind) else {
                return Ok(Err(ApplyRefusal::NotItsRecord { id: incoming.id }));
            };
            let stored: Option<i64> = sqlx::query_scalar(&super::d::sql(&format!(
                "select version from {table} where id = ?"
            )))
            .bind(incoming.id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            let held = stored.is_some();
            match origin {
                Some(o) if o == partner.to_string() => {}
                // Someone else's record, or this instance's own: the partner may not
                // rewrite it.
                Some(_) => return Ok(Err(ApplyRefusal::NotItsRecord { id: incoming.id })),
                None if held => return Ok(Err(ApplyRefusal::NotItsRecord { id: incoming.id })),
                None => {}
            }
            if incoming
                .write
                .protection()
                .is_some_and(|p| p.marking > clearance)
            {
                return Ok(Err(ApplyRefusal::AboveClearance { id: incoming.id }));
            }
            // This side's own part of the partner's record, changed here and not sent yet,
            // is kept over the partner's new version (it goes back in the next bundle).
            let mut incoming_write = incoming.write.clone();
            if held {
                keep_own_part(
                    &mut tx,
                    table,
                    incoming.id,
                    arrival.own_party,
                    &mut incoming_write,
                )
                .await?;
            }
            // Bound to its origin before it is written: the write's checks then know the
            // record is the partner's (its signed minutes' scan is on the partner's side).
            sqlx::query(&super::d::sql(
                "insert into exchange_origins (record_id, kind, origin, version, doc) values (?, ?, ?, ?, ?)
                 on conflict (record_id) do update set version = excluded.version, doc = excluded.doc",
            ))
            .bind(incoming.id.to_string())
            .bind(incoming.kind.key())
            .bind(partner.to_string())
            .bind(incoming.origin_version)
            .bind(serde_json::to_string(&write_record(&incoming.write))?)
            .execute(&mut *tx)
            .await?;
            // A record sent again unchanged (after a fork, every record is) writes nothing.
            if !(held && same_as_stored(&mut tx, table, &incoming_write).await?) {
                // Saved at the local version: the origin's numbering is kept beside it.
                let mut write = incoming_write.clone();
                write.set_version(stored.unwrap_or(0));
                let save = Save::new(actor, write);
                let mut pending = Pending::new(&mut tx);
                super::many::write(&mut pending, &mut memo, &save).await?;
                pending.flush().await?;
            }
        }
        for (kind, theirs, ours) in &arrival.matches {
            sqlx::query(&super::d::sql(
                "insert into exchange_matches (partner, theirs, ours, kind) values (?, ?, ?, ?)
                 on conflict (partner, theirs) do update set ours = excluded.ours",
            ))
            .bind(partner.to_string())
            .bind(theirs.to_string())
            .bind(ours.to_string())
            .bind(kind.key())
            .execute(&mut *tx)
            .await?;
        }
        for (kind, theirs, ours) in &arrival.candidates {
            sqlx::query(&super::d::sql(
                "insert into exchange_candidates (partner, theirs, ours, kind, state, found_at)
                 values (?, ?, ?, ?, 'pending', ?) on conflict (partner, theirs, ours) do nothing",
            ))
            .bind(partner.to_string())
            .bind(theirs.to_string())
            .bind(ours.to_string())
            .bind(kind.key())
            .bind(text_of(Utc::now()))
            .execute(&mut *tx)
            .await?;
        }
        for ask in &arrival.asks {
            insert_ask(&mut tx, ask).await?;
        }
        // A progress report of the partner's side answers what was asked of it.
        let reported: Vec<String> = arrival
            .records
            .iter()
            .filter_map(|r| match &r.write {
                crate::Write::Progress(p) => Some(p.item_id.to_string()),
                _ => None,
            })
            .collect();
        for item in reported {
            sqlx::query(&super::d::sql(
                "update exchange_asks set answered_at = ? where partner = ? and direction = 'out'
                 and item_id = ? and answered_at is null",
            ))
            .bind(text_of(Utc::now()))
            .bind(partner.to_string())
            .bind(item)
            .execute(&mut *tx)
            .await?;
        }
        for change in &arrival.parts {
            if let Err(refusal) =
                apply_part(&mut tx, &mut memo, actor, partner, party, change).await?
            {
                return Ok(Err(refusal));
            }
        }
        // The partner's secretariat decided this side's part of its record: taken where
        // this side's part is still the version that clashed.
        for r in &arrival.resolutions {
            let origin = origin_in(&mut tx, r.id).await?;
            if origin != Some(partner.to_string()) {
                return Ok(Err(ApplyRefusal::NotItsRecord { id: r.id }));
            }
            let Some(table) = super::search::table_of(r.kind) else {
                return Ok(Err(ApplyRefusal::NotItsRecord { id: r.id }));
            };
            if let Some(mut current) = stored_write(&mut tx, r.kind, table, r.id).await?
                && current.part(arrival.own_party).as_ref() == Some(&r.over)
                && current.set_part(arrival.own_party, &r.part)
            {
                let mut pending = Pending::new(&mut tx);
                super::many::write(&mut pending, &mut memo, &Save::new(actor, current)).await?;
                pending.flush().await?;
            }
        }
        // Files go on the partner's own records only, held here by now.
        for (file, content) in &arrival.files {
            let origin = origin_in(&mut tx, file.record_id).await?;
            if origin != Some(partner.to_string()) {
                return Ok(Err(ApplyRefusal::NotItsRecord { id: file.record_id }));
            }
            super::attachments::insert_received(&mut tx, actor, file, content).await?;
        }
        for &id in &arrival.withdrawn {
            withdraw(&mut tx, &mut memo, actor, partner, party, id).await?;
        }
        insert_log(&mut tx, &arrival.log).await?;
        audit_event(&mut tx, actor, "exchange_receive", party).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(Ok(()))
    }
}

/// Whether `row` continues the chain whose last bundle is `head`.
fn continues(head: Option<&LogRow>, row: &LogRow) -> Option<ApplyRefusal> {
    let expected = head.and_then(|h| h.seq).map_or(1, |s| s + 1);
    let got = row.seq.unwrap_or(0);
    if got != expected {
        return Some(ApplyRefusal::OutOfOrder { expected, got });
    }
    if row.prev.as_deref() != head.map(|h| h.hash.as_str()) {
        return Some(ApplyRefusal::BrokenChain);
    }
    None
}

/// A record the partner withdrew (it may no longer see it at its origin) is hidden here
/// from everyone but the partner's own party: releasable to its originator only, a new
/// version through the write path. A record of another origin is left alone.
async fn withdraw(
    conn: &mut Conn,
    memo: &mut Memo,
    actor: &Actor,
    partner: Id,
    party: Id,
    id: Id,
) -> StoreResult<()> {
    let row = sqlx::query(&super::d::sql(
        "select kind, origin from exchange_origins where record_id = ?",
    ))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(()) };
    let (kind, origin): (String, String) = (row.try_get("kind")?, row.try_get("origin")?);
    let Some(kind) = RecordKind::parse(&kind) else {
        return Ok(());
    };
    let Some(table) = super::search::table_of(kind) else {
        return Ok(());
    };
    if origin != partner.to_string() {
        return Ok(());
    }
    let doc: Option<String> = sqlx::query_scalar(&super::d::sql(&format!(
        "select doc from {table} where id = ?"
    )))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(doc) = doc else { return Ok(()) };
    let Some(mut write) = crate::Write::from_document(kind, serde_json::from_str(&doc)?)? else {
        return Ok(());
    };
    let Some(mut p) = write.protection() else {
        return Ok(());
    };
    p.releasability = Releasability::OriginatorOnly;
    p.originator = Some(party);
    write.set_protection(p);
    let mut pending = Pending::new(&mut *conn);
    super::many::write(&mut pending, memo, &Save::new(actor, write)).await?;
    pending.flush().await
}

/// Whether `write` is the stored record but for its version.
async fn same_as_stored(conn: &mut Conn, table: &str, write: &crate::Write) -> StoreResult<bool> {
    let mut theirs = serde_json::to_value(write_record(write))?;
    let id = theirs
        .get("id")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    let doc: Option<String> = sqlx::query_scalar(&super::d::sql(&format!(
        "select doc from {table} where id = ?"
    )))
    .bind(&id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(doc) = doc else { return Ok(false) };
    let mut ours: serde_json::Value = serde_json::from_str(&doc)?;
    for v in [&mut theirs, &mut ours] {
        if let Some(o) = v.as_object_mut() {
            o.remove("version");
        }
    }
    Ok(theirs == ours)
}

/// The record a write holds, as JSON.
fn write_record(write: &crate::Write) -> serde_json::Value {
    use crate::Write as W;
    let v = match write {
        W::Party(r) => serde_json::to_value(r),
        W::Organisation(r) => serde_json::to_value(r),
        W::Rank(r) => serde_json::to_value(r),
        W::Person(r) => serde_json::to_value(r),
        W::Area(r) => serde_json::to_value(r),
        W::Agreement(r) => serde_json::to_value(r),
        W::Clause(r) => serde_json::to_value(r),
        W::Commission(r) => serde_json::to_value(r),
        W::Session(r) => serde_json::to_value(r),
        W::Plan(r) => serde_json::to_value(r),
        W::Item(r) => serde_json::to_value(r),
        W::Progress(r) => serde_json::to_value(r),
        W::Activity(r) => serde_json::to_value(r),
        W::User(r) => serde_json::to_value(r),
        W::Password { .. } => Ok(serde_json::Value::Null),
    };
    v.unwrap_or_default()
}

/// The record of `kind` and `id` in `table` as a `Write`, at its stored version.
async fn stored_write(
    conn: &mut Conn,
    kind: RecordKind,
    table: &str,
    id: Id,
) -> StoreResult<Option<crate::Write>> {
    let doc: Option<String> = sqlx::query_scalar(&super::d::sql(&format!(
        "select doc from {table} where id = ?"
    )))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    match doc {
        Some(d) => Ok(crate::Write::from_document(
            kind,
            serde_json::from_str(&d)?,
        )?),
        None => Ok(None),
    }
}

/// Overlays this side's own part of a partner's record on the partner's new version when
/// it was changed here since the record was last received.
/// The instance a record came from, read inside the caller's transaction (`None`: this
/// instance's own record, or one not held).
async fn origin_in(conn: &mut Conn, record: Id) -> StoreResult<Option<String>> {
    Ok(sqlx::query_scalar(&super::d::sql(
        "select origin from exchange_origins where record_id = ?",
    ))
    .bind(record.to_string())
    .fetch_optional(&mut *conn)
    .await?)
}

async fn keep_own_part(
    conn: &mut Conn,
    table: &str,
    id: Id,
    own_party: Id,
    incoming: &mut crate::Write,
) -> StoreResult<()> {
    let received: Option<Option<String>> = sqlx::query_scalar(&super::d::sql(
        "select doc from exchange_origins where record_id = ?",
    ))
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let kind = match incoming {
        crate::Write::Session(_) => RecordKind::Session,
        crate::Write::Item(_) => RecordKind::ActionItem,
        _ => return Ok(()),
    };
    let (Some(Some(received)), Some(local)) =
        (received, stored_write(conn, kind, table, id).await?)
    else {
        return Ok(());
    };
    let Some(received) = crate::Write::from_document(kind, serde_json::from_str(&received)?)?
    else {
        return Ok(());
    };
    let (mine, before) = (local.part(own_party), received.part(own_party));
    if let Some(mine) = mine
        && Some(&mine) != before.as_ref()
    {
        incoming.set_part(own_party, &mine);
    }
    Ok(())
}

/// A partner's change to its own part of a record of ours: applied when this side left
/// that part as the partner last received it, queued with both versions when this side
/// changed it too, refused when the record is not ours or the part not the partner's.
async fn apply_part(
    conn: &mut Conn,
    memo: &mut Memo,
    actor: &Actor,
    partner: Id,
    party: Id,
    change: &crate::exchange::PartChange,
) -> StoreResult<Result<(), ApplyRefusal>> {
    let refused = Ok(Err(ApplyRefusal::NotItsRecord { id: change.id }));
    let Some(table) = super::search::table_of(change.kind) else {
        return refused;
    };
    let origin = origin_in(conn, change.id).await?;
    if origin.is_some() || change.part.party().is_some_and(|p| p != party) {
        return refused;
    }
    let Some(mut current) = stored_write(conn, change.kind, table, change.id).await? else {
        return refused;
    };
    let Some(ours) = current.part(party) else {
        return refused;
    };
    if ours == change.part {
        return Ok(Ok(()));
    }
    let sent: Option<Option<String>> = sqlx::query_scalar(&super::d::sql(
        "select doc from exchange_sent where partner = ? and record_id = ?",
    ))
    .bind(partner.to_string())
    .bind(change.id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let base = match sent.flatten() {
        Some(doc) => crate::Write::from_document(change.kind, serde_json::from_str(&doc)?)?
            .and_then(|w| w.part(party)),
        None => None,
    };
    if base.as_ref() == Some(&ours) {
        if !current.set_part(party, &change.part) {
            return refused;
        }
        let mut pending = Pending::new(&mut *conn);
        super::many::write(&mut pending, memo, &Save::new(actor, current)).await?;
        pending.flush().await?;
    } else {
        sqlx::query(&super::d::sql(
            "insert into exchange_conflicts (id, partner, kind, record_id, base, ours, theirs, state, found_at)
             values (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
        ))
        .bind(new_id().to_string())
        .bind(partner.to_string())
        .bind(change.kind.key())
        .bind(change.id.to_string())
        .bind(base.map(|b| serde_json::to_string(&b)).transpose()?)
        .bind(serde_json::to_string(&ours)?)
        .bind(serde_json::to_string(&change.part)?)
        .bind(text_of(Utc::now()))
        .execute(&mut *conn)
        .await?;
    }
    Ok(Ok(()))
}

fn conflict_of(r: &DbRow) -> StoreResult<Conflict> {
    let kind: String = r.try_get("kind")?;
    let base: Option<String> = r.try_get("base")?;
    Ok(Conflict {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        partner: id_of(&r.try_get::<String, _>("partner")?)?,
        kind: RecordKind::parse(&kind).ok_or_else(|| corrupt(format!("exchange kind {kind:?}")))?,
        record_id: id_of(&r.try_get::<String, _>("record_id")?)?,
        base: base.map(|b| serde_json::from_str(&b)).transpose()?,
        ours: serde_json::from_str(&r.try_get::<String, _>("ours")?)?,
        theirs: serde_json::from_str(&r.try_get::<String, _>("theirs")?)?,
        state: r.try_get("state")?,
        found_at: time_of(&r.try_get::<String, _>("found_at")?)?,
    })
}

impl Engine {
    pub(super) async fn conflicts_of(&self, open_only: bool) -> StoreResult<Vec<Conflict>> {
        let rows = sqlx::query(&format!(
            "select id, partner, kind, record_id, base, ours, theirs, state, found_at
             from exchange_conflicts {} order by found_at, id",
            if open_only {
                "where state = 'open'"
            } else {
                ""
            }
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(conflict_of).collect()
    }

    /// A secretariat user's choice on an open conflict: ours keeps the record as it is;
    /// theirs puts the partner's part in it (a new version through the write path). Both
    /// versions stay in the conflict's row. `false` when the conflict is not open.
    pub(super) async fn conflict_resolve(
        &self,
        actor: &Actor,
        party: Id,
        conflict: Id,
        theirs: bool,
    ) -> StoreResult<bool> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let row = sqlx::query(&super::d::sql(
            "select id, partner, kind, record_id, base, ours, theirs, state, found_at
             from exchange_conflicts where id = ? and state = 'open'",
        ))
        .bind(conflict.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(c) = row.as_ref().map(conflict_of).transpose()? else {
            return Ok(false);
        };
        sqlx::query(&super::d::sql(
            "update exchange_conflicts set state = ?, resolved_by = ? where id = ?",
        ))
        .bind(if theirs { "theirs" } else { "ours" })
        .bind(&actor.name)
        .bind(conflict.to_string())
        .execute(&mut *tx)
        .await?;
        if theirs
            && let Some(table) = super::search::table_of(c.kind)
            && let Some(mut current) = stored_write(&mut tx, c.kind, table, c.record_id).await?
            && current.set_part(party, &c.theirs)
        {
            let mut memo = Memo::default();
            let mut pending = Pending::new(&mut tx);
            super::many::write(&mut pending, &mut memo, &Save::new(actor, current)).await?;
            pending.flush().await?;
        }
        audit_event(&mut tx, actor, "exchange_resolve", party).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(true)
    }

    /// Each of `ids` received from a partner, as last received.
    pub(super) async fn received_docs(&self, ids: &[Id]) -> StoreResult<HashMap<Id, String>> {
        let mut found = HashMap::new();
        for r in self.origin_rows(ids, "doc", "doc is not null").await? {
            found.insert(
                id_of(&r.try_get::<String, _>("record_id")?)?,
                r.try_get("doc")?,
            );
        }
        Ok(found)
    }
}

async fn insert_ask(conn: &mut Conn, a: &crate::exchange::Ask) -> StoreResult<bool> {
    Ok(sqlx::query(&super::d::sql(
        "insert into exchange_asks (id, partner, direction, item_id, party_id, asked_by, asked_on, seq, answered_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
    ))
    .bind(a.id.to_string())
    .bind(a.partner.to_string())
    .bind(a.direction.key())
    .bind(a.item_id.to_string())
    .bind(a.party_id.to_string())
    .bind(&a.asked_by)
    .bind(a.asked_on.to_string())
    .bind(a.seq)
    .bind(a.answered_at.map(text_of))
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

fn ask_of(r: &DbRow) -> StoreResult<crate::exchange::Ask> {
    let direction: String = r.try_get("direction")?;
    let on: String = r.try_get("asked_on")?;
    let answered: Option<String> = r.try_get("answered_at")?;
    Ok(crate::exchange::Ask {
        id: id_of(&r.try_get::<String, _>("id")?)?,
        partner: id_of(&r.try_get::<String, _>("partner")?)?,
        direction: parse_direction(&direction)
            .ok_or_else(|| corrupt(format!("exchange direction {direction:?}")))?,
        item_id: id_of(&r.try_get::<String, _>("item_id")?)?,
        party_id: id_of(&r.try_get::<String, _>("party_id")?)?,
        asked_by: r.try_get("asked_by")?,
        asked_on: on
            .parse()
            .map_err(|_| corrupt(format!("exchange ask day {on:?}")))?,
        seq: r.try_get("seq")?,
        answered_at: answered.as_deref().map(time_of).transpose()?,
    })
}

impl Engine {
    /// Records a request for news to send to a partner (`false`: already recorded).
    pub(super) async fn ask_add(&self, ask: &crate::exchange::Ask) -> StoreResult<bool> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        let added = insert_ask(&mut tx, ask).await?;
        tx.commit().await?;
        Ok(added)
    }

    /// The requests to or from `partner`, oldest first.
    pub(super) async fn asks_of(&self, partner: Id) -> StoreResult<Vec<crate::exchange::Ask>> {
        let rows = sqlx::query(&super::d::sql(
            "select id, partner, direction, item_id, party_id, asked_by, asked_on, seq, answered_at
             from exchange_asks where partner = ? order by asked_on, id",
        ))
        .bind(partner.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ask_of).collect()
    }

    /// The outbound requests a bundle carried.
    pub(super) async fn asks_sent(&self, ids: &[Id], seq: i64) -> StoreResult<()> {
        let mut tx = super::d::begin_write(&self.pool).await?;
        for id in ids {
            sqlx::query(&super::d::sql(
                "update exchange_asks set seq = ? where id = ?",
            ))
            .bind(seq)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
