-- 0021_recent_changes (issue 14, part 9). The audit log learns one more event that is not a
-- save, `request_update` (the secretariat asked a side's lead body for news of an item; its
-- `after` names the side), so its action check is widened: SQLite changes a check only by
-- rebuilding the table, which keeps every row, chain columns included, in rowid order.
-- The "recent changes" page walks the log newest first, all of it by rowid or one kind of
-- record at a time: `audit_log_entity_kind` holds each kind's rows in rowid order, so a page
-- of one kind reads that page's rows only.
create table audit_log_next (
    id        text primary key,
    at        text not null,
    actor     text not null,
    action    text not null check (action in ('create', 'update', 'set_password',
                                              'set_second_factor', 'use_recovery_code',
                                              'create_calendar_feed', 'revoke_calendar_feed',
                                              'attach_file', 'replace_file', 'purge_file',
                                              'request_update')),
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
