package com.example.authserver.resources;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The framework takes the claims of opaque (reference) access tokens from this bean, as it takes those of JWTs from
 * {@code claims/TokenClaims}: their audience is the API resources' too ({@link ResourceAudience}).
 */
@Configuration(proxyBeanMethods = false)
class ReferenceTokens {

    @Bean
    OAuth2TokenCustomizer<OAuth2TokenClaimsContext> referenceTokenClaims(ResourceAudience audience) {
        return audience.referenceTokens();
    }
}
