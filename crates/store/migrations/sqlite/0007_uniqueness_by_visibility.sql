-- 0007_uniqueness_by_visibility
-- Issue 10, finding 6: item codes within a plan, session ordinals within a commission and
-- clause numbers within an agreement are unique among the records the writer may see, and
-- the write path checks that (`sqlite/context.rs`). A clash with a record hidden from the
-- writer must not refuse the write (the refusal would tell them it exists), so the database
-- constraints that made it one are dropped. SQLite cannot drop a table constraint: each
-- table is rebuilt (new table, copy, drop, rename), which the runner does with foreign keys
-- off and checks with `foreign_key_check` before committing (`migrate::REBUILDS`): the
-- other tables' references name the table, so they point at the rebuilt one, ids unchanged.

create table sessions_0007 (
    id            text primary key,
    version       integer not null,
    doc           text not null,
    commission_id text not null references commissions (id),
    ordinal       integer not null,
    start_on      text not null,
    end_on        text not null,
    host_party_id text not null references parties (id)
);
insert into sessions_0007 (id, version, doc, commission_id, ordinal, start_on, end_on, host_party_id)
    select id, version, doc, commission_id, ordinal, start_on, end_on, host_party_id
    from sessions;
drop table sessions;
alter table sessions_0007 rename to sessions;
create index sessions_start on sessions (start_on);
create index sessions_ordinal on sessions (commission_id, ordinal);

create table clauses_0007 (
    id           text primary key,
    version      integer not null,
    doc          text not null,
    agreement_id text not null references agreements (id),
    number       integer not null
);
insert into clauses_0007 (id, version, doc, agreement_id, number)
    select id, version, doc, agreement_id, number from clauses;
drop table clauses;
alter table clauses_0007 rename to clauses;
create index clauses_number on clauses (agreement_id, number);

create table action_items_0007 (
    id            text primary key,
    version       integer not null,
    doc           text not null,
    plan_id       text not null references action_plans (id),
    area_id       text not null references areas (id),
    -- the code as printed ("1.10") and a key that sorts it naturally (1.2 before 1.10)
    code          text not null,
    code_key      text not null,
    status        text not null,
    due_on        text,
    start_on      text,
    percent       integer not null default 0,
    last_report   text,
    commission_id text,
    agreement_id  text,
    marking       integer not null default 0,
    releasability text not null default 'all_parties',
    originator    text,
    facts_seq     integer not null default 0
);
insert into action_items_0007 (id, version, doc, plan_id, area_id, code, code_key, status, due_on,
                          start_on, percent, last_report, commission_id, agreement_id, marking,
                          releasability, originator, facts_seq)
    select id, version, doc, plan_id, area_id, code, code_key, status, due_on,
           start_on, percent, last_report, commission_id, agreement_id, marking,
           releasability, originator, facts_seq
    from action_items;
drop table action_items;
alter table action_items_0007 rename to action_items;
create index action_items_plan on action_items (plan_id, code_key);
create index action_items_code on action_items (plan_id, code);
create index action_items_open on action_items (status, due_on);
create index action_items_commission on action_items (commission_id, status, due_on);
create index action_items_agreement on action_items (agreement_id);
create index action_items_facts_seq on action_items (facts_seq);
