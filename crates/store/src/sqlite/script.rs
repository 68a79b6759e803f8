//! Writes sent to SQLite in as few commands as possible. sqlx hands every command to the
//! connection's worker thread and waits for its answer; for a small write that round trip
//! costs more than SQLite's own work. So the write path does not send its writes one by one:
//! it adds them to the transaction's `Pending` writes, which go as one command (a `Script`)
//! when something must be read, or when the caller flushes (the end of a save, or of a
//! chunk of a batch). Reads go through `Pending::conn`, which sends the writes first, so
//! every read sees every write made before it, exactly as if each had been sent at once.

use super::{
    record::{Value, bind},
    write::unique_to_field,
};
use crate::{StoreError, StoreResult};
use sqlx::SqliteConnection;
use std::collections::HashMap;

/// SQLite's limit on the `?` of one statement (since 3.32).
const MAX_VALUES: usize = 32_766;

/// One statement. An insert keeps its row apart (`values`), so that a batch can send the
/// rows of many records as one multi-row insert.
#[derive(Debug)]
struct Statement {
    /// The whole statement, or for an insert what comes before `values`.
    head: String,
    /// For an insert: its row's placeholders, `(?, ?)`, and what follows the row.
    row: Option<(String, String)>,
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
            head: sql.trim().to_string(),
            row: None,
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
            head: head.trim().to_string(),
            row: Some((row.trim().to_string(), tail.trim().to_string())),
            values: values.into_iter().collect(),
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

    /// Runs every statement, in order, as one command.
    pub(super) async fn run(self, conn: &mut SqliteConnection) -> StoreResult<()> {
        let (sql, values) = in_order(self.statements);
        run(conn, sql, values, &self.returning).await
    }

    /// Runs the statements grouped: those with the same text one after the other, groups in
    /// the order their first statement was added, and each group of inserts as multi-row
    /// inserts. SQLite then does far less work per row. This reorders statements, so it is
    /// only for a caller whose statements commute across groups: `batch`, whose records
    /// touch different rows and add each record's statements in an order the groups keep.
    pub(super) async fn run_grouped(self, conn: &mut SqliteConnection) -> StoreResult<()> {
        let (sql, values) = grouped(self.statements);
        run(conn, sql, values, &self.returning).await
    }
}

