-- The keys tokens are signed with. The newest key signs; all keys are published in the JWKS.

create table signing_keys (
    kid         varchar(64)   not null,
    algorithm   varchar(16)   not null,
    private_jwk text not null,
    public_jwk  text not null,
    created_at  timestamptz not null,
    constraint pk_signing_keys primary key (kid)
);
