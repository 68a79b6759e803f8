-- 0006: the limits that must hold across every Taawun process serving one database (issue
-- 10, findings 2 and 9). Plain rows like login sessions: neither audited nor versioned.

-- One row per login attempt and per key it counts under (`account:<name>`,
-- `address:<ip>`). An attempt is counted before its password is checked, in the same
-- transaction that asks whether the key is over its limit; a right password takes its own
-- rows back. Rows older than the window are deleted as attempts come, so the table holds
-- at most the attempts of one window.
create table login_attempts (
    attempt_id text not null,
    key        text not null,
    -- unix microseconds
    at         integer not null,
    primary key (key, attempt_id)
);
create index login_attempts_key_at on login_attempts (key, at);
create index login_attempts_at on login_attempts (at);
create index login_attempts_attempt on login_attempts (attempt_id);

-- Long work (exports, imports, PDF typesetting) per holder (a user id, or a visitor's
-- address in the demo). A row is inserted only while the holder and the whole instance are
-- under their limits of running jobs; finished rows are deleted after the time a result is
-- kept, and running rows left by a process that died stop counting after a while.
create table jobs (
    id          text primary key,
    holder      text not null,
    -- running | finished
    state       text not null,
    -- unix microseconds
    started_at  integer not null,
    finished_at integer
);
create index jobs_running on jobs (state, holder, started_at);
create index jobs_finished on jobs (state, finished_at);
