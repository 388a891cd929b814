package com.example.authserver.prompts;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads an {@code id_token_hint}: an ID token this server issued, its signature checked with the server's own keys (the
 * published ones, so a token signed before a key rotation still counts). Its expiry is not checked: OpenID Connect
 * Core 3.1.2.1 lets a client send an expired ID token as the hint. An access token of ours (it carries {@code scope}
 * or is typed {@code at+jwt}) is not an ID token.
 */
@Component
class IdTokenHints {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    IdTokenHints(JWKSource<SecurityContext> keys) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.SIGNATURE, keys));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // expiry ignored on purpose, issuer checked below
    }

    /** The subject of the hint, or empty if it is not an ID token issued by {@code issuer}. */
    Optional<String> subject(String hint, String issuer) {
        try {
            JWTClaimsSet claims = processor.process(hint, null);
            if (!issuer.equals(claims.getIssuer())
                    || claims.getSubject() == null
                    || claims.getAudience().isEmpty()
                    || claims.getClaim("scope") != null) {
                return Optional.empty();
            }
            return Optional.of(claims.getSubject());
        } catch (Exception notOurs) { // unreadable, wrongly signed, unknown key: all the same to the client
            return Optional.empty();
        }
    }
}
