package com.example.authserver.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

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

    /** Verifies this server's own tokens (UserInfo) against every published key. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
