-- 0017_covering_thresholds
-- Issue 12: the overdue and at-risk figures' conditions read the threshold dates of 0010. Out
-- of 0013's covering indexes, every row a list or its bounded count passed went to the table
-- for them (national data set, the overdue count to 1,000: 10 ms). With them in the indexes,
-- those walks read the index only.
drop index if exists action_items_due_order;
drop index if exists action_items_commission_due_order;
drop index if exists action_items_agreement_due_order;
create index action_items_due_order
    on action_items ((due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status,
                     overdue_from, at_risk_from);
create index action_items_commission_due_order
    on action_items (commission_id, (due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status,
                     overdue_from, at_risk_from);
create index action_items_agreement_due_order
    on action_items (agreement_id, (due_on is null), due_on, id,
                     eff_marking, eff_originator, eff_all, eff_scope, status,
                     overdue_from, at_risk_from);
