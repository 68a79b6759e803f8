-- 0014_item_scopes
-- Issue 12: a partner's readers see the items of the few commissions their party belongs to.
-- Walking the due-order index past every other item (50,000 on the national data set) to
-- find them made a partner's `/items` take over half a second; their items are now found by
-- scope (`visibility::split`): those released to a scope's parties through this index, and
-- the few no scope restricts through the partial one.
create index action_items_scope on action_items (eff_scope, eff_all);
create index action_items_unscoped on action_items (id)
    where eff_all = 0 or eff_scope is null;
