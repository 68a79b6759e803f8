//! The one write path of the SQLite store. Every `save_*` comes here, and so does each
//! record of a batch (`batch.rs`): inside the caller's transaction it decides permission,
//! checks the version, settles derived fields, validates, writes the row, its link rows and
//! its search entry, appends the audit row, then writes what derives from the record
//! (`follow`). Any failure drops the transaction, so nothing is written.

use super::d::Conn;
use super::{
    Engine, audit,
    context::Checked,
    effective,
    follow::Follows,
    guard::guard,
    memo::{Memo, Reads},
    read,
    record::{Record, Value},
    script::{Pending, Script},
    search,
};
use crate::{Actor, StoreError, StoreResult, indexed::Indexed, scope::Scoped};
use taawun_core::{ActionItem, RuleErrors, rules, rules::Rule};

/// Which ids a save accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Accept {
    /// A new id (version 0) or the stored version of an existing record: `save_*`.
    NewOrCurrent,
    /// Only a new id: a batch of new records, where an existing id is a mistake that
    /// must not turn into an update.
    NewOnly,
}

/// What a save needs from its record type.
pub(super) trait Saved: Checked + Follows + Scoped + Indexed {}
impl<R: Checked + Follows + Scoped + Indexed> Saved for R {}

impl Engine {
    /// One record in its own transaction.
    pub(super) async fn save<R: Saved>(&self, actor: &Actor, record: &R) -> StoreResult<R> {
        // `begin immediate` takes the write lock up front. A deferred transaction would read
        // the version, then fail to upgrade its lock if another writer got in between;
        // this way writers queue (up to the busy timeout) and each sees the latest version.
        let mut tx = super::d::begin_write(&self.pool).await?;
        let mut pending = Pending::new(&mut tx);
        let saved = save_in(
            &mut pending,
            &mut Memo::default(),
            actor,
            record,
            Accept::NewOrCurrent,
        )
        .await?;
        pending.flush().await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(saved)
    }
}

/// The write path, inside a transaction the caller began with `begin immediate`, flushes
/// and commits: `save` for one record, `save_items` for a batch. `memo` lives as long as the
/// transaction. The record's writes are left in `pending` (reads send them first); on an
/// error the caller drops the transaction, so nothing of it is written.
pub(super) async fn save_in<R: Saved>(
    pending: &mut Pending<'_>,
    memo: &mut Memo,
    actor: &Actor,
    record: &R,
    accept: Accept,
) -> StoreResult<R> {
    let stored = Reads::new(pending, memo).row::<R>(record.id()).await?;
    let previous: Option<R> = stored
        .as_ref()
        .map(|(_, doc)| read::decode(doc))
        .transpose()?;
    // Before the version: a conflict would tell an outsider the record exists.
    if let Some(who) = &actor.principal {
        guard(
            &mut Reads::new(pending, memo),
            who,
            record,
            previous.as_ref(),
        )
        .await?;
    }

    let stored_version = stored.as_ref().map_or(0, |(v, _)| *v);
    let exists_but_new_only = accept == Accept::NewOnly && stored.is_some();
    if record.version() != stored_version || exists_but_new_only {
        return Err(StoreError::Conflict {
            kind: R::KIND.key(),
            stored: stored_version,
            yours: record.version(),
        });
    }

    // Derived fields first (an item's joint status), so the rules judge what is written.
    let mut next = record.clone();
    next.settle(pending, previous.as_ref()).await?;
    memo.writing_as(actor.principal.clone());
    memo.checking_over(
        previous
            .as_ref()
            .map(serde_json::to_value)
            .transpose()?
            .as_ref(),
    );
    validate(&mut Reads::new(pending, memo), &next, previous.as_ref()).await?;

    next.set_version(stored_version + 1);
    let doc = serde_json::to_string(&next)?;
    let before = stored.as_ref().map(|(_, doc)| doc.as_str());
    let writes = &mut pending.writes;
    push_row(writes, &next, &doc, stored_version);
    push_links(writes, &next, stored.is_some());
    search::push_index(writes, R::KIND, next.id(), next.search_body());
    // The effective protection after the row, and below it when what it hands down moved.
    let change = match before {
        Some(before) => effective::Change::of(
            Some(&serde_json::from_str(before)?),
            &serde_json::to_value(&next)?,
        ),
        None => effective::Change::New,
    };
    effective::push(writes, R::KIND, next.id().into(), change);
    audit::push(writes, actor, R::KIND, next.id(), before, &doc);
    // After the record's own audit row: a progress update's consequence on its item is
    // logged after the update that caused it.
    next.follow(pending, actor, previous.as_ref()).await?;
    // What the memo read before may have changed: this record, and the items `follow`
    // rewrites (a report's item).
    memo.saved(&next, next.version(), doc);
    if R::REWRITES_ITEMS {
        memo.wrote(ActionItem::TABLE);
    }
    Ok(next)
}

