-- The keys tokens are signed with. The newest key signs; all keys are published in the JWKS.

create table signing_keys (
    kid         varchar(64)   not null,
    algorithm   varchar(16)   not null,
    private_jwk varchar(8192) not null,
    public_jwk  varchar(4096) not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_signing_keys primary key (kid)
);
