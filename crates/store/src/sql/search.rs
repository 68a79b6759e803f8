//! Full-text search: an index of each record's normalised text, kept by the write path in
//! the write's own transaction, and the query that reads it. The index is SQLite's FTS5 or
//! PostgreSQL's tsvector (`d::FULL_TEXT`); both hold the words exactly as the normaliser
//! wrote them (no stemming, no parser of their own), so that both find the same records.

use super::d::Conn;
use super::{Engine, d, read, record::Record, script::Script};
use crate::{
    SearchHit, StoreError, StoreResult,
    indexed::{Indexed, SearchEntry},
};
use sqlx::Row;
use taawun_core::{
    search::{
        normalise,
        plan::{Term, plan},
    },
    *,
};

/// Replaces the record's row in the index (`entry` `None`: the record is not searchable).
#[allow(dead_code)] // by `reindex_all` only (see there)
pub(super) async fn index(
    conn: &mut Conn,
    entity: RecordKind,
    id: Id,
    entry: Option<SearchEntry>,
) -> StoreResult<()> {
    let mut script = Script::default();
    push_index(&mut script, entity, id, entry);
    script.run(conn).await?;
    Ok(())
}

/// The statements of `index`: the record's key (kept once made), then its index row by
/// that key, replacing the one it had (FTS5 deletes a replaced row's terms), then its
/// titles in place of those it had.
pub(super) fn push_index(
    script: &mut Script,
    entity: RecordKind,
    id: Id,
    entry: Option<SearchEntry>,
) {
    let Some(entry) = entry else {
        return;
    };
    script.push_insert(
        "insert into search_keys (id, entity)",
        "(?, ?)",
        "on conflict (id) do nothing",
        [id.into(), entity.into()],
    );
    let (head, tail) = match d::FULL_TEXT {
        FullText::Fts5 => (
            "insert or replace into search_index (rowid, entity, id, body, keys)",
            "",
        ),
        FullText::TsVector => (
            "insert into search_index (key, entity, id, body, keys)",
            "on conflict (key) do update set entity = excluded.entity, id = excluded.id,
             body = excluded.body, keys = excluded.keys",
        ),
    };
    script.push_insert(
        head,
        "((select key from search_keys where id = ?), ?, ?, ?, ?)",
        tail,
        [
            id.into(),
            entity.into(),
            id.into(),
            entry.body.into(),
            entry.keys.into(),
        ],
    );
    script.push("delete from search_titles where id = ?", [id.into()]);
    for title in entry.titles {
        script.push_insert(
            "insert into search_titles (title, id, entity)",
            "(?, ?, ?)",
            "on conflict do nothing",
            [title.into(), id.into(), entity.into()],
        );
    }
}

/// Indexes every record of one type (used once, when the index is created).
#[allow(dead_code)] // by `reindex_all` only (see there)
async fn reindex<R: Record + Indexed>(conn: &mut Conn) -> StoreResult<()> {
    let sql = format!("select doc from {}", R::TABLE);
    let docs: Vec<String> = sqlx::query_scalar(&super::d::sql(&sql))
        .fetch_all(&mut *conn)
        .await?;
    for doc in docs {
        let record: R = read::decode(&doc)?;
        index(conn, R::KIND, record.id(), record.search_body()).await?;
    }
    Ok(())
}

/// Indexes the records written before the index existed.
// SQLite's migrations only: PostgreSQL's schema starts where this backfill ends.
#[allow(dead_code)]
pub(in super::super) async fn reindex_all(conn: &mut Conn) -> StoreResult<()> {
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

/// The FTS5 query of a user's words (`core::search::plan`): each normalised word quoted (so
/// no character of the input is ever FTS syntax) as a prefix of a word of the body, or one
/// of its skeletons among the names' keys; all words required. `None` when no word is left.
pub(super) fn fts_query(query: &str) -> Option<String> {
    let alternatives: Vec<String> = plan(query)
        .0
        .iter()
        .map(|terms| {
            let all: Vec<String> = terms.iter().map(fts_term).collect();
            all.join(" AND ")
        })
        .collect();
    match alternatives.len() {
        0 => None,
        1 => alternatives.into_iter().next(),
        _ => Some(
            alternatives
                .iter()
                .map(|a| format!("({a})"))
                .collect::<Vec<_>>()
                .join(" OR "),
        ),
    }
}

/// One term: `(body : "word"* OR keys : "key" …)`.
fn fts_term(term: &Term) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut any: Vec<String> = Vec::new();
    if let Some(word) = &term.word {
        any.push(format!("body : {}*", quoted(word)));
    }
    for key in &term.keys {
        let star = if Term::key_is_prefix(key) { "*" } else { "" };
        any.push(format!("keys : {}{star}", quoted(key)));
    }
    format!("({})", any.join(" OR "))
}

