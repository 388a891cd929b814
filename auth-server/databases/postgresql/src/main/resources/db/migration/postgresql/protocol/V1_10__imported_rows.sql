-- What the import commands (imports/, java -jar <jar> import <kind>) brought over, one row per source row: a second
-- run updates what changed in the source, skips what did not, and never overwrites what was changed here since
-- (the target's state then differs from the one recorded). source_digest is a SHA-256 (base64url, identity/Sha256)
-- of a canonical form of the row in the source; target_digest the same of the row as stored here after the import,
-- or the row's version number here where it has one (users.concurrency_stamp). Kinds are named by each import, for
-- example identityserver-client, aspnet-identity-user; target_id is this server's id of the row.
create table imported_rows (
    kind           varchar(60)  not null,
    source_key     varchar(400) not null,
    target_id      varchar(400) not null,
    source_digest  varchar(64) not null,
    target_digest  varchar(64) not null,
    imported_at    timestamptz not null,
    constraint pk_imported_rows primary key (kind, source_key)
);
