-- What the import commands (imports/, for example `import aspnet-identity`) brought over, one row per source row:
-- which source (source_kind, e.g. aspnet-identity), what (entity: user, role) and its id there; the source's own
-- version of the row when it was read (source_stamp: ASP.NET Identity's ConcurrencyStamp) and a digest of everything
-- read for it (source_digest, so changes the stamp does not show are seen too); the row written here (target_id) and
-- its version here right after the import (target_stamp: users.concurrency_stamp). A later run compares both sides:
-- unchanged source -> skipped; changed source, row unchanged here -> updated; changed here since -> left alone.
-- Nothing here is secret: no password hash, key or code.
create table import_records (
    source_kind   varchar(40)  not null,
    entity        varchar(40)  not null,
    source_id     varchar(450) not null,
    source_stamp  varchar(256),
    source_digest varchar(64)  not null,
    target_id     varchar(36)  not null,
    target_stamp  bigint       not null,
    imported_at   timestamp(6) with time zone not null,
    constraint pk_import_records primary key (source_kind, entity, source_id)
);
