-- 0002_store: what the shared store (src/sql/) needs on PostgreSQL beyond 0001's tables.
-- The rest of this migration is generated in Rust (postgres/migrate.rs): the search
-- index over the words as the dialect spells them, and the tallies' triggers.

-- The order in which audit rows are appended within a transaction: SQLite keeps it in the
-- rowid, PostgreSQL rows have none. A row is appended with `seq` = minus the next value,
-- and sealing (before commit) orders by it, then gives each row its place in the chain.
create sequence audit_append_order;

-- The changes page walks the log by its place in the chain, per kind of record.
create index audit_log_entity_seq on audit_log (entity, seq);

-- 0001's index parsed the text with the `simple` configuration, whose parser splits words
-- differently from SQLite's tokenizer; the new one (below, in Rust) takes the words as the
-- normaliser wrote them.
drop index search_index_words;
