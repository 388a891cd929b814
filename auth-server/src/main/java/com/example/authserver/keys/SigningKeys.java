package com.example.authserver.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.EnumSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How the authorization server uses the keys of {@link SigningKeyRing}. Spring's authorization server takes
 * a {@link JwtEncoder} bean for signing when there is one, and the {@link JWKSource} bean for the JWKS
 * endpoint: so signing sees only the key that signs now, and the JWKS every published key, public parts only.
 * {@code @EnableScheduling} runs {@link SigningKeyRing#check()} every {@code authforge.keys.check-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SigningKeys {

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyRing ring) {
        return new PublishedKeySource(ring);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeyRing ring) {
        return new SigningKeyJwtEncoder(ring);
    }

    /**
     * Verifies this server's own access tokens (UserInfo, introspection of unstored ones) against every published key.
     * Only JWTs typed {@code at+jwt} (RFC 9068, claims/TokenClaims) pass: an ID token, signed by the same key, is
     * never taken for an access token.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithms(algorithms -> algorithms.addAll(EnumSet.allOf(SignatureAlgorithm.class)))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
        return decoder;
    }
}
