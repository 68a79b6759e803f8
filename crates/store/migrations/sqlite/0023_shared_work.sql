-- 0023_shared_work: what one process must be able to hand to another serving the same
-- database (issue 15: several nodes): a job's progress and result, and the authenticator
-- codes already spent.

-- A job's state as the process running it publishes it (a few times a second at most), and
-- its result once done, so that its reader's progress page and download may be served by
-- any process. The job's row in `jobs` (0006) still counts what runs; this one goes with it.
-- `outcome` is null while the job runs, then 'file' (`detail` its name, `content` its bytes),
-- 'done' (`detail` the page to go on to) or 'failed' (`detail` the message).
create table job_states (
    id           text primary key,
    owner        text,
    label        text not null,
    writing      integer not null default 0,
    done         integer not null default 0,
    total        integer not null default 0,
    outcome      text,
    detail       text,
    content_type text,
    content      blob
);

-- The last time step of each account's authenticator codes that was accepted: a code, or an
-- older one, is good once, whichever process checks it.
create table totp_steps (
    user_id text primary key,
    step    integer not null
);
