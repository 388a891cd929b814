-- The ASP.NET Core Identity user store: users, roles, their claims, external logins and user tokens.
-- Lookups go through the normalized (upper-case) names; deleting a user or a role deletes what hangs off it.

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
