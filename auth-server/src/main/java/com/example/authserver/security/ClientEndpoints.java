package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.util.UrlPathHelper;

/**
 * The endpoints clients call directly and authenticate to (token, introspection, revocation, pushed authorization
 * requests, device authorization, CIBA's backchannel authentication): whatever goes wrong there is answered with RFC 6749 error JSON, never with a page
 * or a bearer-token challenge.
 */
public final class ClientEndpoints {

    /**
     * The backchannel authentication endpoint of CIBA (ciba/CibaProtocol): not the framework's, so not in its
     * settings, and listed here by its path.
     */
    public static final String BACKCHANNEL_AUTHENTICATION = "/oauth2/bc-authorize";

    private final List<String> paths;

    public ClientEndpoints(AuthorizationServerSettings settings) {
        this.paths = List.of(
                settings.getTokenEndpoint(),
                settings.getTokenIntrospectionEndpoint(),
                settings.getTokenRevocationEndpoint(),
                settings.getPushedAuthorizationRequestEndpoint(),
                settings.getDeviceAuthorizationEndpoint(),
                BACKCHANNEL_AUTHENTICATION);
    }

    public List<String> paths() {
        return paths;
    }

    /** Whether the request is for one of them, its path decoded as Spring matches it ({@code /oauth2/tok%65n} too). */
    public boolean matches(HttpServletRequest request) {
        return paths.contains(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }
}
