-- 0024_exchange: what this instance keeps of the exchange with partner instances (issue 16).
-- The instance's own keys are files in its key directory, never rows: a database copy, an
-- export or a bundle never holds them.

-- The audit log learns the exchange's events, on the partner's party record (as account
-- events sit on their user): a partner registered, changed or revoked, a bundle sent or
-- received. The check is widened as 0021 widened it, by rebuilding the table in rowid order.
create table audit_log_next (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update', 'set_password',
                                              'set_second_factor', 'use_recovery_code',
                                              'create_calendar_feed', 'revoke_calendar_feed',
                                              'attach_file', 'replace_file', 'purge_file',
                                              'request_update', 'exchange_partner',
                                              'exchange_partner_change', 'exchange_revoke',
                                              'exchange_send', 'exchange_receive',
                                              'exchange_resume', 'exchange_match',
                                              'exchange_resolve')),
    entity    text not null,
    entity_id text not null,
    before    text,
    after     text not null,
    seq       integer,
    prev_hash text,
    hash      text
);
insert into audit_log_next (id, at, actor, action, entity, entity_id, before, after, seq,
                            prev_hash, hash)
    select id, at, actor, action, entity, entity_id, before, after, seq, prev_hash, hash
    from audit_log order by rowid;
drop table audit_log;
alter table audit_log_next rename to audit_log;
create index audit_log_entity on audit_log (entity_id);
create unique index audit_log_seq on audit_log (seq);
create index audit_log_unsealed on audit_log (seq) where seq is null;
create index audit_log_entity_kind on audit_log (entity);

-- A partner instance, registered by an administrator from its card once its fingerprint was
-- compared out of band. Named by instance id; `party_id` is the local party it speaks for.
-- `sign_key` and `receive_key` are the raw public keys (base64url, no padding), `fingerprint`
-- the card's; `commissions` the JSON array of the commissions shared with it, `clearance`
-- the highest marking agreed for the exchange. A revoked partner (its key compromised) is
-- kept, so that its log stays readable, and nothing from or to it is accepted. After the
-- partner announced a new key (signed by the old one) and the administrator confirmed its
-- fingerprint, the old signing key is kept in `previous_*` until the partner's first bundle
-- signed by the new one: bundles sealed before the partner switched still verify.
create table exchange_partners (
    instance_id   text primary key,
    party_id      text not null references parties (id),
    name          text not null,
    sign_key      text not null,
    receive_key   text not null,
    fingerprint   text not null,
    url           text,
    commissions   text not null,
    clearance     text not null,
    revoked_at    text,
    registered_at text not null,
    card          text not null,
    previous_sign_key   text,
    previous_fingerprint text
);

-- Every bundle and receipt sent or received, with what its verification found. `direction`
-- is 'out' or 'in'; `seq` and `hash` (SHA-256 of the signed payload, hex) place a bundle in
-- its direction's chain, `prev` names the bundle before it. `outcome`: 'sent', 'applied',
-- 'refused'; 'acknowledged' once the partner's signed receipt for a sent bundle came back.
-- `key` is the fingerprint of the key that signed it; `detail` why a bundle was refused;
-- `envelope` an outbound bundle as sealed, so that a partner pulling it again gets the same
-- bytes (a response lost on the way is fetched again, never made anew under the same seq).
create table exchange_log (
    id         text primary key,
    partner    text not null,
    direction  text not null check (direction in ('out', 'in')),
    kind       text not null check (kind in ('bundle', 'receipt')),
    seq        integer,
    hash       text not null,
    prev       text,
    created_at text not null,
    logged_at  text not null,
    outcome    text not null check (outcome in ('sent', 'applied', 'refused', 'acknowledged')),
    key        text,
    entries    integer not null default 0,
    detail     text,
    envelope   text
);
-- One bundle per place in each chain; refused ones are logged beside it, never in it.
create unique index exchange_log_chain on exchange_log (partner, direction, seq)
    where kind = 'bundle' and outcome <> 'refused';
create index exchange_log_partner on exchange_log (partner, logged_at);

-- The instance each record came from, bound the first time the record is seen: a record
-- with no row here is this instance's own. `version` is the record's version at its origin,
-- `doc` the record as last received: this side's own part of it (its delegation, its lead
-- body) is sent back when it differs.
create table exchange_origins (
    record_id text primary key,
    kind      text not null,
    origin    text not null,
    version   integer not null,
    doc       text
);

-- What was last sent to each partner of each record (the digest of the record as it left),
-- so that a bundle carries only what changed since; cleared for a bundle the partner
-- refused. `doc` is the record as sent: the base a partner's change to its part is judged
-- against (a part this side changed since as well is a conflict).
create table exchange_sent (
    partner   text not null,
    record_id text not null,
    digest    text not null,
    seq       integer not null,
    doc       text,
    primary key (partner, record_id)
);

-- A partner's record this instance holds under another id: a state (matched by its ISO
-- code), and later a person, organisation or rank a secretariat user confirmed is the same.
-- The partner's id is replaced by the local one in everything it sends.
create table exchange_matches (
    partner   text not null,
    theirs    text not null,
    ours      text not null,
    kind      text not null,
    primary key (partner, theirs)
);

-- The nonces of signed HTTP requests from partners (RFC 9421), kept while their creation
-- time is within the accepted window, so that a captured request cannot be replayed.
create table exchange_nonces (
    nonce   text primary key,
    partner text not null,
    seen_at integer not null
);

-- A partner's person, organisation or rank that looks like one this instance already holds
-- (the same name, acronym or code, of the same party): kept as the partner's own record
-- until a secretariat user confirms they are the same (the match then goes to
-- `exchange_matches` and references to the partner's record are rewritten) or declines.
-- `state`: 'pending', 'confirmed', 'declined'.
create table exchange_candidates (
    partner  text not null,
    theirs   text not null,
    ours     text not null,
    kind     text not null,
    state    text not null check (state in ('pending', 'confirmed', 'declined')),
    found_at text not null,
    decided_by text,
    primary key (partner, theirs, ours)
);

-- A partner's change to its part of a record of ours (its delegation, its lead body) when
-- this side changed that part too since the partner last received it: both versions are
-- kept, nothing is applied, until a secretariat user chooses one. `state`: 'open', 'ours',
-- 'theirs'. `base`, `ours`, `theirs`: the part as JSON.
create table exchange_conflicts (
    id          text primary key,
    partner     text not null,
    kind        text not null,
    record_id   text not null,
    base        text,
    ours        text not null,
    theirs      text not null,
    state       text not null check (state in ('open', 'ours', 'theirs')),
    found_at    text not null,
    resolved_by text
);

-- "Ask the other side for an update" when that side runs its own instance: the request
-- travels in a bundle ('out': asked here, `seq` the bundle that carried it once sent; 'in':
-- asked by the partner, its editors here notified), and is answered when a progress report
-- of that side on the item comes back (`answered_at`).
create table exchange_asks (
    id          text primary key,
    partner     text not null,
    direction   text not null check (direction in ('out', 'in')),
    item_id     text not null,
    party_id    text not null,
    asked_by    text not null,
    asked_on    text not null,
    seq         integer,
    answered_at text
);
create index exchange_asks_open on exchange_asks (partner, direction, item_id);
