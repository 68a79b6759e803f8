-- 0004_read_paths: what the national-scale benchmark on PostgreSQL asked for (issue 15).
-- The first statement, generated in Rust (postgres/migrate.rs), stores each index row's
-- words as a tsvector column, `words`, computed from `body` and `keys` by the database.

-- The search index is over the stored column. Over the expression, every candidate row
-- recomputed its words when checked (weights are not in the index, so each is checked):
-- a word 44,000 records hold cost a quarter of a second.
drop index search_index_words;
create index search_index_words on search_index using gin (words);

-- The date-dependent lists (overdue, at risk, due within 30 or 90 days) in the lists' own
-- order, soonest due first, each over the rows it can hold: the page walks the index from
-- the range's start and stops after one page. Without them the planner collects every
-- match of the range and sorts it (36,000 rows for "overdue" on the national set).
create index action_items_overdue_order on action_items (due_on, id) where overdue_from is not null;
create index action_items_at_risk_order on action_items (due_on, id) where at_risk_from is not null;
create index action_items_open_due on action_items (due_on, id)
    where status not in ('done', 'cancelled');

-- The planner's statistics for the new column: without them it guesses every word equally
-- common, and counts a word most records hold through the index rather than stop early.
analyze search_index;
