//! The one write path of the SQLite store. Every `save_*` comes here: in a single
//! transaction it decides permission, checks the version, settles derived fields,
//! validates, writes the row, its link rows and its search entry, appends the audit row,
//! then writes what derives from the record (`follow`). Any failure drops the
//! transaction, so nothing is written.

use super::{
    SqliteStore, audit,
    context::Checked,
    follow::Follows,
    guard::guard,
    read,
    record::{Record, bind},
    search,
};
use crate::{Actor, StoreError, StoreResult, indexed::Indexed, scope::Scoped};
use sqlx::SqliteConnection;
use taawun_core::{RuleErrors, rules, rules::Rule};

impl SqliteStore {
    pub(super) async fn save<R>(&self, actor: &Actor, record: &R) -> StoreResult<R>
    where
        R: Checked + Follows + Scoped + Indexed,
    {
        // `begin immediate` takes the write lock up front. A deferred transaction would read
        // the version, then fail to upgrade its lock if another writer got in between;
        // this way writers queue (up to the busy timeout) and each sees the latest version.
        let mut tx = self.pool.begin_with("begin immediate").await?;

        let sql = format!("select version, doc from {} where id = ?", R::TABLE);
        let stored: Option<(i64, String)> = sqlx::query_as(&sql)
            .bind(record.id().to_string())
            .fetch_optional(&mut *tx)
            .await?;
        let previous: Option<R> = stored
            .as_ref()
            .map(|(_, doc)| read::decode(doc))
            .transpose()?;
        // Before the version: a conflict would tell an outsider the record exists.
        if let Some(who) = &actor.principal {
            guard(&mut tx, who, record, previous.as_ref()).await?;
        }

        let stored_version = stored.as_ref().map_or(0, |(v, _)| *v);
        if record.version() != stored_version {
            return Err(StoreError::Conflict {
                kind: R::KIND,
                stored: stored_version,
                yours: record.version(),
            });
        }

        // Derived fields first (an item's joint status), so the rules judge what is written.
        let mut next = record.clone();
        next.settle(&mut tx).await?;
        validate(&mut tx, &next, previous.as_ref()).await?;

        next.set_version(stored_version + 1);
        let doc = serde_json::to_string(&next)?;
        write_row(&mut tx, &next, &doc, stored_version)
            .await
            .map_err(unique_to_field)?;
        write_links(&mut tx, &next).await.map_err(unique_to_field)?;
        search::index(&mut tx, R::KIND, next.id(), next.search_body()).await?;
        let before = stored.as_ref().map(|(_, doc)| doc.as_str());
        audit::append(&mut tx, actor, R::KIND, next.id(), before, &doc).await?;
        // After the record's own audit row: a progress update's consequence on its item is
        // logged after the update that caused it.
        next.follow(&mut tx, actor, previous.as_ref()).await?;

        tx.commit().await?;
        Ok(next)
    }
}

/// The record's protection and its own rules, reported together so a form shows them all.
async fn validate<R: Checked>(
    conn: &mut SqliteConnection,
    record: &R,
    previous: Option<&R>,
) -> StoreResult<()> {
    let protection = rules::check_protection(&record.protection());
    let own = record.check(conn, previous).await;
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
    conn: &mut SqliteConnection,
    record: &R,
    doc: &str,
    stored_version: i64,
) -> StoreResult<()> {
    let columns = record.columns();
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let sql = if stored_version == 0 {
        let marks = vec!["?"; names.len() + 3].join(", ");
        format!(
            "insert into {} (version, doc, {}, id) values ({marks})",
            R::TABLE,
            names.join(", ")
        )
    } else {
        let sets: Vec<String> = names.iter().map(|n| format!("{n} = ?")).collect();
        format!(
            "update {} set version = ?, doc = ?, {} where id = ? and version = ?",
            R::TABLE,
            sets.join(", ")
        )
    };
    // Placeholders are in the same order for both statements: version, doc, columns, id.
    let mut q = sqlx::query(&sql).bind(record.version()).bind(doc);
    for (_, v) in columns {
        q = bind(q, v);
    }
    q = q.bind(record.id().to_string());
    if stored_version != 0 {
        q = q.bind(stored_version);
    }
    let done = q.execute(&mut *conn).await?;
    // The write lock makes this unreachable; it guards against the lock being dropped.
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict {
            kind: R::KIND,
            stored: stored_version,
            yours: stored_version,
        });
    }
    Ok(())
}

/// Replaces the record's rows in each link table it owns.
pub(super) async fn write_links<R: Record>(
    conn: &mut SqliteConnection,
    record: &R,
) -> StoreResult<()> {
    let owner_id = record.id().to_string();
    for links in record.links() {
        let delete = format!("delete from {} where {} = ?", links.table, links.owner);
        sqlx::query(&delete)
            .bind(&owner_id)
            .execute(&mut *conn)
            .await?;
        let marks = vec!["?"; links.columns.len() + 1].join(", ");
        let insert = format!(
            "insert into {} ({}, {}) values ({marks})",
            links.table,
            links.owner,
            links.columns.join(", ")
        );
        for row in links.rows {
            let q = row
                .into_iter()
                .fold(sqlx::query(&insert).bind(&owner_id), bind);
            q.execute(&mut *conn).await?;
        }
    }
    Ok(())
}

/// A unique constraint that fired despite the checks (a rule the core does not have, or a
/// race the lock did not cover) becomes a field error, never a raw database error.
fn unique_to_field(e: StoreError) -> StoreError {
    let StoreError::Database(sqlx::Error::Database(db)) = &e else {
        return e;
    };
    if db.kind() != sqlx::error::ErrorKind::UniqueViolation {
        return e;
    }
    // SQLite names the columns: "UNIQUE constraint failed: sessions.commission_id,
    // sessions.ordinal". The last column is the one that distinguishes the row.
    let last = db.message().rsplit([' ', ',']).next().unwrap_or_default();
    let (field, rule) = field_of_unique(last);
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
