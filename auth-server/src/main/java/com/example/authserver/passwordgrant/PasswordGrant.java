package com.example.authserver.passwordgrant;

import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.ratelimit.RateLimits;
import com.example.authserver.security.PasswordSignInProvider;
import com.example.authserver.security.ProtocolContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

/**
 * The resource owner password grant at the token endpoint, only with {@code authforge.password-grant.enabled}
 * ({@link PasswordGrantProperties}): the request
 * ({@link PasswordGrantRequests}), the sign-in page's rate limits in front of it ({@link PasswordGrantRateLimit}), the
 * tokens ({@link PasswordGrantProvider}), and {@code password} among the grant types in discovery.
 */
@Component
class PasswordGrant implements ProtocolContribution {

    static final AuthorizationGrantType GRANT_TYPE = new AuthorizationGrantType("password");

    private static final String GRANT_TYPES = "grant_types_supported";

    private final PasswordSignInProvider passwords;

    private final Passkeys passkeys;

    private final OAuth2AuthorizationService authorizations;

    private final RateLimits rateLimits;

    private final AuthorizationServerSettings settings;

    private final boolean enabled;

    PasswordGrant(
            PasswordGrantProperties properties,
            PasswordSignInProvider passwords,
            Passkeys passkeys,
            OAuth2AuthorizationService authorizations,
            RateLimits rateLimits,
            AuthorizationServerSettings settings) {
        this.passwords = passwords;
        this.passkeys = passkeys;
        this.authorizations = authorizations;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.enabled = properties.isEnabled();
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        if (!enabled) {
            return;
        }
        // the generator the framework builds for this chain (signing key, claims/TokenClaims), there once it is built
        PasswordGrantProvider provider = new PasswordGrantProvider(
                passwords, passkeys, authorizations, () -> http.getSharedObject(OAuth2TokenGenerator.class));
        server.tokenEndpoint(token ->
                token.accessTokenRequestConverter(new PasswordGrantRequests()).authenticationProvider(provider));
        // after client authentication, so only a client's attempts count
        http.addFilterBefore(
                new PasswordGrantRateLimit(rateLimits, settings.getTokenEndpoint()), AuthorizationFilter.class);
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        if (!enabled) {
            return;
        }
        List<Object> grantTypes = new ArrayList<>();
        if (metadata.get(GRANT_TYPES) instanceof List<?> advertised) {
            grantTypes.addAll(advertised);
        }
        if (!grantTypes.contains(GRANT_TYPE.getValue())) {
            grantTypes.add(GRANT_TYPE.getValue());
        }
        metadata.put(GRANT_TYPES, grantTypes);
    }
}
