-- 0009_visibility
-- Issue 12, part 2: each record's EFFECTIVE protection — its own combined with that of every
-- record above it, as `scope.rs` chains them — in indexed columns, so that a list can select
-- what a reader may see with a predicate in the query (`visibility::predicate`) instead of
-- reading everything and deciding in Rust. The columns mean:
--   eff_marking    the highest `Marking::level` of the chain;
--   eff_all        1 when any record of the chain is "releasable to all parties";
--   eff_scope      whose parties "all parties" reaches: the commission's id, or the
--                  agreement's id when it belongs to no commission; null = every party;
--   eff_originator null when no record of the chain is originator-only; else the one party
--                  they all name, or '!' (matches no party) when they name different
--                  parties or one names none.
-- The write path keeps them (`sqlite/effective.rs`); the rows already stored are filled in
-- Rust right after this file, in the same transaction, with the same statements.

create table scope_parties (
    scope_id text not null,
    party_id text not null,
    primary key (scope_id, party_id)
);
create index scope_parties_party on scope_parties (party_id, scope_id);

alter table parties add column eff_marking integer not null default 0;
alter table parties add column eff_all integer not null default 1;
alter table parties add column eff_scope text;
alter table parties add column eff_originator text;
alter table organisations add column eff_marking integer not null default 0;
alter table organisations add column eff_all integer not null default 1;
alter table organisations add column eff_scope text;
alter table organisations add column eff_originator text;
alter table ranks add column eff_marking integer not null default 0;
alter table ranks add column eff_all integer not null default 1;
alter table ranks add column eff_scope text;
alter table ranks add column eff_originator text;
alter table people add column eff_marking integer not null default 0;
alter table people add column eff_all integer not null default 1;
alter table people add column eff_scope text;
alter table people add column eff_originator text;
alter table areas add column eff_marking integer not null default 0;
alter table areas add column eff_all integer not null default 1;
alter table areas add column eff_scope text;
alter table areas add column eff_originator text;
alter table commissions add column eff_marking integer not null default 0;
alter table commissions add column eff_all integer not null default 1;
alter table commissions add column eff_scope text;
alter table commissions add column eff_originator text;
alter table sessions add column eff_marking integer not null default 0;
alter table sessions add column eff_all integer not null default 1;
alter table sessions add column eff_scope text;
alter table sessions add column eff_originator text;
alter table agreements add column eff_marking integer not null default 0;
alter table agreements add column eff_all integer not null default 1;
alter table agreements add column eff_scope text;
alter table agreements add column eff_originator text;
alter table clauses add column eff_marking integer not null default 0;
alter table clauses add column eff_all integer not null default 1;
alter table clauses add column eff_scope text;
alter table clauses add column eff_originator text;
alter table action_plans add column eff_marking integer not null default 0;
alter table action_plans add column eff_all integer not null default 1;
alter table action_plans add column eff_scope text;
alter table action_plans add column eff_originator text;
alter table action_items add column eff_marking integer not null default 0;
alter table action_items add column eff_all integer not null default 1;
alter table action_items add column eff_scope text;
alter table action_items add column eff_originator text;
alter table progress_updates add column eff_marking integer not null default 0;
alter table progress_updates add column eff_all integer not null default 1;
alter table progress_updates add column eff_scope text;
alter table progress_updates add column eff_originator text;
alter table activities add column eff_marking integer not null default 0;
alter table activities add column eff_all integer not null default 1;
alter table activities add column eff_scope text;
alter table activities add column eff_originator text;

-- The predicate's most selective test is the marking; lists filter by their parent (or
-- commission) and order by date or code, so the marking joins those keys.
create index commissions_eff on commissions (eff_marking);
create index agreements_eff on agreements (eff_marking, signed_on);
create index sessions_eff on sessions (commission_id, eff_marking, start_on);
create index clauses_eff on clauses (agreement_id, eff_marking, number);
create index action_plans_eff on action_plans (commission_id, eff_marking);
create index action_items_eff_plan on action_items (plan_id, eff_marking, due_on);
create index action_items_eff_commission on action_items (commission_id, eff_marking, due_on);
create index action_items_eff_due on action_items (eff_marking, due_on);
create index progress_updates_eff on progress_updates (item_id, eff_marking, reported_on);
create index progress_updates_eff_reported on progress_updates (eff_marking, reported_on);
create index activities_eff on activities (eff_marking, start_on);
create index activities_eff_item on activities (item_id, eff_marking, start_on);
