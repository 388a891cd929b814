-- Passkeys (WebAuthn): the tables of Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository (passkeys/PasskeyConfiguration.java), as in its reference schema
-- (org/springframework/security/user-entities-schema.sql, user-credentials-schema.sql), tied to users.
-- user_entities: one row per user who registered a passkey. id is the random WebAuthn user handle (base64url) the
--   authenticator keeps; name is the local user id (users.id): it never changes, unlike the user name.
-- user_credentials: one row per passkey: its credential id (base64url), public key (COSE) and signature counter,
--   the label the user gave it, when it was registered and last used.
-- Deleting a user deletes their passkeys.
-- The base64url ids are ASCII and case-sensitive: ascii_bin (which also keeps the keys within InnoDB's limit).

create table user_entities (
    id           varchar(1000) character set ascii collate ascii_bin not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    constraint pk_user_entities primary key (id),
    constraint uk_user_entities_name unique (name),
    constraint fk_user_entities_user foreign key (name) references users (id) on delete cascade
);

create table user_credentials (
    credential_id                varchar(1000) character set ascii collate ascii_bin not null,
    user_entity_user_id          varchar(1000) character set ascii collate ascii_bin not null,
    public_key                   blob          not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           blob,
    attestation_client_data_json blob,
    created                      datetime(6),
    last_used                    datetime(6),
    label                        varchar(1000) not null,
    constraint pk_user_credentials primary key (credential_id),
    constraint fk_user_credentials_user_entity foreign key (user_entity_user_id) references user_entities (id)
        on delete cascade
);

create index ix_user_credentials_user_entity_user_id on user_credentials (user_entity_user_id);
