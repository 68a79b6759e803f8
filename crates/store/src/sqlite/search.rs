//! Full-text search on SQLite: an FTS5 index of each record's normalised text, kept by the
//! write path in the write's own transaction, and the query that reads it.

use super::{SqliteStore, read, record::Record, script::Script};
use crate::{SearchHit, StoreError, StoreResult, indexed::Indexed};
use sqlx::{Row, SqliteConnection};
use taawun_core::{search::normalise, *};

/// Replaces the record's row in the index (`body` `None`: the record is not searchable).
pub(super) async fn index(
    conn: &mut SqliteConnection,
    entity: RecordKind,
    id: Id,
    body: Option<String>,
) -> StoreResult<()> {
    let mut script = Script::default();
    push_index(&mut script, entity, id, body);
    script.run(conn).await?;
    Ok(())
}

/// The statements of `index`: the record's key (kept once made), then its index row by
/// that key, replacing the one it had (FTS5 deletes a replaced row's terms).
pub(super) fn push_index(script: &mut Script, entity: RecordKind, id: Id, body: Option<String>) {
    let Some(body) = body else {
        return;
    };
    script.push_insert(
        "insert into search_keys (id, entity)",
        "(?, ?)",
        "on conflict (id) do nothing",
        [id.into(), entity.into()],
    );
    script.push_insert(
        "insert or replace into search_index (rowid, entity, id, body)",
        "((select key from search_keys where id = ?), ?, ?, ?)",
        "",
        [id.into(), entity.into(), id.into(), body.into()],
    );
}

/// Indexes every record of one type (used once, when the index is created).
async fn reindex<R: Record + Indexed>(conn: &mut SqliteConnection) -> StoreResult<()> {
    let sql = format!("select doc from {}", R::TABLE);
    let docs: Vec<String> = sqlx::query_scalar(&sql).fetch_all(&mut *conn).await?;
    for doc in docs {
        let record: R = read::decode(&doc)?;
        index(conn, R::KIND, record.id(), record.search_body()).await?;
    }
    Ok(())
}

/// Indexes the records written before the index existed.
pub(super) async fn reindex_all(conn: &mut SqliteConnection) -> StoreResult<()> {
    reindex::<Party>(conn).await?;
    reindex::<Organisation>(conn).await?;
    reindex::<Rank>(conn).await?;
    reindex::<Person>(conn).await?;
    reindex::<Area>(conn).await?;
    reindex::<Agreement>(conn).await?;
    reindex::<Clause>(conn).await?;
    reindex::<Commission>(conn).await?;
    reindex::<Session>(conn).await?;
    reindex::<ActionPlan>(conn).await?;
    reindex::<ActionItem>(conn).await?;
    reindex::<ProgressUpdate>(conn).await?;
    reindex::<Activity>(conn).await?;
    Ok(())
}

/// The FTS5 query for a user's words: each normalised word quoted (so no character of the
/// input is ever FTS syntax) as a prefix, all required. `None` when no word is left.
pub(super) fn fts_query(query: &str) -> Option<String> {
    let words = normalise(query);
    let terms: Vec<String> = words
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The table each kind of indexed record is stored in (users are never indexed).
fn table_of(kind: RecordKind) -> Option<&'static str> {
    Some(match kind {
        RecordKind::Party => Party::TABLE,
        RecordKind::Organisation => Organisation::TABLE,
        RecordKind::Rank => Rank::TABLE,
        RecordKind::Person => Person::TABLE,
        RecordKind::Area => Area::TABLE,
        RecordKind::Agreement => Agreement::TABLE,
        RecordKind::Clause => Clause::TABLE,
        RecordKind::Commission => Commission::TABLE,
        RecordKind::Session => Session::TABLE,
        RecordKind::ActionPlan => ActionPlan::TABLE,
        RecordKind::ActionItem => ActionItem::TABLE,
        RecordKind::ProgressUpdate => ProgressUpdate::TABLE,
        RecordKind::Activity => Activity::TABLE,
        RecordKind::User => return None,
    })
}

/// A condition over a `search_index` row: the record it names is one `who` may see, by its
/// own table's effective-protection columns. Only the branch of the row's kind is evaluated.
fn seen_by(who: &Principal) -> (String, Vec<super::record::Value>) {
    let mut sql = String::from("case search_index.entity");
    let mut values = Vec::new();
    for kind in RecordKind::ALL {
        let Some(table) = table_of(kind) else {
            continue;
        };
        let (vis, vis_values) = super::windows::as_values(crate::visibility::predicate(who, "t"));
        sql.push_str(&format!(
            " when '{}' then exists (select 1 from {table} t
                                     where t.id = search_index.id and {vis})",
            kind.key()
        ));
        values.extend(vis_values);
    }
    sql.push_str(" else 0 end");
    (sql, values)
}

/// Above this many matches, hits come newest first instead of ranked (see `search_hits`).
pub const RANKED: i64 = 1_000;

impl SqliteStore {
    /// The hits of `query`, of those `who` may see when given.
    pub(super) async fn search_hits(
        &self,
        who: Option<&Principal>,
        query: &str,
        limit: u32,
    ) -> StoreResult<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(vec![]);
        };
        // One read transaction: the count and the hits from the same snapshot.
        let mut tx = self.pool.begin().await?;
        // Ranking sorts every match before the first is returned: for a word most records
        // hold (تعاون in an Arabic-speaking ministry's records, 44,000 of them in the
        // national data set) that is a scan of the index per request. Past `RANKED`
        // matches the rank says little anyway, so they come newest first (a record's key
        // is given when it is first indexed), which FTS5 walks and stops after `limit`.
        let matches: i64 = sqlx::query_scalar(
            "select count(*) from (select 1 from search_index where search_index match ? limit ?)",
        )
        .bind(&fts)
        .bind(RANKED + 1)
        .fetch_one(&mut *tx)
        .await?;
        // bm25 rank, then id so that equal ranks keep one order between calls.
        let order = if matches > RANKED {
            "rowid desc"
        } else {
            "rank, id"
        };
        let (visible, values) = who.map_or_else(|| (String::from("1"), vec![]), seen_by);
        let rows = super::item_window::bind_all(
            sqlx::query(&format!(
                "select entity, id from search_index where search_index match ?
                 and {visible}
                 order by {order} limit ?"
            ))
            .bind(fts),
            &values,
        )
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let corrupt =
            |e: String| StoreError::Corrupt(serde::de::Error::custom(format!("search {e}")));
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let entity: String = row.try_get("entity")?;
                Ok(SearchHit {
                    // An entry of no known kind is corrupt data, not a hit to drop quietly.
                    entity: RecordKind::parse(&entity)
                        .ok_or_else(|| corrupt(format!("entity: unknown kind {entity:?}")))?,
                    id: id
                        .parse()
                        .map_err(|e: uuid::Error| corrupt(format!("id: {e}")))?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn queries_are_quoted_prefixes_of_normalised_words() {
        let cases = [
            ("Massaoulé", Some(r#""massaoule"*"#)),
            ("المملكة المغربية", Some(r#""مملكه"* AND "مغربيه"*"#)),
            // FTS syntax in the input is only punctuation to the normaliser.
            (
                r#"a" OR b* NEAR(c) -d ^e"#,
                Some(r#""a"* AND "or"* AND "b"* AND "near"* AND "c"* AND "d"* AND "e"*"#),
            ),
            ("  \"*()  ", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(fts_query(input).as_deref(), expected, "{input:?}");
        }
    }
}
