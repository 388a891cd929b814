package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Bearer tokens are read where the protocol chain is a resource server (UserInfo), not at the endpoints clients
 * authenticate to ({@link ClientEndpoints}): there an {@code Authorization: Bearer} header is no client credential, and gets RFC 6749's
 * {@code invalid_client} JSON ({@link ClientAuthenticationEntryPoint}) instead of a resource server's challenge.
 */
final class ClientEndpointBearerTokens implements BearerTokenResolver {

    private final BearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();

    private final ClientEndpoints clientEndpoints;

    ClientEndpointBearerTokens(AuthorizationServerSettings settings) {
        this.clientEndpoints = new ClientEndpoints(settings);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        return clientEndpoints.matches(request) ? null : bearerTokens.resolve(request);
    }
}
