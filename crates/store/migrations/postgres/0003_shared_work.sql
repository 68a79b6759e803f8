-- 0003_shared_work: SQLite's 0023 (what one node hands to another: a job's progress and
-- result, the authenticator codes already spent); the comments on what each holds are there.

create table job_states (
    id           text collate "C" primary key,
    owner        text collate "C",
    label        text collate "C" not null,
    writing      bigint not null default 0,
    done         bigint not null default 0,
    total        bigint not null default 0,
    outcome      text collate "C",
    detail       text collate "C",
    content_type text collate "C",
    content      bytea
);

create table totp_steps (
    user_id text collate "C" primary key,
    step    bigint not null
);
