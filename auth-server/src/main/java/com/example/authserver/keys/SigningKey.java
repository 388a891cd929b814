package com.example.authserver.keys;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;

/**
 * One row of {@code signing_keys}, decrypted: published from {@code createdAt}, signing from
 * {@code activatesAt} until a newer key activates. {@code generation} counts up by one per key.
 */
record SigningKey(
        String kid, long generation, KeyAlgorithm algorithm, JWK privateJwk, Instant createdAt, Instant activatesAt) {

    /** What the JWKS publishes and verifiers use: the key without its private parts. */
    JWK publicJwk() {
        return privateJwk.toPublicJWK();
    }

    boolean hasActivatedBy(Instant now) {
        return !activatesAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", generation=" + generation + ", algorithm=" + algorithm + ", activatesAt="
                + activatesAt + "]";
    }
}
