-- 0016_agreement_deadlines
-- Issue 12: an agreement's deadlines (`core::followup::agreement_deadlines`: entry into
-- force, expiry, notice date) as columns the write path keeps with the agreement, each
-- indexed, so that a dashboard finds the agreements due in its window by three range
-- searches instead of reading every agreement in force. Agreements already stored get them
-- in Rust right after this file, in the same transaction (the month arithmetic is `core`'s).

alter table agreements add column enters_on text;
alter table agreements add column expires_on text;
alter table agreements add column notice_on text;

create index agreements_enters_on on agreements (enters_on);
create index agreements_expires_on on agreements (expires_on);
create index agreements_notice_on on agreements (notice_on);
