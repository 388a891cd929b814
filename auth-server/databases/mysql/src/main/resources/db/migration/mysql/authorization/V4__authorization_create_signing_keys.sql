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
    public_jwk            text not null,
    encryption_version    smallint not null,
    encryption_iv         varchar(32) not null,
    encrypted_private_jwk text not null,
    created_at            datetime(6) not null,
    activates_at          datetime(6) not null,
    constraint pk_signing_keys primary key (kid),
    constraint uk_signing_keys_generation unique (generation)
);
