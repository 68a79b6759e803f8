//! The copy's PostgreSQL side: its catalog, a reader over one snapshot (repeatable read),
//! and a writer that loads an empty database in one transaction, its triggers off and its
//! foreign keys dropped during the load, both back (the keys checked against every row)
//! before the commit.

use super::{Column, CopyError, CopyResult, Table, cell::Cell, cell::Kind};
use sqlx::{PgPool, Postgres, Row, Transaction};
use std::collections::BTreeMap;

/// Every base table of the current schema but the migrations' bookkeeping, by name, with
/// the columns a row is written with (a generated column is derived by the database).
pub(super) async fn catalog(pool: &PgPool) -> CopyResult<Vec<Table>> {
    let cols: Vec<(String, String, String)> = sqlx::query_as(
        "select c.table_name::text, c.column_name::text, c.data_type::text
         from information_schema.columns c
         join information_schema.tables t
           on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
           and c.table_name <> 'schema_version' and c.is_generated = 'NEVER'
         order by c.table_name, c.ordinal_position",
    )
    .fetch_all(pool)
    .await?;
    let keys: Vec<(String, String)> = sqlx::query_as(
        "select tc.table_name::text, k.column_name::text
         from information_schema.table_constraints tc
         join information_schema.key_column_usage k
           on k.constraint_schema = tc.constraint_schema
          and k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
         where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
         order by tc.table_name, k.ordinal_position",
    )
    .fetch_all(pool)
    .await?;
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    for (table, column, ty) in cols {
        let kind = match ty.as_str() {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Real,
            "text" | "character varying" => Kind::Text,
            "bytea" => Kind::Blob,
            other => {
                return Err(CopyError(format!(
                    "{table}.{column} has the type {other}, which taawun's schema never uses"
                )));
            }
        };
        tables
            .entry(table.clone())
            .or_insert_with(|| Table {
                name: table,
                columns: Vec::new(),
                key: Vec::new(),
            })
            .columns
            .push(Column {
                sql: column.clone(),
                name: column,
                kind,
            });
    }
    for (table, column) in keys {
        if let Some(t) = tables.get_mut(&table)
            && let Some(i) = t.columns.iter().position(|c| c.name == column)
        {
            t.key.push(i);
        }
    }
    Ok(tables.into_values().collect())
}

fn placeholder(n: usize) -> String {
    format!("${n}")
}

/// Reads pages of rows in key order, all from one snapshot.
pub(super) struct Reader {
    tx: Transaction<'static, Postgres>,
}

impl Reader {
    pub(super) async fn begin(pool: &PgPool) -> CopyResult<Reader> {
        Ok(Reader {
            tx: pool
                .begin_with("begin isolation level repeatable read, read only")
                .await?,
        })
    }

    /// Up to `limit` rows after the key `after` (from the first when none).
    pub(super) async fn chunk(
        &mut self,
        table: &Table,
        after: Option<&[Cell]>,
        limit: usize,
    ) -> CopyResult<Vec<Vec<Cell>>> {
        let rows = super::fetch_page!(self.tx, table, after, limit, placeholder);
        rows.iter()
            .map(|row| {
                table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        Ok(match c.kind {
                            Kind::Int => row.try_get::<Option<i64>, _>(i)?.map(Cell::Int),
                            Kind::Real => row.try_get::<Option<f64>, _>(i)?.map(Cell::Real),
                            Kind::Text => row.try_get::<Option<String>, _>(i)?.map(Cell::Text),
                            Kind::Blob => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Cell::Blob),
                        }
                        .unwrap_or(Cell::Null))
                    })
                    .collect()
            })
            .collect()
    }
}

/// Loads an empty database in one transaction.
pub(super) struct Writer {
    tx: Transaction<'static, Postgres>,
    /// Each foreign key dropped for the load: table, name, definition.
    references: Vec<(String, String, String)>,
    /// The tables whose triggers are off for the load (the tallies' triggers would count
    /// again what the copied tally rows already hold).
    triggered: Vec<String>,
}

impl Writer {
    pub(super) async fn begin(pool: &PgPool, tables: &[Table]) -> CopyResult<Writer> {
        let mut tx = pool.begin().await?;
        for t in tables {
            let any: bool =
                sqlx::query_scalar(&format!("select exists (select 1 from {})", t.name))
                    .fetch_one(&mut *tx)
                    .await?;
            if any {
                return Err(super::not_empty(&t.name));
            }
        }
        // Tables go in name order, not in the order their references need, and a table may
        // refer to itself: the keys come back, and check every row, before the commit.
        let references: Vec<(String, String, String)> = sqlx::query_as(
            "select conrelid::regclass::text, conname::text, pg_get_constraintdef(oid)
             from pg_constraint
             where contype = 'f' and connamespace = current_schema()::regnamespace",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (table, name, _) in &references {
            sqlx::query(&format!("alter table {table} drop constraint {name}"))
                .execute(&mut *tx)
                .await?;
        }
        let triggered: Vec<String> = sqlx::query_scalar(
            "select distinct tgrelid::regclass::text from pg_trigger where not tgisinternal",
        )
        .fetch_all(&mut *tx)
        .await?;
        for table in &triggered {
            sqlx::query(&format!("alter table {table} disable trigger user"))
                .execute(&mut *tx)
                .await?;
        }
        Ok(Writer {
            tx,
            references,
            triggered,
        })
    }

    pub(super) async fn insert(&mut self, table: &Table, rows: &[Vec<Cell>]) -> CopyResult<()> {
        super::insert_rows!(self.tx, table, rows, placeholder)
    }

    pub(super) async fn finish(mut self) -> CopyResult<()> {
        for table in &self.triggered {
            sqlx::query(&format!("alter table {table} enable trigger user"))
                .execute(&mut *self.tx)
                .await?;
        }
        for (table, name, definition) in &self.references {
            sqlx::query(&format!(
                "alter table {table} add constraint {name} {definition}"
            ))
            .execute(&mut *self.tx)
            .await
            .map_err(|e| {
                CopyError(format!(
                    "rows of {table} refer to rows the source does not hold ({e}); nothing was copied"
                ))
            })?;
        }
        // Generated keys continue after the highest copied one.
        let generated: Vec<(String, String)> = sqlx::query_as(
            "select table_name::text, column_name::text from information_schema.columns
             where table_schema = current_schema() and is_identity = 'YES'",
        )
        .fetch_all(&mut *self.tx)
        .await?;
        for (table, column) in generated {
            sqlx::query(&format!(
                "select setval(pg_get_serial_sequence('{table}', '{column}'),
                               coalesce(max({column}), 0) + 1, false) from {table}"
            ))
            .execute(&mut *self.tx)
            .await?;
        }
        self.tx.commit().await?;
        Ok(())
    }
}
