-- The audit trail (audit/AuditTrail): one row per security event, deleted after authforge.audit.retention. Searched
-- by user and time (the user's own activity, the console's filters), by client and time, and by time alone.
create table audit_events (
    id           bigint not null auto_increment,
    occurred_at  datetime(6)   not null,
    event_type   varchar(40)   character set ascii collate ascii_bin not null,
    user_id      varchar(36)   character set utf8mb4 collate utf8mb4_bin,
    user_name    varchar(256),
    actor        varchar(256),
    client_id    varchar(200)  character set utf8mb4 collate utf8mb4_bin,
    method       varchar(32),
    detail       varchar(1000),
    ip_address   varchar(64),
    constraint pk_audit_events primary key (id)
);
create index ix_audit_events_user on audit_events (user_id, occurred_at);
create index ix_audit_events_client on audit_events (client_id, occurred_at);
create index ix_audit_events_time on audit_events (occurred_at);
