-- 0001: the first schema of Taawun on SQLite.
--
-- Shape: "document + indexed columns". Each record is kept whole in `doc` (the JSON of the
-- core type, which the read path deserializes); the other columns are copies of the scalar
-- fields that queries filter, order or join on, and that constraints need. The store writes
-- doc, columns and link rows from one code path, so they cannot disagree.
-- Ids are UUIDv7 as text; dates are ISO `yyyy-mm-dd` text, which sorts as dates do.

-- parties: states and international organisations.
create table parties (
    id        text primary key,
    version   integer not null,
    doc       text not null,
    kind      text not null,
    -- one party per ISO 3166 code; international organisations have none (nulls never clash)
    iso_code  text unique,
    -- lowercased first present value of the name, for a stable alphabetical order
    sort_name text not null
);

-- organisations: ministries, general staffs, schools… of one party, possibly nested.
create table organisations (
    id        text primary key,
    version   integer not null,
    doc       text not null,
    party_id  text not null references parties (id),
    parent_id text references organisations (id),
    sort_name text not null
);
create index organisations_party on organisations (party_id, sort_name);

-- ranks of a party's forces; seniority orders them (OF-10 first, OR-1 last).
create table ranks (
    id        text primary key,
    version   integer not null,
    doc       text not null,
    party_id  text not null references parties (id),
    nato_code text not null,
    seniority integer not null
);

create table people (
    id              text primary key,
    version         integer not null,
    doc             text not null,
    party_id        text not null references parties (id),
    organisation_id text references organisations (id),
    rank_id         text references ranks (id),
    sort_name       text not null
);
create index people_organisation on people (organisation_id, sort_name);

-- areas of cooperation; the code is the stable key used in imports and urls.
create table areas (
    id      text primary key,
    version integer not null,
    doc     text not null,
    code    text not null unique
);

create table commissions (
    id        text primary key,
    version   integer not null,
    doc       text not null,
    sort_name text not null
);

-- sessions: one numbered meeting of a commission, saved as one aggregate.
create table sessions (
    id            text primary key,
    version       integer not null,
    doc           text not null,
    commission_id text not null references commissions (id),
    ordinal       integer not null,
    start_on      text not null,
    end_on        text not null,
    host_party_id text not null references parties (id),
    -- the rules check this first; the constraint stops two racing writers
    unique (commission_id, ordinal)
);
create index sessions_start on sessions (start_on);

-- who sat in which delegation; rewritten on every save of the session.
create table delegation_members (
    session_id text not null references sessions (id) on delete cascade,
    party_id   text not null references parties (id),
    person_id  text not null references people (id),
    role       text not null,
    precedence integer not null,
    primary key (session_id, person_id)
);
create index delegation_members_person on delegation_members (person_id);

create table agreements (
    id         text primary key,
    version    integer not null,
    doc        text not null,
    kind       text not null,
    status     text not null,
    signed_on  text,
    session_id text references sessions (id)
);
create index agreements_signed on agreements (signed_on);
create index agreements_session on agreements (session_id);

create table clauses (
    id           text primary key,
    version      integer not null,
    doc          text not null,
    agreement_id text not null references agreements (id),
    number       integer not null,
    unique (agreement_id, number)
);

create table action_plans (
    id            text primary key,
    version       integer not null,
    doc           text not null,
    commission_id text not null references commissions (id),
    agreement_id  text references agreements (id),
    session_id    text references sessions (id),
    start_on      text
);
create index action_plans_commission on action_plans (commission_id);
create index action_plans_agreement on action_plans (agreement_id);
create index action_plans_session on action_plans (session_id);

create table action_items (
    id       text primary key,
    version  integer not null,
    doc      text not null,
    plan_id  text not null references action_plans (id),
    area_id  text not null references areas (id),
    -- the code as printed ("1.10") and a key that sorts it naturally (1.2 before 1.10)
    code     text not null,
    code_key text not null,
    status   text not null,
    due_on   text,
    -- a plan prints each code once
    unique (plan_id, code)
);
create index action_items_plan on action_items (plan_id, code_key);
create index action_items_open on action_items (status, due_on);

-- the lead body on each side of an item; rewritten on every save of the item.
create table item_leads (
    item_id         text not null references action_items (id) on delete cascade,
    party_id        text not null references parties (id),
    organisation_id text not null references organisations (id),
    primary key (item_id, party_id)
);
create index item_leads_organisation on item_leads (organisation_id);

-- the clauses an item implements; rewritten on every save of the item.
create table item_clauses (
    item_id   text not null references action_items (id) on delete cascade,
    clause_id text not null references clauses (id),
    primary key (item_id, clause_id)
);
create index item_clauses_clause on item_clauses (clause_id);

create table progress_updates (
    id          text primary key,
    version     integer not null,
    doc         text not null,
    item_id     text not null references action_items (id),
    party_id    text not null references parties (id),
    reported_on text not null
);
create index progress_updates_item on progress_updates (item_id, reported_on);

create table activities (
    id                   text primary key,
    version              integer not null,
    doc                  text not null,
    item_id              text references action_items (id),
    start_on             text not null,
    host_party_id        text not null references parties (id),
    host_organisation_id text references organisations (id)
);
create index activities_item on activities (item_id, start_on);

-- the audit log: one row per write, in the same transaction as the write. `before` is null
-- on create; both hold the record's json. `at` is rfc 3339 utc with fixed precision, so it
-- sorts as time does.
create table audit_log (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update')),
    entity    text not null,
    entity_id text not null,
    before    text,
    after     text not null
);
create index audit_log_entity on audit_log (entity_id);