/// The full-text index an engine has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each engine names one of them
pub(in super::super) enum FullText {
    /// SQLite's FTS5 table, queried by `fts_query`.
    Fts5,
    /// A table whose words PostgreSQL indexes as a tsvector (`d::SEARCH_WORDS`: the body's
    /// words weighted A, the keys B), queried by `ts_query`.
    TsVector,
}

/// The tsquery of a user's words, as `fts_query` for FTS5: each normalised word a prefix of
/// a word of the body (`:*A`), or one of its skeletons among the keys (`:B`, a prefix when
/// long enough); all words required. Each lexeme is quoted, so no character of the input is
/// ever tsquery syntax; the text is cast to `tsquery`, which takes lexemes as given.
pub(super) fn ts_query(query: &str) -> Option<String> {
    let quoted = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"));
    let term = |t: &Term| {
        let mut any: Vec<String> = Vec::new();
        if let Some(word) = &t.word {
            any.push(format!("{}:*A", quoted(word)));
        }
        for key in &t.keys {
            let star = if Term::key_is_prefix(key) { "*" } else { "" };
            any.push(format!("{}:{star}B", quoted(key)));
        }
        format!("({})", any.join(" | "))
    };
    let alternatives: Vec<String> = plan(query)
        .0
        .iter()
        .map(|terms| {
            let all: Vec<String> = terms.iter().map(term).collect();
            format!("({})", all.join(" & "))
        })
        .collect();
    (!alternatives.is_empty()).then(|| alternatives.join(" | "))
}

/// The table each kind of indexed record is stored in (users are never indexed).
pub(super) fn table_of(kind: RecordKind) -> Option<&'static str> {
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

/// A condition over a row of `row` (`search_index` or `search_titles`): the record it
/// names is one `who` may see, by its own table's effective-protection columns. Only the
/// branch of the row's kind is evaluated.
fn seen_by(who: &Principal, row: &str) -> (String, Vec<super::record::Value>) {
    let mut sql = format!("case {row}.entity");
    let mut values = Vec::new();
    for kind in RecordKind::ALL {
        let Some(table) = table_of(kind) else {
            continue;
        };
        let (vis, vis_values) = super::windows::as_values(crate::visibility::predicate(who, "t"));
        sql.push_str(&format!(
            " when '{}' then exists (select 1 from {table} t
                                     where t.id = {row}.id and {vis})",
            kind.key()
        ));
        values.extend(vis_values);
    }
    sql.push_str(" else false end");
    (sql, values)
}

/// Above this many matches, hits come newest first instead of ranked (see `search_hits`).
pub const RANKED: i64 = 1_000;

