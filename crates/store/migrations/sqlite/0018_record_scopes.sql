-- 0018_record_scopes
-- Issue 12: a reader whose party few commissions have (a partner) sees few sessions and
-- agreements, yet their lists walked every row in the list's order, testing each: the
-- partner's home page read all 2,000 sessions and 3,000 agreements of the national data set.
-- As 0014 did for items, each of these tables gets an index on its scope, through which the
-- rows of the reader's scopes are found, and a partial index of the rows no scope restricts.
create index if not exists commissions_scope on commissions (eff_scope, eff_all);
create index if not exists commissions_unscoped on commissions (id)
    where eff_all = 0 or eff_scope is null;
create index if not exists sessions_scope on sessions (eff_scope, eff_all);
create index if not exists sessions_unscoped on sessions (id)
    where eff_all = 0 or eff_scope is null;
create index if not exists agreements_scope on agreements (eff_scope, eff_all);
create index if not exists agreements_unscoped on agreements (id)
    where eff_all = 0 or eff_scope is null;
