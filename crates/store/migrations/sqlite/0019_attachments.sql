-- 0019_attachments: files attached to records (issue 13, part 3). Content lives in the
-- database, so every node and every backup reaches it: one `blobs` row per distinct
-- content, keyed by its SHA-256 (the same scan attached twice is stored once), and one
-- `attachments` row per version of a file. An attachment has no protection of its own:
-- it is its record's (`Visible` decides on the record), so no effective-protection
-- columns here. Rows are never updated; a purge deletes them (and the blob when no other
-- row names it), leaving only its audit row.

create table blobs (
    sha256  text primary key,   -- lower-case hex of the content's SHA-256
    size    integer not null,
    content blob not null
) without rowid;

create table attachments (
    id          text primary key,   -- this version (UUIDv7)
    file_id     text not null,      -- the file: its first version's id
    record_kind text not null,      -- `RecordKind::key` of the record it is attached to
    record_id   text not null,
    version     integer not null,   -- 1, then one more per replacement
    purpose     text not null,
    name        text not null,      -- as uploaded; shown, never trusted for the type
    media_type  text not null,      -- from the content (`FileType::media_type`)
    size        integer not null,
    sha256      text not null references blobs (sha256),
    uploaded_by text not null,
    uploaded_at text not null,
    unique (file_id, version)
);
-- A record's files (its page's list), and whether a blob is still named (purge).
create index attachments_record on attachments (record_id, file_id, version);
create index attachments_sha256 on attachments (sha256);

-- The audit log learns the file events. SQLite cannot alter a check constraint, so the
-- table is rebuilt with the same rows, chain columns included, in the same order (rowid
-- breaks ties of `at`); nothing refers to it, so foreign keys may stay on.
create table audit_log_next (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update', 'set_password',
                                              'set_second_factor', 'use_recovery_code',
                                              'create_calendar_feed', 'revoke_calendar_feed',
                                              'attach_file', 'replace_file', 'purge_file')),
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
