package com.example.authserver.dpop;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets a public client redeem its refresh token, which the framework has no client authentication for, only with a
 * DPoP proof (RFC 9449 section 5): the client is known by its {@code client_id} alone, and the refresh token
 * provider then checks that the proof is of the key the tokens are bound to. Without a proof the request has no
 * client authentication and gets {@code invalid_client}; so a stolen refresh token is useless without the key.
 */
final class PublicClientRefreshRequests {

    private PublicClientRefreshRequests() {}

    /** A public client naming itself in a refresh request that carries one DPoP proof. */
    static final class ClaimedClient extends OAuth2ClientAuthenticationToken {

        private static final long serialVersionUID = 1L;

        ClaimedClient(String clientId, Map<String, Object> parameters) {
            super(clientId, ClientAuthenticationMethod.NONE, null, parameters);
        }
    }

    static final class Converter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!AuthorizationGrantType.REFRESH_TOKEN
                            .getValue()
                            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || Collections.list(request.getHeaders(OAuth2AccessToken.TokenType.DPOP.getValue()))
                                    .size()
                            != 1) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null) {
                return null;
            }
            if (clientIds.length != 1 || clientIds[0].isBlank()) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
            }
            Map<String, Object> parameters = new HashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
                    parameters.put(name, values.length == 1 ? values[0] : values);
                }
            });
            return new ClaimedClient(clientIds[0], parameters);
        }
    }

    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            ClaimedClient claimed = (ClaimedClient) authentication;
            RegisteredClient client = clients.findByClientId((String) claimed.getPrincipal());
            if (client == null
                    || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                    || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID,
                        null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ClaimedClient.class.isAssignableFrom(authentication);
        }
    }
}
