-- DPoP (RFC 9449), package dpop.

-- Each DPoP proof's jti (its SHA-256, base64url) while the proof could still be accepted: a second use of the
-- same proof fails on the primary key, on every server instance. expires_at is in epoch milliseconds; the
-- clean-up job (dpop/UsedProofsCleanup) deletes rows whose time has passed.
create table dpop_used_proof (
    jti_hash                      char(43) not null,
    expires_at                    bigint not null,
    constraint pk_dpop_used_proof primary key (jti_hash)
);

create index ix_dpop_used_proof_expires_at on dpop_used_proof (expires_at);

-- The secret the server's DPoP nonces are derived from (an HMAC of the time window), one row shared by every
-- instance, created on first use.
create table dpop_nonce_key (
    name                          varchar(50) not null,
    secret                        varchar(100) not null,
    constraint pk_dpop_nonce_key primary key (name)
);