async fn run(
    conn: &mut SqliteConnection,
    sql: String,
    values: Vec<Value>,
    returning: &[(&'static str, i64)],
) -> StoreResult<()> {
    if sql.is_empty() {
        return Ok(());
    }
    let q = values.into_iter().fold(sqlx::query(&sql), bind);
    let returned = q
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| unique_to_field(e.into()))?;
    // The write lock makes a miss unreachable; this guards against the lock being dropped.
    // Which update missed cannot be told, so the first one is named.
    match returning.first() {
        Some(&(kind, version)) if returned.len() != returning.len() => Err(StoreError::Conflict {
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

fn in_order(statements: Vec<Statement>) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut values = Vec::new();
    for s in statements {
        sql.push_str(&s.head);
        if let Some((row, tail)) = &s.row {
            sql.push_str(&insert_rows(row, 1, tail));
        }
        sql.push_str(";\n");
        values.extend(s.values);
    }
    (sql, values)
}

fn grouped(statements: Vec<Statement>) -> (String, Vec<Value>) {
    // Groups by text, in the order of their first statement; each group lists the values
    // of its statements.
    type Text = (String, Option<(String, String)>);
    let mut groups: Vec<(Text, Vec<Vec<Value>>)> = Vec::new();
    let mut index: HashMap<Text, usize> = HashMap::new();
    for s in statements {
        let text = (s.head, s.row);
        match index.get(&text) {
            Some(&at) => groups[at].1.push(s.values),
            None => {
                index.insert(text.clone(), groups.len());
                groups.push((text, vec![s.values]));
            }
        }
    }
    let mut sql = String::new();
    let mut values = Vec::new();
    for ((head, row), rows) in groups {
        let Some((marks, tail)) = row else {
            for v in rows {
                sql.push_str(&head);
                sql.push_str(";\n");
                values.extend(v);
            }
            continue;
        };
        let per_row = rows.first().map_or(1, Vec::len).max(1);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let part: Vec<Vec<Value>> = rows.by_ref().take(MAX_VALUES / per_row).collect();
            sql.push_str(&head);
            sql.push_str(&insert_rows(&marks, part.len(), &tail));
            sql.push_str(";\n");
            values.extend(part.into_iter().flatten());
        }
    }
    (sql, values)
}

/// A transaction's connection and the writes not yet sent to it.
pub(super) struct Pending<'c> {
    conn: &'c mut SqliteConnection,
    pub writes: Script,
    /// Whether to send writes grouped (`Script::run_grouped`): a batch's choice.
    grouped: bool,
    /// Whether sending writes failed: an error met while reading may be an earlier
    /// write's (see `batch`).
    flush_failed: bool,
}

impl<'c> Pending<'c> {
    pub(super) fn new(conn: &'c mut SqliteConnection) -> Self {
        Pending {
            conn,
            writes: Script::default(),
            grouped: false,
            flush_failed: false,
        }
    }

    /// Pending writes sent grouped; see `Script::run_grouped` for when that is right.
    pub(super) fn grouped(conn: &'c mut SqliteConnection) -> Self {
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
    pub(super) async fn conn(&mut self) -> StoreResult<&mut SqliteConnection> {
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

    /// Two records' writes: a row and two link rows each, and an update after the row.
    fn two_records() -> Vec<Statement> {
        let mut s = Script::default();
        for id in ["a", "b"] {
            s.push_insert("insert into t (id)", "(?)", "", [text(id)]);
            s.push_insert(
                "insert into l (t, n)",
                "(?, ?)",
                "",
                [text(id), Value::Int(1)],
            );
            s.push_insert(
                "insert into l (t, n)",
                "(?, ?)",
                "",
                [text(id), Value::Int(2)],
            );
            s.push("update t set n = ? where id = ?", [Value::Int(0), text(id)]);
        }
        s.statements
    }

    #[test]
    fn in_order_sends_each_statement_as_added() {
        let (sql, values) = in_order(two_records());
        assert_eq!(sql.matches(";\n").count(), 8);
        assert!(
            sql.starts_with("insert into t (id) values (?);\ninsert into l (t, n) values (?, ?);")
        );
        assert_eq!(values.len(), 2 * (1 + 2 + 2 + 2));
        assert_eq!(values[0], text("a"));
    }

    #[test]
    fn grouped_sends_inserts_of_a_kind_as_one_in_first_seen_order() {
        let (sql, values) = grouped(two_records());
        let statements: Vec<&str> = sql.split(";\n").filter(|s| !s.is_empty()).collect();
        assert_eq!(
            statements,
            [
                "insert into t (id) values (?), (?)",
                "insert into l (t, n) values (?, ?), (?, ?), (?, ?), (?, ?)",
                "update t set n = ? where id = ?",
                "update t set n = ? where id = ?",
            ]
        );
        let expected = [
            text("a"),
            text("b"),
            text("a"),
            Value::Int(1),
            text("a"),
            Value::Int(2),
            text("b"),
            Value::Int(1),
            text("b"),
            Value::Int(2),
            Value::Int(0),
            text("a"),
            Value::Int(0),
            text("b"),
        ];
        assert_eq!(values, expected);
    }

    #[test]
    fn grouped_inserts_stay_within_the_placeholder_limit() {
        let mut s = Script::default();
        let rows = MAX_VALUES / 2 + 10;
        for n in 0..rows {
            s.push_insert(
                "insert into l (t, n)",
                "(?, ?)",
                "on conflict do nothing",
                [text("a"), Value::Int(n as i64)],
            );
        }
        let (sql, values) = grouped(s.statements);
        let statements: Vec<&str> = sql.split(";\n").filter(|s| !s.is_empty()).collect();
        assert_eq!(statements.len(), 2);
        for st in &statements {
            assert!(
                st.matches('?').count() <= MAX_VALUES,
                "{} placeholders",
                st.matches('?').count()
            );
            assert!(st.ends_with(" on conflict do nothing"));
        }
        assert_eq!(values.len(), rows * 2);
    }
}
