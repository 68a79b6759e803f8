-- 0005_exchange: SQLite's 0024 (the exchange with partner instances); the comments on what
-- each table holds are there.

alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in (
    'create', 'update', 'set_password', 'set_second_factor', 'use_recovery_code',
    'create_calendar_feed', 'revoke_calendar_feed', 'attach_file', 'replace_file', 'purge_file',
    'request_update', 'exchange_partner', 'exchange_partner_change', 'exchange_revoke',
    'exchange_send', 'exchange_receive', 'exchange_resume', 'exchange_match', 'exchange_resolve'));

create table exchange_partners (
    instance_id   text collate "C" primary key,
    party_id      text collate "C" not null references parties (id),
    name          text collate "C" not null,
    sign_key      text collate "C" not null,
    receive_key   text collate "C" not null,
    fingerprint   text collate "C" not null,
    url           text collate "C",
    commissions   text collate "C" not null,
    clearance     text collate "C" not null,
    revoked_at    text collate "C",
    registered_at text collate "C" not null,
    card          text collate "C" not null,
    previous_sign_key   text collate "C",
    previous_fingerprint text collate "C"
);

create table exchange_log (
    id         text collate "C" primary key,
    partner    text collate "C" not null,
    direction  text collate "C" not null check (direction in ('out', 'in')),
    kind       text collate "C" not null check (kind in ('bundle', 'receipt')),
    seq        bigint,
    hash       text collate "C" not null,
    prev       text collate "C",
    created_at text collate "C" not null,
    logged_at  text collate "C" not null,
    outcome    text collate "C" not null check (outcome in ('sent', 'applied', 'refused', 'acknowledged')),
    key        text collate "C",
    entries    bigint not null default 0,
    detail     text collate "C",
    envelope   text collate "C"
);
create unique index exchange_log_chain on exchange_log (partner, direction, seq)
    where kind = 'bundle' and outcome <> 'refused';
create index exchange_log_partner on exchange_log (partner, logged_at);

create table exchange_origins (
    record_id text collate "C" primary key,
    kind      text collate "C" not null,
    origin    text collate "C" not null,
    version   bigint not null,
    doc       text collate "C"
);

create table exchange_sent (
    partner   text collate "C" not null,
    record_id text collate "C" not null,
    digest    text collate "C" not null,
    seq       bigint not null,
    doc       text collate "C",
    primary key (partner, record_id)
);

create table exchange_matches (
    partner   text collate "C" not null,
    theirs    text collate "C" not null,
    ours      text collate "C" not null,
    kind      text collate "C" not null,
    primary key (partner, theirs)
);

create table exchange_nonces (
    nonce   text collate "C" primary key,
    partner text collate "C" not null,
    seen_at bigint not null
);

create table exchange_candidates (
    partner  text collate "C" not null,
    theirs   text collate "C" not null,
    ours     text collate "C" not null,
    kind     text collate "C" not null,
    state    text collate "C" not null check (state in ('pending', 'confirmed', 'declined')),
    found_at text collate "C" not null,
    decided_by text collate "C",
    primary key (partner, theirs, ours)
);

create table exchange_conflicts (
    id          text collate "C" primary key,
    partner     text collate "C" not null,
    kind        text collate "C" not null,
    record_id   text collate "C" not null,
    base        text collate "C",
    ours        text collate "C" not null,
    theirs      text collate "C" not null,
    state       text collate "C" not null check (state in ('open', 'ours', 'theirs')),
    found_at    text collate "C" not null,
    resolved_by text collate "C"
);

create table exchange_asks (
    id          text collate "C" primary key,
    partner     text collate "C" not null,
    direction   text collate "C" not null check (direction in ('out', 'in')),
    item_id     text collate "C" not null,
    party_id    text collate "C" not null,
    asked_by    text collate "C" not null,
    asked_on    text collate "C" not null,
    seq         bigint,
    answered_at text collate "C"
);
create index exchange_asks_open on exchange_asks (partner, direction, item_id);
