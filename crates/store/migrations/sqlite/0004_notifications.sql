-- 0004: reminders as per-user notifications. A reminder pass computes, for each active
-- user, the follow-up dates that call for their attention and records each one here
-- once: the unique key (user, kind, record, date) makes a second pass over the same day,
-- or the next day's pass, find what is already there. Not domain records: neither
-- audited nor versioned, like login sessions.
create table notifications (
    id         text primary key,
    user_id    text not null references users (id),
    -- `ReminderKind::key`: item_due_soon, item_overdue, agreement_...
    kind       text not null,
    -- the item or agreement it is about (no foreign key: two tables, and a reminder
    -- outliving its record is harmless, since pages re-check visibility)
    record_id  text not null,
    -- the date it is about (due date, expiry…), not the day it was computed
    on_date    text not null,
    created_at text not null,
    read_at    text,
    emailed_at text,
    unique (user_id, kind, record_id, on_date)
);
create index notifications_user on notifications (user_id, created_at);
