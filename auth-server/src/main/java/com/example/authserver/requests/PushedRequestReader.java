package com.example.authserver.requests;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Reads a pushed authorization request (RFC 9126) before the framework's converter does. The client has authenticated
 * already. A signed request object ({@code request}) is verified and its parameters become the pushed request's; the
 * client's credentials ({@code client_secret}, {@code client_assertion}) are never kept with the pushed request (the
 * framework would store them with it, in the clear, as extra parameters).
 */
final class PushedRequestReader implements AuthenticationConverter {

    private static final Set<String> CLIENT_CREDENTIALS = Set.of(
            OAuth2ParameterNames.CLIENT_SECRET,
            OAuth2ParameterNames.CLIENT_ASSERTION,
            OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);

    private final AuthenticationConverter framework = new OAuth2AuthorizationCodeRequestAuthenticationConverter();

    private final RequestObjects requestObjects;

    PushedRequestReader(RequestObjects requestObjects) {
        this.requestObjects = requestObjects;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (!(principal instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
            return null; // the framework refuses it
        }
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (var parameter : request.getParameterMap().entrySet()) {
            if (!CLIENT_CREDENTIALS.contains(parameter.getKey())) {
                parameters.put(parameter.getKey(), Arrays.asList(parameter.getValue()));
            }
        }
        String clientId = client.getRegisteredClient().getClientId();
        if (parameters.containsKey(OAuth2ParameterNames.CLIENT_ID)
                && !parameters.get(OAuth2ParameterNames.CLIENT_ID).equals(List.of(clientId))) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "client_id is not the authenticated client's.", null));
        }
        if (parameters.containsKey(RequestObjects.PARAMETER)) {
            if (parameters.get(RequestObjects.PARAMETER).size() != 1) {
                throw RequestObjects.invalid("Send one request object.");
            }
            if (parameters.containsKey(OAuth2ParameterNames.REQUEST_URI)) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "request_uri is not accepted here.", null));
            }
            parameters = requestObjects.parameters(
                    parameters.getFirst(RequestObjects.PARAMETER),
                    client.getRegisteredClient(),
                    AuthorizationServerContextHolder.getContext().getIssuer());
        }
        parameters.set(OAuth2ParameterNames.CLIENT_ID, clientId);
        Authentication pushed = framework.convert(new RewrittenParameters(request, parameters));
        if (pushed == null) {
            // without response_type the framework takes the request for a consent and reads nothing; its endpoint
            // would then fail on the missing request with a 500
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Parameter: " + OAuth2ParameterNames.RESPONSE_TYPE,
                    null));
        }
        return pushed;
    }
}
