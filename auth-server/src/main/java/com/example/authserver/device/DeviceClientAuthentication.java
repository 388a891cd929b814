package com.example.authserver.device;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Public device clients (a TV, a command-line tool: no secret to keep) name themselves with {@code client_id} alone.
 * The framework accepts that only for a code exchange with PKCE, so this converter and provider accept it for what a
 * device client sends: the device authorization request, and token requests with the device code or a refresh token
 * grant; and only from clients registered with authentication method {@code none} and the device code grant. A request
 * carrying any client credential is left to the framework's authenticators. A refresh token request is claimed only
 * for a registered device client: another public client's (one with a DPoP proof,
 * {@code dpop.PublicClientRefreshRequests}, or one without any authentication, which gets {@code invalid_client}) is
 * left to the other converters, as a refused claim here would end in the framework's public client provider's
 * {@code invalid_grant}.
 */
final class DeviceClientAuthentication {

    private static final Set<String> GRANTS =
            Set.of(AuthorizationGrantType.DEVICE_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());

    private DeviceClientAuthentication() {}

    /** A client naming itself on a device flow request: only {@link Provider} authenticates it. */
    static final class Unauthenticated extends OAuth2ClientAuthenticationToken {

        Unauthenticated(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }

    static final class Converter implements AuthenticationConverter {

        private final AuthorizationServerSettings endpoints;

        private final RegisteredClientRepository clients;

        Converter(AuthorizationServerSettings endpoints, RegisteredClientRepository clients) {
            this.endpoints = endpoints;
            this.clients = clients;
        }

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!HttpMethod.POST.matches(request.getMethod())
                    || !isDeviceFlowRequest(request)
                    || hasCredentials(request)) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null) {
                return null;
            }
            if (clientIds.length != 1 || clientIds[0].isBlank()) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "client_id must be given once", null));
            }
            if (isRefreshRequest(request) && !isDeviceClient(clients.findByClientId(clientIds[0]))) {
                return null;
            }
            return new Unauthenticated(clientIds[0]);
        }

        private static boolean isRefreshRequest(HttpServletRequest request) {
            return AuthorizationGrantType.REFRESH_TOKEN
                    .getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
        }

        private boolean isDeviceFlowRequest(HttpServletRequest request) {
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            if (path.equals(endpoints.getDeviceAuthorizationEndpoint())) {
                return true;
            }
            String[] grants = request.getParameterValues(OAuth2ParameterNames.GRANT_TYPE);
            return path.equals(endpoints.getTokenEndpoint())
                    && grants != null
                    && grants.length == 1
                    && GRANTS.contains(grants[0]);
        }

        private static boolean hasCredentials(HttpServletRequest request) {
            return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE) != null;
        }
    }

    /** A client registered with authentication method {@code none} and the device code grant. */
    private static boolean isDeviceClient(RegisteredClient client) {
        return client != null
                && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
    }

    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String clientId = ((Unauthenticated) authentication).getPrincipal().toString();
            RegisteredClient client = clients.findByClientId(clientId);
            if (!isDeviceClient(client)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID,
                        null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Unauthenticated.class.isAssignableFrom(authentication);
        }
    }
}
