-- CIBA (OpenID Connect Client-Initiated Backchannel Authentication), poll mode: the requests a client started at
-- /oauth2/bc-authorize and the user approves or denies on /ciba (ciba/CibaRequests.java). The auth_req_id the
-- client polls with is never stored, only its SHA-256 (64 hex characters), like every token. Once approved and
-- redeemed the tokens live in oauth2_authorization; this row only says that it was (status ISSUED) until it expires.
-- user_stamp: the security-stamp digest of the sign-in that approved (identity/SecurityStamp), never the stamp.
create table ciba_request (
    id                    varchar(36)   not null,
    auth_req_id_hash      char(64) character set ascii collate ascii_bin not null,
    registered_client_id  varchar(100)  not null,
    user_id               varchar(36)   not null,
    scopes                varchar(1000) not null,
    binding_message       varchar(400)  not null,
    status                varchar(10)   not null,
    user_stamp            varchar(100),
    created_at            datetime(6) not null,
    expires_at            datetime(6) not null,
    interval_seconds      int           not null,
    last_polled_at        datetime(6),
    constraint pk_ciba_request primary key (id),
    constraint uk_ciba_request_auth_req_id_hash unique (auth_req_id_hash)
);

create index ix_ciba_request_user_id_expires_at on ciba_request (user_id, expires_at);
create index ix_ciba_request_expires_at on ciba_request (expires_at);
