//! The copy's SQLite side: its catalog, a reader over one snapshot, and a writer that loads
//! an empty database in one transaction with its triggers off and its foreign keys checked
//! at the end.

use super::{Column, CopyError, CopyResult, Table, cell::Cell, cell::Kind};
use sqlx::{Row, Sqlite, SqlitePool, Transaction, TypeInfo, ValueRef};
use std::collections::BTreeMap;

/// Every table but SQLite's own, the migrations' bookkeeping and the full-text index's
/// shadow tables; the full-text table itself as an ordinary one keyed by its rowid.
pub(super) async fn catalog(pool: &SqlitePool) -> CopyResult<Vec<Table>> {
    let tables: Vec<(String, String)> = sqlx::query_as(
        "select name, sql from sqlite_master where type = 'table'
         and name not like 'sqlite_%' and name <> 'schema_version'",
    )
    .fetch_all(pool)
    .await?;
    let virtuals: Vec<&str> = tables
        .iter()
        .filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE"))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut out = BTreeMap::new();
    for (name, _) in &tables {
        if virtuals.iter().any(|v| name.starts_with(&format!("{v}_"))) {
            continue;
        }
        let info: Vec<(String, String, i64)> =
            sqlx::query_as("select name, type, pk from pragma_table_info(?) order by cid")
                .bind(name)
                .fetch_all(pool)
                .await?;
        let table = if virtuals.contains(&name.as_str()) {
            // A full-text table's values are text; its key is the rowid, which PostgreSQL's
            // replacement names `key`.
            let mut columns = vec![Column {
                name: "key".into(),
                sql: "rowid".into(),
                kind: Kind::Int,
            }];
            columns.extend(info.iter().map(|(c, _, _)| Column {
                name: c.clone(),
                sql: c.clone(),
                kind: Kind::Text,
            }));
            Table {
                name: name.clone(),
                columns,
                key: vec![0],
            }
        } else {
            let mut key: Vec<(i64, usize)> = info
                .iter()
                .enumerate()
                .filter(|(_, (_, _, pk))| *pk > 0)
                .map(|(i, (_, _, pk))| (*pk, i))
                .collect();
            key.sort();
            Table {
                name: name.clone(),
                columns: info
                    .iter()
                    .map(|(c, t, _)| Column {
                        name: c.clone(),
                        sql: c.clone(),
                        kind: affinity(t),
                    })
                    .collect(),
                key: key.into_iter().map(|(_, i)| i).collect(),
            }
        };
        out.insert(name.clone(), table);
    }
    Ok(out.into_values().collect())
}

/// The kind a declared type gives a column, by SQLite's affinity rules.
fn affinity(declared: &str) -> Kind {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") {
        Kind::Int
    } else if t.contains("char") || t.contains("clob") || t.contains("text") {
        Kind::Text
    } else if t.contains("real") || t.contains("floa") || t.contains("doub") {
        Kind::Real
    } else {
        Kind::Blob
    }
}

/// Reads pages of rows in key order, all from one snapshot.
pub(super) struct Reader {
    tx: Transaction<'static, Sqlite>,
}

impl Reader {
    pub(super) async fn begin(pool: &SqlitePool) -> CopyResult<Reader> {
        Ok(Reader {
            tx: pool.begin().await?,
        })
    }

    /// Up to `limit` rows after the key `after` (from the first when none).
    pub(super) async fn chunk(
        &mut self,
        table: &Table,
        after: Option<&[Cell]>,
        limit: usize,
    ) -> CopyResult<Vec<Vec<Cell>>> {
        let rows = super::fetch_page!(self.tx, table, after, limit, |_| "?".into());
        rows.iter().map(|row| decode(table, row)).collect()
    }
}

/// A row's values as SQLite stores them; a value whose storage class is not its column's
/// kind cannot go to PostgreSQL as it is, so it stops the copy.
fn decode(table: &Table, row: &sqlx::sqlite::SqliteRow) -> CopyResult<Vec<Cell>> {
    let mut out = Vec::with_capacity(table.columns.len());
    for (i, col) in table.columns.iter().enumerate() {
        let raw = row.try_get_raw(i)?;
        let cell = if raw.is_null() {
            Cell::Null
        } else {
            match raw.type_info().name() {
                "INTEGER" => Cell::Int(row.try_get(i)?),
                "REAL" => Cell::Real(row.try_get(i)?),
                "TEXT" => Cell::Text(row.try_get(i)?),
                _ => Cell::Blob(row.try_get(i)?),
            }
        };
        if !cell.fits(col.kind) {
            return Err(CopyError(format!(
                "{}.{} holds {cell:?}, not a value of its type {:?}",
                table.name, col.name, col.kind
            )));
        }
        out.push(cell);
    }
    Ok(out)
}

/// Loads an empty database in one transaction: foreign keys checked at the commit, every
/// trigger dropped during the load (the tallies they keep are copied as they are) and
/// created again before the commit.
pub(super) struct Writer {
    tx: Transaction<'static, Sqlite>,
    triggers: Vec<String>,
}

impl Writer {
    pub(super) async fn begin(pool: &SqlitePool, tables: &[Table]) -> CopyResult<Writer> {
        let mut tx = pool.begin_with("begin immediate").await?;
        for t in tables {
            let any: bool =
                sqlx::query_scalar(&format!("select exists (select 1 from {})", t.name))
                    .fetch_one(&mut *tx)
                    .await?;
            if any {
                return Err(super::not_empty(&t.name));
            }
        }
        // Checked at the commit, not at each insert: tables go in name order, not in the
        // order their references need.
        sqlx::query("pragma defer_foreign_keys = on")
            .execute(&mut *tx)
            .await?;
        let triggers: Vec<(String, String)> =
            sqlx::query_as("select name, sql from sqlite_master where type = 'trigger'")
                .fetch_all(&mut *tx)
                .await?;
        for (name, _) in &triggers {
            sqlx::query(&format!("drop trigger {name}"))
                .execute(&mut *tx)
                .await?;
        }
        Ok(Writer {
            tx,
            triggers: triggers.into_iter().map(|(_, sql)| sql).collect(),
        })
    }

    pub(super) async fn insert(&mut self, table: &Table, rows: &[Vec<Cell>]) -> CopyResult<()> {
        super::insert_rows!(self.tx, table, rows, |_| "?".into())
    }

    pub(super) async fn finish(mut self) -> CopyResult<()> {
        for sql in &self.triggers {
            sqlx::query(sql).execute(&mut *self.tx).await?;
        }
        let broken: Vec<(String,)> =
            sqlx::query_as("select \"table\" from pragma_foreign_key_check")
                .fetch_all(&mut *self.tx)
                .await?;
        if let Some((table,)) = broken.first() {
            return Err(CopyError(format!(
                "{} rows refer to rows the source does not hold (first in table {table}); nothing was copied",
                broken.len()
            )));
        }
        self.tx.commit().await?;
        Ok(())
    }
}
