-- Baseline of the identity store (MySQL and MariaDB), Flyway version 1.1: the user store a new project starts with.
-- How the versions go: the three folders (identity, authorization, sessions) share one Flyway schema history, so
-- a version is used once across them. The schema a new project starts with is version 1, one script per store:
-- 1.1 identity, 1.2 authorization, 1.3 sessions. Flyway compares versions number by number (1.3 comes before 2),
-- so your own migrations follow from V2 on, in the folder of the store they change: for example
-- identity/V2__identity_add_user_department.sql, then V3__..., whatever the folder.
-- Once a database has run this script, leave the script as it is (Flyway checks its checksum at every start-up)
-- and change the schema with a new migration.
--
-- The ASP.NET Core Identity user store: users, roles, their claims, external logins and user tokens, then the
-- passkeys. Lookups go through the normalized (upper-case) names; deleting a user or a role deletes what hangs
-- off it.

create table users (
    id                     varchar(36)  not null,
    user_name              varchar(256) not null,
    normalized_user_name   varchar(256) not null,
    email                  varchar(256),
    normalized_email       varchar(256),
    email_confirmed        boolean      default false not null,
    password_hash          varchar(512),
    security_stamp         varchar(64)  not null,
    concurrency_stamp      bigint       default 0 not null,
    phone_number           varchar(64),
    phone_number_confirmed boolean      default false not null,
    two_factor_enabled     boolean      default false not null,
    lockout_end            datetime(6),
    lockout_enabled        boolean      default true not null,
    access_failed_count    integer      default 0 not null,
    -- the properties of ApplicationUser (identity/ApplicationUser.java), after the standard columns of
    -- IdentityUser; add your own the same way: a new migration, one column per property
    given_name             varchar(256),
    family_name            varchar(256),
    enabled                boolean      default true not null,
    constraint pk_users primary key (id),
    constraint uk_users_normalized_user_name unique (normalized_user_name)
);

create index ix_users_normalized_email on users (normalized_email);

create table roles (
    id                varchar(36)  not null,
    name              varchar(256) not null,
    normalized_name   varchar(256) not null,
    concurrency_stamp bigint       default 0 not null,
    constraint pk_roles primary key (id),
    constraint uk_roles_normalized_name unique (normalized_name)
);

create table user_roles (
    user_id varchar(36) not null,
    role_id varchar(36) not null,
    constraint pk_user_roles primary key (user_id, role_id),
    constraint fk_user_roles_user foreign key (user_id) references users (id) on delete cascade,
    constraint fk_user_roles_role foreign key (role_id) references roles (id) on delete cascade
);

create index ix_user_roles_role_id on user_roles (role_id);

create table user_claims (
    id          bigint auto_increment,
    user_id     varchar(36)   not null,
    claim_type  varchar(256)  not null,
    claim_value varchar(1024),
    constraint pk_user_claims primary key (id),
    constraint fk_user_claims_user foreign key (user_id) references users (id) on delete cascade
);

create index ix_user_claims_user_id on user_claims (user_id);

create table role_claims (
    id          bigint auto_increment,
    role_id     varchar(36)   not null,
    claim_type  varchar(256)  not null,
    claim_value varchar(1024),
    constraint pk_role_claims primary key (id),
    constraint fk_role_claims_role foreign key (role_id) references roles (id) on delete cascade
);

create index ix_role_claims_role_id on role_claims (role_id);

create table user_logins (
    login_provider        varchar(128) not null,
    provider_key          varchar(256) not null,
    provider_display_name varchar(256),
    user_id               varchar(36)  not null,
    constraint pk_user_logins primary key (login_provider, provider_key),
    constraint fk_user_logins_user foreign key (user_id) references users (id) on delete cascade
);

create index ix_user_logins_user_id on user_logins (user_id);

create table user_tokens (
    user_id        varchar(36)  not null,
    login_provider varchar(128) not null,
    name           varchar(128) not null,
    value          varchar(4096),
    constraint pk_user_tokens primary key (user_id, login_provider, name),
    constraint fk_user_tokens_user foreign key (user_id) references users (id) on delete cascade
);

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
