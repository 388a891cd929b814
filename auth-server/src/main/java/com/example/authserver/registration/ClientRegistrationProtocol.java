package com.example.authserver.registration;

import com.example.authserver.ratelimit.RateLimits;
import com.example.authserver.security.ProtocolContribution;
import java.util.Map;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Dynamic client registration's part of the protocol chain, with {@code authforge.registration.enabled}
 * ({@link RegistrationProperties}). Spring Security 7 has an OAuth 2.0 registration endpoint of its own, but not what
 * is needed here: no RFC 7592 management (read, update, delete), initial access tokens that are its own JWT access
 * tokens used up by a save that racing registrations both pass, and no policy for redirect URIs or open registration.
 * So {@link RegistrationEndpoint} serves {@code /oauth2/register}: in the chain's matcher, out of CSRF protection (no
 * cookies are read there) and in front of the chain's bearer token authentication. Discovery names it only when on.
 */
@Component
class ClientRegistrationProtocol implements ProtocolContribution {

    private static final RequestMatcher ENDPOINT = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(RegistrationEndpoint.PATH),
            PathPatternRequestMatcher.withDefaults().matcher(RegistrationEndpoint.PATH + "/**"));

    private final ClientRegistrationService registrations;

    private final RateLimits rateLimits;

    private final RegistrationProperties properties;

    ClientRegistrationProtocol(
            ClientRegistrationService registrations, RateLimits rateLimits, RegistrationProperties properties) {
        this.registrations = registrations;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        if (!properties.isEnabled()) {
            return;
        }
        http.securityMatchers(matchers -> matchers.requestMatchers(ENDPOINT));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ENDPOINT));
        http.addFilterBefore(
                new RegistrationEndpoint(registrations, rateLimits, properties), BearerTokenAuthenticationFilter.class);
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        if (properties.isEnabled()) {
            metadata.put("registration_endpoint", metadata.get("issuer") + RegistrationEndpoint.PATH);
        }
    }
}
