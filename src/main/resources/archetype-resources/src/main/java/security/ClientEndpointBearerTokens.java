package ${package}.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * Bearer tokens are read where the protocol chain is a resource server (UserInfo), not at the endpoints clients
 * authenticate to: there an {@code Authorization: Bearer} header is no client credential, and gets RFC 6749's
 * {@code invalid_client} JSON ({@link ClientAuthenticationRequired}) instead of a resource server's challenge.
 */
final class ClientEndpointBearerTokens implements BearerTokenResolver {

    private final BearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();

    private final List<String> clientEndpoints;

    ClientEndpointBearerTokens(AuthorizationServerSettings settings) {
        this.clientEndpoints = List.of(settings.getTokenEndpoint(), settings.getTokenIntrospectionEndpoint(),
                settings.getTokenRevocationEndpoint(), settings.getPushedAuthorizationRequestEndpoint(),
                settings.getDeviceAuthorizationEndpoint());
    }

    @Override
    public String resolve(HttpServletRequest request) {
        // decoded as Spring matches it: /log%69n is /login too
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return clientEndpoints.contains(path) ? null : bearerTokens.resolve(request);
    }
}
