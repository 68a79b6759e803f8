-- 0012_list_orders
-- Issue 12, part 3: lists of commissions, sessions and agreements are read a page at a
-- time in their order, walking an index of that order and testing the reader's visibility
-- on the rows passed, instead of reading and sorting all of them.
create index commissions_order on commissions (sort_name, id);
-- Newest first: scanned backwards.
create index sessions_order on sessions (start_on, ordinal, id);
-- Signed ones newest first, then unsigned drafts newest first.
create index agreements_order on agreements ((signed_on is null), signed_on desc, id desc);
