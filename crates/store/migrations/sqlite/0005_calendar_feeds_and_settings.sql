-- 0005: calendar subscriptions and per-user settings. Neither is a domain record: no
-- version and no document. Creating and revoking a feed is audited as an account event
-- on the user (without the token hash); settings are not audited, like notifications.

-- A calendar app polls a URL holding a secret token; only its hex SHA-256 is kept, so the
-- database alone does not open anyone's calendar. Revoked feeds stay, so the user's list
-- shows what was once handed out.
create table calendar_feeds (
    id            text primary key,
    user_id       text not null references users (id),
    -- null: the user's own feed; else one commission's sessions and deadlines
    commission_id text references commissions (id),
    token_hash    text not null unique,
    created_at    text not null,
    revoked_at    text
);
create index calendar_feeds_user on calendar_feeds (user_id, created_at);

-- Remembered choices of a user (an import's column mapping…): JSON text chosen by the
-- caller, one value per key.
create table user_settings (
    user_id    text not null references users (id),
    key        text not null,
    value      text not null,
    updated_at text not null,
    primary key (user_id, key)
) without rowid;

-- the audit log learns the feed events. SQLite cannot alter a check constraint, so the
-- table is rebuilt with the same rows, in the same order (rowid breaks ties of `at`).
create table audit_log_next (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update', 'set_password',
                                              'set_second_factor', 'use_recovery_code',
                                              'create_calendar_feed', 'revoke_calendar_feed')),
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
