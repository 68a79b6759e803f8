//! Writes sent to SQLite in as few commands as possible. sqlx hands every command to the
//! connection's worker thread and waits for its answer; for a small write that round trip
//! costs more than SQLite's own work. So the write path does not send its writes one by one:
//! it adds them to the transaction's `Pending` writes, which go as one command (a `Script`)
//! when something must be read, or when the caller flushes (the end of a save, or of a
//! chunk of a batch). Reads go through `Pending::conn`, which sends the writes first, so
//! every read sees every write made before it, exactly as if each had been sent at once.

use super::d::Conn;
use super::{record::Value, write::unique_to_field};
use crate::{StoreError, StoreResult};
use std::collections::HashMap;

/// The most `?` one statement may hold: SQLite's limit (since 3.32), below PostgreSQL's.
const MAX_VALUES: usize = 32_766;

/// What a statement does, apart from its values: the key by which a batch groups
/// statements, and what lets it merge a group into one statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Shape {
    /// Any statement, sent as it is.
    Plain(String),
    /// `{head} values {row} {tail}`: an insert of one row.
    Insert {
        head: String,
        row: String,
        tail: String,
    },
    /// `update {table} set {column} = {expr}, … where id = ?`: an update of one row by id.
    UpdateById {
        table: String,
        sets: Vec<(String, String)>,
    },
}

#[derive(Debug)]
struct Statement {
    shape: Shape,
    values: Vec<Value>,
}

/// Statements run in order as one command.
#[derive(Debug, Default)]
pub(super) struct Script {
    statements: Vec<Statement>,
    /// For each statement that must return one row (`returning`), the record kind and
    /// version it updates: the conflict to report if it returned none.
    returning: Vec<(&'static str, i64)>,
}

/// Placeholders must be anonymous: sqlx numbers them across the whole command, so `?2` in a
/// later statement would point at an earlier statement's value.
fn anonymous(sql: &str) -> bool {
    !sql.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'?' && w[1].is_ascii_digit())
}

impl Script {
    /// Appends a statement whose `?` placeholders take `values`, in order.
    pub(super) fn push(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        debug_assert!(anonymous(sql), "numbered placeholder: {sql}");
        self.statements.push(Statement {
            shape: Shape::Plain(sql.trim().to_string()),
            values: values.into_iter().collect(),
        });
    }

    /// Appends `{head} values {row} {tail}`: an insert of one row, whose placeholders (in
    /// `row`, which may hold subqueries) take `values`.
    pub(super) fn push_insert(
        &mut self,
        head: &str,
        row: &str,
        tail: &str,
        values: impl IntoIterator<Item = Value>,
    ) {
        debug_assert!(anonymous(row), "numbered placeholder: {row}");
        self.statements.push(Statement {
            shape: Shape::Insert {
                head: head.trim().to_string(),
                row: row.trim().to_string(),
                tail: tail.trim().to_string(),
            },
            values: values.into_iter().collect(),
        });
    }

    /// Appends `update {table} set {column} = {expr}, … where id = ?`: an update of the row
    /// `id`, whose expressions' placeholders take `values` in order (`id` comes last).
    pub(super) fn push_update_by_id(
        &mut self,
        table: &str,
        sets: &[(&str, &str)],
        values: impl IntoIterator<Item = Value>,
        id: Value,
    ) {
        debug_assert!(
            sets.iter().all(|(_, e)| anonymous(e)),
            "numbered placeholder"
        );
        let mut values: Vec<Value> = values.into_iter().collect();
        values.push(id);
        self.statements.push(Statement {
            shape: Shape::UpdateById {
                table: table.to_string(),
                sets: sets
                    .iter()
                    .map(|(c, e)| (c.to_string(), e.trim().to_string()))
                    .collect(),
            },
            values,
        });
    }

    /// Appends an update of a record at `version` that returns one row when it matched
    /// (`... returning 1`); running the script checks that it did.
    pub(super) fn push_update(
        &mut self,
        sql: &str,
        values: impl IntoIterator<Item = Value>,
        kind: &'static str,
        version: i64,
    ) {
        self.push(sql, values);
        self.returning.push((kind, version));
    }

    /// Runs every statement, in order (as one command where the engine allows it).
    pub(super) async fn run(self, conn: &mut Conn) -> StoreResult<()> {
        run(conn, in_order(self.statements), &self.returning).await
    }

    /// Runs the statements grouped: those with the same text one after the other, groups in
    /// the order their first statement was added, and each group of inserts as multi-row
    /// inserts. SQLite then does far less work per row. This reorders statements, so it is
    /// only for a caller whose statements commute across groups: `batch`, whose records
    /// touch different rows and add each record's statements in an order the groups keep.
    pub(super) async fn run_grouped(self, conn: &mut Conn) -> StoreResult<()> {
        run(conn, grouped(self.statements), &self.returning).await
    }
}

/// Statements with their values, in the order they run.
pub(super) type Statements = Vec<(String, Vec<Value>)>;

