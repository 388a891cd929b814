-- Sessions and logout (PostgreSQL), Flyway version 1.5.
--
-- The clients authorized in each browser session (sessions/SessionClients): the sid is the one ID tokens carry (the
-- SHA-256 of the session id when the first client was authorized in it, base64url), one row per authorization.
-- Back-channel logout reads it to know whom to tell when a session ends; the sessions page, to show and revoke.
create table session_clients (
    sid                  varchar(64)  not null,
    authorization_id     varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    created_at           timestamptz  not null,
    constraint pk_session_clients primary key (sid, authorization_id)
);
create index ix_session_clients_principal on session_clients (principal_name);
create index ix_session_clients_created on session_clients (created_at);

-- db-scheduler's table (the library's own definition for this database): the persisted queue of back-channel logout
-- deliveries, each a one-time task with its data, picked by one instance at a time and retried with backoff.
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
