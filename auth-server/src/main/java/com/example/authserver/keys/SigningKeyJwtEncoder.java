package com.example.authserver.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs every token (access and ID tokens, from Spring's {@code JwtGenerator}) with the one key that signs
 * now, and sets the JWS algorithm to that key's: Spring asks for RS256 unless told otherwise, and during a
 * change of {@code authforge.keys.algorithm} the old key still signs with its own algorithm. Spring's
 * {@link NimbusJwtEncoder} does the signing, over a key set that holds only that key.
 */
class SigningKeyJwtEncoder implements JwtEncoder {

    private final SigningKeyRing ring;

    private volatile KeyEncoder current;

    SigningKeyJwtEncoder(SigningKeyRing ring) {
        this.ring = ring;
    }

    private record KeyEncoder(String kid, NimbusJwtEncoder encoder) {}

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        SigningKey key = ring.signingKey();
        KeyEncoder encoder = current;
        if (encoder == null || !encoder.kid().equals(key.kid())) {
            JWKSet onlyThisKey = new JWKSet(key.privateJwk());
            encoder = new KeyEncoder(key.kid(), new NimbusJwtEncoder(new ImmutableJWKSet<>(onlyThisKey)));
            current = encoder;
        }
        JwsHeader requested = parameters.getJwsHeader();
        JwsHeader.Builder header = (requested != null)
                ? JwsHeader.from(requested)
                : JwsHeader.with(key.algorithm().signatureAlgorithm());
        header.algorithm(key.algorithm().signatureAlgorithm()).keyId(key.kid());
        return encoder.encoder().encode(JwtEncoderParameters.from(header.build(), parameters.getClaims()));
    }
}
