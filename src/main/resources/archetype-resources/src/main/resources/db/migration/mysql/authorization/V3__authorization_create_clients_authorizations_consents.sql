-- The authorization server's own state: registered clients, authorizations (codes and tokens) and consents.
-- The columns are those Spring Security's JDBC stores read and write.

create table oauth2_registered_client (
    id                            varchar(100)  not null,
    client_id                     varchar(100)  not null,
    client_id_issued_at           datetime(6)   default current_timestamp(6) not null,
    client_secret                 varchar(200),
    client_secret_expires_at      datetime(6),
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

create table oauth2_authorization (
    id                            varchar(100)  not null,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000),
    attributes                    blob,
    state                         varchar(500),
    authorization_code_value      blob,
    authorization_code_issued_at  datetime(6),
    authorization_code_expires_at datetime(6),
    authorization_code_metadata   blob,
    access_token_value            blob,
    access_token_issued_at        datetime(6),
    access_token_expires_at       datetime(6),
    access_token_metadata         blob,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           blob,
    oidc_id_token_issued_at       datetime(6),
    oidc_id_token_expires_at      datetime(6),
    oidc_id_token_metadata        blob,
    refresh_token_value           blob,
    refresh_token_issued_at       datetime(6),
    refresh_token_expires_at      datetime(6),
    refresh_token_metadata        blob,
    user_code_value               blob,
    user_code_issued_at           datetime(6),
    user_code_expires_at          datetime(6),
    user_code_metadata            blob,
    device_code_value             blob,
    device_code_issued_at         datetime(6),
    device_code_expires_at        datetime(6),
    device_code_metadata          blob,
    constraint pk_oauth2_authorization primary key (id)
);

create index ix_oauth2_authorization_principal on oauth2_authorization (registered_client_id, principal_name);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    constraint pk_oauth2_authorization_consent primary key (registered_client_id, principal_name)
);
