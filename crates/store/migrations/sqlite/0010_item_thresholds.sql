-- 0010_item_thresholds
-- Issue 12, parts 3 and 4: the days an open item crosses the status rules' thresholds
-- (`core::followup::thresholds`): from `overdue_from` it is overdue, from `at_risk_from` at
-- risk; both null once it is done or cancelled, or when it never will be. The write path
-- keeps them with the item's other facts (`follow.rs`); the rows already stored are filled
-- in Rust right after this file, in the same transaction. "Overdue today" is then a range
-- over an index, and no write is needed when the date changes.

alter table action_items add column overdue_from text;
alter table action_items add column at_risk_from text;

-- Lists of items are soonest due first, undated last, then by id (`followup::figures`'s
-- order); each scope walks its own index in that order and stops after the page.
create index action_items_due_order on action_items ((due_on is null), due_on, id);
create index action_items_commission_due_order
    on action_items (commission_id, (due_on is null), due_on, id);
create index action_items_agreement_due_order
    on action_items (agreement_id, (due_on is null), due_on, id);
create index action_items_overdue on action_items (overdue_from);
create index action_items_at_risk on action_items (at_risk_from);

-- 0009's indexes led by the marking: a list filtered by its parent would take them (the
-- marking narrows the range) and then sort every visible row of the parent to show one
-- page. The lists now walk the indexes of their order above (and a plan's `plan_id,
-- code_key`), testing the visibility predicate on the rows they pass.
drop index if exists action_items_eff_plan;
drop index if exists action_items_eff_commission;
drop index if exists action_items_eff_due;
