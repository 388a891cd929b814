-- Dynamic client registration (RFC 7591) and its management (RFC 7592), registration/ClientRegistrationProtocol.java.
-- Neither table keeps a token, only its SHA-256 (64 hex characters), like every token here.
--
-- Initial access tokens: issued by an administrator (admin API or command), they let a confidential client
-- register. uses_left is decremented by one conditional update per registration (uses_left > 0 and not expired), so
-- racing registrations, on any number of instances, never use a token more often than it allows.
create table registration_initial_token (
    id                varchar(36)   not null,
    token_hash        char(64) not null,
    description       varchar(200)  not null,
    scopes            varchar(1000) not null,
    uses_left         int           not null,
    created_at        timestamp(6) with time zone not null,
    expires_at        timestamp(6) with time zone not null,
    constraint pk_registration_initial_token primary key (id),
    constraint uk_registration_initial_token_hash unique (token_hash)
);

create index ix_registration_initial_token_expires_at on registration_initial_token (expires_at);

-- The clients that registered themselves: the hash of the registration access token with which each reads, updates
-- and deletes its registration, and how it registered (openly, or with which initial access token). Deleting the
-- client deletes its row.
create table client_registration (
    registered_client_id  varchar(100) not null,
    client_id             varchar(100) not null,
    access_token_hash     char(64) not null,
    open_registration     boolean      not null,
    initial_token_id      varchar(36),
    registered_at         timestamp(6) with time zone not null,
    constraint pk_client_registration primary key (registered_client_id),
    constraint uk_client_registration_client_id unique (client_id),
    constraint uk_client_registration_access_token_hash unique (access_token_hash),
    constraint fk_client_registration_client foreign key (registered_client_id)
        references oauth2_registered_client (id) on delete cascade
);
