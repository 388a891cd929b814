-- Sessions and logout (H2), Flyway version 1.5.
--
-- The clients authorized in each browser session (sessions/SessionClients): the sid is the one ID tokens carry (the
-- SHA-256 of the session id when the first client was authorized in it, base64url), one row per authorization.
-- Back-channel logout reads it to know whom to tell when a session ends; the sessions page, to show and revoke.
create table session_clients (
    sid                  varchar(64)  not null,
    authorization_id     varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    created_at           timestamp(6) with time zone not null,
    constraint pk_session_clients primary key (sid, authorization_id)
);
create index ix_session_clients_principal on session_clients (principal_name);
create index ix_session_clients_created on session_clients (created_at);

-- db-scheduler's table (the library's own definition for this database): the persisted queue of back-channel logout
-- deliveries, each a one-time task with its data, picked by one instance at a time and retried with backoff.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            blob,
    execution_time       timestamp(6) with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp(6) with time zone,
    last_failure         timestamp(6) with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp(6) with time zone,
    version              bigint       not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