async fn run(
    conn: &mut Conn,
    statements: Statements,
    returning: &[(&'static str, i64)],
) -> StoreResult<()> {
    if statements.is_empty() {
        return Ok(());
    }
    let returned = super::d::send(conn, statements)
        .await
        .map_err(|e| unique_to_field(e.into()))?;
    // The write lock makes a miss unreachable; this guards against the lock being dropped.
    // Which update missed cannot be told, so the first one is named.
    match returning.first() {
        Some(&(kind, version)) if returned != returning.len() => Err(StoreError::Conflict {
            kind,
            stored: version,
            yours: version,
        }),
        _ => Ok(()),
    }
}

/// ` values (?), (?) on conflict …`: the rest of an insert of `n` rows.
fn insert_rows(row: &str, n: usize, tail: &str) -> String {
    let rows = vec![row; n].join(", ");
    if tail.is_empty() {
        format!(" values {rows}")
    } else {
        format!(" values {rows} {tail}")
    }
}

/// The text of one statement of `shape`, as `push` and its kin describe it.
fn one(shape: &Shape) -> String {
    match shape {
        Shape::Plain(sql) => sql.clone(),
        Shape::Insert { head, row, tail } => format!("{head}{}", insert_rows(row, 1, tail)),
        Shape::UpdateById { table, sets } => {
            let sets: Vec<String> = sets.iter().map(|(c, e)| format!("{c} = {e}")).collect();
            format!("update {table} set {} where id = ?", sets.join(", "))
        }
    }
}

fn in_order(statements: Vec<Statement>) -> Statements {
    statements
        .into_iter()
        .map(|s| (one(&s.shape), s.values))
        .collect()
}

fn grouped(statements: Vec<Statement>) -> Statements {
    // Groups by shape, in the order of their first statement; each group lists the values
    // of its statements.
    let mut groups: Vec<(Shape, Vec<Vec<Value>>)> = Vec::new();
    let mut index: HashMap<Shape, usize> = HashMap::new();
    for s in statements {
        match index.get(&s.shape) {
            Some(&at) => groups[at].1.push(s.values),
            None => {
                index.insert(s.shape.clone(), groups.len());
                groups.push((s.shape, vec![s.values]));
            }
        }
    }
    let mut out = Statements::new();
    for (shape, rows) in groups {
        if rows.len() == 1 || matches!(shape, Shape::Plain(_)) {
            let text = one(&shape);
            out.extend(rows.into_iter().map(|v| (text.clone(), v)));
            continue;
        }
        let per_row = rows.first().map_or(1, Vec::len).max(1);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let part: Vec<Vec<Value>> = rows.by_ref().take(MAX_VALUES / per_row).collect();
            let sql = merged(&shape, part.len());
            let mut values = Vec::new();
            match shape {
                // The merged update takes each row's id first (see `merged`).
                Shape::UpdateById { .. } => {
                    for mut row in part {
                        row.rotate_right(1);
                        values.extend(row);
                    }
                }
                _ => values.extend(part.into_iter().flatten()),
            }
            out.push((sql, values));
        }
    }
    out
}

/// One statement doing what `n` statements of `shape` do, each row's values in turn.
/// Inserts become one multi-row insert. Updates by id become one update joined to the rows
/// (`with v(id, p1, …) as (values …) update … from v`), each `?` of the expressions
/// replaced by its column of `v`; an expression without placeholders (the facts counter)
/// is computed once for all rows.
fn merged(shape: &Shape, n: usize) -> String {
    match shape {
        Shape::Plain(sql) => sql.clone(),
        Shape::Insert { head, row, tail } => format!("{head}{}", insert_rows(row, n, tail)),
        Shape::UpdateById { table, sets } => {
            let mut p = 0;
            let sets: Vec<String> = sets
                .iter()
                .map(|(c, e)| {
                    let expr = e
                        .split('?')
                        .enumerate()
                        .map(|(i, part)| {
                            if i == 0 {
                                part.to_string()
                            } else {
                                p += 1;
                                format!("v.p{p}{part}")
                            }
                        })
                        .collect::<String>();
                    format!("{c} = {expr}")
                })
                .collect();
            let columns: Vec<String> = (1..=p).map(|i| format!("p{i}")).collect();
            let row = format!("({})", vec!["?"; p + 1].join(", "));
            format!(
                "with v(id, {}) as (values {}) update {table} set {} from v where {table}.id = v.id",
                columns.join(", "),
                vec![row.as_str(); n].join(", "),
                sets.join(", ")
            )
        }
    }
}

/// A transaction's connection and the writes not yet sent to it.
pub(super) struct Pending<'c> {
    conn: &'c mut Conn,
    pub writes: Script,
    /// Whether to send writes grouped (`Script::run_grouped`): a batch's choice.
    grouped: bool,
    /// Whether sending writes failed: an error met while reading may be an earlier
    /// write's (see `batch`).
    flush_failed: bool,
}

impl<'c> Pending<'c> {
    pub(super) fn new(conn: &'c mut Conn) -> Self {
        Pending {
            conn,
            writes: Script::default(),
            grouped: false,
            flush_failed: false,
        }
    }

    /// Pending writes sent grouped; see `Script::run_grouped` for when that is right.
    pub(super) fn grouped(conn: &'c mut Conn) -> Self {
        Pending {
            grouped: true,
            ..Pending::new(conn)
        }
    }

