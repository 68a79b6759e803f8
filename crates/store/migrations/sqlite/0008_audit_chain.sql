-- 0008_audit_chain: each audit row is sealed into a hash chain (see crates/store/src/chain.rs).
-- Rows written before this version are sealed by the migration runner in Rust, in the
-- order they were appended, right after this SQL and in the same transaction.
alter table audit_log add column seq integer;
alter table audit_log add column prev_hash text;
alter table audit_log add column hash text;
create unique index audit_log_seq on audit_log (seq);
-- The rows a transaction has yet to seal: few, found without scanning the log.
create index audit_log_unsealed on audit_log (seq) where seq is null;
