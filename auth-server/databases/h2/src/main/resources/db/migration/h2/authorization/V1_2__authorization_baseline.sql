-- Baseline of the authorization store (H2), Flyway version 1.2: the authorization server's own state.
-- How the versions go: the three folders (identity, authorization, sessions) share one Flyway schema history, so
-- a version is used once across them. The schema a new project starts with is version 1, one script per store:
-- 1.1 identity, 1.2 authorization, 1.3 sessions. Flyway compares versions number by number (1.3 comes before 2),
-- so your own migrations follow from V2 on, in the folder of the store they change: for example
-- identity/V2__identity_add_user_department.sql, then V3__..., whatever the folder.
-- Once a database has run this script, leave the script as it is (Flyway checks its checksum at every start-up)
-- and change the schema with a new migration.
--
-- Registered clients, authorizations (codes and tokens), consents, the job lock of the clean-up jobs and the
-- signing keys. Clients and consents have the columns Spring Security's JDBC stores read and write;
-- authorizations have our own layout (authorization/HashedAuthorizationService.java).

create table oauth2_registered_client (
    id                            varchar(100)  not null,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamp     default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamp,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null,
    constraint pk_oauth2_registered_client primary key (id),
    constraint uk_oauth2_registered_client_client_id unique (client_id)
);

-- Grants: one row per authorization (a code, its tokens, or a consent in progress). Token values are never
-- stored: each <kind>_hash is the SHA-256 of the value (64 hex characters) and is what lookups use, through an
-- index. expires_at is the latest expiry of the tokens still valid, computed on save: the clean-up job deletes
-- rows where it has passed (see authorization/AuthorizationCleanup.java).
create table oauth2_authorization (
    id                            varchar(100)  not null,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000),
    attributes                    clob,
    state_hash                    char(64),
    expires_at                    timestamp(6) with time zone,
    authorization_code_hash       char(64),
    authorization_code_issued_at  timestamp(6) with time zone,
    authorization_code_expires_at timestamp(6) with time zone,
    authorization_code_metadata   clob,
    access_token_hash             char(64),
    access_token_issued_at        timestamp(6) with time zone,
    access_token_expires_at       timestamp(6) with time zone,
    access_token_metadata         clob,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_hash            char(64),
    oidc_id_token_issued_at       timestamp(6) with time zone,
    oidc_id_token_expires_at      timestamp(6) with time zone,
    oidc_id_token_metadata        clob,
    refresh_token_hash            char(64),
    refresh_token_issued_at       timestamp(6) with time zone,
    refresh_token_expires_at      timestamp(6) with time zone,
    refresh_token_metadata        clob,
    user_code_hash                char(64),
    user_code_issued_at           timestamp(6) with time zone,
    user_code_expires_at          timestamp(6) with time zone,
    user_code_metadata            clob,
    device_code_hash              char(64),
    device_code_issued_at         timestamp(6) with time zone,
    device_code_expires_at        timestamp(6) with time zone,
    device_code_metadata          clob,
    -- every save of an authorization that was read before checks that the row is still the one it read: a
    -- refresh that read a grant before the user revoked it must not write it back (authorization/LoadedRow.java)
    version                       bigint        default 0 not null,
    constraint pk_oauth2_authorization primary key (id),
    constraint uk_oauth2_authorization_state_hash unique (state_hash),
    constraint uk_oauth2_authorization_authorization_code_hash unique (authorization_code_hash),
    constraint uk_oauth2_authorization_access_token_hash unique (access_token_hash),
    constraint uk_oauth2_authorization_oidc_id_token_hash unique (oidc_id_token_hash),
    constraint uk_oauth2_authorization_refresh_token_hash unique (refresh_token_hash),
    constraint uk_oauth2_authorization_device_code_hash unique (device_code_hash)
);

create index ix_oauth2_authorization_principal on oauth2_authorization (registered_client_id, principal_name);
-- user codes are short (8 letters): two grants may hold the same one, so this index is not unique
create index ix_oauth2_authorization_user_code_hash on oauth2_authorization (user_code_hash);
create index ix_oauth2_authorization_expires_at on oauth2_authorization (expires_at);
-- the grants page lists every application that holds a live grant for the user, remembered consent or not
create index ix_oauth2_authorization_principal_name on oauth2_authorization (principal_name, expires_at);

-- Refresh tokens replaced by a newer one. Presenting one again is a replay: the whole grant is revoked.
create table oauth2_rotated_refresh_token (
    token_hash                    char(64) not null,
    authorization_id              varchar(100)  not null,
    rotated_at                    timestamp(6) with time zone not null,
    expires_at                    timestamp(6) with time zone,
    constraint pk_oauth2_rotated_refresh_token primary key (token_hash),
    constraint fk_oauth2_rotated_refresh_token_authorization foreign key (authorization_id)
        references oauth2_authorization (id) on delete cascade
);

create index ix_oauth2_rotated_refresh_token_authorization on oauth2_rotated_refresh_token (authorization_id);
create index ix_oauth2_rotated_refresh_token_expires_at on oauth2_rotated_refresh_token (expires_at);

-- One row per scheduled job that must run on one server instance at a time: the instance that moves
-- locked_until into the future holds the job until it puts it back (or the lease runs out).
create table job_lock (
    name                          varchar(100)  not null,
    locked_until                  timestamp(6) with time zone not null,
    locked_by                     varchar(200),
    constraint pk_job_lock primary key (name)
);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    constraint pk_oauth2_authorization_consent primary key (registered_client_id, principal_name)
);

-- The grants page lists a user's consents, and deleting an account removes them: both look them up by user.
create index ix_oauth2_authorization_consent_principal on oauth2_authorization_consent (principal_name);

-- The keys tokens are signed with, shared by every instance of the server (keys/SigningKeyStore.java).
-- A key is published in the JWKS from created_at, signs from activates_at until a newer key activates,
-- and is deleted once the newer key has signed for authforge.keys.retention-time.
-- generation: 1 for the first key, previous newest + 1 for each next key; unique, so when two instances
--   create the next key at the same moment only one insert succeeds.
-- The private JWK is encrypted with AES-256-GCM under the key-encryption key (authforge.keys.encryption-key):
--   encryption_version 1 = that scheme; encryption_iv = the random 96-bit IV, base64;
--   encrypted_private_jwk = ciphertext and tag, base64; the kid is the associated data.
-- public_jwk is the key's public part, in clear (the JWKS publishes it anyway).

create table signing_keys (
    kid                   varchar(64) not null,
    generation            bigint not null,
    algorithm             varchar(16) not null,
    public_jwk            varchar(4096) not null,
    encryption_version    smallint not null,
    encryption_iv         varchar(32) not null,
    encrypted_private_jwk varchar(8192) not null,
    created_at            timestamp(6) with time zone not null,
    activates_at          timestamp(6) with time zone not null,
    constraint pk_signing_keys primary key (kid),
    constraint uk_signing_keys_generation unique (generation)
);
