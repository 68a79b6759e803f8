-- 0013_covering_item_orders
-- Issue 12, part 3: the item lists walk the due-date order and test the reader's visibility
-- on every row they pass, including the rows an offset skips (page 100 of `/items` passes
-- 4,950). With the effective-protection columns in the index, that test reads the index
-- only; 0010's indexes sent each passed row to the table (national data set, page 100:
-- 41 ms against 9 ms; its bounded count of 5,000: 16 ms against 3 ms). The home page's open
-- items are chosen the same way, with the reader's visibility in the query.
drop index if exists action_items_due_order;
drop index if exists action_items_commission_due_order;
drop index if exists action_items_agreement_due_order;
create index action_items_due_order
    on action_items ((due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status);
create index action_items_commission_due_order
    on action_items (commission_id, (due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status);
create index action_items_agreement_due_order
    on action_items (agreement_id, (due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status);
drop index if exists action_items_open_order;
create index action_items_open_order
    on action_items ((due_on is null), due_on, code_key, id,
                     eff_marking, eff_originator, eff_all, eff_scope)
    where status not in ('done', 'cancelled');
