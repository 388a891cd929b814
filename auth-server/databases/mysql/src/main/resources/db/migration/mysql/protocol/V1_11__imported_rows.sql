-- What the import commands (imports/, java -jar <jar> import <kind>) brought over, one row per source row: a second
-- run updates what changed in the source, skips what did not, and never overwrites what was changed here since
-- (the target's digest then differs from the one recorded). Digests are SHA-256 (base64url, identity/Sha256) of a
-- canonical form of the row as imported (source_digest) and as stored here after the import (target_digest). Kinds
-- are named by each import, for example identityserver-client; target_id is this server's id of the row.
create table imported_rows (
    kind           varchar(60)  not null,
    source_key     varchar(400) not null,
    target_id      varchar(400) not null,
    source_digest  varchar(64) character set ascii collate ascii_bin not null,
    target_digest  varchar(64) character set ascii collate ascii_bin not null,
    imported_at    datetime(6) not null,
    constraint pk_imported_rows primary key (kind, source_key)
);
