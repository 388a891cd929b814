package ${package}.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The keys tokens are signed with (persisted by {@link SigningKeyStore}) and the decoder that checks them. */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyStore store) {
        return new ImmutableJWKSet<>(new JWKSet(store.loadOrCreate()));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }
}
