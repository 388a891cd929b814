-- Sessions and logout (MySQL / MariaDB), Flyway version 1.5.
--
-- The clients authorized in each browser session (sessions/SessionClients): the sid is the one ID tokens carry (the
-- SHA-256 of the session id when the first client was authorized in it, base64url), one row per authorization.
-- Back-channel logout reads it to know whom to tell when a session ends; the sessions page, to show and revoke.
create table session_clients (
    sid                  varchar(64)  not null,
    authorization_id     varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    created_at           datetime(6)  not null,
    constraint pk_session_clients primary key (sid, authorization_id),
    index ix_session_clients_principal (principal_name),
    index ix_session_clients_created (created_at)
);

-- db-scheduler's table (the library's own definition for this database): the persisted queue of back-channel logout
-- deliveries, each a one-time task with its data, picked by one instance at a time and retried with backoff.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            blob,
    execution_time       timestamp(6) not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp(6) null,
    last_failure         timestamp(6) null,
    consecutive_failures int,
    last_heartbeat       timestamp(6) null,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance),
    index execution_time_idx (execution_time),
    index last_heartbeat_idx (last_heartbeat),
    index priority_execution_time_idx (priority desc, execution_time asc)
);