impl Engine {
    /// The hits of `query`, of those `who` may see when given.
    pub(super) async fn search_hits(
        &self,
        who: Option<&Principal>,
        query: &str,
        limit: u32,
    ) -> StoreResult<Vec<SearchHit>> {
        let found = match d::FULL_TEXT {
            FullText::Fts5 => fts_query(query),
            FullText::TsVector => ts_query(query),
        };
        let Some(fts) = found else {
            return Ok(vec![]);
        };
        let (matching, newest, ranked) = match d::FULL_TEXT {
            FullText::Fts5 => (
                "search_index match ?".to_string(),
                "rowid desc",
                "bm25(search_index, 0.0, 0.0, 2.0, 1.0), id".to_string(),
            ),
            FullText::TsVector => (
                format!("{} @@ cast(? as tsquery)", d::SEARCH_WORDS),
                "key desc",
                // Weights for D, C, B, A: the body's words count twice its keys, as above.
                format!(
                    "ts_rank('{{0, 0, 0.5, 1}}', {}, cast(? as tsquery)) desc, id",
                    d::SEARCH_WORDS
                ),
            ),
        };
        // One read transaction: the count and the hits from the same snapshot.
        let mut tx = super::d::begin_read_by_values(&self.pool).await?;
        // Ranking sorts every match before the first is returned: for a word most records
        // hold (تعاون in an Arabic-speaking ministry's records, 44,000 of them in the
        // national data set) that is a scan of the index per request. Past `RANKED`
        // matches the rank says little anyway, so they come newest first (a record's key
        // is given when it is first indexed), which FTS5 walks and stops after `limit`.
        let matches: i64 = sqlx::query_scalar(&super::d::sql(&format!(
            "select count(*) from (select 1 from search_index where {matching} limit ?) as counted"
        )))
        .bind(&fts)
        .bind(RANKED + 1)
        .fetch_one(&mut *tx)
        .await?;
        // bm25 rank, words found as typed weighing more than names found by their
        // skeletons, then id so that equal ranks keep one order between calls.
        let by_rank = matches <= RANKED;
        // The count's plan depends on the word (read the index for a rare one, stop early
        // in the table for a common one), and so does the walk newest first; ranking a
        // thousand matches at most is planned alike for any word.
        if by_rank {
            super::d::reuse_plans(&mut tx).await?;
        }
        let order = if by_rank { ranked.as_str() } else { newest };
        let visible_in =
            |row: &str| who.map_or_else(|| (String::from("true"), vec![]), |w| seen_by(w, row));
        // A record one of whose titles (code, name, title) is the whole query comes first:
        // a code like S2.1 is otherwise one of many with the same words (S2.10, S2.11…).
        let (visible, values) = visible_in("search_titles");
        let exact = super::item_window::bind_all(
            sqlx::query(&super::d::sql(&format!(
                "select entity, id from search_titles where title = ? and {visible}
                 order by entity, id limit ?"
            )))
            .bind(normalise(query)),
            &values,
        )
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await?;
        let exact = hits(&exact)?;
        let (visible, values) = visible_in("search_index");
        let text = format!(
            "select entity, id from search_index where {matching}
             and {visible}
             order by {order} limit ?"
        );
        let text = super::d::sql(&text);
        let mut q = super::item_window::bind_all(sqlx::query(&text).bind(fts.clone()), &values);
        if by_rank && d::FULL_TEXT == FullText::TsVector {
            // `ts_rank` takes the query again.
            q = q.bind(fts);
        }
        let rows = q
            .bind(i64::from(limit) + exact.len() as i64)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let ranked = hits(&rows)?;
        let mut all = exact;
        for hit in ranked {
            if !all.contains(&hit) {
                all.push(hit);
            }
        }
        all.truncate(limit as usize);
        Ok(all)
    }
}

/// The hits named by rows of `entity` and `id`.
fn hits(rows: &[super::d::DbRow]) -> StoreResult<Vec<SearchHit>> {
    let corrupt = |e: String| StoreError::Corrupt(serde::de::Error::custom(format!("search {e}")));
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

#[cfg(test)]
mod tests {
    use super::{fts_query, ts_query};

    #[test]
    fn tsqueries_take_the_same_words_and_skeletons_quoted() {
        assert_eq!(
            ts_query("Diarra Bakary").as_deref(),
            Some("(('diarra':*A | 'dr':B) & ('bakary':*A | 'bkr':*B)) | (('drbkr':*B))")
        );
        // Quotes and backslashes stay inside their lexeme; no input is tsquery syntax.
        assert_eq!(ts_query("l'eau").as_deref(), ts_query("l eau").as_deref());
        assert_eq!(ts_query("  !&|()  "), None);
    }

    #[test]
    fn queries_are_quoted_prefixes_of_normalised_words_or_their_skeletons() {
        let cases = [
            (
                "Massaoulé",
                Some(r#"(body : "massaoule"* OR keys : "msl"*)"#),
            ),
            ("12", Some(r#"(body : "12"*)"#)),
            // Two words: each apart, or both as one name written together.
            (
                "Diarra Bakary",
                Some(
                    r#"((body : "diarra"* OR keys : "dr") AND (body : "bakary"* OR keys : "bkr"*)) OR ((keys : "drbkr"*))"#,
                ),
            ),
            // FTS syntax in the input is only punctuation to the normaliser.
            (
                r#"a" OR b* NEAR(c) -d ^e"#,
                Some(
                    r#"(body : "a"*) AND (body : "or"* OR keys : "r") AND (body : "b"* OR keys : "b") AND (body : "near"* OR keys : "nr") AND (body : "c"* OR keys : "k") AND (body : "d"* OR keys : "d") AND (body : "e"*)"#,
                ),
            ),
            ("  \"*()  ", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(fts_query(input).as_deref(), expected, "{input:?}");
        }
    }
}