/// The record's protection and its own rules, reported together so a form shows them all.
async fn validate<R: Checked>(
    reads: &mut Reads<'_, '_>,
    record: &R,
    previous: Option<&R>,
) -> StoreResult<()> {
    let protection = rules::check_protection(&record.protection());
    let own = record.check(reads, previous).await;
    match (protection, own) {
        (Ok(()), own) => own,
        (Err(mut p), Err(StoreError::Invalid(e))) => {
            p.0.extend(e.0);
            Err(StoreError::Invalid(p))
        }
        (Err(p), Ok(())) => Err(StoreError::Invalid(p)),
        (Err(_), Err(other)) => Err(other),
    }
}

/// Inserts or updates the row; `stored_version` 0 means the record is new.
pub(super) async fn write_row<R: Record>(
    conn: &mut Conn,
    record: &R,
    doc: &str,
    stored_version: i64,
) -> StoreResult<()> {
    let mut script = Script::default();
    push_row(&mut script, record, doc, stored_version);
    script.run(conn).await
}

/// The statement of `write_row`. An update must match the stored version: it returns a
/// row when it did, and running the script checks that it did.
fn push_row<R: Record>(script: &mut Script, record: &R, doc: &str, stored_version: i64) {
    let columns = record.columns();
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    // Placeholders are in the same order for both statements: version, doc, columns, id.
    let mut values = vec![record.version().into(), doc.into()];
    values.extend(columns.into_iter().map(|(_, v)| v));
    values.push(record.id().into());
    if stored_version == 0 {
        let head = format!(
            "insert into {} (version, doc, {}, id)",
            R::TABLE,
            names.join(", ")
        );
        let marks = format!("({})", vec!["?"; names.len() + 3].join(", "));
        script.push_insert(&head, &marks, "", values);
    } else {
        let sets: Vec<String> = names.iter().map(|n| format!("{n} = ?")).collect();
        let sql = format!(
            "update {} set version = ?, doc = ?, {} where id = ? and version = ? returning 1",
            R::TABLE,
            sets.join(", ")
        );
        values.push(stored_version.into());
        script.push_update(&sql, values, R::KIND.key(), stored_version);
    }
}

/// Replaces the record's rows in each link table it owns (the benchmark generator's path).
#[cfg(feature = "bench")]
#[allow(dead_code)] // SQLite's generator only (see `sql/mod.rs`)
pub(super) async fn write_links<R: Record>(conn: &mut Conn, record: &R) -> StoreResult<()> {
    let mut script = Script::default();
    push_links(&mut script, record, true);
    script.run(conn).await
}

/// The statements replacing the record's link rows: a delete per link table, then an
/// insert per row. `stored` false: the record is new in this save, so no link row can
/// point at it yet and there is nothing to delete. One row per statement (unless a batch
/// groups them): a multi-row insert needs a statement journal (SQLite must be able to undo
/// its first rows), which makes two rows slower than two statements.
fn push_links<R: Record>(script: &mut Script, record: &R, stored: bool) {
    let owner_id = record.id();
    for links in record.links() {
        if stored {
            let delete = format!("delete from {} where {} = ?", links.table, links.owner);
            script.push(&delete, [owner_id.into()]);
        }
        let head = format!(
            "insert into {} ({}, {})",
            links.table,
            links.owner,
            links.columns.join(", ")
        );
        let marks = format!("({})", vec!["?"; links.columns.len() + 1].join(", "));
        for row in links.rows {
            let values = std::iter::once(Value::from(owner_id)).chain(row);
            script.push_insert(&head, &marks, "", values);
        }
    }
}

/// A unique constraint that fired despite the checks (a rule the core does not have, or a
/// race the lock did not cover) becomes a field error, never a raw database error.
pub(super) fn unique_to_field(e: StoreError) -> StoreError {
    let StoreError::Database(sqlx::Error::Database(db)) = &e else {
        return e;
    };
    if db.kind() != sqlx::error::ErrorKind::UniqueViolation {
        return e;
    }
    // The last column of the key is the one that distinguishes the row.
    let last = super::d::unique_column(db.as_ref());
    let (field, rule) = field_of_unique(&last);
    let mut errors = RuleErrors::default();
    errors.push(field, rule);
    StoreError::Invalid(errors)
}

/// The record field, and the rule it breaks, behind a unique `table.column`.
fn field_of_unique(table_column: &str) -> (String, Rule) {
    let column = table_column.rsplit('.').next().unwrap_or(table_column);
    match table_column {
        "sessions.ordinal" => ("ordinal".into(), Rule::OrdinalTaken),
        "delegation_members.person_id" => ("delegations".into(), Rule::Duplicate),
        "item_leads.party_id" => ("leads".into(), Rule::DuplicateSide),
        "item_clauses.clause_id" => ("clause_ids".into(), Rule::Duplicate),
        _ => (column.to_string(), Rule::Duplicate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_columns_name_the_record_field() {
        let cases = [
            ("sessions.ordinal", "ordinal", Rule::OrdinalTaken),
            ("areas.code", "code", Rule::Duplicate),
            ("action_items.code", "code", Rule::Duplicate),
            ("item_clauses.clause_id", "clause_ids", Rule::Duplicate),
            ("item_leads.party_id", "leads", Rule::DuplicateSide),
        ];
        for (input, field, rule) in cases {
            assert_eq!(field_of_unique(input), (field.to_string(), rule), "{input}");
        }
    }
}