    pub(super) fn flush_failed(&self) -> bool {
        self.flush_failed
    }

    /// The connection, for a read or a write that cannot wait: the pending writes are sent
    /// first.
    pub(super) async fn conn(&mut self) -> StoreResult<&mut Conn> {
        self.flush().await?;
        Ok(&mut *self.conn)
    }

    /// Sends the pending writes.
    pub(super) async fn flush(&mut self) -> StoreResult<()> {
        let writes = std::mem::take(&mut self.writes);
        let sent = if self.grouped {
            writes.run_grouped(self.conn).await
        } else {
            writes.run(self.conn).await
        };
        self.flush_failed |= sent.is_err();
        sent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &str) -> Value {
        Value::Text(v.into())
    }

    /// Two records' writes: a row, two link rows, and an update of the row by id.
    fn two_records() -> Script {
        let mut s = Script::default();
        for id in ["a", "b"] {
            s.push_insert("insert into t (id, n)", "(?, 0)", "", [text(id)]);
            for n in [1, 2] {
                let values = [text(id), Value::Int(n)];
                s.push_insert("insert into l (t, n)", "(?, ?)", "", values);
            }
            let sets = [
                ("n", "? + (select count(*) from l where t = ?)"),
                ("m", "7"),
            ];
            s.push_update_by_id("t", &sets, [Value::Int(10), text(id)], text(id));
        }
        s
    }

    /// A scratch database of this engine (PostgreSQL's needs `TAAWUN_TEST_POSTGRES`).
    async fn database() -> Conn {
        let mut conn = super::super::d::scratch().await;
        sqlx::raw_sql(
            "create table t (id text primary key, n bigint, m bigint);
             create table l (t text references t (id), n bigint, primary key (t, n));",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        conn
    }

    async fn contents(conn: &mut Conn) -> (Vec<(String, i64, i64)>, i64) {
        let rows = sqlx::query_as("select id, n, m from t order by id")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        let links: i64 = sqlx::query_scalar("select count(*) from l")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        (rows, links)
    }

    #[test]
    fn in_order_sends_each_statement_as_added() {
        let sent = in_order(two_records().statements);
        let statements: Vec<&str> = sent.iter().map(|(s, _)| s.as_str()).collect();
        let values: Vec<&Value> = sent.iter().flat_map(|(_, v)| v).collect();
        assert_eq!(statements.len(), 8);
        assert_eq!(statements[0], "insert into t (id, n) values (?, 0)");
        assert_eq!(
            statements[3],
            "update t set n = ? + (select count(*) from l where t = ?), m = 7 where id = ?"
        );
        assert_eq!(values.len(), 2 * (1 + 2 + 2 + 3));
    }

    #[test]
    fn grouped_merges_each_kind_in_first_seen_order() {
        let sent = grouped(two_records().statements);
        let statements: Vec<&str> = sent.iter().map(|(s, _)| s.as_str()).collect();
        let values: Vec<Value> = sent.iter().flat_map(|(_, v)| v.clone()).collect();
        assert_eq!(
            statements,
            [
                "insert into t (id, n) values (?, 0), (?, 0)",
                "insert into l (t, n) values (?, ?), (?, ?), (?, ?), (?, ?)",
                "with v(id, p1, p2) as (values (?, ?, ?), (?, ?, ?)) update t \
                 set n = v.p1 + (select count(*) from l where t = v.p2), m = 7 \
                 from v where t.id = v.id",
            ]
        );
        assert_eq!(values.len(), 2 + 8 + 6);
        // The update's rows take the id first.
        assert_eq!(values[10..13], [text("a"), Value::Int(10), text("a")]);
    }

    /// Grouped or not, the database ends the same.
    #[tokio::test]
    async fn grouped_and_in_order_write_the_same() {
        let mut conn = database().await;
        two_records().run(&mut conn).await.unwrap();
        let in_order = contents(&mut conn).await;
        let mut conn = database().await;
        two_records().run_grouped(&mut conn).await.unwrap();
        assert_eq!(contents(&mut conn).await, in_order);
        let expected = vec![("a".to_string(), 12, 7), ("b".to_string(), 12, 7)];
        assert_eq!(in_order, (expected, 4));
    }

    #[test]
    fn merged_statements_stay_within_the_placeholder_limit() {
        let mut s = Script::default();
        let rows = MAX_VALUES / 2 + 10;
        for n in 0..rows {
            let values = [text("a"), Value::Int(n as i64)];
            s.push_insert(
                "insert into l (t, n)",
                "(?, ?)",
                "on conflict do nothing",
                values,
            );
        }
        let sent = grouped(s.statements);
        let statements: Vec<&str> = sent.iter().map(|(s, _)| s.as_str()).collect();
        let values: Vec<&Value> = sent.iter().flat_map(|(_, v)| v).collect();
        assert_eq!(statements.len(), 2);
        for st in &statements {
            assert!(st.matches('?').count() <= MAX_VALUES);
            assert!(st.ends_with(" on conflict do nothing"));
        }
        assert_eq!(values.len(), rows * 2);
    }
}
