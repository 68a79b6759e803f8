-- 0001_schema: the whole schema of Taawun on PostgreSQL 15, in one file. It is the state that
-- SQLite's migrations 0001 to 0022 leave behind (not their history): the same tables, columns
-- (in the same order), keys, references, checks and index names, so that the one write path
-- and the `copy` command see the same shape on both engines. The comments on what each table
-- is for live in the SQLite migrations; here they only say why PostgreSQL differs.
--
-- Types, chosen so that a value reads back, compares and sorts as on SQLite:
--   integer -> bigint (SQLite integers are 64-bit); real -> double precision; blob -> bytea;
--   text -> text collate "C": bytewise order and equality, as SQLite's BINARY collation, so
--   that a list's order, a page boundary or a unique key does not change with the engine or
--   the server's locale. JSON documents stay text (not jsonb): jsonb would rewrite them
--   (key order, spacing), and `copy` compares content digests between engines. Dates and
--   timestamps stay ISO text, as on SQLite. Flags stay bigint 0/1, unchecked as on SQLite.
--
-- What SQLite has that this file does not, and why:
--   * `schema_version`: the migration runner creates it, as on SQLite (`migrate.rs`).
--   * The tally triggers (`sqlite/tallies.rs::triggers`): generated in Rust, not in a
--     migration file; PostgreSQL gets its own generator (its triggers call functions).
--     The tally tables and the views the triggers read are here.
--   * The FTS5 virtual table `search_index` and its shadow tables (`search_index_data`,
--     `_idx`, `_content`, `_docsize`, `_config`): FTS5 is SQLite's. It becomes an ordinary
--     table with a full-text GIN index (below, at `search_index`).
--   * `rowid`: PostgreSQL rows have no stable insertion number. Where SQLite code orders by
--     rowid, PostgreSQL code must order by a column: `audit_log` by `seq` (see there), and
--     an item's sides by `position` (both engines since SQLite's 0022).
--   * `without rowid`: a SQLite storage choice only; these are ordinary tables here.
--   * The migrations' data steps (0011's links from documents, 0015's first sums, the
--     backfills in Rust): this file creates an empty database, which they would leave empty.
--
-- Foreign keys are immediate, as SQLite's are by default (`foreign_keys(true)` in open.rs).
-- Unique keys treat nulls as distinct (PostgreSQL's default), as SQLite does: parties
-- without an ISO code, and audit rows not yet sealed, never clash.

-- Records ---------------------------------------------------------------------------------

create table parties (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    kind           text collate "C" not null,
    iso_code       text collate "C" unique,
    sort_name      text collate "C" not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);

create table organisations (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    party_id       text collate "C" not null references parties (id),
    parent_id      text collate "C" references organisations (id),
    sort_name      text collate "C" not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index organisations_party on organisations (party_id, sort_name);

create table ranks (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    party_id       text collate "C" not null references parties (id),
    nato_code      text collate "C" not null,
    seniority      bigint not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);

create table people (
    id              text collate "C" primary key,
    version         bigint not null,
    doc             text collate "C" not null,
    party_id        text collate "C" not null references parties (id),
    organisation_id text collate "C" references organisations (id),
    rank_id         text collate "C" references ranks (id),
    sort_name       text collate "C" not null,
    eff_marking     bigint not null default 0,
    eff_all         bigint not null default 1,
    eff_scope       text collate "C",
    eff_originator  text collate "C"
);
create index people_organisation on people (organisation_id, sort_name);

create table areas (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    code           text collate "C" not null unique,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);

create table commissions (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    sort_name      text collate "C" not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index commissions_order on commissions (sort_name, id);
create index commissions_scope on commissions (eff_scope, eff_all);
create index commissions_unscoped on commissions (id) where eff_all = 0 or eff_scope is null;

-- Ordinals are unique only among what the writer may see (SQLite 0007): no unique key.
create table sessions (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    commission_id  text collate "C" not null references commissions (id),
    ordinal        bigint not null,
    start_on       text collate "C" not null,
    end_on         text collate "C" not null,
    host_party_id  text collate "C" not null references parties (id),
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index sessions_start on sessions (start_on);
create index sessions_ordinal on sessions (commission_id, ordinal);
create index sessions_eff on sessions (commission_id, eff_marking, start_on);
-- Newest first is this index walked backwards, which PostgreSQL's B-trees do as SQLite's.
create index sessions_order on sessions (start_on, ordinal, id);
create index sessions_scope on sessions (eff_scope, eff_all);
create index sessions_unscoped on sessions (id) where eff_all = 0 or eff_scope is null;

create table delegation_members (
    session_id text collate "C" not null references sessions (id) on delete cascade,
    party_id   text collate "C" not null references parties (id),
    person_id  text collate "C" not null references people (id),
    role       text collate "C" not null,
    precedence bigint not null,
    primary key (session_id, person_id)
);
create index delegation_members_person on delegation_members (person_id);

create table agreements (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    kind           text collate "C" not null,
    status         text collate "C" not null,
    signed_on      text collate "C",
    session_id     text collate "C" references sessions (id),
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C",
    enters_on      text collate "C",
    expires_on     text collate "C",
    notice_on      text collate "C"
);
create index agreements_signed on agreements (signed_on);
create index agreements_session on agreements (session_id);
create index agreements_order on agreements ((signed_on is null), signed_on desc, id desc);
create index agreements_enters_on on agreements (enters_on);
create index agreements_expires_on on agreements (expires_on);
create index agreements_notice_on on agreements (notice_on);
create index agreements_scope on agreements (eff_scope, eff_all);
create index agreements_unscoped on agreements (id) where eff_all = 0 or eff_scope is null;

-- No primary key, as on SQLite: the write path rewrites an agreement's links whole.
create table agreement_links (
    agreement_id text collate "C" not null references agreements (id) on delete cascade,
    target_id    text collate "C" not null,
    kind         text collate "C" not null
);
create index agreement_links_agreement on agreement_links (agreement_id);
create index agreement_links_target on agreement_links (target_id, agreement_id);

-- Numbers are unique only among what the writer may see (SQLite 0007): no unique key.
create table clauses (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    agreement_id   text collate "C" not null references agreements (id),
    number         bigint not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index clauses_number on clauses (agreement_id, number);
create index clauses_eff on clauses (agreement_id, eff_marking, number);

create table action_plans (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    commission_id  text collate "C" not null references commissions (id),
    agreement_id   text collate "C" references agreements (id),
    session_id     text collate "C" references sessions (id),
    start_on       text collate "C",
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index action_plans_commission on action_plans (commission_id);
create index action_plans_agreement on action_plans (agreement_id);
create index action_plans_session on action_plans (session_id);
create index action_plans_eff on action_plans (commission_id, eff_marking);

-- Codes are unique only among what the writer may see (SQLite 0007): no unique key.
-- commission_id and agreement_id are copies of the plan's, without references, as on SQLite.
create table action_items (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    plan_id        text collate "C" not null references action_plans (id),
    area_id        text collate "C" not null references areas (id),
    code           text collate "C" not null,
    code_key       text collate "C" not null,
    status         text collate "C" not null,
    due_on         text collate "C",
    start_on       text collate "C",
    percent        bigint not null default 0,
    last_report    text collate "C",
    commission_id  text collate "C",
    agreement_id   text collate "C",
    marking        bigint not null default 0,
    releasability  text collate "C" not null default 'all_parties',
    originator     text collate "C",
    facts_seq      bigint not null default 0,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C",
    overdue_from   text collate "C",
    at_risk_from   text collate "C"
);
create index action_items_plan on action_items (plan_id, code_key);
create index action_items_code on action_items (plan_id, code);
create index action_items_open on action_items (status, due_on);
create index action_items_commission on action_items (commission_id, status, due_on);
create index action_items_agreement on action_items (agreement_id);
create index action_items_facts_seq on action_items (facts_seq);
create index action_items_overdue on action_items (overdue_from);
create index action_items_at_risk on action_items (at_risk_from);
-- The covering indexes of the item lists (SQLite 0013, 0017). The order ends at `id`, which
-- is unique, so the columns after it never sort anything: they are only there for the
-- visibility and threshold tests to read the index alone, which `include` says outright
-- and which keeps them out of the tree's inner pages.
create index action_items_due_order
    on action_items ((due_on is null), due_on, id)
    include (eff_marking, eff_originator, eff_all, eff_scope, status,
             overdue_from, at_risk_from);
create index action_items_commission_due_order
    on action_items (commission_id, (due_on is null), due_on, id)
    include (eff_marking, eff_originator, eff_all, eff_scope, status,
             overdue_from, at_risk_from);
create index action_items_agreement_due_order
    on action_items (agreement_id, (due_on is null), due_on, id)
    include (eff_marking, eff_originator, eff_all, eff_scope, status,
             overdue_from, at_risk_from);
create index action_items_open_order
    on action_items ((due_on is null), due_on, code_key, id)
    include (eff_marking, eff_originator, eff_all, eff_scope)
    where status not in ('done', 'cancelled');
create index action_items_scope on action_items (eff_scope, eff_all);
create index action_items_unscoped on action_items (id) where eff_all = 0 or eff_scope is null;

create table item_leads (
    item_id         text collate "C" not null references action_items (id) on delete cascade,
    party_id        text collate "C" not null references parties (id),
    organisation_id text collate "C" not null references organisations (id),
    primary key (item_id, party_id)
);
create index item_leads_organisation on item_leads (organisation_id);

create table item_clauses (
    item_id   text collate "C" not null references action_items (id) on delete cascade,
    clause_id text collate "C" not null references clauses (id),
    primary key (item_id, clause_id)
);
create index item_clauses_clause on item_clauses (clause_id);

-- An item's sides are read in the order of its leads, which `position` records.
create table item_sides (
    item_id         text collate "C" not null references action_items (id) on delete cascade,
    party_id        text collate "C" not null references parties (id),
    organisation_id text collate "C" not null references organisations (id),
    status          text collate "C" not null,
    percent         bigint not null,
    last_report     text collate "C",
    -- The side's place among the item's leads (SQLite's 0022; there the rowid kept it).
    position        bigint not null default 0,
    primary key (item_id, party_id)
);
create index item_sides_party on item_sides (party_id);
create index item_sides_organisation on item_sides (organisation_id);

create table progress_updates (
    id             text collate "C" primary key,
    version        bigint not null,
    doc            text collate "C" not null,
    item_id        text collate "C" not null references action_items (id),
    party_id       text collate "C" not null references parties (id),
    reported_on    text collate "C" not null,
    eff_marking    bigint not null default 0,
    eff_all        bigint not null default 1,
    eff_scope      text collate "C",
    eff_originator text collate "C"
);
create index progress_updates_item on progress_updates (item_id, reported_on);
create index progress_updates_reported on progress_updates (reported_on);
create index progress_updates_eff on progress_updates (item_id, eff_marking, reported_on);
create index progress_updates_eff_reported on progress_updates (eff_marking, reported_on);

create table activities (
    id                   text collate "C" primary key,
    version              bigint not null,
    doc                  text collate "C" not null,
    item_id              text collate "C" references action_items (id),
    start_on             text collate "C" not null,
    host_party_id        text collate "C" not null references parties (id),
    host_organisation_id text collate "C" references organisations (id),
    eff_marking          bigint not null default 0,
    eff_all              bigint not null default 1,
    eff_scope            text collate "C",
    eff_originator       text collate "C"
);
create index activities_item on activities (item_id, start_on);
create index activities_eff on activities (eff_marking, start_on);
create index activities_eff_item on activities (item_id, eff_marking, start_on);

-- Which parties a scope (a commission, or an agreement of none) reaches.
create table scope_parties (
    scope_id text collate "C" not null,
    party_id text collate "C" not null,
    primary key (scope_id, party_id)
);
create index scope_parties_party on scope_parties (party_id, scope_id);

-- The audit log and its chain ----------------------------------------------------------------

-- SQLite code orders the log by rowid (append order). Here `seq` stands in for it: sealing
-- numbers a transaction's rows in append order, after every row already sealed, and every
-- row is sealed before its transaction commits, so any other reader sees `seq` in the order
-- SQLite's rowid gives. `audit_log_entity_kind` therefore ends with `seq`, as SQLite's index
-- on `entity` ends, implicitly, with the rowid: each kind's rows in log order.
create table audit_log (
    id        text collate "C" primary key,
    at        text collate "C" not null,
    actor     text collate "C" not null,
    action    text collate "C" not null check (action in ('create', 'update', 'set_password',
                                                         'set_second_factor', 'use_recovery_code',
                                                         'create_calendar_feed',
                                                         'revoke_calendar_feed', 'attach_file',
                                                         'replace_file', 'purge_file',
                                                         'request_update')),
    entity    text collate "C" not null,
    entity_id text collate "C" not null,
    before    text collate "C",
    after     text collate "C" not null,
    seq       bigint,
    prev_hash text collate "C",
    hash      text collate "C"
);
create index audit_log_entity on audit_log (entity_id);
create unique index audit_log_seq on audit_log (seq);
create index audit_log_unsealed on audit_log (seq) where seq is null;
create index audit_log_entity_kind on audit_log (entity, seq);

-- Accounts and their sessions ------------------------------------------------------------------

create table users (
    id       text collate "C" primary key,
    version  bigint not null,
    doc      text collate "C" not null,
    username text collate "C" not null unique,
    party_id text collate "C" not null references parties (id),
    role     text collate "C" not null,
    active   bigint not null
);

create table credentials (
    user_id         text collate "C" primary key references users (id),
    password_hash   text collate "C" not null,
    totp_secret     text collate "C",
    recovery_hashes text collate "C" not null default '[]',
    updated_at      text collate "C" not null
);

create table login_sessions (
    id     text collate "C" primary key,
    data   text collate "C" not null,
    expiry bigint not null
);
create index login_sessions_expiry on login_sessions (expiry);

create table login_attempts (
    attempt_id text collate "C" not null,
    key        text collate "C" not null,
    at         bigint not null,
    primary key (key, attempt_id)
);
create index login_attempts_key_at on login_attempts (key, at);
create index login_attempts_at on login_attempts (at);
create index login_attempts_attempt on login_attempts (attempt_id);

create table jobs (
    id          text collate "C" primary key,
    holder      text collate "C" not null,
    state       text collate "C" not null,
    started_at  bigint not null,
    finished_at bigint
);
create index jobs_running on jobs (state, holder, started_at);
create index jobs_finished on jobs (state, finished_at);

create table notifications (
    id         text collate "C" primary key,
    user_id    text collate "C" not null references users (id),
    kind       text collate "C" not null,
    record_id  text collate "C" not null,
    on_date    text collate "C" not null,
    created_at text collate "C" not null,
    read_at    text collate "C",
    emailed_at text collate "C",
    unique (user_id, kind, record_id, on_date)
);
create index notifications_user on notifications (user_id, created_at);

create table calendar_feeds (
    id            text collate "C" primary key,
    user_id       text collate "C" not null references users (id),
    commission_id text collate "C" references commissions (id),
    token_hash    text collate "C" not null unique,
    created_at    text collate "C" not null,
    revoked_at    text collate "C"
);
create index calendar_feeds_user on calendar_feeds (user_id, created_at);

create table user_settings (
    user_id    text collate "C" not null references users (id),
    key        text collate "C" not null,
    value      text collate "C" not null,
    updated_at text collate "C" not null,
    primary key (user_id, key)
);

-- Search -------------------------------------------------------------------------------------

-- A record's search key: its FTS5 rowid on SQLite, `search_index.key` here. SQLite hands the
-- next key out through the rowid alias; identity does it here. "By default", so that `copy`
-- can keep a database's keys (it must then move the sequence past the highest one).
create table search_keys (
    key    bigint generated by default as identity primary key,
    id     text collate "C" not null unique,
    entity text collate "C" not null
);

-- SQLite's FTS5 `search_index (entity unindexed, id unindexed, body, keys)`, as a table:
-- `key` is what SQLite keeps as the FTS rowid (`search_keys.key`), so a save replaces its
-- row by key and "newest first" walks the primary key backwards. No reference to
-- `search_keys`, as FTS5 has none. Every value is written, so none is null.
create table search_index (
    key    bigint primary key,
    entity text collate "C" not null,
    id     text collate "C" not null,
    body   text collate "C" not null,
    keys   text collate "C" not null
);
-- The words of `body` and `keys`, for prefix queries (`'word':*`) as FTS5's `"word"*`. The
-- text is already normalised in Rust (`core::search::normalise`: lowercase, no accents, no
-- tashkil, unified letters, only letters, digits and spaces), the same on both engines, so
-- the 'simple' configuration only splits it into words: no stemming, no stop words, since
-- names and codes must match as typed. One vector holds both columns, told apart by weight
-- (A: body, B: keys), so that a query restricts a word to one column as FTS5's `body :` and
-- `keys :` do (`'word':*A`, `'key':B`) and ranks body above keys as bm25's weights do, all
-- through one index. Not pg_trgm: it is a contrib extension that may not be installed, and
-- FTS5 matched whole words and prefixes, not substrings, either. Queries must repeat this
-- expression exactly for the planner to use the index. Unlike FTS5, a tsvector has limits:
-- words over 2,047 bytes are skipped, and a record's vector must stay under 1 MB.
create index search_index_words on search_index using gin (
    (setweight(to_tsvector('simple', body), 'A') || setweight(to_tsvector('simple', keys), 'B'))
);

create table search_titles (
    title  text collate "C" not null,
    id     text collate "C" not null,
    entity text collate "C" not null,
    primary key (title, id)
);
create index search_titles_id on search_titles (id);

-- Attachments --------------------------------------------------------------------------------

create table blobs (
    sha256  text collate "C" primary key,
    size    bigint not null,
    content bytea not null
);

create table attachments (
    id          text collate "C" primary key,
    file_id     text collate "C" not null,
    record_kind text collate "C" not null,
    record_id   text collate "C" not null,
    version     bigint not null,
    purpose     text collate "C" not null,
    name        text collate "C" not null,
    media_type  text collate "C" not null,
    size        bigint not null,
    sha256      text collate "C" not null references blobs (sha256),
    uploaded_by text collate "C" not null,
    uploaded_at text collate "C" not null,
    unique (file_id, version)
);
create index attachments_record on attachments (record_id, file_id, version);
create index attachments_sha256 on attachments (sha256);

-- Dashboard tallies ----------------------------------------------------------------------------

-- Kept by triggers (not in this file, see the top); `restricted` and `done` are 0/1 flags.
create table tally_items (
    scope       text collate "C" not null,
    viewer      text collate "C" not null,
    eff_marking bigint not null,
    restricted  bigint not null,
    area_id     text collate "C" not null,
    status      text collate "C" not null,
    items       bigint not null,
    percent_sum bigint not null,
    primary key (scope, viewer, eff_marking, restricted, area_id, status)
);

create table tally_sides (
    scope           text collate "C" not null,
    viewer          text collate "C" not null,
    eff_marking     bigint not null,
    restricted      bigint not null,
    party_id        text collate "C" not null,
    organisation_id text collate "C" not null,
    done            bigint not null,
    sides           bigint not null,
    percent_sum     bigint not null,
    primary key (scope, viewer, eff_marking, restricted, party_id, organisation_id, done)
);

create table tally_dates (
    scope       text collate "C" not null,
    viewer      text collate "C" not null,
    series      text collate "C" not null,
    grain       text collate "C" not null,
    period      text collate "C" not null,
    eff_marking bigint not null,
    items       bigint not null,
    primary key (scope, viewer, series, grain, period, eff_marking)
);

-- The views the triggers read, as SQLite 0015 defines them. A literal beside a column takes
-- the column's "C" collation, so the views compare as the tables do.
create view tally_viewers (item_id, viewer) as
    select i.id, '*' from action_items i
     where i.eff_originator is null and (i.eff_all = 0 or i.eff_scope is null)
    union all
    select i.id, '' from action_items i
     where i.eff_originator is null and i.eff_all = 1 and i.eff_scope is not null
    union all
    select i.id, sp.party_id from action_items i
      join scope_parties sp on sp.scope_id = i.eff_scope
     where i.eff_all = 1 and (i.eff_originator is null or sp.party_id = i.eff_originator)
    union all
    select i.id, i.eff_originator from action_items i
     where i.eff_originator <> '!' and (i.eff_all = 0 or i.eff_scope is null);

create view tally_scopes (item_id, scope) as
    select id, 'all' from action_items
    union all
    select item_id, 'p:' || party_id from item_sides;

-- SQLite's two-argument max() is greatest() here; both dates are non-null where it is used,
-- so greatest() skipping nulls (where max() returns null) makes no difference. `series` is
-- literals only, so it is given the "C" collation by hand.
create view tally_days (item_id, series, day) as
    select id, 'due' collate "C", due_on from action_items
     where status not in ('done', 'cancelled') and due_on is not null
    union all
    select id, 'risk', at_risk_from from action_items where at_risk_from is not null
    union all
    select id, 'both', greatest(at_risk_from, overdue_from) from action_items
     where at_risk_from is not null and overdue_from is not null;
