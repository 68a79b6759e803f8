-- 0002: accounts, their secrets, login sessions, and full-text search.
--
-- Permission and visibility are decided in Rust (`core::access::decide`) from the `doc`
-- columns, so no protection columns are added yet: filtering in SQL can come later, as an
-- optimisation that must agree with `decide`.

-- users: accounts as the domain sees them (no secrets), like every other record.
create table users (
    id       text primary key,
    version  integer not null,
    doc      text not null,
    -- login names are unique; the check rule keeps them lowercase
    username text not null unique,
    party_id text not null references parties (id),
    role     text not null,
    active   integer not null
);

-- credentials: a user's secrets, apart from `users.doc` so that no audit row, export or
-- page ever carries them. An empty password_hash means no password was set yet.
create table credentials (
    user_id         text primary key references users (id),
    -- argon2 PHC string, hashed by the caller
    password_hash   text not null,
    -- TOTP secret (base32) when a second factor is enrolled
    totp_secret     text,
    -- json array of hex sha-256 of the unused recovery codes
    recovery_hashes text not null default '[]',
    updated_at      text not null
);

-- login sessions (tower-sessions): opaque json, expiry as unix microseconds (integers
-- compare exactly, and survive a round trip without losing precision).
create table login_sessions (
    id     text primary key,
    data   text not null,
    expiry integer not null
);
create index login_sessions_expiry on login_sessions (expiry);

-- search: one row per record in an FTS5 index of its normalised text. The FTS rowid of a
-- record is its `search_keys.key`, so a save replaces its row by rowid instead of
-- scanning the index for an unindexed id.
create table search_keys (
    key    integer primary key,
    id     text not null unique,
    entity text not null
);
-- entity and id are unindexed: a query word must match the record's text, not its kind.
create virtual table search_index using fts5 (
    entity unindexed,
    id unindexed,
    body
);

-- the audit log learns the account events. SQLite cannot alter a check constraint, so the
-- table is rebuilt with the same rows.
create table audit_log_next (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update', 'set_password',
                                              'set_second_factor', 'use_recovery_code')),
    entity    text not null,
    entity_id text not null,
    before    text,
    after     text not null
);
insert into audit_log_next (id, at, actor, action, entity, entity_id, before, after)
    select id, at, actor, action, entity, entity_id, before, after from audit_log order by rowid;
drop table audit_log;
alter table audit_log_next rename to audit_log;
create index audit_log_entity on audit_log (entity_id);
