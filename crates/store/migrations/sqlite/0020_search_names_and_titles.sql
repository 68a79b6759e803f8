-- 0020_search_names_and_titles: search finds people's names across scripts and spellings,
-- and ranks a record whose code or title is the whole query first (issue 14, part 7).
--
-- The index gains a second column, `keys`: the consonant skeletons of people's names
-- (`core::search::skeleton`), which the query asks besides the normalised words of `body`.
-- FTS5 cannot add a column, so the index is created anew; every record is indexed again in
-- Rust right after this file (`search::reindex_all`), with the same rowids from
-- `search_keys`.
drop table search_index;
create virtual table search_index using fts5 (
    entity unindexed,
    id unindexed,
    body,
    keys
);

-- search_titles: each record's codes, names and titles, normalised, one row each; a query
-- equal to one of them finds its record by index, before ranking. A plain table, so the
-- same lookup serves any engine.
create table search_titles (
    title  text not null,
    id     text not null,
    entity text not null,
    primary key (title, id)
) without rowid;
create index search_titles_id on search_titles (id);
