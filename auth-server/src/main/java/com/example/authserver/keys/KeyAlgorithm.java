package com.example.authserver.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The signature algorithms a new key can be made for ({@code authforge.keys.algorithm}). */
enum KeyAlgorithm {

    /** RSA 2048 with SHA-256: what every client accepts, and the OpenID Connect default for ID tokens. */
    RS256,

    /** ECDSA on P-256 with SHA-256: smaller keys and signatures, faster to sign. */
    ES256;

    SignatureAlgorithm signatureAlgorithm() {
        return SignatureAlgorithm.from(name());
    }

    /** A new private key for this algorithm, for signing only, with the given key id. */
    JWK generate(String kid) {
        JWKGenerator<? extends JWK> generator = switch (this) {
            case RS256 -> new RSAKeyGenerator(2048);
            case ES256 -> new ECKeyGenerator(Curve.P_256);
        };
        try {
            return generator
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(name()))
                    .keyID(kid)
                    .generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a " + name() + " signing key", ex);
        }
    }
}
