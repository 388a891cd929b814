package com.example.authserver.security;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ResourceServers;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Who may introspect a token: the client it was issued to, a client registered as a resource server for one of the
 * token's audiences ({@link ResourceServers}), or an API resource signed in with its introspection secret
 * ({@code resources/ResourceIntrospection}) for a token whose audience includes its URI. Any other client learns {@code "active": false}, as RFC 7662 section
 * 2.2 allows, and nothing about the token's subject. Wraps the framework's introspection provider.
 */
final class IntrospectionAccess implements AuthenticationProvider {

    private final AuthenticationProvider introspection;

    IntrospectionAccess(AuthenticationProvider introspection) {
        this.introspection = introspection;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = introspection.authenticate(authentication);
        if (!(result instanceof OAuth2TokenIntrospectionAuthenticationToken introspected)
                || !introspected.getTokenClaims().isActive()
                || !(introspected.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
                || mayIntrospect(caller.getRegisteredClient(), introspected.getTokenClaims())) {
            return result;
        }
        return new OAuth2TokenIntrospectionAuthenticationToken(
                introspected.getToken(),
                caller,
                OAuth2TokenIntrospection.builder().build());
    }

    private static boolean mayIntrospect(RegisteredClient caller, OAuth2TokenIntrospection token) {
        if (caller == null) {
            return false;
        }
        List<String> audiences = token.getAudience();
        String resource = ApiResource.introspectingResource(caller);
        if (resource != null) { // an API resource: only tokens for it, never by its name as a client id
            return audiences != null && audiences.contains(resource);
        }
        if (caller.getClientId().equals(token.getClientId())) {
            return true;
        }
        Set<String> served = ResourceServers.audiencesOf(caller);
        return audiences != null && audiences.stream().anyMatch(served::contains);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return introspection.supports(authentication);
    }
}
